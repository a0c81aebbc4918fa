"""Body-region words in a text, and those that name no twitching place (idioms, a part of
another place, a place said to be fine, a place where a pain spreads)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from twitchguide.triage.extract.lexicons import VAGUE_REGION_WORDS, region_lexicon
from twitchguide.triage.extract.negation import Judged
from twitchguide.triage.extract.phrases import find_phrases
from twitchguide.triage.extract.text import Token


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A body-region word: its diary region, the vague word if any, tokens [first, last)."""

    region: str
    vague: str | None
    first: int
    last: int


def region_mentions(tokens: Sequence[Token]) -> list[RegionMention]:
    """Every region word, longest first where they overlap ('eye lid' over 'lid')."""
    found: list[RegionMention] = []
    for match in sorted(
        find_phrases(list(tokens), region_lexicon()), key=lambda m: m.first - m.last
    ):
        if any(m.first <= match.first and match.last <= m.last for m in found):
            continue
        if match.concept.startswith("vague:"):
            word = match.concept.split(":", 1)[1]
            found.append(RegionMention(VAGUE_REGION_WORDS[word][0], word, match.first, match.last))
        else:
            region = match.concept.split("@", 1)[0]
            found.append(RegionMention(region, None, match.first, match.last))
    return sorted(found, key=lambda m: m.first)


# Words that say a place is as it should be: "my arm works fine", "my face looks normal".
NORMAL_STATES = frozenset(
    {"fine", "normal", "normally", "okay", "good", "well", "strong", "unaffected", "perfect"}
)
PLACE_CLAUSE_ENDS = frozenset({".", "!", "?", ";", ",", "but", "and", "though", "tho", "while"})
# Words that give a place another symptom: "a sore throat", "my wrist hurts", "neck and shoulders
# are tense". With no twitch said in that clause, the place is that symptom's, not a twitch's.
OTHER_SYMPTOM_STATES = frozenset(
    {"sore", "runny", "blocked", "stuffy", "itchy", "itching", "hurts", "hurt", "hurting",
     "aching", "aches", "ache", "achy", "painful", "tense", "tight", "stiff", "bruised", "broken",
     "sprained", "swollen", "burnt", "burned", "cut", "rash", "spotty", "sunburnt", "sunburned",
     # An injury: "I strained my calf last week too".
     "strained", "pulled", "twisted", "injured", "tweaked"}
)  # fmt: skip
LOCATOR_FILLERS = frozenset({"my", "the", "his", "her", "left", "right", "a", "your"})


def _clauses(tokens: Sequence[Token]) -> list[int]:
    ids, current = [], 0
    for token in tokens:
        if token.norm in PLACE_CLAUSE_ENDS:
            current += 1
        ids.append(current)
    return ids


def _sentences(tokens: Sequence[Token]) -> list[int]:
    ids, current = [], 0
    for token in tokens:
        ids.append(current)
        if token.norm in (".", "!", "?", ";"):
            current += 1
    return ids


def drop_non_places(
    tokens: Sequence[Token], mentions: list[RegionMention], judged: Sequence[Judged]
) -> list[RegionMention]:
    """Body words that name no twitching place:
    - idioms and gym words ("on my feet all day", "a pain in the neck", "did legs");
    - a part of another place ("the back of my knee", "the ball of my foot": the knee, the foot);
    - a place said to be as it should ("my arm works fine"), with no twitch in that clause;
    - a place whose twitch is denied ("tongue isn't twitching but my jaw is");
    - a place with another symptom and no twitch in its clause ("a sore throat", "wrist hurts").
    The last two only when another place is left to be the twitching one."""
    if not mentions:
        return mentions
    idioms = [(j.match.first, j.match.last) for j in judged if j.match.concept == "_idiom"]
    clause = _clauses(tokens)
    yes_twitch = {clause[j.match.first] for j in judged
                  if j.match.concept == "_twitch" and j.stance != "no"}  # fmt: skip
    no_twitch = {clause[j.match.first] for j in judged
                 if j.match.concept == "_twitch" and j.stance == "no"}  # fmt: skip
    sentence = _sentences(tokens)
    twitch_starts = [j.match.first for j in judged
                     if j.match.concept == "_twitch" and j.stance != "no"]  # fmt: skip
    placed = {clause[m.first] for m in mentions}
    kept = []
    doubtful = []  # said to be fine, or not twitching: dropped only if a twitching place remains
    for index, mention in enumerate(mentions):
        if any(a <= mention.first and mention.last <= b for a, b in idioms):
            continue
        if _locates_another(tokens, mention, mentions[index + 1 :]):
            continue
        own = clause[mention.first]
        after = [
            tokens[i].norm
            for i in range(mention.last, min(len(tokens), mention.last + 4))
            if clause[i] == own
        ]
        before = [
            tokens[i].norm for i in range(max(0, mention.first - 2), mention.first)
            if clause[i] == own
        ]  # fmt: skip
        # "calf is swollen and warm, plus it's twitching": a twitch said with no place of its
        # own in that sentence may be this place's, so the place stays.
        further = []  # "neck and shoulders are tense": on past "and", up to a comma
        for i in range(mention.last, min(len(tokens), mention.last + 5)):
            if tokens[i].norm in (",", ".", "!", "?", ";", "but"):
                break
            further.append(tokens[i].norm)
        other_state = bool(OTHER_SYMPTOM_STATES & {*further, *before}) and not any(
            sentence[first] == sentence[mention.first] and clause[first] not in placed
            for first in twitch_starts
        )
        if own not in yes_twitch and (
            own in no_twitch or any(word in NORMAL_STATES for word in after) or other_state
        ):
            doubtful.append(mention)
            continue
        if own not in yes_twitch and _where_something_spreads(tokens, mention):
            continue
        kept.append(mention)
    # "my tongue feels fine, just twitching": with no other place, the tongue is the place.
    return kept if kept or not doubtful else sorted(kept + doubtful, key=lambda m: m.first)


SPREAD_WORDS = frozenset(
    {"going", "goes", "went", "spreading", "spreads", "spread", "radiating", "radiates",
     "moving", "moves", "shooting", "shoots", "running", "runs", "travelling", "traveling"}
)  # fmt: skip


def _where_something_spreads(tokens: Sequence[Token], mention: RegionMention) -> bool:
    """'a pain going into my jaw': where a pain or feeling spreads to, not a twitching place
    (only asked when no twitch is said in that clause)."""
    before = [t.norm for t in tokens[max(0, mention.first - 4) : mention.first]]
    return any(
        word in SPREAD_WORDS and after in ("into", "to", "up", "down", "through")
        for word, after in itertools.pairwise(before)
    )


def _locates_another(
    tokens: Sequence[Token], mention: RegionMention, later: Sequence[RegionMention]
) -> bool:
    """'back of my knee': the first word says where on the second place."""
    if not later or mention.last >= len(tokens) or tokens[mention.last].norm != "of":
        return False
    position = mention.last + 1
    while position < len(tokens) and tokens[position].norm in LOCATOR_FILLERS:
        position += 1
    return later[0].first == position
