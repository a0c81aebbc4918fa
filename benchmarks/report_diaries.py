"""Made-up diaries for the doctor report: empty, a week, a year, red flags with a falling grip.

Shared by tests/reports, benchmarks/bench_report.py and the sample report under docs/report/.
Every figure is seeded, so the same call gives the same diary.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import numpy as np

from twitchguide.diary.records import (
    DailyFactors,
    Episode,
    MedicationCourse,
    ReliefRating,
    Stamps,
    StrengthCheck,
    SymptomReport,
)
from twitchguide.diary.snapshot import Diary

YEAR_END = date(2026, 11, 27)
ZONE = "Europe/Berlin"
_MADE = datetime(2025, 1, 1, tzinfo=UTC)
PLACES = (("calf", "left"), ("calf", "right"), ("eyelid", "left"), ("thigh", "left"),
          ("forearm", "right"), ("foot", "left"))  # fmt: skip
PLACE_WEIGHTS = (0.34, 0.14, 0.22, 0.12, 0.1, 0.08)


class _Ids:
    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> Stamps:
        self.next += 1
        return Stamps(self.next, 1, _MADE, _MADE)


def empty_diary() -> Diary:
    return Diary(timezone=ZONE)


def year_diary(n_days: int = 365, end: date = YEAR_END, seed: int = 7) -> Diary:
    """A year of logging: factors most days, ~6 twitches a day that rise with caffeine, weekly
    grip checks within noise, two medicines and a supplement, a few symptoms and notes."""
    rng = np.random.default_rng(seed)
    stamps = _Ids()
    first = end - timedelta(days=n_days - 1)
    episodes: list[Episode] = []
    days: list[DailyFactors] = []
    checks: list[StrengthCheck] = []
    for i in range(n_days):
        day = first + timedelta(days=i)
        if rng.uniform() < 0.06:
            continue  # a day not logged at all
        caffeine = float(rng.integers(0, 5) * 100)
        sleep = round(float(rng.normal(7, 1)), 1)
        days.append(
            DailyFactors(
                stamps(),
                day,
                sleep_hours=sleep,
                stress=int(rng.integers(1, 6)),
                anxiety=int(rng.integers(1, 6)),
                caffeine_mg=caffeine,
                water_litres=round(float(rng.uniform(1, 3)), 1),
                exercise_minutes=float(rng.integers(0, 7) * 10),
                alcohol_units=float(rng.integers(0, 3)),
                magnesium_servings=float(rng.integers(0, 4)),
                potassium_servings=float(rng.integers(0, 5)),
                note="Long shift, lots of coffee." if i % 61 == 5 else None,
            )
        )
        fading = 1.0 - 0.4 * i / n_days  # it eases over the year
        rate = 6.0 * fading * np.exp(0.25 * (caffeine - 200) / 100 - 0.1 * (sleep - 7))
        start = datetime(day.year, day.month, day.day, 6, tzinfo=UTC)
        for _ in range(int(rng.poisson(rate))):
            region, side = PLACES[int(rng.choice(len(PLACES), p=PLACE_WEIGHTS))]
            at = start + timedelta(minutes=float(rng.uniform(0, 15 * 60)))
            episodes.append(
                Episode(
                    stamps(),
                    at,
                    region,
                    side=side,
                    duration_seconds=int(rng.integers(2, 180)),
                    intensity=int(rng.integers(1, 4)),
                    pattern=("single", "burst", "continuous")[int(rng.integers(0, 3))],
                    context=("rest", "after_exercise", "falling_asleep")[int(rng.integers(0, 3))],
                    note="Worse after the gym." if len(episodes) % 400 == 3 else None,
                )
            )
        if i % 7 == 3:
            grip = [float(v) for v in rng.normal([38] * 3 + [42] * 3, 1.2).round(1)]
            checks.append(
                StrengthCheck(
                    stamps(), start + timedelta(hours=12), *grip, heel_walk="pass", toe_walk="pass"
                )
            )
    episodes.sort(key=lambda e: e.started_at)
    medications = [
        MedicationCourse(stamps(), "Sertraline", first + timedelta(days=40), kind="medicine",
                         dose="50 mg once a day"),
        MedicationCourse(stamps(), "Magnesium glycinate", first + timedelta(days=120),
                         kind="supplement", dose="200 mg at night",
                         note="Started after reading about magnesium."),
        MedicationCourse(stamps(), "Salbutamol inhaler", first + timedelta(days=10),
                         kind="medicine", dose="2 puffs when needed",
                         ended_on=first + timedelta(days=90)),
    ]  # fmt: skip
    symptoms = [
        SymptomReport(stamps(), datetime.combine(first + timedelta(days=30), datetime.min.time(),
                      UTC) + timedelta(hours=19), "cramps", region="calf", side="left",
                      description="Calf cramps at night, eased by stretching."),
        SymptomReport(stamps(), datetime.combine(first + timedelta(days=200), datetime.min.time(),
                      UTC) + timedelta(hours=9), "tingling", region="foot", side="left",
                      since=first + timedelta(days=195),
                      description="Pins and needles, comes and goes."),
    ]  # fmt: skip
    ratings = [
        ReliefRating(stamps(), first + timedelta(days=25 * k + 5),
                     ("stretching_and_massage", "caffeine_reduction", "sleep_habits")[k % 3],
                     ("helpful", "somewhat", "not_helpful")[k % 3],
                     note="Helped the calf." if k == 0 else None)
        for k in range(12)
        if 25 * k + 5 < n_days
    ]  # fmt: skip
    return Diary(
        episodes=episodes,
        days=days,
        medications=[_until(m, end) for m in medications if m.started_on <= end],
        symptoms=[s for s in symptoms if s.noted_at.date() <= end],
        strength_checks=checks,
        relief_ratings=ratings,
        timezone=ZONE,
    )


def week_diary(end: date = YEAR_END) -> Diary:
    """Seven days: a first week of logging, with one grip check and one medicine."""
    return year_diary(n_days=7, end=end, seed=3)


def red_flag_diary(end: date = YEAR_END) -> Diary:
    """Two months of twitching, then reported weakness and trouble swallowing, and a left grip
    that falls past the noise band on the last two check days."""
    base = year_diary(n_days=60, end=end, seed=11)
    stamps = _Ids()
    stamps.next = 1_000_000
    checks = []
    first = end - timedelta(days=59)
    for week in range(8):
        at = datetime.combine(first + timedelta(days=7 * week + 1), datetime.min.time(), UTC)
        left = 38.0 if week < 6 else 38.0 * (0.72 - 0.04 * (week - 6))
        checks.append(
            StrengthCheck(
                stamps(), at + timedelta(hours=18), left, left + 0.4, left - 0.3, 42.0, 42.3, 41.8,
                heel_walk="pass", toe_walk="fail" if week == 7 else "pass",
                note="Left hand feels clumsy." if week == 7 else None,
            )
        )  # fmt: skip
    noted = datetime.combine(end - timedelta(days=3), datetime.min.time(), UTC)
    symptoms = [
        *base.symptoms,
        SymptomReport(stamps(), noted + timedelta(hours=10), "weakness", region="hand",
                      side="left", since=end - timedelta(days=20),
                      description="Dropping cups with my left hand."),
        SymptomReport(stamps(), noted + timedelta(hours=20), "trouble_swallowing",
                      description="Choked on my own spit twice."),
    ]  # fmt: skip
    return Diary(
        episodes=base.episodes,
        days=base.days,
        medications=base.medications,
        symptoms=symptoms,
        strength_checks=checks,
        relief_ratings=base.relief_ratings,
        timezone=ZONE,
    )


def _until(course: MedicationCourse, end: date) -> MedicationCourse:
    """A course as known on `end`: one that ends later is still being taken."""
    if course.ended_on is not None and course.ended_on > end:
        return dataclasses.replace(course, ended_on=None)
    return course
