"""Medicines in free text: names and classes, and whether one is new or changed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from twitchguide.triage.extract.lexicons import medicine_lexicon
from twitchguide.triage.extract.negation import Judged, judge
from twitchguide.triage.extract.phrases import PhraseMatch, find_phrases
from twitchguide.triage.extract.text import Token
from twitchguide.triage.extract.timex import TimeMention
from twitchguide.triage.facts import SEROTONERGIC_CLASSES

if TYPE_CHECKING:
    from twitchguide.triage.extract.extractor import _Builder

MEDICINE_DAYS_NEW = 42  # "in the last few weeks" (facts model): six weeks at most
SEROTONERGIC_DAYS_NEW = 14


def _near(a_first: int, a_last: int, b_first: int, b_last: int, window: int) -> bool:
    return b_first - a_last <= window and a_first - b_last <= window


def read_medicines(
    build: _Builder, by_concept: dict[str, list[Judged]], mentions: Sequence[TimeMention]
) -> list[TimeMention]:
    """Medicine names and classes, whether one is new or changed; returns their time mentions."""
    tokens = build.tokens
    med = medicine_lexicon()
    taken = [j for j in judge(tokens, find_phrases(tokens, med.lexicon)) if j.stance != "no"]
    starts = [j.match for j in by_concept.get("_recent_start", [])]
    general = by_concept.get("_medicines_general", [])
    attached: list[TimeMention] = []
    if taken:
        names = _specific_names(j.match.concept for j in taken)
        spans = [build.span(j.match.first, j.match.last) for j in taken]
        classes = tuple(dict.fromkeys(k for n in names for k in med.classes[n]))
        build.set("medicines", names, spans, "said")
        build.set("medicine_classes", classes, spans, "worked out from the medicine names")
    elif general and all(j.stance == "no" for j in general):
        spans = [build.span(j.match.first, j.match.last) for j in general]
        build.set("medicines", (), spans, "said no")
        build.set("medicine_classes", (), spans, "said no")
    anchors = [(j, j.match) for j in taken] + [(j, j.match) for j in general]
    # (the medicine, days since the change or None, whether it was started or raised)
    new_via: list[tuple[Judged, int | None, bool]] = []
    for item, match in anchors:
        start = next(
            (s for s in starts if _near(s.first, s.last, match.first, match.last, 4)), None
        )
        if start is None and match.concept == "_medicines_general":
            continue  # "swallowing pills" says nothing about a medicine change
        own = [
            m
            for m in mentions
            if (0 <= m.first - match.last <= 6 or 0 <= match.first - m.last <= 4)
            and not _clause_break(build.tokens, match, m)
        ]
        attached.extend(own)
        days = max((m.days for m in own), default=None)
        dated = [m for m in own if m.anchor in ("ago", "since", "day_word")]
        if start is None and dated and item.stance == "yes":
            # "taking prednisolone since last week": dated, so new.
            new_via.append((item, int(max(m.days for m in dated)), True))
            continue
        if start is None:
            if days is not None and days > MEDICINE_DAYS_NEW and item.stance == "yes":
                new_via.append((item, None, True))
            continue
        if item.stance == "no":
            build.set(
                "medicine_new_or_changed", False, [build.span(start.first, match.last)], "said no"
            )
            continue
        new_via.append((item, -1 if days is None else int(days), not _lowers(tokens, start)))
    for dose in (j.match for j in by_concept.get("_dose_change", []) if j.stance == "yes"):
        # "dose was upped 10 days ago": a change to the medicine named nearest before it.
        named = [j for j in taken if j.match.last <= dose.first] or taken
        if not named:
            continue
        own = [m for m in mentions if 0 <= m.first - dose.last <= 4]
        attached.extend(own)
        days = max((m.days for m in own), default=None)
        new_via.append((named[-1], -1 if days is None else int(days), not _lowers(tokens, dose)))
    _medicine_change(build, new_via, med.classes)
    return attached


CLAUSE_BREAKS = frozenset({",", ".", ";", "!", "?", "but"})


def _clause_break(tokens: Sequence[Token], match: PhraseMatch, mention: TimeMention) -> bool:
    if mention.first >= match.last:
        low, high = match.last, mention.first
    else:
        low, high = mention.last, match.first
    return any(tokens[i].norm in CLAUSE_BREAKS for i in range(low, high))


GENERIC_NAMES = frozenset(
    {"diuretic", "steroid", "stimulant", "inhaler", "ssri", "snri", "statin", "antipsychotic",
     "antidepressant", "oestrogen"}
)  # fmt: skip


def _specific_names(found: Iterable[str]) -> tuple[str, ...]:
    """Names in order; a class word ('inhaler') is dropped when a named medicine of it is there."""
    names = tuple(dict.fromkeys(found))
    classes = medicine_lexicon().classes
    specific = {k for n in names if n not in GENERIC_NAMES for k in classes[n]}
    return tuple(n for n in names if n not in GENERIC_NAMES or not set(classes[n]) <= specific)


# A medicine stopped or lowered is a change (it can cause twitching too), but not a start.
LOWERING = frozenset({"stopped", "stopping", "reduced", "lowered", "halved", "down", "quit"})


def _lowers(tokens: Sequence[Token], match: PhraseMatch) -> bool:
    return any(tokens[i].norm in LOWERING for i in range(match.first, match.last))


def _medicine_change(
    build: _Builder,
    new_via: list[tuple[Judged, int | None, bool]],
    classes: dict[str, tuple[str, ...]],
) -> None:
    recent = [(j, d, up) for j, d, up in new_via if d is not None and d <= MEDICINE_DAYS_NEW]
    if recent:
        spans = [build.span(j.match.first, j.match.last) for j, _, _ in recent]
        build.set("medicine_new_or_changed", True, spans, "said")
        # The serotonin red flag is about a medicine started or raised, not one stopped.
        serotonergic = [
            (j, d)
            for j, d, up in recent
            if up
            and d <= SEROTONERGIC_DAYS_NEW
            and set(classes.get(j.match.concept, ())) & set(SEROTONERGIC_CLASSES)
        ]
        if serotonergic:
            spans = [build.span(j.match.first, j.match.last) for j, _ in serotonergic]
            build.set("serotonergic_started_recently", True, spans, "said")
    elif new_via and "medicine_new_or_changed" not in build.values:
        spans = [build.span(j.match.first, j.match.last) for j, _, _ in new_via]
        build.set("medicine_new_or_changed", False, spans, "taken for longer than a few weeks")
