"""Whether each phrase found is affirmed, denied or left in doubt ("no weakness", "not sure if")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from twitchguide.diary.vocabulary import BODY_REGIONS, REGION_ALIASES
from twitchguide.triage.extract.phrases import PhraseMatch
from twitchguide.triage.extract.text import Token

Stance = Literal["yes", "no", "unsure"]

NEGATIONS = frozenset(
    [
        "no",
        "not",
        "never",
        "without",
        "denies",
        "deny",
        "denied",
        "denying",
        "none",
        "nor",
        "neither",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "haven't",
        "hasn't",
        "hadn't",
        "won't",
        "ain't",
        "zero",
        "nothing",
        "nil",
        "nope",
    ]
)
# Words after a negation that turn it into doubt: "I don't think I'm weak" is not a denial.
DOUBT_AFTER_NEGATION = frozenset({"think", "know", "believe", "reckon", "sure", "certain"})
DOUBT = frozenset({"unsure", "dunno", "idk", "idek", "wondering", "wonder", "maybe_not"})
# Two-word doubts and hypotheticals: the person has not said the sign is there.
DOUBT_PAIRS = frozenset(
    {
        ("what", "if"),
        ("worried", "about"),
        ("worry", "about"),
        ("scared", "of"),
        ("afraid", "of"),
        ("fear", "of"),
        ("in", "case"),
        ("could", "it"),
        ("signs", "of"),
        ("can't", "tell"),
        ("to", "tell"),
        ("to", "say"),
        ("not", "sure"),
        ("look", "out"),
        ("watch", "for"),
        # Something read or heard about is not something the person has.
        ("read", "about"),
        ("read", "that"),
        ("heard", "that"),
        ("says", "that"),
        ("reading", "about"),
        ("heard", "about"),
        ("hearing", "about"),
        ("googled", "about"),
        ("googling", "about"),
        ("searched", "for"),
        ("symptoms", "like"),
    }
)
# "won't stop twitching and out of nowhere I see double": a thing that will not stop goes on;
# the "not" denies nothing after it.
PSEUDO_NEGATION_NEXT = frozenset(
    {"only", "just", "doubt", "matter", "idea", "wonder", "stop", "stops", "quit", "let"}
)
# A new thought starts here; a negation before it does not reach past it.
BOUNDARIES = frozenset(
    [
        ".",
        "!",
        "?",
        ";",
        ":",
        "(",
        ")",
        "but",
        "though",
        "tho",
        "although",
        "however",
        "except",
        "yet",
        "apart",
        "besides",
        "still",
        "because",
        "then",
        "now",
        "also",
        "so",
        "whereas",
        "while",
    ]
)
LIST_JOINERS = frozenset({",", "or", "and", "/", "nor", "any", "no", "-", "either", "&"})
FREE_WORDS = 4
BODY_WORDS = frozenset(
    {*BODY_REGIONS, *REGION_ALIASES, "eyelids", "vision", "speech", "muscle", "muscles"}
)
POST_DENIALS = frozenset({"no", "none", "nope", "nil", "negative", "absent", "n"})
POST_LEAD = frozenset({":", "-", "?", "=", "—", "is", "was", "are", "–"})
# A sign said to be settled by treatment, right after it: "seizures are controlled, none since"
# tells of known epilepsy, not a seizure now.
SETTLED_AFTER = {"seizure": frozenset({"controlled"})}


# Ideas that only give context to other readings (what was choked on, an idiom, a part of a fit):
# they are never an item of a list that a "no" distributes over.
CONTEXT_IDEAS = frozenset(
    {"_food_or_drink", "_idiom", "_sleep_onset", "_lately", "_fit_stiff", "_fit_shake",
     "_fit_unaware", "_body_jerks", "_worsening", "_mishap"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Judged:
    """A phrase match and the stance the text takes on it."""

    match: PhraseMatch
    stance: Stance


def judge(tokens: Sequence[Token], matches: Sequence[PhraseMatch]) -> list[Judged]:
    """The stance of every match: its own polarity, turned by any negation or doubt governing it."""
    ends: dict[int, PhraseMatch] = {}
    for match in matches:
        if match.concept in CONTEXT_IDEAS:
            continue
        known = ends.get(match.last - 1)
        if known is None or match.first < known.first:
            ends[match.last - 1] = match
    judged = []
    for match in matches:
        cue = (
            _governing_cue(tokens, match, ends)
            or _post_denial(tokens, match)
            or _doubted_after(tokens, match)
        )
        judged.append(Judged(match, _stance(match.polarity, cue, tokens, match)))
    return judged


def _stance(polarity: bool, cue: str | None, tokens: Sequence[Token], match: PhraseMatch) -> Stance:
    own_words = match.own_words
    inner = [tokens[i].norm for i in range(match.first, match.last)]
    # "face not drooping": a negation inside a gap of the phrase denies it.
    if polarity and any(word in NEGATIONS and word not in own_words for word in inner):
        return "no"
    if not polarity:
        # "speech is fine" says no; "speech isn't fine" is not a no ("not pregnant" is).
        if any(word in NEGATIONS and word not in own_words for word in inner):
            return "yes"
        # A "no" before it belongs to something else ("no drooling, breathing ok").
        return "unsure" if cue == "unsure" else "no"
    if cue == "no":
        return "no"
    if cue == "unsure":
        return "unsure"
    return "yes"


def _cue_at(tokens: Sequence[Token], at: int) -> str | None:
    """'no' or 'unsure' if a negation or doubt word sits at token `at`."""
    word = tokens[at].norm
    after = tokens[at + 1].norm if at + 1 < len(tokens) else ""
    before = tokens[at - 1].norm if at > 0 else ""
    if (before, word) in DOUBT_PAIRS or word in DOUBT:
        return "unsure"
    if word in NEGATIONS:
        if after in DOUBT_AFTER_NEGATION:
            return "unsure"
        if after in PSEUDO_NEGATION_NEXT or after in (",", ".", "!", "-"):
            return None
        return "no"
    return None


def _governing_cue(
    tokens: Sequence[Token], match: PhraseMatch, ends: dict[int, PhraseMatch]
) -> str | None:
    """Walk back from the match: a cue within a few words, or at the head of a list it is in."""
    position = match.first - 1
    free = 0
    crossed_comma = False
    body_word_between = False
    current = match
    while position >= 0:
        token = tokens[position]
        if token.norm in BOUNDARIES:
            return None
        cue = _cue_at(tokens, position)
        if cue is not None:
            return cue
        previous = ends.get(position)
        if previous is not None and previous is not current:
            # "no droopy eyelid or double vision": a body-part word may sit between list items.
            if free > 1 or (free == 1 and (crossed_comma or not body_word_between)):
                return None
            if crossed_comma and not _list_closes(tokens, current, ends):
                return None
            current = previous
            position = previous.first - 1
            crossed_comma = False
            free = 0
            continue
        if token.norm == ",":
            # "one side won't move, can't close my eye": a comma carries a "no" only from one
            # item of a list to the next ("no weakness, numbness"), not from a verb it negated.
            if _new_clause_after(tokens, position, ends) or ends.get(position - 1) is None:
                return None
            crossed_comma = True
        elif token.norm not in LIST_JOINERS:
            free += 1
            body_word_between = free == 1 and token.norm in BODY_WORDS
            if free > FREE_WORDS:
                return None
        position -= 1
    return None


# A part after a comma that starts like this is a new clause, not the next item of a list:
# "no pain, the muscle looks thinner", "the paracetamol won't touch it, and I see flashes".
CLAUSE_OPENERS = frozenset(
    {"the", "my", "i", "i'm", "it", "it's", "its", "his", "her", "he", "she", "he's", "she's",
     "there", "this", "that", "we", "they", "now", "then", "and"}
)  # fmt: skip


def _new_clause_after(tokens: Sequence[Token], comma: int, ends: dict[int, PhraseMatch]) -> bool:
    """True when the words after this comma start a clause of their own, so a negation before
    the comma does not reach past it. A list goes on with an item ('no weakness, numbness'), or
    with 'and' after an item ('no weakness, numbness, and tingling')."""
    after = tokens[comma + 1].norm if comma + 1 < len(tokens) else ""
    if after not in CLAUSE_OPENERS:
        return False
    if after == "and":
        return ends.get(comma - 1) is None
    return True


def _list_closes(tokens: Sequence[Token], item: PhraseMatch, ends: dict[int, PhraseMatch]) -> bool:
    """True if 'a, b' goes on as a list ('a, b or c'): only then does a comma carry a 'no'."""
    position = item.last
    # "denies weakness, numbness." ends the list at the full stop.
    if position >= len(tokens) or tokens[position].norm in (".", "!", ";"):
        return True
    while position < len(tokens) and tokens[position].norm in (",", "or", "nor", "and"):
        if tokens[position].norm in ("or", "nor"):
            return True
        if tokens[position].norm == "and":
            return any(m.first == position + 1 for m in ends.values())
        position += 1
    return False


# "I can open jars fine": the task is said to be done as before. Only for the everyday tasks
# that count as weakness ("numb okay, so what now" is not a denial).
DONE_AS_BEFORE = frozenset({"fine", "normally"})
TASKS = frozenset({"trouble_with_buttons", "trouble_with_stairs", "trouble_rising_from_chair"})


def _post_denial(tokens: Sequence[Token], match: PhraseMatch) -> str | None:
    """'weakness: no' and 'numbness? none' deny what comes before them; so does 'fine' right
    after a task ('open jars fine')."""
    position = match.last
    if match.polarity and match.concept in TASKS:
        if position < len(tokens) and tokens[position].norm in DONE_AS_BEFORE:
            return "no"
        if _can_still(tokens, match.first):
            return "no"
    skipped = 0
    while position < len(tokens) and tokens[position].norm in POST_LEAD and skipped < 2:
        position += 1
        skipped += 1
    if position >= len(tokens):
        return None
    word = tokens[position].norm
    if word in SETTLED_AFTER.get(match.concept, ()):
        following = tokens[position + 1].norm if position + 1 < len(tokens) else "."
        return "no" if following in (".", ",", "!", ";", "and", "\n", ")") else None
    # "weakness: no" needs the colon; "weakness none" does not.
    if word not in POST_DENIALS or (skipped == 0 and word in ("no", "n")):
        return None
    following = tokens[position + 1].norm if position + 1 < len(tokens) else "."
    return "no" if following in (".", ",", "!", ";", "and", "\n", ")") else None


# "maybe weaker? not sure.": a doubt said on its own right after a sign takes the sign back.
AFTER_DOUBTS = (
    ("not", "sure"), ("unsure",), ("idk",), ("dunno",), ("no", "idea"), ("hard", "to", "say"),
    ("can't", "tell"), ("not", "certain"), ("who", "knows"),
)  # fmt: skip
DOUBT_ENDS = frozenset({".", "!", "?", ";", ",", "though", "tho", "tbh", "really", "honestly"})
DOUBT_LEADS = frozenset({"?", ",", ".", "-", "...", "i'm", "im", "am", "i", "but", "really"})


def _doubted_after(tokens: Sequence[Token], match: PhraseMatch) -> str | None:
    """'unsure' when a sign is followed, within a word or two of punctuation or "I'm", by a
    doubt that ends its own sentence ("maybe weaker? not sure", "a bit numb, idk"). A doubt that
    goes on to something else ("not sure about my eyelid") is about that, not this sign."""
    position = match.last
    skipped = 0
    while position < len(tokens) and tokens[position].norm in DOUBT_LEADS and skipped < 3:
        position += 1
        skipped += 1
    if not skipped or position >= len(tokens) or tokens[match.last].norm not in DOUBT_LEADS:
        return None
    for doubt in AFTER_DOUBTS:
        end = position + len(doubt)
        said = tuple(t.norm for t in tokens[position:end]) == doubt
        if said and (end >= len(tokens) or tokens[end].norm in DOUBT_ENDS):
            return "unsure"
    return None


ABLE_LEADS = frozenset({"i'm", "im", "am", "is", "are", "was", "he's", "she's", "fully", "still"})


def _can_still(tokens: Sequence[Token], first: int) -> bool:
    """'I can still open jars', 'still able to get up from a chair': a task someone can do is
    no sign. 'I can barely open jars' or 'not able to' is not this ("barely" sits between)."""
    position = first - 1
    still = False
    while position >= 0 and tokens[position].norm in ("still", "easily"):
        still = still or tokens[position].norm == "still"
        position -= 1
    if position < 0:
        return False
    word = tokens[position].norm
    if word == "can" or (word == "could" and still):
        return True
    if word == "to" and position >= 1 and tokens[position - 1].norm == "able":
        lead = tokens[position - 2].norm if position >= 2 else ""
        return still or lead in ABLE_LEADS
    return False
