"""The typed results of the actions, declared once: `--json`, the web API and the reports all
serialise these shapes with `to_json()`. docs/json.md describes each one.

Domain results that already have a shape of their own (insights, the relief plan, a triage
result) are carried inside these and serialised by their own `to_dict`.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

from twitchguide.diary.records import (
    DailyFactors,
    Episode,
    MedicationCourse,
    Record,
    ReliefRating,
    StrengthCheck,
    SymptomReport,
    record_json,
)
from twitchguide.value import value

if TYPE_CHECKING:
    from twitchguide.insights.plan import ReliefPlan
    from twitchguide.insights.report import Insights
    from twitchguide.triage.engine import TriageResult
    from twitchguide.triage.extract.extractor import Extraction
    from twitchguide.triage.facts import TriageFacts


@value
class TriageNotice:
    """The short word after a write, or the web app's banner, when the diary calls for a doctor."""

    level: str
    title: str
    summary: str  # the level and its main reason in one line
    advice: str
    by_when: str
    emergency_number: str

    @property
    def is_emergency(self) -> bool:
        return self.level == "emergency"

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "title": self.title,
            "summary": self.summary,
            "advice": self.advice,
            "by_when": self.by_when,
            "emergency_number": self.emergency_number,
        }


@value
class LogResult:
    """What `log` did: the episodes written (or checked, on a dry run) and the words read."""

    episodes: tuple[Episode, ...]
    understood: tuple[tuple[str, str], ...]  # (field, the words it came from)
    from_words: bool
    dry_run: bool = False
    checked: tuple[dict[str, Any], ...] = ()  # on a dry run: the validated field values
    notice: TriageNotice | None = None

    def to_json(self) -> Any:
        if self.dry_run:
            data: dict[str, Any] = {
                "dry_run": True,
                "episode": self.checked[0],
                "understood": [{"field": n, "words": w} for n, w in self.understood],
            }
            if len(self.checked) > 1:
                data["episodes"] = list(self.checked)
            return data
        if len(self.episodes) == 1:
            return record_json(self.episodes[0])
        return [record_json(episode) for episode in self.episodes]


@value
class RecordWrite:
    """A record just added or changed, with anything worth saying about it."""

    record: Record
    notice: TriageNotice | None = None
    remark: str | None = None  # e.g. strength checks closer than once a week

    def to_json(self) -> dict[str, Any]:
        return record_json(self.record)


@value
class TimelineDay:
    """One diary day's records, each list in time order."""

    day: date
    factors: DailyFactors | None
    episodes: tuple[Episode, ...]
    symptoms: tuple[SymptomReport, ...]
    strength_checks: tuple[StrengthCheck, ...]
    relief_ratings: tuple[ReliefRating, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "factors": None if self.factors is None else record_json(self.factors),
            "episodes": [record_json(r) for r in self.episodes],
            "symptoms": [record_json(r) for r in self.symptoms],
            "strength_checks": [record_json(r) for r in self.strength_checks],
            "relief_ratings": [record_json(r) for r in self.relief_ratings],
        }


@value
class DiaryTimeline:
    """The diary day by day over a period: only days with entries, oldest first."""

    since: date
    until: date
    timezone: str
    day_start_hour: int
    medications: tuple[MedicationCourse, ...]  # courses running at some point in the period
    days: tuple[TimelineDay, ...]

    @property
    def episode_count(self) -> int:
        return sum(len(day.episodes) for day in self.days)

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "timezone": self.timezone,
            "day_start_hour": self.day_start_hour,
            "medications": [record_json(course) for course in self.medications],
            "days": [day.to_json() for day in self.days],
        }


@value
class CheckResult:
    """The answer to "should I see a doctor?", with its sources resolved and what it rests on."""

    result: TriageResult
    sources: tuple[dict[str, str], ...]  # the guide's source entries (guide.plain.source_dict)
    facts: TriageFacts
    unanswered: tuple[dict[str, Any], ...]  # facts still unknown that could change the level
    extraction: Extraction | None = None  # when the facts came from the person's words

    def to_json(self) -> dict[str, Any]:
        data = {
            **self.result.to_dict(),
            "sources": list(self.sources),
            "facts": self.facts.to_dict(),
            "unanswered": list(self.unanswered),
        }
        if self.extraction is not None:
            extraction = self.extraction
            data.update(
                {
                    "text": extraction.text,
                    "understood": [evidence.to_dict() for evidence in extraction.evidence],
                    "unsure": [doubt.to_dict() for doubt in extraction.unsure],
                    "notes": dict(extraction.notes),
                }
            )
        return data


@value
class ImportSummary:
    """How many records of each kind an import brought in (all of them, or none)."""

    counts: dict[str, int]  # by table name, every kind present

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {"imported": dict(self.counts), "total": self.total}


@value
class SettingsView:
    """The person's settings as shown and changed."""

    user: str
    timezone: str
    day_start_hour: int
    emergency_number: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "timezone": self.timezone,
            "day_start_hour": self.day_start_hour,
            "emergency_number": self.emergency_number,
        }


@value
class InsightsView:
    """What goes with more twitching, over a period (the domain's Insights)."""

    insights: Insights

    def to_json(self) -> dict[str, Any]:
        return self.insights.to_dict()


@value
class PlanView:
    """The relief plan over a period (the domain's ReliefPlan)."""

    plan: ReliefPlan

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self.plan)


@value
class GuidePage:
    """One guide topic with its sections, paragraphs and sources (guide.plain.topic_dict)."""

    topic: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return self.topic


@value
class GuideSearch:
    """Guide passages that answer a question, best first (guide.plain.search_dict)."""

    result: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return self.result
