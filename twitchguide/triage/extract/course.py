"""Each warning sign's own time course, sudden or slow, read from the words said of that sign.

"My speech slurred suddenly this morning; my hand has got weaker over months" says two courses:
the speech is sudden (call now), the weakness slow (see a doctor soon, NICE NG127). One
`onset_sudden` for the whole text would make both sudden or both slow. So each sign takes the
course said nearest to it in its own clause, and the courses reach the rules as:
- `onset_sudden` true when any sign came on suddenly;
- `onset_sudden` false when none did and every sign that counts as sudden unless said otherwise
  (a drooping face, slurred speech, double vision, choking on saliva) was said to be slow;
- otherwise unknown, and the signs said to be slow listed in `slow_onset_signs`, which the sudden
  rules skip. A sign with no course of its own keeps the lean to "sudden".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from twitchguide.triage.extract.negation import BODY_WORDS, Judged
from twitchguide.triage.extract.phrases import PhraseMatch
from twitchguide.triage.extract.timex import TimeMention
from twitchguide.triage.facts import COURSE_SIGNS

if TYPE_CHECKING:
    from twitchguide.triage.extract.extractor import Span, _Builder

Course = Literal["sudden", "slow"]

# Signs whose words can own a time course. Besides the signs the rules time (COURSE_SIGNS), a
# few others own the times said of them, so "blurry for 2 weeks, and my face droops" does not
# give the face a slow course.
OWNERS = (*COURSE_SIGNS, "visual_disturbance", "trouble_breathing", "weakness_worsening")
# Signs that count as sudden unless said to be slow (the rules' one lean to safety).
LEAN_SIGNS = frozenset({"face_drooping", "trouble_speaking", "double_vision", "choking_on_saliva"})
# A sign said to have gone on this long has a course, not a sudden start (a week or more).
SLOW_COURSE_DAYS = 7


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that say how something came on: tokens [first, last)."""

    course: Course
    first: int
    last: int
    # A course word ("suddenly", "gradually") may be said in a clause of its own ("it came on
    # gradually"); a bare time ("for 3 weeks") counts only in the sign's own clause.
    word: bool


@dataclass(frozen=True, slots=True)
class Thing:
    """A sign, or a twitch, said at tokens [first, last)."""

    name: str | None  # None for a twitch
    first: int
    last: int


# Words that do not part a time from what it is said of: places and their links ("twitching in
# both hands for 4 weeks" says the twitch's time) and the words that lead a time ("for", "over").
LINKS = frozenset(
    {*BODY_WORDS, "in", "on", "my", "the", "both", "left", "right", "his", "her", "of", "a",
     "for", "over", "since", "about", "around", "past", "last", "nearly", "almost", "like"}
)  # fmt: skip


