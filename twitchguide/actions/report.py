"""The doctor report action: one diary, the person's choices -> the report's bytes and file name.

The CLI's `report` and the web app's download button both call `render_report(ctx, options)`;
nothing else builds a report, so the two can never disagree. The `*_for_diary` and
`render_diary_report` functions do the same from a Diary in memory (tests, benchmarks, the
committed sample).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from twitchguide.reports.model import Report, ReportOptions

if TYPE_CHECKING:
    from twitchguide.actions.context import ActionContext
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


def fhir_for_diary(diary: Diary, *, now: datetime, today: date) -> dict[str, object]:
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


# --- the actions: what the CLI and the web app call -------------------------------------------


def render_report(ctx: ActionContext, options: ReportOptions) -> RenderedReport:
    """The doctor report for this person: PDF or HTML bytes, a file name and a media type."""
    return render_diary_report(
        ctx.store.load_diary(),
        options,
        now=ctx.clock.now(),
        today=ctx.clock.today(),
        emergency_number=ctx.emergency_number,
    )


def write_report(
    ctx: ActionContext, options: ReportOptions, path: Path | None = None
) -> tuple[RenderedReport, Path]:
    """Render the report and write it atomically to `path` (default: its own file name here).

    A failed write keeps any file that was there, and the error names the `out` field.
    """
    from twitchguide.files import write_atomically

    rendered = render_report(ctx, options)
    target = write_atomically(path or Path(rendered.filename), rendered.content, field="out")
    return rendered, target


def fhir_document(ctx: ActionContext) -> dict[str, object]:
    """The person's diary as a FHIR R4 Bundle (a dict ready for json.dumps)."""
    return fhir_for_diary(ctx.store.load_diary(), now=ctx.clock.now(), today=ctx.clock.today())


def write_fhir_export(ctx: ActionContext, path: Path) -> Path:
    """Write the FHIR Bundle as JSON, atomically."""
    import json

    from twitchguide.files import write_atomically

    text = json.dumps(fhir_document(ctx), indent=2, ensure_ascii=False)
    return write_atomically(path, text + "\n")


def write_csv_export(ctx: ActionContext, folder: Path) -> list[Path]:
    """One spreadsheet-ready CSV per record kind in `folder` (created 0700 if missing)."""
    from twitchguide.files import make_private_folder, write_atomically
    from twitchguide.reports.csv import csv_files

    target = make_private_folder(folder)
    files = csv_files(ctx.store.load_diary())
    return [write_atomically(target / name, data) for name, data in files.items()]


def report_options(
    ctx: ActionContext,
    *,
    start: str | None = None,
    end: str | None = None,
    sections: str = "all",
    paper: str = "a4",
    format_: str = "pdf",
) -> ReportOptions:
    """The person's choices as typed (CLI flags or a web form), checked the same way for both.

    Dates take the diary's words: 2026-06-01, 90d, '3 months ago', 'last month', yesterday.
    """
    from twitchguide.diary.timewords import parse_date, parse_since
    from twitchguide.errors import InvalidInput
    from twitchguide.reports.model import parse_sections

    today = ctx.clock.today()
    zone = ctx.clock.zone.key
    first = parse_since(start, today, "from", zone=zone) if start else None
    last = parse_date(end, today, "to", zone=zone) if end else None
    if first is not None and first > today:
        raise InvalidInput("from", "is after today; give a past date, e.g. 90d or 2026-06-01")
    if last is not None and last > today:
        raise InvalidInput("to", "is after today; give today or a past date")
    return ReportOptions(
        start=first,
        end=last,
        sections=parse_sections(sections),
        paper=paper.strip().lower(),
        format=format_.strip().lower(),
    )
