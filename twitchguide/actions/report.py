"""The doctor report action: one diary, the person's choices -> the report's bytes and file name.

The CLI's `report` and the web app's download button both call `render_report`; nothing else
builds a report, so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from twitchguide.reports.model import Report, ReportOptions

if TYPE_CHECKING:
    from twitchguide.diary.snapshot import Diary

MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


@dataclass(frozen=True)
class RenderedReport:
    """A finished report: its bytes, a file name to offer, and its media type."""

    content: bytes
    filename: str
    media_type: str
    report: Report

    def to_json(self) -> dict[str, object]:
        return {
            "filename": self.filename,
            "media_type": self.media_type,
            "bytes": len(self.content),
            "period": {"from": self.report.start.isoformat(), "to": self.report.end.isoformat()},
            "sections": list(self.report.sections),
            "counts": self.report.counts(),
        }


def build_report_for(
    diary: Diary,
    options: ReportOptions,
    *,
    now: datetime,
    today: date,
    emergency_number: str | None = None,
) -> Report:
    """The report model from a diary: insights and triage over the chosen period, then layout."""
    from twitchguide.insights.report import build_insights
    from twitchguide.reports.build import build_report, report_period
    from twitchguide.triage.diary_facts import facts_from_diary
    from twitchguide.triage.engine import TriageSettings, triage

    start, end = report_period(diary, options, today)
    insights = build_insights(diary, start=start, end=end)
    # Triage judges the diary as it stood at the period's end, with the same windows as `check`.
    facts = facts_from_diary(diary, min(end, today))
    settings = TriageSettings(emergency_number) if emergency_number else TriageSettings()
    level = triage(facts, settings)
    return build_report(
        diary, insights, facts, level, options, start=start, end=end, generated_at=now
    )


def render(report: Report, format_: str) -> RenderedReport:
    """Draw a report model as PDF or HTML."""
    if format_ == "html":
        from twitchguide.reports.html import render_html

        content = render_html(report).encode("utf-8")
    else:
        from twitchguide.reports.pdf import render_pdf

        content = render_pdf(report)
    name = f"twitch-report-{report.start.isoformat()}-to-{report.end.isoformat()}.{format_}"
    return RenderedReport(content, name, MEDIA_TYPES[format_], report)


def render_diary_report(
    diary: Diary,
    options: ReportOptions,
    *,
    now: datetime,
    today: date,
    emergency_number: str | None = None,
) -> RenderedReport:
    """Build and draw in one step (what render_report does once it has read the diary)."""
    report = build_report_for(
        diary, options, now=now, today=today, emergency_number=emergency_number
    )
    return render(report, options.format)


def fhir_document(diary: Diary, *, now: datetime, today: date) -> dict[str, object]:
    """The whole diary as a FHIR R4 Bundle, with the red-flag answers over the whole diary."""
    from twitchguide.insights.report import summarise_strength
    from twitchguide.reports.build import red_flag_answers, report_period
    from twitchguide.reports.fhir import fhir_bundle
    from twitchguide.triage.diary_facts import facts_from_diary

    start, end = report_period(diary, ReportOptions(), today)
    answers = red_flag_answers(
        diary, facts_from_diary(diary, today), summarise_strength(diary, start, end), start, end
    )
    return fhir_bundle(diary, answers, now)


def write_fhir_export(diary: Diary, path: Path, *, now: datetime, today: date) -> Path:
    """Write the FHIR Bundle as JSON, atomically."""
    import json

    from twitchguide.files import write_atomically

    text = json.dumps(fhir_document(diary, now=now, today=today), indent=2, ensure_ascii=False)
    return write_atomically(path, text + "\n")


def write_csv_export(diary: Diary, folder: Path) -> list[Path]:
    """One spreadsheet-ready CSV per record kind in `folder` (created 0700 if missing)."""
    from twitchguide.files import make_private_folder, write_atomically
    from twitchguide.reports.csv import csv_files

    target = make_private_folder(folder)
    return [write_atomically(target / name, data) for name, data in csv_files(diary).items()]
