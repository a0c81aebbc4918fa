"""Free text in, triage facts out: each fact with the words it came from, nothing guessed unseen."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from twitchguide.triage.extract import numbers
from twitchguide.triage.extract.events import drop_nested, read_climbing, read_events
from twitchguide.triage.extract.followup import OpenQuestion, open_questions
from twitchguide.triage.extract.medicine_text import read_medicines
from twitchguide.triage.extract.negation import Judged, judge
from twitchguide.triage.extract.phrases import find_phrases, lexicon
from twitchguide.triage.extract.places import Place, find_places, overall_side
from twitchguide.triage.extract.text import Token, tokenize
from twitchguide.triage.extract.timex import TimeMention, condition_days, time_mentions
from twitchguide.triage.facts import FACT_SPECS, TriageFacts

FUNCTIONAL_SIGNS = (
    "dropping_things",
    "tripping",
    "trouble_with_buttons",
    "trouble_with_stairs",
    "trouble_rising_from_chair",
    "weakness_worsening",
)
SUDDEN_SIGNS = (
    "face_drooping",
    "weakness",
    "numbness",
    "trouble_speaking",
    "double_vision",
    "loss_of_balance",
    "visual_disturbance",
)
# Facts worked out from others below; the phrase lexicon does not set them directly.
DERIVED = frozenset(
    {"sudden_symptoms_resolved", "frequent_cramps_despite_self_care", "medicine_new_or_changed",
     "serotonergic_started_recently", "grip_decline"}
)  # fmt: skip
MAX_DAYS = 36500


@dataclass(frozen=True)
class Span:
    """Where in the person's text a fact came from."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """One fact, its value, the words it came from and how it was read."""

    fact: str
    value: Any
    spans: tuple[Span, ...]
    how: str

    def to_dict(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {
            "fact": self.fact,
            "value": value,
            "how": self.how,
            "spans": [{"start": s.start, "end": s.end, "text": s.text} for s in self.spans],
        }


@dataclass(frozen=True)
class Extraction:
    """What the text says: facts, their evidence, doubts, and notes that have no fact field."""

    text: str
    facts: TriageFacts
    evidence: tuple[Evidence, ...]
    unsure: tuple[Evidence, ...] = ()
    notes: dict[str, Any] = field(default_factory=dict)
    unanswered: tuple[OpenQuestion, ...] = ()

    def evidence_for(self, fact: str) -> Evidence | None:
        return next((e for e in self.evidence if e.fact == fact), None)


class _Builder:
    """Collects facts and evidence while reading one text."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.values: dict[str, Any] = {}
        self.evidence: dict[str, Evidence] = {}
        self.unsure: dict[str, Evidence] = {}
        self.notes: dict[str, Any] = {}

    def span(self, first: int, last: int) -> Span:
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        return Span(start, end, self.text[start:end])

    def set(self, fact: str, value: Any, spans: Sequence[Span], how: str) -> None:
        self.values[fact] = value
        self.evidence[fact] = Evidence(fact, value, tuple(spans), how)
        self.unsure.pop(fact, None)


def extract_facts(text: str, now: datetime | None = None) -> Extraction:
    """Read a free-text description into TriageFacts, with the span of text behind each fact."""
    now = now or datetime.now(UTC)
    build, judged, by_concept = _read_phrases(text)
    tokens = build.tokens
    _bool_facts(build, by_concept)
    read_climbing(build)
    drop_nested(build, by_concept)  # before a mishap's "dropped" could be read as weakness
    _functional_signs(build)
    mentions = _times(tokens, now)
    read_events(build, by_concept, mentions)
    medicine_times = read_medicines(build, by_concept, mentions)
    _places(build, by_concept, judged)
    _duration(build, mentions, medicine_times)
    _numbers(build, by_concept)
    _combined(build, by_concept)
    _notes(build, by_concept)
    facts = TriageFacts.from_dict(build.values)
    return Extraction(
        text=text,
        facts=facts,
        evidence=tuple(build.evidence[name] for name in FACT_SPECS if name in build.evidence),
        unsure=tuple(build.unsure.values()),
        notes=build.notes,
        unanswered=tuple(open_questions(facts)),
    )


def stated_signs(text: str) -> frozenset[str]:
    """The yes/no signs a text says are present, and nothing else: no medicines, times or
    follow-up questions. This is what a symptom report's own words add to triage, read on every
    `log`, so it skips the parts of the reading that cost the most to load."""
    build, judged, by_concept = _read_phrases(text)
    _bool_facts(build, by_concept)
    read_climbing(build)
    drop_nested(build, by_concept)  # before a mishap's "dropped" could be read as weakness
    _functional_signs(build)
    # Times are cheap to read and say whether a sign came and went ("for 10 minutes").
    read_events(build, by_concept, _times(build.tokens, None))
    _places(build, by_concept, judged)
    _combined(build, by_concept)
    _pregnancy(build, with_weeks=False)
    return frozenset(
        name
        for name, value in build.values.items()
        if value is True and FACT_SPECS[name].metadata["kind"] == "bool"
    )


def _times(tokens: list[Token], now: datetime | None) -> list[TimeMention]:
    """The stretches of time the text states, less an age or weeks of pregnancy ("my son 5
    years", "pregnant 35 week"), which say nothing of how long anything has gone on."""
    mentions = time_mentions(tokens, now)
    for said in (numbers.find_age(tokens), numbers.find_pregnancy_weeks(tokens)):
        if said is not None:
            mentions = [m for m in mentions if not said.first <= m.first < said.last]
    return mentions


def _read_phrases(text: str) -> tuple[_Builder, list[Judged], dict[str, list[Judged]]]:
    """An empty builder over the text's tokens, and every phrase found, judged yes/no/unsure."""
    tokens = tokenize(text)
    judged = judge(tokens, find_phrases(tokens, lexicon()))
    by_concept: dict[str, list[Judged]] = {}
    for item in judged:
        by_concept.setdefault(item.match.concept, []).append(item)
    return _Builder(text, tokens), judged, by_concept


def _stance_of(items: Sequence[Judged]) -> tuple[str | None, list[Judged]]:
    """A stated sign wins over a denial elsewhere: safety first, and people correct themselves."""
    for stance in ("yes", "no", "unsure"):
        chosen = [item for item in items if item.stance == stance]
        if chosen:
            return stance, chosen
    return None, []


def _bool_facts(build: _Builder, by_concept: dict[str, list[Judged]]) -> None:
    for name, spec in FACT_SPECS.items():
        if spec.metadata["kind"] != "bool" or name in DERIVED or name not in by_concept:
            continue
        stance, chosen = _stance_of(by_concept[name])
        spans = [build.span(j.match.first, j.match.last) for j in chosen]
        if stance == "yes":
            build.set(name, True, spans, "said")
        elif stance == "no":
            build.set(name, False, spans, "said no")
        elif stance == "unsure":
            build.unsure[name] = Evidence(name, None, tuple(spans), "not sure")


def _functional_signs(build: _Builder) -> None:
    """Dropping things or tripping is weakness even when the person says they are not weak."""
    values = build.values
    if values.get("tingling_around_mouth") is True and values.get("tingling") is not True:
        build.set("tingling", True, build.evidence["tingling_around_mouth"].spans, "said")
    feeling = ("weakness", "numbness", "tingling", *FUNCTIONAL_SIGNS)
    if values.get("ascending_weakness") is True and not any(values.get(s) for s in feeling):
        # "the twitching moved up to my thighs" climbs, but says nothing of weakness or
        # tingling climbing (the sign): left unknown, so the check asks.
        evidence = build.evidence.pop("ascending_weakness")
        del values["ascending_weakness"]
        build.unsure["ascending_weakness"] = Evidence(
            "ascending_weakness", None, evidence.spans, "not sure: what climbs?"
        )
    if values.get("weakness") is True:
        return
    for sign in (*FUNCTIONAL_SIGNS, "ascending_weakness"):
        if values.get(sign) is True:
            build.set("weakness", True, build.evidence[sign].spans, f"from a sign: {sign}")
            return


def _near(a_first: int, a_last: int, b_first: int, b_last: int, window: int) -> bool:
    return b_first - a_last <= window and a_first - b_last <= window


def _places(build: _Builder, by_concept: dict[str, list[Judged]], judged: list[Judged]) -> None:
    places: list[Place] = find_places(build.tokens, judged, fit=build.values.get("seizure") is True)
    if not places:
        return
    regions = tuple(dict.fromkeys(p.region for p in places))
    spans = [build.span(p.first, p.last) for p in places]
    build.set("regions", regions, spans, "said")
    vague = sorted({p.vague for p in places if p.vague})
    if vague:
        build.notes["vague_regions"] = vague
    side = overall_side(build.tokens, places)
    if side is not None:
        build.set("side", side[0], [build.span(side[1], side[2])], "said")


def _duration(
    build: _Builder, mentions: Sequence[TimeMention], medicine_times: Sequence[TimeMention]
) -> None:
    # "on sertraline for 2 years" is not how long the twitching has gone on, unless the text
    # ties them together ("ever since", "since starting").
    words = [t.norm for t in build.tokens]
    tied = "ever" in words or any(
        a == "since" and b in ("then", "starting", "i", "taking")
        for a, b in itertools.pairwise(words)
    )
    skip = set() if tied else {id(m) for m in medicine_times}
    # "for 500 years" is not a duration anyone has had; such a number is left unread.
    sane = [m for m in mentions if id(m) not in skip and m.days <= MAX_DAYS]
    longest = condition_days(sane)
    if longest is None:
        return
    days = round(longest.days, 3)
    span = build.span(longest.first, longest.last)
    build.set("duration_days", days, [span], "read as days")
    if build.values.get("regions") == ("eyelid",):
        build.set("eyelid_twitch_days", days, [span], "read as days")


def _numbers(build: _Builder, by_concept: dict[str, list[Judged]]) -> None:
    tokens = build.tokens
    age = numbers.find_age(tokens)
    if age is not None:
        build.set("age_years", age.value, [build.span(max(0, age.first), age.last)], "read")
    _pregnancy(build, with_weeks=True)
    caffeine = numbers.find_caffeine(tokens)
    if caffeine is not None:
        span = build.span(caffeine.first, caffeine.last)
        build.set("caffeine_mg", min(caffeine.value, 3000.0), [span], "counted drinks")
    elif any(j.stance == "yes" for j in by_concept.get("_caffeine_none", [])):
        found = next(j for j in by_concept["_caffeine_none"] if j.stance == "yes").match
        build.set("caffeine_mg", 0.0, [build.span(found.first, found.last)], "said none")
    sleep = numbers.find_sleep_hours(tokens)
    if sleep is not None:
        build.set("sleep_hours", sleep.value, [build.span(sleep.first, sleep.last)], "read")
    for concept, fact in (("_stress", "stress"), ("_anxiety", "anxiety")):
        stance, chosen = _stance_of(by_concept.get(concept, []))
        if stance == "yes":
            level = max(
                numbers.scale_from_words(tokens, j.match.first, j.match.last) for j in chosen
            )
            spans = [build.span(j.match.first, j.match.last) for j in chosen]
            build.set(fact, level, spans, "read on a 1-5 scale")
        elif stance == "no":
            spans = [build.span(j.match.first, j.match.last) for j in chosen]
            build.set(fact, 1, spans, "said no")
    if "stress" not in build.values:
        calm = [j for j in by_concept.get("_calm", []) if j.stance == "yes"]
        if calm:
            build.set("stress", 1, [build.span(calm[0].match.first, calm[0].match.last)], "said")


def _pregnancy(build: _Builder, with_weeks: bool) -> None:
    """'30 weeks pregnant', or 'I'm 30 weeks' in a text about a baby: pregnant, and how far."""
    weeks = numbers.find_pregnancy_weeks(build.tokens)
    if weeks is None:
        return
    span = build.span(weeks.first, weeks.last)
    if with_weeks:
        build.set("pregnancy_weeks", weeks.value, [span], "read")
    if build.values.get("pregnant") is not True:
        build.set("pregnant", True, [span], "said")


# Where a deep-vein clot shows: swelling here, with the twitching, is worth a same-day check.
LEG_REGIONS = frozenset({"calf", "thigh", "shin", "knee"})


def _yes(by_concept: dict[str, list[Judged]], concept: str) -> list[Judged]:
    return [j for j in by_concept.get(concept, []) if j.stance == "yes"]


def _combined(build: _Builder, by_concept: dict[str, list[Judged]]) -> None:
    values = build.values
    drop_nested(build, by_concept)
    if values.get("breathless_lying_flat") is True and values.get("trouble_breathing") is True:
        # "can't breathe when I lie flat" is one sign, not breathlessness at rest as well.
        flat = [j.match for j in _yes(by_concept, "breathless_lying_flat")]
        rest = [j.match for j in _yes(by_concept, "trouble_breathing")]
        if all(any(_near(r.first, r.last, f.first, f.last, 0) for f in flat) for r in rest):
            del values["trouble_breathing"]
            del build.evidence["trouble_breathing"]
    if (
        values.get("passed_out") is True
        and values.get("fainting") is None
        and values.get("seizure") is not True
    ):
        # Passing out with no fit is a faint ("fainted or nearly fainted").
        build.set("fainting", True, build.evidence["passed_out"].spans, "from a sign: passed_out")
    resolved = _yes(by_concept, "_resolved")
    slow = values.get("slow_onset_signs") or ()
    sudden_signs = [s for s in SUDDEN_SIGNS if values.get(s) is True and s not in slow]
    if values.get("onset_sudden") is True and resolved and sudden_signs:
        spans = [
            *build.evidence["onset_sudden"].spans,
            *build.evidence[sudden_signs[0]].spans,
            build.span(resolved[0].match.first, resolved[0].match.last),
        ]
        build.set("sudden_symptoms_resolved", True, spans, "worked out: sudden, then went away")
    swelling = _yes(by_concept, "_red_warm_swelling")
    regions = values.get("regions") or ()
    if swelling and values.get("swollen_painful_leg") is None and set(regions) & LEG_REGIONS:
        spans = [
            *build.evidence["regions"].spans,
            build.span(swelling[0].match.first, swelling[0].match.last),
        ]
        build.set("swollen_painful_leg", True, spans, "worked out: swelling where the leg twitches")
    not_helping = _yes(by_concept, "_self_care_not_helping")
    if values.get("cramps") is True and not_helping:
        spans = [
            *build.evidence["cramps"].spans,
            build.span(not_helping[0].match.first, not_helping[0].match.last),
        ]
        build.set("frequent_cramps_despite_self_care", True, spans, "said")


def _notes(build: _Builder, by_concept: dict[str, list[Judged]]) -> None:
    for concept, note in (
        ("_poor_sleep", "poor_sleep"),
        ("_exercise", "after_exercise"),
        ("_intermittent", "comes_and_goes"),
        ("_caffeine_high", "lots_of_caffeine"),
        ("_cramps_frequent", "frequent_cramps"),
        ("_twitch", "twitching_mentioned"),
    ):
        if _yes(by_concept, concept):
            build.notes[note] = True


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """JSON-ready: facts, evidence with spans, doubts and notes."""
    return {
        "text": extraction.text,
        "facts": extraction.facts.to_dict(),
        "evidence": [e.to_dict() for e in extraction.evidence],
        "unsure": [e.to_dict() for e in extraction.unsure],
        "notes": dict(extraction.notes),
        "unanswered": [q.to_dict() for q in extraction.unanswered],
    }
