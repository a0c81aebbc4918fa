"""The triage facts a diary already answers: how long, where, spreading, symptoms, grip, medicines.

Choices (documented in docs/triage.md):
- The current "run" of twitching is the latest stretch of episodes with no gap longer than
  RUN_GAP_DAYS; it counts only if its last episode is within RUN_GAP_DAYS of today.
- Spreading: a body area first seen SPREAD_AFTER_DAYS or more after the run began.
- Symptom reports count when noted in the last SYMPTOM_WINDOW_DAYS, so an old report does
  not raise an alarm after every log for ever.
- Everyday factors are the averages of the last FACTOR_WINDOW_DAYS diary days.
- Triage judges the twitching of the last LOOKBACK_DAYS diary days: the current run is found
  among those days only. What twitched months ago in a long run (a tongue twitch four years
  into five years of calf twitching) does not set the level after every log for ever, just as
  old symptom reports do not. A run that began earlier still shows at least
  LOOKBACK_DAYS - RUN_GAP_DAYS + 1 = 17 days, past the 14-day threshold; only its reported
  length stops at about 30 days. So callers may read just those days (plus every medication
  course and strength check) and get the same facts as from the whole diary.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from twitchguide.diary.records import Episode, StrengthCheck
from twitchguide.diary.snapshot import Diary
from twitchguide.diary.strength import grip_decline
from twitchguide.diary.vocabulary import WHOLE_BODY
from twitchguide.triage.facts import SEROTONERGIC_CLASSES, TriageFacts
from twitchguide.triage.medicines import classes_of, counts_as_medicine

RUN_GAP_DAYS = 14
LOOKBACK_DAYS = 30
SPREAD_AFTER_DAYS = 7
SYMPTOM_WINDOW_DAYS = 14
FACTOR_WINDOW_DAYS = 7
MEDICINE_CHANGE_DAYS = 28
SEROTONERGIC_START_DAYS = 14

# Symptom kinds in the diary -> the triage fact each one states.
SYMPTOM_FACTS: dict[str, str] = {
    "weakness": "weakness",
    "muscle_wasting": "muscle_wasting",
    "numbness": "numbness",
    "tingling": "tingling",
    "cramps": "cramps",
    "trouble_speaking": "trouble_speaking",
    "trouble_swallowing": "trouble_swallowing",
    "trouble_breathing": "trouble_breathing",
    "face_drooping": "face_drooping",
}


def current_run(diary: Diary, today: date) -> list[tuple[date, Episode]]:
    """The episodes of the current run of twitching, with their diary days, oldest first.

    Only the look-back days count (see the module notes).
    """
    first_day = lookback_start(today)
    dated = sorted(((diary.day_of(e.started_at), e) for e in diary.episodes), key=lambda p: p[0])
    dated = [(day, episode) for day, episode in dated if first_day <= day <= today]
    if not dated or (today - dated[-1][0]).days > RUN_GAP_DAYS:
        return []
    start = len(dated) - 1
    while start > 0 and (dated[start][0] - dated[start - 1][0]).days <= RUN_GAP_DAYS:
        start -= 1
    return dated[start:]


def _episode_facts(diary: Diary, today: date) -> dict[str, Any]:
    run = current_run(diary, today)
    if not run:
        return {}
    first_day = run[0][0]
    first_seen: dict[str, date] = {}
    whole_body = False
    for day, episode in run:
        if episode.region == WHOLE_BODY:
            whole_body = True  # twitching everywhere counts as several areas, not as a region
            continue
        first_seen.setdefault(episode.region, day)
    facts: dict[str, Any] = {
        "regions": tuple(first_seen),
        "duration_days": float((today - first_day).days + 1),
    }
    if (today - first_day).days >= SPREAD_AFTER_DAYS:
        facts["spreading"] = any(
            (seen - first_day).days >= SPREAD_AFTER_DAYS for seen in first_seen.values()
        )
    if whole_body:
        facts["spreading"] = True
    sides = {episode.side for _, episode in run if episode.side}
    if len(sides) == 1:
        facts["side"] = sides.pop()
    if set(first_seen) == {"eyelid"} and not whole_body:
        facts["eyelid_twitch_days"] = facts["duration_days"]
    contexts = [episode.context for _, episode in run]
    if all(context == "falling_asleep" for context in contexts):
        facts["hypnic_jerks_only"] = True
    return facts


def _symptom_facts(diary: Diary, today: date) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    since = today - timedelta(days=SYMPTOM_WINDOW_DAYS - 1)
    for report in diary.symptoms:
        if since <= diary.day_of(report.noted_at) <= today:
            name = SYMPTOM_FACTS.get(report.kind)
            if name is not None:
                facts[name] = True
            if report.region == "tongue":
                facts["regions"] = (*facts.get("regions", ()), "tongue")
            if report.description:
                facts.update(warning_signs_in_words(report.description))
    return facts


# A fact that, when true, can only lower the level: "only while falling asleep" said of one
# twitch must not make a long run look like harmless sleep starts.
CALMING_FACTS = frozenset({"hypnic_jerks_only"})


def warning_signs_in_words(words: str) -> dict[str, bool]:
    """Signs a person's own words say are present ("chest pain and a swollen calf", logged as
    "other"), as facts that can only raise the level. A sign said to be absent never clears
    one stated elsewhere."""
    from twitchguide.triage.extract.extractor import stated_signs

    return dict.fromkeys(stated_signs(words) - CALMING_FACTS, True)


def _medicine_facts(diary: Diary, today: date) -> dict[str, Any]:
    medicines = [c for c in diary.medications if counts_as_medicine(c.name, c.kind)]
    current = [
        course
        for course in medicines
        if course.started_on <= today and (course.ended_on is None or course.ended_on >= today)
    ]
    changed = [
        course
        for course in medicines
        if any(
            when is not None and 0 <= (today - when).days <= MEDICINE_CHANGE_DAYS
            for when in (course.started_on, course.ended_on)
        )
    ]
    facts: dict[str, Any] = {}
    if current:
        facts["medicines"] = tuple(course.name for course in current)
        classes = classes_of(facts["medicines"])
        if classes:
            facts["medicine_classes"] = classes
    if changed:
        facts["medicine_new_or_changed"] = True
    recent_serotonergic = [
        course
        for course in current
        if (today - course.started_on).days <= SEROTONERGIC_START_DAYS
        and set(classes_of([course.name])) & set(SEROTONERGIC_CLASSES)
    ]
    if recent_serotonergic:
        facts["serotonergic_started_recently"] = True
    return facts


def _factor_facts(diary: Diary, today: date) -> dict[str, Any]:
    since = today - timedelta(days=FACTOR_WINDOW_DAYS - 1)
    recent = [day for day in diary.days if since <= day.day <= today]
    facts: dict[str, Any] = {}
    for name in ("caffeine_mg", "sleep_hours", "stress", "anxiety"):
        values = [getattr(day, name) for day in recent if getattr(day, name) is not None]
        if values:
            mean = sum(values) / len(values)
            facts[name] = round(mean) if name in ("stress", "anxiety") else round(mean, 1)
    return facts


def _walking_failed_twice(checks: list[StrengthCheck]) -> bool:
    """Heel or toe walking failed on both of the last two checks that tried it.

    A failed heel or toe walk is weakness a person can see, but one try can fail for many
    reasons, so like grip it needs to repeat.
    """
    ordered = sorted(checks, key=lambda check: check.checked_at)
    for test in ("heel_walk", "toe_walk"):
        results = [getattr(c, test) for c in ordered if getattr(c, test) is not None]
        if len(results) >= 2 and results[-2:] == ["fail", "fail"]:
            return True
    return False


def facts_from_diary(diary: Diary, today: date) -> TriageFacts:
    """Everything the diary says that triage can use; all else stays unknown."""
    facts = _episode_facts(diary, today)
    symptoms = _symptom_facts(diary, today)
    tongue = symptoms.pop("regions", ())
    if tongue:
        facts["regions"] = tuple(dict.fromkeys((*facts.get("regions", ()), *tongue)))
    facts.update(symptoms)
    facts.update(_medicine_facts(diary, today))
    facts.update(_factor_facts(diary, today))
    checks = [c for c in diary.strength_checks if diary.day_of(c.checked_at) <= today]
    if grip_decline(checks, diary.day_of).flagged:
        facts["grip_decline"] = True
    if _walking_failed_twice(checks):
        facts["weakness"] = True
    return TriageFacts(**facts)


def lookback_start(today: date) -> date:
    """The first diary day that facts_from_diary looks at (see LOOKBACK_DAYS)."""
    return today - timedelta(days=LOOKBACK_DAYS)
