"""Rendering pages: the Jinja environment, what every page gets, and calm words for records."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from twitchguide.diary.records import Record, kind_of
from twitchguide.diary.vocabulary import label
from twitchguide.web.app import HERE, csrf_token

ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=jinja2.select_autoescape(("html", "svg", "xml")),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)

NAV: tuple[tuple[str, str], ...] = (
    ("/", "Today"),
    ("/diary", "Diary"),
    ("/check", "Check"),
    ("/insights", "Insights"),
    ("/guide", "Guide"),
    ("/settings", "Settings"),
    ("/backup", "Backup"),
)

LEVEL_WORDS: dict[str, str] = {
    "self_care": "Self-care",
    "routine_appointment": "Routine",
    "see_doctor_soon": "Soon",
    "emergency": "Emergency",
}


def page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A whole page (or, for an htmx request that asks, the same template's fragment)."""
    values.setdefault("title", "")
    diary = getattr(request.state, "diary", None)
    values.setdefault(
        "emergency_number",
        diary.actions.emergency_number if diary is not None and diary.opened else None,
    )
    hosted = getattr(request.app.state.tg, "hosted", None) is not None
    html = ENV.get_template(template).render(
        request=request,
        path=request.url.path,
        nav=(*NAV, ("/account", "Account")) if hosted else NAV,
        hosted=hosted,
        csrf=csrf_token(request),
        **values,
    )
    return HTMLResponse(html, status_code=status)


def describe(record: Record, zone: ZoneInfo, on_day: date | None = None) -> str:
    """One calm line for any record, as the diary command prints it (without its #id);
    under a day's heading (`on_day`) the time alone will do."""
    from twitchguide.diary.describe import describe as describe_line

    line = describe_line(record, zone, on_day)
    return line.split("  ", 1)[1] if line.startswith("#") else line


def local_time(instant: datetime, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M")


def day_words(day: date, today: date) -> str:
    delta = (today - day).days
    if delta == 0:
        return "Today"
    if delta == 1:
        return "Yesterday"
    return day.strftime("%A %d %B %Y")


def kind_title(record: Record) -> str:
    return kind_of(record).singular.capitalize()


def number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


def fact_words(value: Any) -> str:
    """A triage fact's value in words: yes/no, lists joined, whole numbers without ".0"."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, tuple | list):
        return ", ".join(label(str(v)) for v in value) or "none"
    if isinstance(value, float):
        return f"{value:g}"
    return label(str(value))


def reason_only(summary: str, title: str) -> str:
    """A notice's one line without its title in front (the banner's heading shows the title)."""
    return summary.removeprefix(title).removeprefix(".").strip() or summary


def checklist_words(question: str) -> str:
    """A yes/no question as a line of a checklist: "Does this apply to you: double vision?"
    reads "Double vision"."""
    words = question.split(": ", 1)[1] if question.startswith("Does this apply") else question
    words = words.rstrip("?").strip()
    return words[:1].upper() + words[1:]


ENV.filters["label"] = label
ENV.filters["checklist_words"] = checklist_words
ENV.filters["reason_only"] = reason_only
ENV.filters["fact_words"] = fact_words
ENV.filters["number"] = number
ENV.globals["level_words"] = LEVEL_WORDS
