"""Signs read from how things happened: a fit as a bystander tells it, jerks while falling asleep,
what someone chokes on, and a slow time course for a sign that would otherwise count as sudden."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from twitchguide.triage.extract.course import read_courses
from twitchguide.triage.extract.negation import Judged
from twitchguide.triage.extract.phrases import PhraseMatch
from twitchguide.triage.extract.places import sentence_ids
from twitchguide.triage.extract.text import Token
from twitchguide.triage.extract.timex import TimeMention

if TYPE_CHECKING:
    from twitchguide.triage.extract.extractor import Span, _Builder

FIT_WINDOW = 30  # tokens: the parts of one bystander account
CHOKE_OBJECT_WINDOW = 6
CLAUSE_ENDS = frozenset({".", "!", "?", ";", "but", ","})
COURSE_CLAUSE_STARTS = frozenset({*CLAUSE_ENDS, "now", "then", "though"})


def _yes(by_concept: dict[str, list[Judged]], concept: str) -> list[Judged]:
    return [j for j in by_concept.get(concept, []) if j.stance == "yes"]


def read_events(
    build: _Builder, by_concept: dict[str, list[Judged]], mentions: Sequence[TimeMention]
) -> None:
    """All four readings, in the order they depend on each other."""
    sentence = sentence_ids(build.tokens)
    _sleep_jerks(build, by_concept, sentence)
    _fit(build, by_concept, sentence)
    _choking_object(build, by_concept, sentence)
    _course(build, by_concept, mentions, sentence)


def _sleep_jerks(
    build: _Builder, by_concept: dict[str, list[Judged]], sentence: Sequence[int]
) -> None:
    """Jerks in a sentence about falling asleep are hypnic jerks (NINDS), harmless, when no
    twitch is described anywhere else in the text."""
    onsets = {sentence[j.match.first] for j in _yes(by_concept, "_sleep_onset")}
    said = _yes(by_concept, "hypnic_jerks_only")
    asleep = onsets | {sentence[j.match.first] for j in said}
    awake = [j for j in _yes(by_concept, "_twitch") if sentence[j.match.first] not in asleep]
    daytime = _daytime_sentences(build.tokens, sentence)
    in_the_day = any(sentence[j.match.first] in daytime for j in said)
    if build.values.get("hypnic_jerks_only") is True and said and (awake or in_the_day):
        # "my calf twitches all day. also I jerk as I fall asleep": not only hypnic jerks.
        del build.values["hypnic_jerks_only"]
        del build.evidence["hypnic_jerks_only"]
        return
    if not onsets:
        return
    # "jerks when I fall asleep and during the day": not only while falling asleep.
    onsets -= daytime
    jerks = [
        j
        for concept in ("_body_jerks", "_fit_shake", "_twitch")
        for j in _yes(by_concept, concept)
        if sentence[j.match.first] in onsets
    ]
    if not jerks or build.values.get("hypnic_jerks_only") is not None:
        return
    elsewhere = [j for j in _yes(by_concept, "_twitch") if sentence[j.match.first] not in onsets]
    if elsewhere:
        return
    spans = [build.span(j.match.first, j.match.last) for j in jerks]
    build.set("hypnic_jerks_only", True, spans, "worked out: jerks while falling asleep")


DAYTIME = frozenset({"day", "daytime", "days", "awake", "walking", "sitting", "working"})
# "jolts me awake", "I jerk awake as I drift off": woken by the jerk, not awake in the day.
WOKEN_BY = frozenset(
    {"me", "him", "her", "jolt", "jolts", "jolted", "jolting", "jerk", "jerks", "jerked",
     "jerking", "jump", "jumps", "jumped", "start", "startle", "startled", "kick", "kicks",
     "kicked", "shoot", "shot", "snap", "snapped", "bolt", "bolted", "spring", "sprang"}
)  # fmt: skip
NOT_WORDS = frozenset({"never", "not", "no", "nothing", "isn't", "don't", "doesn't"})


def _daytime_sentences(tokens: Sequence[Token], sentence: Sequence[int]) -> set[int]:
    """Sentences that say the jerks come in the day too ("never in the day" does not)."""
    found = set()
    for at, token in enumerate(tokens):
        if token.norm in DAYTIME and not (
            token.norm == "awake" and at > 0 and tokens[at - 1].norm in WOKEN_BY
        ):
            # "nothing at all during the day": a "not" earlier in the clause denies it.
            before = set()
            for token_before in reversed(tokens[max(0, at - 6) : at]):
                if token_before.norm in (",", "but", "and"):
                    break
                before.add(token_before.norm)
            if not before & NOT_WORDS:
                found.add(sentence[at])
    return found


def _fit(build: _Builder, by_concept: dict[str, list[Judged]], sentence: Sequence[int]) -> None:
    """A fit as a bystander tells it: stiffening, shaking or jerking, not responding. Two of
    these close together are a seizure; the whole body jerking is one on its own, except in a
    sentence about falling asleep."""
    onsets = {sentence[j.match.first] for j in _yes(by_concept, "_sleep_onset")}
    body = [j for j in _yes(by_concept, "_body_jerks") if sentence[j.match.first] not in onsets]
    signs = {kind: _yes(by_concept, f"_fit_{kind}") for kind in ("stiff", "shake", "unaware")}
    signs["shake"] = signs["shake"] + _yes(by_concept, "_body_jerks")
    found: list[Judged] = []
    for kind, items in signs.items():
        for item in items:
            partners = [
                other
                for other_kind, others in signs.items()
                if other_kind != kind
                for other in others
                if abs(other.match.first - item.match.first) <= FIT_WINDOW
            ]
            if partners:
                found += [item, *partners]
    found += body
    if not found or build.values.get("seizure") is True:
        return
    if build.values.get("seizure") is False and not body:
        return  # "no fit or shaking" said outright
    unique = sorted({id(j): j for j in found}.values(), key=lambda j: j.match.first)
    spans = [build.span(j.match.first, j.match.last) for j in unique]
    build.set("seizure", True, spans, "worked out: what a fit looks like")
    _drop_if_only_inside(build, "spreading", spans)


def _drop_if_only_inside(build: _Builder, fact: str, spans: Sequence[Span]) -> None:
    """'shaking all over' in a fit is the fit, not twitching that spreads."""
    evidence = build.evidence.get(fact)
    if evidence is None or build.values.get(fact) is not True:
        return
    inside = all(any(s.start <= e.start and e.end <= s.end for s in spans) for e in evidence.spans)
    if inside:
        del build.values[fact]
        del build.evidence[fact]


def _choking_object(
    build: _Builder, by_concept: dict[str, list[Judged]], sentence: Sequence[int]
) -> None:
    """Choking on food or drink is trouble swallowing (NHS dysphagia), not choking on saliva."""
    chokes = _yes(by_concept, "choking_on_saliva")
    if not chokes:
        return
    tokens = build.tokens
    objects = _yes(by_concept, "_food_or_drink")
    on_food = []
    for choke in chokes:
        if any(
            tokens[i].norm in ("spit", "saliva") for i in range(choke.match.first, choke.match.last)
        ):
            continue
        near = [
            o
            for o in objects
            if sentence[o.match.first] == sentence[choke.match.first]
            and _same_clause(tokens, choke.match.first, o.match.first, CHOKE_OBJECT_WINDOW)
        ]
        saliva = any(
            tokens[i].norm in ("spit", "saliva", "drool")
            for i in range(choke.match.last, min(len(tokens), choke.match.last + 5))
        )
        if near and not saliva:
            on_food.append((choke, near[0]))
    if not on_food:
        return
    spans = [build.span(min(c.match.first, o.match.first), max(c.match.last, o.match.last))
             for c, o in on_food]  # fmt: skip
    food_chokes = {id(c) for c, _ in on_food}
    on_spit = [c for c in chokes if id(c) not in food_chokes]
    if on_spit:
        # "choking on my food for 3 months, slowly. I choke on my own spit": two signs; the
        # food's course is not the spit's, so the spit keeps only its own words.
        choke_spans = [build.span(c.match.first, c.match.last) for c in on_spit]
        build.set("choking_on_saliva", True, choke_spans, "said")
    else:
        del build.values["choking_on_saliva"]
        del build.evidence["choking_on_saliva"]
    if build.values.get("trouble_swallowing") is not True:
        build.set("trouble_swallowing", True, spans, "worked out: choking on food or drink")


def _same_clause(tokens: Sequence[Token], a: int, b: int, window: int) -> bool:
    low, high = min(a, b), max(a, b)
    if high - low > window:
        return False
    return not any(tokens[i].norm in CLAUSE_ENDS for i in range(low, high))


def clause_ids(tokens: Sequence[Token]) -> list[int]:
    """Which clause each token is in: a comma, full stop, "but", "then" or "now" starts one."""
    ids, current = [], 0
    for token in tokens:
        if token.norm in COURSE_CLAUSE_STARTS:
            current += 1
        ids.append(current)
    return ids


def _course(
    build: _Builder,
    by_concept: dict[str, list[Judged]],
    mentions: Sequence[TimeMention],
    sentence: Sequence[int],
) -> None:
    """Each warning sign's own time course, read as the onset (course.py).

    A warning sign said to have gone on for a week or more ("slurred for 3 weeks", "over the
    past month", "lately") did not start suddenly, so the lean to "sudden unless said otherwise"
    must not send it to emergency: NICE NG127 refers progressive speech change, and sends only
    sudden change to 999. The time must be the sign's own: in its clause, and nearer to it than
    to a twitch ("eye twitching for a week and now I see double" says nothing of the double
    vision's course). Likewise "suddenly started twitching" is the twitch's onset, not a sign's.
    """
    clause = clause_ids(build.tokens)
    twitches = [j.match for j in _yes(by_concept, "_twitch")]
    _worsening_weakness(build, by_concept, clause, twitches)
    read_courses(build, by_concept, mentions, clause, sentence, twitches)


# The signs that say weakness: the word, or an everyday task that got hard.
WEAKNESS_WORDS = ("weakness", "dropping_things", "tripping", "trouble_with_buttons",
                  "trouble_with_stairs", "trouble_rising_from_chair")  # fmt: skip


def _worsening_weakness(
    build: _Builder,
    by_concept: dict[str, list[Judged]],
    clause: Sequence[int],
    twitches: Sequence[PhraseMatch],
) -> None:
    """'he trips over nothing ... slowly getting worse': with weakness, a worsening said of no
    twitch is the weakness getting worse."""
    if build.values.get("weakness") is not True or "weakness_worsening" in build.values:
        return
    starts = {token.start: token.index for token in build.tokens}
    signs = [
        starts[span.start]
        for name in WEAKNESS_WORDS
        if build.values.get(name) is True and name in build.evidence
        for span in build.evidence[name].spans
        if span.start in starts
    ]

    def said_of_a_sign(worsening: PhraseMatch) -> bool:
        # "getting up off the sofa is getting harder each week and my thigh twitches": in a
        # clause with a twitch, the worsening is the sign's when it sits nearer the sign.
        here = clause[worsening.first]
        to_twitch = [abs(m.first - worsening.first) for m in twitches if clause[m.first] == here]
        if not to_twitch:
            return True
        to_sign = [abs(at - worsening.first) for at in signs if clause[at] == here]
        return bool(to_sign) and min(to_sign) < min(to_twitch)

    worse = [j for j in _yes(by_concept, "_worsening") if said_of_a_sign(j.match)]
    if worse:
        spans = [build.span(j.match.first, j.match.last) for j in worse]
        build.set("weakness_worsening", True, spans, "worked out: weakness, getting worse")


# Where a feeling or weakness that climbs starts, and where it gets to (per limb).
LOW_PARTS = {
    "leg": frozenset({"toes", "toe", "feet", "foot", "ankles", "ankle", "soles", "heels"}),
    "arm": frozenset({"fingers", "finger", "fingertips", "hands", "hand", "wrists", "wrist"}),
}
HIGH_PARTS = {
    "leg": frozenset({"knees", "knee", "shins", "shin", "calves", "calf", "thighs", "thigh",
                      "legs", "hips", "hip", "waist", "groin", "tummy", "belly", "chest"}),
    "arm": frozenset({"forearms", "forearm", "elbows", "elbow", "arms", "arm", "shoulders",
                      "shoulder", "chest"}),
}  # fmt: skip
CLIMB_WORDS = frozenset(
    {"now", "up", "moved", "moving", "spread", "spreading", "spreads", "reached", "reaching",
     "creeping", "crept", "climbing", "climbed", "rising", "rose", "travelled", "traveled",
     "into", "then"}
)  # fmt: skip
REACHED_LEADS = frozenset({"in", "to", "into", "up", "reached", "reaching", "at", "now", "then"})
FILLERS = frozenset({"my", "both", "the", "his", "her", "its", "it's", "is", "it", "are", "of"})
PAIN_AFTER = frozenset(
    {"hurt", "hurts", "hurting", "ache", "aches", "aching", "sore", "painful", "swollen", "stiff",
     "itchy", "cramp", "cramps", "cramping", "twitch", "twitches", "twitching"}
)  # fmt: skip
CLIMB_WINDOW = 20


def read_climbing(build: _Builder) -> None:
    """'tingling started in my toes on thursday, now its in both legs up to my knees': a feeling
    or weakness said to start low on a limb and reach higher up, in one sentence, climbs
    (ascending_weakness). Whether it is weakness or tingling that climbs is checked later: a
    climbing twitch alone is asked about, not read as the sign."""
    if build.values.get("ascending_weakness") is not None:
        return
    tokens = build.tokens
    sentence = sentence_ids(tokens)
    for limb, low_parts in LOW_PARTS.items():
        for low, token in enumerate(tokens):
            if token.norm not in low_parts:
                continue
            for high in range(low + 2, min(len(tokens), low + CLIMB_WINDOW)):
                if sentence[high] != sentence[low]:
                    break
                if tokens[high].norm not in HIGH_PARTS[limb]:
                    continue
                between = {t.norm for t in tokens[low + 1 : high]}
                lead = high - 1
                while lead > low and tokens[lead].norm in FILLERS:
                    lead -= 1
                after = tokens[high + 1].norm if high + 1 < len(tokens) else ""
                if (
                    between & CLIMB_WORDS
                    and tokens[lead].norm in REACHED_LEADS
                    and (after not in PAIN_AFTER)
                ):
                    span = build.span(low, high + 1)
                    build.set("ascending_weakness", True, [span], "worked out: it climbs")
                    return


# A sign whose words all sit inside another sign's words is that sign's: "speech went all
# muddled" is speech trouble, not confusion; "heart beating all over the place" is no spreading.
NESTED_IN = {
    "confusion": ("trouble_speaking",),
    "spreading": ("palpitations", "_fit_shake", "_body_jerks"),
    # "dropped my phone in the bath" is a mishap, not a weak grip.
    "dropping_things": ("_mishap",),
}


def drop_nested(build: _Builder, by_concept: dict[str, list[Judged]]) -> None:
    """Drop a sign read only from words inside another sign's words (NESTED_IN)."""
    for inner, outers in NESTED_IN.items():
        if build.values.get(inner) is not True:
            continue
        spans = [j.match for outer in outers for j in _yes(by_concept, outer)]
        mine = _yes(by_concept, inner)
        if mine and all(
            any(o.first <= m.match.first and m.match.last <= o.last for o in spans) for m in mine
        ):
            del build.values[inner]
            del build.evidence[inner]
