"""The HTML pages: Today, Diary, Check, Insights, Guide, Settings, Backup.

Each route parses the request, calls one step, and renders a template. No rule lives here.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from twitchguide.diary.records import RECORD_KINDS, Record
from twitchguide.diary.vocabulary import BODY_REGIONS, canonical_region
from twitchguide.errors import InvalidInput
from twitchguide.web import bodymap, steps
from twitchguide.web.app import form_data, open_context
from twitchguide.web.render import day_words, describe, page
from twitchguide.web.steps import Context

router = APIRouter(include_in_schema=False)
Ctx = Annotated[Context, Depends(open_context)]
Form = Annotated[dict[str, Any], Depends(form_data)]

# Deleted records kept for "Undo", newest last; a local app has one process, so memory will do.
_UNDO: OrderedDict[str, tuple[int, Record]] = OrderedDict()
_UNDO_KEEP = 50


async def uploaded_file(request: Request) -> bytes:
    """The bytes of the form's `file` field; one clear line when none was chosen."""
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise InvalidInput("file", "choose a Twitchguide JSON export to import")
    data: bytes = await upload.read()
    if not data:
        raise InvalidInput("file", "the chosen file is empty; choose a Twitchguide JSON export")
    return data


def error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, title=title, message=message)


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- Today -------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def today_page(
    request: Request,
    ctx: Ctx,
    region: str | None = None,
    side: str | None = None,
    logged: int | None = None,
) -> HTMLResponse:
    chosen = canonical_region(region) if region else None
    if region and chosen is None:
        raise InvalidInput("region", "pick a place on the body map")
    summary = steps.today(ctx)
    just_logged = None
    if logged is not None:
        just_logged = next((e for e in summary.episodes if e.stamps.id == logged), None)
    return page(
        request,
        "today.html",
        title="Today",
        today=summary,
        zone=ctx.user.zone,
        describe=describe,
        areas=bodymap.AREAS,
        small_places=bodymap.SMALL_PLACES,
        head_back=bodymap.HEAD_BACK,
        width=bodymap.WIDTH,
        height=bodymap.HEIGHT,
        chosen=chosen,
        chosen_side=side if side in ("left", "right", "both") else None,
        paired=chosen in bodymap.PAIRED if chosen else False,
        just_logged=just_logged,
        emergency_number=ctx.user.emergency_number,
    )


@router.post("/log")
def log_page(request: Request, ctx: Ctx, values: Form) -> Response:
    episode = steps.log_episode(ctx, values)
    return _see(f"/?logged={episode.stamps.id}#today-list")


@router.post("/today/add")
def add_to_today(request: Request, ctx: Ctx, values: Form) -> Response:
    factors = steps.add_to_day(ctx, values.get("what", ""))
    if request.headers.get("hx-request"):
        return page(request, "_totals.html", factors=factors, added=values.get("what"))
    return _see("/#totals")


# --- Diary -------------------------------------------------------------------------------


@router.get("/diary", response_class=HTMLResponse)
def diary_page(
    request: Request,
    ctx: Ctx,
    kind: str | None = None,
    since: str | None = None,
    undo: str | None = None,
    done: str | None = None,
) -> HTMLResponse:
    from twitchguide.diary.timewords import parse_since

    kind = kind or None
    first = parse_since(since, ctx.today()) if since else None
    entries = steps.diary_entries(ctx, kind, first)
    return page(
        request,
        "diary.html",
        title="Diary",
        entries=entries,
        kinds=RECORD_KINDS,
        kind=kind,
        since=since or "",
        today=ctx.today(),
        day_words=day_words,
        describe=describe,
        zone=ctx.user.zone,
        undo=undo if undo in _UNDO else None,
        done=done,
    )


@router.get("/diary/new/{kind}", response_class=HTMLResponse)
def new_record_page(request: Request, ctx: Ctx, kind: str) -> HTMLResponse:
    record_kind = steps.record_kind(kind)
    preset = {k: v for k, v in request.query_params.items() if k in record_kind.field_names}
    return page(
        request,
        "record_form.html",
        title=f"Add a {record_kind.singular}",
        kind=record_kind,
        values=preset,
        action=f"/diary/new/{kind}",
        record=None,
    )


@router.post("/diary/new/{kind}")
def add_record_page(ctx: Ctx, kind: str, values: Form) -> Response:
    steps.add_record(ctx, kind, values)
    return _see("/diary?done=added")


@router.get("/diary/{kind}/{record_id}/edit", response_class=HTMLResponse)
def edit_record_page(request: Request, ctx: Ctx, kind: str, record_id: int) -> HTMLResponse:
    from twitchguide.web.forms import form_values

    record = steps.get_record(ctx, kind, record_id)
    record_kind = steps.record_kind(kind)
    return page(
        request,
        "record_form.html",
        title=f"Edit {record_kind.singular}",
        kind=record_kind,
        values=form_values(record, ctx.user.zone),
        action=f"/diary/{kind}/{record_id}",
        record=record,
    )


@router.post("/diary/{kind}/{record_id}")
def save_record_page(ctx: Ctx, kind: str, record_id: int, values: Form) -> Response:
    steps.edit_record(ctx, kind, record_id, values)
    return _see("/diary?done=saved")


@router.post("/diary/{kind}/{record_id}/delete")
def delete_record_page(request: Request, ctx: Ctx, kind: str, record_id: int) -> Response:
    record = steps.delete_record(ctx, kind, record_id)
    token = secrets.token_urlsafe(12)
    _UNDO[token] = (ctx.user.user_id, record)
    while len(_UNDO) > _UNDO_KEEP:
        _UNDO.popitem(last=False)
    return _see(f"/diary?undo={token}")