def read_courses(
    build: _Builder,
    by_concept: dict[str, list[Judged]],
    mentions: Sequence[TimeMention],
    clause: Sequence[int],
    sentence: Sequence[int],
    twitches: Sequence[PhraseMatch],
) -> None:
    """Set onset_sudden (and slow_onset_signs) from each stated sign's own course."""
    signs = _signs(build)
    if not signs:
        _twitch_onset_only(build, by_concept, clause, twitches)
        return
    tokens = build.tokens

    def gap(cue: Cue, thing: Thing) -> int:
        low, high = (cue.last, thing.first) if cue.last <= thing.first else (thing.last, cue.first)
        return sum(1 for i in range(low, high) if tokens[i].norm not in LINKS)

    things = signs + [Thing(None, m.first, m.last) for m in twitches]
    cues = _cues(by_concept, mentions)
    own: dict[str, list[Cue]] = {}
    free: list[Cue] = []
    for cue in cues:
        in_clause = [t for t in things if clause[t.first] == clause[cue.first]]
        if not any(t.name for t in in_clause):
            # "it came on gradually", "been like that for weeks": said of what came before.
            if not in_clause:
                free.append(cue)
            continue
        to_sign = min(gap(cue, t) for t in in_clause if t.name)
        to_twitch = min(
            (gap(cue, t) for t in in_clause if t.name is None),
            default=None,
        )
        # "twitching for 3 weeks and slurred speech": the twitch's time. A tie leans to safety:
        # a sudden word goes to the sign, a slow one to the twitch.
        if to_twitch is not None and (
            to_twitch < to_sign or (to_twitch == to_sign and cue.course == "slow")
        ):
            continue
        for thing in in_clause:
            if thing.name is not None:
                own.setdefault(thing.name, []).append(cue)
    courses: dict[str, tuple[Course, list[Cue]]] = {}
    for thing in signs:
        assert thing.name is not None
        mine = own.get(thing.name, [])
        if not mine:
            continue
        # The nearest course said in the sign's clause; a tie goes to "sudden" (safety first).
        best = min(
            mine,
            key=lambda c: (gap(c, thing), c.course != "sudden"),
        )
        previous = courses.get(thing.name)
        if previous is None or previous[0] == "slow":
            courses[thing.name] = (best.course, [best])
    for cue in free:
        for thing in _referred_signs(cue, things, sentence):
            assert thing.name is not None
            previous = courses.get(thing.name)
            if thing.name in own or (previous is not None and previous[0] == "sudden"):
                continue
            courses[thing.name] = (cue.course, [cue])
    _new_after_long_twitch(build, mentions, signs, courses, things, clause, sentence)
    _inherit(build, by_concept, mentions, signs, courses, clause, sentence)
    _settle(build, {t.name for t in signs if t.name is not None}, courses)


# "sometimes", "on and off", "a few times a day": a sign that comes and goes.
COMES_AND_GOES = frozenset({"sometimes", "occasionally", "intermittently", "periodically"})
# A sign said to be new ("and now I see double", "since this morning") keeps its own lean.
NEW_WORDS = frozenset({"now", "today", "tonight", "suddenly", "new"})


# "for now", "until now", "now and then": no contrast with what came before.
NOT_NEW_BEFORE = frozenset({"for", "until", "till", "by", "from", "right"})
NOT_NEW_AFTER = frozenset({"and", "then", "again"})
MILD_OR_GROWING = frozenset(
    {"feel", "feels", "feeling", "bit", "abit", "little", "slightly", "kinda", "somewhat",
     "more", "getting", "gets", "weaker", "worse", "also", "too", "sometimes"}
)  # fmt: skip
# The signs the sudden rules read that have no lean to "sudden" of their own (those that have
# one are sudden already). An everyday task that got hard (tripping) is weakness in daily life.
NEW_SIGNS = frozenset({"weakness", "numbness", "loss_of_balance", "visual_disturbance"})


def _new_after_long_twitch(
    build: _Builder,
    mentions: Sequence[TimeMention],
    signs: Sequence[Thing],
    courses: dict[str, tuple[Course, list[Cue]]],
    things: Sequence[Thing],
    clause: Sequence[int],
    sentence: Sequence[int],
) -> None:
    """'the eyelid twitch has been there 5 weeks and now the room is spinning': a sign with no
    course of its own, said with "now" after a twitch that has gone on a week or more, is new
    against that long twitch: it came on suddenly (NHS stroke signs: new, call now)."""
    tokens = build.tokens
    long_times = [m for m in mentions if m.days >= SLOW_COURSE_DAYS]
    for thing in signs:
        if thing.name is None or thing.name in courses:
            continue
        if thing.name not in NEW_SIGNS or build.evidence[thing.name].how.startswith("from a sign"):
            # "twitching for 3 weeks, now my foot slaps when I walk": weakness read from an
            # everyday task is weakness in daily life (see a doctor soon), not a sudden sign.
            continue
        nows = [
            at
            for at in range(thing.first)
            if tokens[at].norm == "now"
            and clause[at] == clause[thing.first]
            and (at == 0 or tokens[at - 1].norm not in NOT_NEW_BEFORE)
            and (at + 1 >= len(tokens) or tokens[at + 1].norm not in NOT_NEW_AFTER)
        ]
        if not nows:
            continue
        now = nows[-1]  # the "now" nearest the sign, in its clause
        if any(tokens[i].norm in MILD_OR_GROWING for i in range(now, thing.last)):
            # "and now I feel a bit numb", "now it's getting weaker": a mild feeling or a
            # growing one is new but not sudden; it keeps the rules' "not known".
            continue
        here = sentence[thing.first]
        twitch_before = [
            t for t in things if t.name is None and t.last <= now and here - sentence[t.first] <= 1
        ]
        long_before = [m for m in long_times if m.last <= now and here - sentence[m.first] <= 1]
        if twitch_before and long_before:
            courses[thing.name] = ("sudden", [Cue("sudden", now, now + 1, word=True)])


