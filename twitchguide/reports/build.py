"""Assemble the report model from a diary and the domain's results (pure: no I/O, no clock)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from twitchguide.diary.snapshot import Diary
from twitchguide.insights.daily_table import build_daily_table
from twitchguide.insights.report import Insights, StrengthSummary
from twitchguide.insights.triggers import TriggerAnalysis, TriggerResult
from twitchguide.reports import details
from twitchguide.reports.charts import Effect, GripSeries, WeekCount
from twitchguide.reports.model import (
    ASSOCIATION_CAVEAT,
    Course,
    Factors,
    Medicine,
    RedFlagAnswer,
    Report,
    ReportOptions,
    Weakness,
)
from twitchguide.triage.engine import TriageResult
from twitchguide.triage.facts import FACT_SPECS, TriageFacts

# The questions that answer "is there weakness, and is it getting worse?", weakness first.
RED_FLAG_FACTS: tuple[str, ...] = (
    "weakness",
    "grip_decline",
    "muscle_wasting",
    "trouble_swallowing",
    "trouble_speaking",
    "trouble_breathing",
    "face_drooping",
    "spreading",
    "numbness",
)
# Signs of weakness; the others in RED_FLAG_FACTS are shown with them but are not weakness.
WEAKNESS_FACTS = frozenset(RED_FLAG_FACTS) - {"spreading", "numbness"}
_QUESTIONS = {
    "weakness": "Weakness, or a failed heel or toe walk",
    "grip_decline": "Grip below the noise band, last 2 check days",
    "muscle_wasting": "A muscle looks thinner or has shrunk",
    "trouble_swallowing": "Trouble swallowing food or drink",
    "trouble_speaking": "Slurred speech or trouble finding words",
    "trouble_breathing": "Short of breath at rest",
    "face_drooping": "One side of the face droops",
    "spreading": "Twitching spread to new places (last 30 days)",
    "numbness": "Numbness (loss of feeling)",
}
_EVIDENCE_WORDS = {"likely": "likely", "possible": "possible", "no_clear_link": "no clear link"}


def report_period(diary: Diary, options: ReportOptions, today: date) -> tuple[date, date]:
    """The person's dates, or from the first record to today."""
    end = options.end or today
    if options.start is not None:
        return options.start, end
    firsts = [diary.day_of(e.started_at) for e in diary.episodes] + [d.day for d in diary.days]
    firsts += [diary.day_of(c.checked_at) for c in diary.strength_checks]
    firsts += [diary.day_of(s.noted_at) for s in diary.symptoms]
    start = min(firsts, default=end)
    return min(start, end), end


def build_report(
    diary: Diary,
    insights: Insights,
    facts: TriageFacts,
    level: TriageResult,
    options: ReportOptions,
    *,
    start: date,
    end: date,
    generated_at: datetime,
) -> Report:
    """The whole report for [start, end] from the diary, its insights and its triage result."""
    return Report(
        start=start,
        end=end,
        generated_at=generated_at,
        timezone=diary.timezone,
        sections=options.sections,
        paper=options.paper,
        course=_course(diary, insights, start, end),
        weakness=_weakness(diary, insights, facts, level, start, end),
        medicines=_medicines(diary, start, end),
        factors=_factors(insights.triggers),
        details=details.detail_tables(diary, start, end),
    )


def _course(diary: Diary, insights: Insights, start: date, end: date) -> Course:
    table = build_daily_table(diary, start, end)
    counts: Counter[date] = Counter()
    places: Counter[tuple[str, str | None]] = Counter()
    for episode in diary.episodes:
        day = diary.day_of(episode.started_at)
        if start <= day <= end:
            counts[day] += 1
            places[(episode.region, episode.side)] += 1
    logged = frozenset(day for day, seen in zip(table.days, table.observed, strict=True) if seen)
    first_monday = start - timedelta(days=start.weekday())
    weeks: list[WeekCount] = []
    monday = first_monday
    while monday <= end:
        days = [monday + timedelta(days=i) for i in range(7)]
        inside = [d for d in days if start <= d <= end]
        weeks.append(
            WeekCount(monday, sum(counts[d] for d in inside), sum(1 for d in inside if d in logged))
        )
        monday += timedelta(days=7)
    patterns = insights.patterns
    first_days = [diary.day_of(e.started_at) for e in diary.episodes]
    by_region: Counter[str] = Counter()
    sides: dict[str, Counter[str]] = {}
    for (region, side), n in places.items():
        by_region[region] += n
        sides.setdefault(region, Counter())[side or "no side"] += n
    top = tuple(
        f"{region.replace('_', ' ')} {n} ("
        + ", ".join(f"{s} {k}" for s, k in sides[region].most_common())
        + ")"
        for region, n in by_region.most_common(4)
    )
    return Course(
        first_episode=min(first_days, default=None),
        episodes=sum(counts.values()),
        days_logged=len(logged),
        days_in_period=(end - start).days + 1,
        per_logged_day=sum(counts.values()) / len(logged) if logged else None,
        trend=patterns.trend_per_30_days.wording if patterns.trend_per_30_days else "",
        recent=patterns.last_14_days.wording if patterns.last_14_days else "",
        weeks=tuple(weeks),
        calendar_counts=dict(counts),
        calendar_logged=logged,
        body_counts=dict(places),
        top_places=top,
    )