@router.post("/diary/undo")
def undo_page(ctx: Ctx, values: Form) -> Response:
    token = values.get("undo", "")
    kept = _UNDO.pop(token, None)
    if kept is None or kept[0] != ctx.user.user_id:
        raise InvalidInput("undo", "that delete can no longer be undone")
    steps.restore_record(ctx, kept[1])
    return _see("/diary?done=restored")


# --- Check -------------------------------------------------------------------------------


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request, ctx: Ctx, text: str = "") -> HTMLResponse:
    return page(request, "check.html", title="Check", text=text[:2000])


@router.post("/check", response_class=HTMLResponse)
def check_post(request: Request, ctx: Ctx, values: Form) -> HTMLResponse:
    text = values.get("text", "")
    answering = values.get("step") == "answers"
    answers = {k.removeprefix("q_"): v for k, v in values.items() if k.startswith("q_")}
    outcome = steps.check_text(ctx, text, answers if answering else None)
    if outcome.questions:
        return page(request, "check_questions.html", title="A few questions", outcome=outcome)
    return _result(request, outcome.result, outcome)


@router.get("/check/diary", response_class=HTMLResponse)
def check_diary(request: Request, ctx: Ctx) -> HTMLResponse:
    return _result(request, steps.triage_status(ctx), None)


def _result(request: Request, result: Any, outcome: Any) -> HTMLResponse:
    return page(
        request,
        "check_result.html",
        title=result.title,
        result=result,
        outcome=outcome,
        sources=steps.sources_of(result.sources),
    )


# --- Insights ----------------------------------------------------------------------------


@router.get("/insights", response_class=HTMLResponse)
def insights_page(
    request: Request, ctx: Ctx, since: Annotated[str, Query(max_length=40)] = ""
) -> HTMLResponse:
    from twitchguide.diary.timewords import parse_since
    from twitchguide.web.charts_view import insight_views

    first = parse_since(since, ctx.today()) if since else None
    report, plan, diary = steps.insights_and_plan(ctx, first)
    return page(
        request,
        "insights.html",
        title="Insights",
        report=report,
        plan=plan,
        since=since,
        views=insight_views(report, diary, ctx.today(), first),
    )


# --- Guide -------------------------------------------------------------------------------


@router.get("/guide", response_class=HTMLResponse)
def guide_page(
    request: Request, q: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    from twitchguide.guide.plain import KIND_HEADINGS, search_dict, topic_list
    from twitchguide.guide.search import search

    results = search_dict(search(q)) if q.strip() else None
    topics = topic_list()
    groups = [
        (heading, [t for t in topics if t["kind"] == kind]) for kind, heading in KIND_HEADINGS.items()
    ]
    others = [t for t in topics if t["kind"] not in KIND_HEADINGS]
    if others:
        groups.append(("More", others))
    return page(request, "guide.html", title="Guide", q=q, results=results, groups=groups)


@router.get("/guide/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    from twitchguide.guide.content import load_guide
    from twitchguide.guide.plain import source_dict

    sources = [source_dict(s) for s in load_guide().sources.values()]
    return page(request, "sources.html", title="Sources", sources=sources)


@router.get("/guide/{topic_id}", response_class=HTMLResponse)
def topic_page(request: Request, topic_id: str) -> HTMLResponse:
    from twitchguide.guide.content import topic
    from twitchguide.guide.plain import topic_dict

    item = topic_dict(topic(topic_id))
    return page(request, "topic.html", title=item["title"], topic=item)


# --- Settings, backup --------------------------------------------------------------------


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, ctx: Ctx, done: str | None = None) -> HTMLResponse:
    from zoneinfo import available_timezones

    return page(
        request,
        "settings.html",
        title="Settings",
        user=ctx.user,
        zones=sorted(available_timezones()),
        done=done,
    )


@router.post("/settings")
def save_settings(request: Request, ctx: Ctx, values: Form) -> Response:
    hour = values.get("day_start_hour", "").strip()
    if hour and not hour.isdigit():
        raise InvalidInput("day_start_hour", "a whole number from 0 to 12")
    steps.update_settings(
        ctx,
        timezone=values.get("timezone") or None,
        day_start_hour=int(hour) if hour else None,
        emergency_number=values.get("emergency_number", "").strip() or None,
    )
    return _see("/settings?done=saved")


@router.get("/settings/reminder.ics")
def reminder(
    ctx: Ctx, time: Annotated[str, Query(pattern=r"^\d{2}:\d{2}$")] = "21:00"
) -> Response:
    from twitchguide.web.reminder import daily_reminder

    body = daily_reminder(time, ctx.now())
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="twitchguide-check-in.ics"'},
    )


@router.get("/backup", response_class=HTMLResponse)
def backup_page(request: Request, ctx: Ctx, imported: str | None = None) -> HTMLResponse:
    return page(request, "backup.html", title="Backup", imported=imported)


@router.get("/backup/export.json")
def export_page(ctx: Ctx) -> Response:
    name = f"twitchguide-{date.today().isoformat()}.json"
    return Response(
        steps.export_json(ctx),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.post("/backup/import")
def import_page(ctx: Ctx, upload: Annotated[bytes, Depends(uploaded_file)]) -> Response:
    counts = steps.import_json(ctx, upload)
    return _see(f"/backup?imported={sum(counts.values())}")


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    from twitchguide.web.app import HERE

    return Response(
        (HERE / "static" / "manifest.webmanifest").read_bytes(),
        media_type="application/manifest+json",
    )


assert set(bodymap.SMALL_PLACES) <= set(BODY_REGIONS)