def _inherit(
    build: _Builder,
    by_concept: dict[str, list[Judged]],
    mentions: Sequence[TimeMention],
    signs: Sequence[Thing],
    courses: dict[str, tuple[Course, list[Cue]]],
    clause: Sequence[int],
    sentence: Sequence[int],
) -> None:
    """'my eyelid has slowly started to droop over six weeks, and sometimes I see double': a
    sign with no course of its own that comes and goes, in a sentence whose other signs are
    slow, is part of that slow story. Said to be new ("and now she chokes"), it is not."""
    tokens = build.tokens
    on_and_off = [j.match for j in by_concept.get("_intermittent", []) if j.stance == "yes"]
    inside = {i for m in on_and_off for i in range(m.first, m.last)}
    often = [m.first for m in mentions if m.anchor == "often"]
    recent = [m for m in mentions if m.anchor in ("since", "ago", "day_word") and m.days < 7]
    for thing in signs:
        assert thing.name is not None
        if thing.name in courses:
            continue
        here = clause[thing.first]
        words = [i for i in range(len(tokens)) if clause[i] == here]
        comes_and_goes = any(tokens[i].norm in COMES_AND_GOES for i in words) or any(
            clause[at] == here for at in [*(m.first for m in on_and_off), *often]
        )
        new = any(tokens[i].norm in NEW_WORDS and i not in inside for i in words) or any(
            clause[m.first] == here for m in recent
        )
        slow_here = [
            courses[other.name]
            for other in signs
            if other.name in courses and sentence[other.first] == sentence[thing.first]
        ]
        if comes_and_goes and not new and slow_here and all(c == "slow" for c, _ in slow_here):
            courses[thing.name] = ("slow", slow_here[0][1])


def _signs(build: _Builder) -> list[Thing]:
    """Every stated sign that can own a course, once per place it is said."""
    starts = {token.start: token.index for token in build.tokens}
    ends = {token.end: token.index + 1 for token in build.tokens}
    found = []
    for name in OWNERS:
        if build.values.get(name) is not True or name not in build.evidence:
            continue
        for span in build.evidence[name].spans:
            first, last = starts.get(span.start), ends.get(span.end)
            if first is not None and last is not None:
                found.append(Thing(name, first, last))
    return found


def _cues(by_concept: dict[str, list[Judged]], mentions: Sequence[TimeMention]) -> list[Cue]:
    cues = []
    for item in by_concept.get("onset_sudden", []):
        if item.stance in ("yes", "no"):
            course: Course = "sudden" if item.stance == "yes" else "slow"
            cues.append(Cue(course, item.match.first, item.match.last, word=True))
    for mention in mentions:
        if mention.anchor in ("for", "since", "ago", "bare") and mention.days >= SLOW_COURSE_DAYS:
            cues.append(Cue("slow", mention.first, mention.last, word=False))
    for item in by_concept.get("_lately", []):
        if item.stance == "yes":
            cues.append(Cue("slow", item.match.first, item.match.last, word=False))
    if any(j.stance == "yes" for j in by_concept.get("_resolved", [])):
        # "my mouth drooped and I couldn't get my words out for 15 minutes, then it went back to
        # normal": a sign that lasted minutes to hours and went away came on suddenly (NHS
        # stroke: call even if the symptoms go away).
        resolved = [j.match.first for j in by_concept["_resolved"] if j.stance == "yes"]
        for mention in mentions:
            short = mention.anchor in ("for", "lasting", "bare") and mention.days < 1
            if short and any(at >= mention.first for at in resolved):
                cues.append(Cue("sudden", mention.first, mention.last, word=False))
    return cues


