"""The detail pages' tables: timeline, weekly factor averages, symptoms, strength, relief, notes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta

from twitchguide.diary.records import DAILY_FACTORS, DailyFactors, Episode
from twitchguide.diary.snapshot import Diary
from twitchguide.reports.model import Table

# Daily factors averaged per week, with the unit in each header.
WEEKLY_FACTORS: tuple[tuple[str, str], ...] = (
    ("sleep_hours", "sleep (h)"),
    ("stress", "stress (1-5)"),
    ("anxiety", "anxiety (1-5)"),
    ("caffeine_mg", "caffeine (mg)"),
    ("water_litres", "water (L)"),
    ("exercise_minutes", "exercise (min)"),
    ("alcohol_units", "alcohol (units)"),
    ("magnesium_servings", "Mg-rich food (servings)"),
    ("potassium_servings", "K-rich food (servings)"),
)
_SIDE = {"left": "L", "right": "R", "both": "both", "midline": "mid"}


def detail_tables(diary: Diary, start: date, end: date) -> dict[str, tuple[Table, ...]]:
    """Every detail section's tables for [start, end]."""

    def inside(day: date) -> bool:
        return start <= day <= end

    episodes = [e for e in diary.episodes if inside(diary.day_of(e.started_at))]
    return {
        "timeline": (_timeline(diary, episodes),),
        "factors": (_weekly_factors(diary, start, end),),
        "symptoms": (_symptoms(diary, inside),),
        "strength": (_strength(diary, inside),),
        "relief": (_relief(diary, inside),),
        "notes": (_notes(diary, episodes, inside),),
    }


def local_time(diary: Diary, instant: datetime) -> str:
    return instant.astimezone(diary.zone).strftime("%Y-%m-%d %H:%M")


def place(episode_region: str, side: str | None) -> str:
    words = episode_region.replace("_", " ")
    return f"{words} {_SIDE[side]}" if side in _SIDE else words


def _timeline(diary: Diary, episodes: list[Episode]) -> Table:
    by_day: dict[date, list[Episode]] = defaultdict(list)
    for episode in episodes:
        by_day[diary.day_of(episode.started_at)].append(episode)
    rows = []
    for day in sorted(by_day):
        todays = by_day[day]
        places = Counter(place(e.region, e.side) for e in todays)
        where = ", ".join(f"{p} ×{n}" if n > 1 else p for p, n in places.most_common())
        intensities = [e.intensity for e in todays if e.intensity is not None]
        longest = max((e.duration_seconds for e in todays if e.duration_seconds), default=None)
        patterns = Counter(e.pattern for e in todays if e.pattern)
        pattern_words = ", ".join(f"{p} {n}" for p, n in patterns.most_common())
        rows.append(
            (
                day.isoformat(),
                str(len(todays)),
                where,
                str(max(intensities)) if intensities else "",
                _duration(longest),
                pattern_words,
            )
        )
    return Table(
        "Twitch episodes by day",
        ("day", "episodes", "where (L/R = person's left/right)", "max intensity (1-5)",
         "longest", "patterns (episodes)"),
        tuple(rows),
        widths=(1.9, 1.3, 6.4, 1.6, 1.4, 3.6),
    )  # fmt: skip


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _weekly_factors(diary: Diary, start: date, end: date) -> Table:
    weeks: dict[date, list[DailyFactors]] = defaultdict(list)
    for row in diary.days:
        if start <= row.day <= end:
            weeks[row.day - timedelta(days=row.day.weekday())].append(row)
    rows = []
    for monday in sorted(weeks):
        days = weeks[monday]
        cells = [monday.isoformat(), str(len(days))]
        for name, _ in WEEKLY_FACTORS:
            values = [getattr(d, name) for d in days if getattr(d, name) is not None]
            cells.append(f"{sum(values) / len(values):.1f}" if values else "")
        rows.append(tuple(cells))
    return Table(
        "Weekly averages of the days logged (empty: not recorded that week)",
        ("week from", "days", *(label for _, label in WEEKLY_FACTORS)),
        tuple(rows),
        widths=(2.0, 1.0, *([1.5] * len(WEEKLY_FACTORS))),
    )


def _symptoms(diary: Diary, inside: Callable[[date], bool]) -> Table:
    rows = tuple(
        (
            local_time(diary, s.noted_at),
            s.kind.replace("_", " "),
            place(s.region, s.side) if s.region else "",
            s.since.isoformat() if s.since else "",
            s.description or "",
        )
        for s in diary.symptoms
        if inside(diary.day_of(s.noted_at))
    )
    return Table(
        "Symptoms reported with the twitching",
        ("noted", "kind", "where", "since", "in the person's words"),
        rows,
        widths=(2.4, 2.0, 1.8, 1.6, 6.0),
    )


def _strength(diary: Diary, inside: Callable[[date], bool]) -> Table:
    def kg(value: float | None) -> str:
        return "" if value is None else f"{value:.1f}"

    rows = tuple(
        (
            local_time(diary, c.checked_at),
            " / ".join(kg(v) for v in (c.grip_right_1, c.grip_right_2, c.grip_right_3)),
            kg(c.grip_right_kg),
            " / ".join(kg(v) for v in (c.grip_left_1, c.grip_left_2, c.grip_left_3)),
            kg(c.grip_left_kg),
            c.heel_walk or "",
            c.toe_walk or "",
        )
        for c in diary.strength_checks
        if inside(diary.day_of(c.checked_at))
    )
    return Table(
        "Strength checks (grip in kg, three trials a hand; the mean is what the trend uses)",
        ("checked", "right trials (kg)", "right mean (kg)", "left trials (kg)", "left mean (kg)",
         "heel walk", "toe walk"),
        rows,
        widths=(2.4, 2.6, 1.6, 2.6, 1.6, 1.3, 1.3),
    )  # fmt: skip


def _relief(diary: Diary, inside: Callable[[date], bool]) -> Table:
    rows = tuple(
        (
            r.rated_on.isoformat(),
            r.strategy.replace("_", " "),
            r.rating.replace("_", " "),
            r.note or "",
        )
        for r in diary.relief_ratings
        if inside(r.rated_on)
    )
    return Table(
        "How well relief steps worked, in the person's rating",
        ("day", "relief step", "rating", "note"),
        rows,
        widths=(1.8, 2.6, 1.8, 6.0),
    )


def _notes(diary: Diary, episodes: list[Episode], inside: Callable[[date], bool]) -> Table:
    notes: list[tuple[str, str, str]] = []
    for e in episodes:
        if e.note:
            notes.append((local_time(diary, e.started_at), "twitch episode", e.note))
    for d in diary.days:
        if d.note and inside(d.day):
            notes.append((d.day.isoformat(), DAILY_FACTORS.singular, d.note))
    for m in diary.medications:
        if m.note and inside(m.started_on):
            notes.append((m.started_on.isoformat(), f"medicine: {m.name}", m.note))
    for c in diary.strength_checks:
        if c.note and inside(diary.day_of(c.checked_at)):
            notes.append((local_time(diary, c.checked_at), "strength check", c.note))
    for r in diary.relief_ratings:
        if r.note and inside(r.rated_on):
            notes.append((r.rated_on.isoformat(), "relief rating", r.note))
    notes.sort(key=lambda row: row[0])
    return Table(
        "Notes in the person's own words",
        ("when", "written with", "note"),
        tuple(notes),
        widths=(2.4, 2.6, 8.0),
    )