def _weakness(
    diary: Diary,
    insights: Insights,
    facts: TriageFacts,
    level: TriageResult,
    start: date,
    end: date,
) -> Weakness:
    strength = insights.strength
    answers = red_flag_answers(diary, facts, strength, start, end)
    grip = tuple(
        GripSeries(
            trend.hand,
            trend.days,
            trend.baseline_kg,
            trend.threshold_fraction,
            trend.declined,
        )
        for trend in (strength.grip.right, strength.grip.left)
        if trend.days
    )
    return Weakness(
        answers=answers,
        level=level.level,
        level_title=level.title,
        level_advice=" ".join((level.advice, *level.extra_advice)),
        reasons=tuple(reason.explanation for reason in level.reasons),
        grip=grip,
        grip_wording=strength.wording,
        grip_flagged=strength.grip.flagged,
        heel_walk_failed_on=tuple(strength.heel_walk_failed_on),
        toe_walk_failed_on=tuple(strength.toe_walk_failed_on),
        strength_checks=strength.checks,
    )


def red_flag_answers(
    diary: Diary, facts: TriageFacts, strength: StrengthSummary, start: date, end: date
) -> tuple[RedFlagAnswer, ...]:
    """Each red-flag question as the diary answers it over [start, end]: yes, or not reported."""
    reported: dict[str, list[date]] = {}
    for symptom in diary.symptoms:
        day = diary.day_of(symptom.noted_at)
        if start <= day <= end:
            reported.setdefault(symptom.kind, []).append(day)
    walking = sorted({*strength.heel_walk_failed_on, *strength.toe_walk_failed_on})
    answers = []
    for name in RED_FLAG_FACTS:
        when = list(reported.get(name, []))
        if name == "weakness":
            when += walking
        answer = "yes" if when or getattr(facts, name) is True else "not reported"
        if name == "grip_decline":
            answer = _grip_answer(strength)
        question = _QUESTIONS.get(name) or _capital(str(FACT_SPECS[name].metadata["meaning"]))
        answers.append(RedFlagAnswer(name, question, answer, tuple(sorted(when))))
    return tuple(answers)


def _grip_answer(strength: StrengthSummary) -> str:
    """The grip is measured, not reported: yes, no, or too few check days to tell."""
    if strength.grip.flagged:
        return "yes"
    grip = strength.grip
    if grip.left.baseline_kg is None and grip.right.baseline_kg is None:
        return "too few checks"
    return "no"


def _medicines(diary: Diary, start: date, end: date) -> tuple[Medicine, ...]:
    overlapping = [
        course
        for course in diary.medications
        if course.started_on <= end and (course.ended_on is None or course.ended_on >= start)
    ]
    overlapping.sort(key=lambda c: (c.ended_on is not None, c.started_on, c.name.lower()))
    return tuple(
        Medicine(
            name=course.name,
            kind=course.kind or "not given",
            dose=course.dose or "",
            started_on=course.started_on,
            ended_on=course.ended_on,
            current=course.ended_on is None or course.ended_on >= end,
            note=course.note or "",
        )
        for course in overlapping
    )


def _factors(triggers: TriggerAnalysis) -> Factors:
    shown = [r for r in triggers.results if r.evidence in ("likely", "possible")]
    shown.sort(key=lambda r: (r.evidence != "likely", -(abs((r.rate_ratio or 1) - 1))))
    effects = tuple(
        Effect(
            _effect_label(r),
            r.rate_ratio or 1.0,
            r.ci_low or 1.0,
            r.ci_high or 1.0,
            _EVIDENCE_WORDS[r.evidence],
        )
        for r in shown
    )
    quiet = _quiet_factors(triggers.results)
    waiting = sorted({r.label for r in triggers.results if r.evidence == "not_enough_data"})
    return Factors(
        effects=effects,
        lines=tuple(r.wording for r in shown),
        no_clear_link=tuple(quiet),
        not_enough_data=tuple(waiting),
        summary=triggers.summary,
        all_results=tuple(_result_row(r) for r in triggers.results),
        caveat=_caveat(triggers.results),
    )


def _caveat(results: list[TriggerResult]) -> str:
    """What the labels mean, with how often each was wrong on made-up diaries this long."""
    shares = {r.evidence: r.false_share for r in results if r.false_share is not None}
    parts = [
        f"'{label}' links were wrong about {round(100 * shares[label])} times in 100"
        for label in ("likely", "possible")
        if label in shares
    ]
    if not parts:
        return ASSOCIATION_CAVEAT
    return (
        "These are associations in this person's own diary, not causes. On simulated diaries "
        f"as long as this one, {' and '.join(parts)}."
    )


def _result_row(r: TriggerResult) -> tuple[str, ...]:
    interval = (
        f"{r.ci_low:.2f}–{r.ci_high:.2f}" if r.ci_low is not None and r.ci_high is not None else ""
    )
    return (
        r.label,
        "same day" if r.lag_days == 0 else "day before",
        r.contrast,
        f"{r.rate_ratio:.2f}" if r.rate_ratio is not None else "",
        interval,
        _EVIDENCE_WORDS.get(r.evidence, "not enough data"),
        str(r.days_logged),
    )


def _quiet_factors(results: list[TriggerResult]) -> tuple[str, ...]:
    """Factors with no clear link, naming the day only when the other lag showed something."""
    by_factor: dict[str, dict[int, TriggerResult]] = {}
    for result in results:
        by_factor.setdefault(result.label, {})[result.lag_days] = result
    quiet: list[str] = []
    for label, lags in by_factor.items():
        calm = [lag for lag, r in lags.items() if r.evidence == "no_clear_link"]
        if calm and len(calm) == len(lags):
            quiet.append(label)
        else:
            quiet += [f"{label} ({'same day' if lag == 0 else 'the day before'})" for lag in calm]
    return tuple(sorted(quiet))


def _effect_label(result: TriggerResult) -> str:
    contrast = result.contrast.replace(" serving ", " ").replace("+1 serving", "+1")
    return contrast + (" (day before)" if result.lag_days == 1 else "")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
