"""The doctor report as plain data: what every page shows, before any PDF or HTML is drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from twitchguide.errors import InvalidInput
from twitchguide.reports.charts import Effect, GripSeries, WeekCount

# Page 1 is always the summary; the detail sections follow in this order.
SECTIONS: tuple[str, ...] = (
    "summary",
    "timeline",
    "factors",
    "symptoms",
    "strength",
    "relief",
    "notes",
)
SECTION_TITLES: dict[str, str] = {
    "summary": "Summary",
    "timeline": "Timeline of twitching",
    "factors": "Daily factors, weekly averages",
    "symptoms": "Symptom reports",
    "strength": "Strength checks",
    "relief": "Relief ratings",
    "notes": "The person's notes",
}
PAPERS: tuple[str, ...] = ("a4", "letter")
FORMATS: tuple[str, ...] = ("pdf", "html")
PATIENT_REPORTED = "All data are patient-reported, from the person's own diary."
NOT_A_DIAGNOSIS = (
    "This report summarises a diary. It is not a diagnosis; the links shown are associations "
    "in one person's data, not causes."
)
ASSOCIATION_CAVEAT = (
    "These are associations in this person's own diary, not causes, and any label can be "
    "wrong: 'possible' more often than 'likely'."
)


@dataclass(frozen=True)
class ReportOptions:
    """What the person chose: the period, the sections, the paper and the format."""

    start: date | None = None
    end: date | None = None
    sections: tuple[str, ...] = SECTIONS
    paper: str = "a4"
    format: str = "pdf"

    def __post_init__(self) -> None:
        for name in self.sections:
            if name not in SECTIONS:
                raise InvalidInput("sections", f"'{name}' is not a section; use {_or(SECTIONS)}")
        if self.paper not in PAPERS:
            raise InvalidInput("paper", f"use {_or(PAPERS)}")
        if self.format not in FORMATS:
            raise InvalidInput("format", f"use {_or(FORMATS)}")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise InvalidInput("from", "is after --to; give a start on or before the end")


def parse_sections(text: str) -> tuple[str, ...]:
    """'summary,strength' -> the chosen sections in report order ('all' means every one)."""
    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    if not words or words == ["all"]:
        return SECTIONS
    for word in words:
        if word not in SECTIONS:
            raise InvalidInput("sections", f"'{word}' is not a section; use all or {_or(SECTIONS)}")
    return tuple(name for name in SECTIONS if name in words)


def _or(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1]


@dataclass(frozen=True)
class RedFlagAnswer:
    """One weakness or red-flag question, as this diary answers it."""

    fact: str
    question: str
    answer: str  # "yes" | "not reported"; the measured grip: "yes" | "no" | "too few checks"
    when: tuple[date, ...] = ()


@dataclass(frozen=True)
class Weakness:
    """'Is there weakness, and is it getting worse?': answers, triage level and grip trend."""

    answers: tuple[RedFlagAnswer, ...]
    level: str
    level_title: str
    level_advice: str
    reasons: tuple[str, ...]
    grip: tuple[GripSeries, ...]
    grip_wording: str
    grip_flagged: bool
    heel_walk_failed_on: tuple[date, ...]
    toe_walk_failed_on: tuple[date, ...]
    strength_checks: int


@dataclass(frozen=True)
class Medicine:
    """One medicine or supplement course that overlaps the period."""

    name: str
    kind: str
    dose: str
    started_on: date
    ended_on: date | None
    current: bool
    note: str


@dataclass(frozen=True)
class Table:
    """A detail table: a title, column headers (with units) and rows of text."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "Nothing logged in this period."
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty


@dataclass(frozen=True)
class Course:
    """When twitching started and how it has gone since."""

    first_episode: date | None
    episodes: int
    days_logged: int
    days_in_period: int
    per_logged_day: float | None
    trend: str
    recent: str
    weeks: tuple[WeekCount, ...]
    calendar_counts: dict[date, int]
    calendar_logged: frozenset[date]
    body_counts: dict[tuple[str, str | None], int]
    top_places: tuple[str, ...]


@dataclass(frozen=True)
class Factors:
    """What goes with more twitching: the chart data, the words, and what could not be judged."""

    effects: tuple[Effect, ...]
    lines: tuple[str, ...]
    no_clear_link: tuple[str, ...]
    not_enough_data: tuple[str, ...]
    summary: str
    all_results: tuple[tuple[str, ...], ...] = ()
    caveat: str = ASSOCIATION_CAVEAT


@dataclass(frozen=True)
class Report:
    """Everything the doctor report shows, for one period and one choice of sections."""

    start: date
    end: date
    generated_at: datetime
    timezone: str
    sections: tuple[str, ...]
    paper: str
    course: Course
    weakness: Weakness
    medicines: tuple[Medicine, ...]
    factors: Factors
    details: dict[str, tuple[Table, ...]] = field(default_factory=dict)

    @property
    def period(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    @property
    def stamp(self) -> str:
        """The line every page carries: period, when generated, time zone, patient-reported."""
        generated = self.generated_at.strftime("%Y-%m-%d %H:%M")
        return (
            f"Period {self.period} · generated {generated} · time zone {self.timezone} · "
            "patient-reported data"
        )

    def counts(self) -> dict[str, Any]:
        """How many records of each kind the report read, for tests and the CLI's last line."""
        return {
            "episodes": self.course.episodes,
            "days_logged": self.course.days_logged,
            "medicines": len(self.medicines),
            "strength_checks": self.weakness.strength_checks,
        }