def _referred_signs(cue: Cue, things: Sequence[Thing], sentence: Sequence[int]) -> list[Thing]:
    """The signs a course said apart from anything ("it came on gradually") is about: those of
    the sentence it follows (its own, or the one before), or, when it leads its sentence, those
    after it. None when that sentence names only twitches: then it is the twitch's course."""
    here = sentence[cue.first]
    before = [t for t in things if t.last <= cue.first and here - sentence[t.first] <= 1]
    if before:
        # A bare time ("for 3 weeks now") is the nearest thing's; a course word ("it came on
        # gradually") is said of the signs of that sentence.
        if not cue.word and max(before, key=lambda t: t.last).name is None:
            return []
        last = max(sentence[t.first] for t in before)
        return [t for t in before if t.name and sentence[t.first] == last]
    after = [t for t in things if t.first >= cue.last and sentence[t.first] == here]
    if not after or min(after, key=lambda t: t.first).name is None:
        return []
    return [t for t in after if t.name]


def _settle(
    build: _Builder, stated: set[str], courses: dict[str, tuple[Course, list[Cue]]]
) -> None:
    """onset_sudden and slow_onset_signs from the signs' courses (see the module docstring)."""
    build.values.pop("onset_sudden", None)
    build.evidence.pop("onset_sudden", None)
    sudden = [name for name, (course, _) in courses.items() if course == "sudden"]
    slow = [name for name, (course, _) in courses.items() if course == "slow"]
    if not sudden and not slow:
        return
    if sudden:
        cues = [cue for name in sudden for cue in courses[name][1]]
        build.set("onset_sudden", True, _spans(build, cues), "said of the sign")
    elif all(name in slow for name in stated & LEAN_SIGNS):
        cues = [cue for name in slow for cue in courses[name][1]]
        build.set("onset_sudden", False, _spans(build, cues), "worked out: the sign's own course")
        return
    listed = [name for name in COURSE_SIGNS if name in slow]
    if listed:
        cues = [cue for name in listed for cue in courses[name][1]]
        build.set("slow_onset_signs", tuple(listed), _spans(build, cues), "each sign's own course")


def _spans(build: _Builder, cues: Sequence[Cue]) -> list[Span]:
    unique = sorted({(c.first, c.last) for c in cues})
    return [build.span(first, last) for first, last in unique]


TWITCH_ONSET_GAP = 3  # "suddenly started twitching": the onset word sits by the twitch word


def _twitch_onset_only(
    build: _Builder,
    by_concept: dict[str, list[Judged]],
    clause: Sequence[int],
    twitches: Sequence[PhraseMatch],
) -> None:
    """With no warning sign stated, "suddenly started twitching" is the twitch's onset, which
    onset_sudden does not mean: left unknown."""
    if build.values.get("onset_sudden") is not True:
        return
    onsets = [j.match for j in by_concept.get("onset_sudden", []) if j.stance == "yes"]
    twitch_clauses = {clause[m.first] for m in twitches}
    near_twitch = [
        o for o in onsets if any(abs(o.first - m.first) <= TWITCH_ONSET_GAP for m in twitches)
    ]
    if (
        onsets
        and len(near_twitch) == len(onsets)
        and all(clause[o.first] in twitch_clauses for o in onsets)
    ):
        del build.values["onset_sudden"]
        del build.evidence["onset_sudden"]
