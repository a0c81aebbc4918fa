"""The HTML pages: Today, Diary, Check, Insights, Guide, Settings, Backup.

Each route parses the request, calls one step, and renders a template. No rule lives here.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from twitchguide.diary.records import RECORD_KINDS
from twitchguide.diary.vocabulary import BODY_REGIONS, canonical_episode_region
from twitchguide.errors import InvalidInput
from twitchguide.web import bodymap, steps
from twitchguide.web.app import form_data, open_context
from twitchguide.web.render import day_words, describe, page
from twitchguide.web.steps import Context
from twitchguide.web.writes import DiaryRoute

router = APIRouter(include_in_schema=False, route_class=DiaryRoute)
Ctx = Annotated[Context, Depends(open_context)]
Form = Annotated[dict[str, Any], Depends(form_data)]


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
    chosen = canonical_episode_region(region) if region else None
    if region and chosen is None:
        raise InvalidInput("region", "pick a place on the body map")
    from twitchguide.actions.overview import today

    seen = today(ctx.actions)
    day = seen.day
    just_logged = None
    if logged is not None and day is not None:
        just_logged = next((e for e in day.episodes if e.stamps.id == logged), None)
    return page(
        request,
        "today.html",
        title="Today",
        day=day,
        today=ctx.today(),
        notice=seen.notice,
        zone=ctx.user.zone,
        describe=describe,
        areas=bodymap.AREAS,
        quick_places=bodymap.QUICK_PLACES,
        short_names=bodymap.SHORT_NAMES,
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
    from twitchguide.actions.diary import log_episodes

    fields = {
        name: values.get(name) or None for name in ("side", "intensity", "duration", "pattern")
    }
    done = log_episodes(ctx.actions, values.get("region", ""), fields)
    return _see(f"/?logged={done.episodes[0].stamps.id}#today-list")


@router.post("/today/add")
def add_to_today(request: Request, ctx: Ctx, values: Form) -> Response:
    factors = steps.tap(ctx, values.get("what", ""))
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
    kind = kind or None
    entries = steps.diary_entries(ctx, kind, since)
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
        undo=undo.split(":", 1) if undo and ":" in undo else None,
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
    from twitchguide.actions.records import add_record

    record_kind = steps.record_kind(kind)
    add_record(ctx.actions, record_kind, steps.form_fields(record_kind, values)[0])
    return _see("/diary?done=added")


@router.get("/diary/{kind}/{record_id}/edit", response_class=HTMLResponse)
def edit_record_page(request: Request, ctx: Ctx, kind: str, record_id: int) -> HTMLResponse:
    from twitchguide.actions.records import get_record
    from twitchguide.web.forms import form_values

    record_kind = steps.record_kind(kind)
    record = get_record(ctx.actions, record_kind, record_id)
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
    from twitchguide.actions.records import edit_record

    record_kind = steps.record_kind(kind)
    fields, clear = steps.form_fields(record_kind, values)
    edit_record(ctx.actions, record_kind, record_id, fields, clear)
    return _see("/diary?done=saved")


@router.post("/diary/{kind}/{record_id}/delete")
def delete_record_page(request: Request, ctx: Ctx, kind: str, record_id: int) -> Response:
    from twitchguide.actions.records import delete_record

    delete_record(ctx.actions, steps.record_kind(kind), record_id)
    return _see(f"/diary?undo={kind}:{record_id}")


@router.post("/diary/undo")
def undo_page(ctx: Ctx, values: Form) -> Response:
    from twitchguide.actions.records import restore_record

    record_id = values.get("record_id", "")
    if not record_id.isdigit():
        raise InvalidInput("record_id", "the id of a deleted record")
    restore_record(ctx.actions, steps.record_kind(values.get("kind", "")), int(record_id))
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
    from twitchguide.actions.check_answers import check_with_answers

    done = check_with_answers(ctx.actions, text, answers if answering else None)
    if done.unanswered and not answering:
        return page(request, "check_questions.html", title="A few questions", done=done)
    return _result(request, done)


@router.get("/check/diary", response_class=HTMLResponse)
def check_diary(request: Request, ctx: Ctx) -> HTMLResponse:
    from twitchguide.actions.triage import check

    return _result(request, check(ctx.actions, with_diary=True))


def _result(request: Request, done: Any) -> HTMLResponse:
    return page(request, "check_result.html", title=done.result.title, done=done)


# --- Insights ----------------------------------------------------------------------------


@router.get("/insights", response_class=HTMLResponse)
def insights_page(
    request: Request, ctx: Ctx, since: Annotated[str, Query(max_length=40)] = ""
) -> HTMLResponse:
    from twitchguide.actions.overview import overview
    from twitchguide.web.charts_view import insight_views

    seen = overview(ctx.actions, since or "all")
    return page(
        request,
        "insights.html",
        title="Insights",
        report=seen.insights.insights,
        plan=seen.plan.plan,
        since=since,
        views=insight_views(seen.insights.insights, seen.timeline),
    )


@router.get("/experiment", response_class=HTMLResponse)
def experiment_page(request: Request, ctx: Ctx, started: str | None = None) -> HTMLResponse:
    """A self-experiment: choose a step to test, then each day what to do and whether you did."""
    from twitchguide.actions import experiments
    from twitchguide.errors import NotFound
    from twitchguide.insights.experiment import STEPS

    progress = today = None
    try:
        progress = experiments.experiment_status(ctx.actions)
        if not progress.finished:
            today = experiments.experiment_today(ctx.actions)
    except NotFound:
        pass  # no experiment yet: the page offers to start one
    return page(
        request,
        "experiment.html",
        title="Self-experiment",
        progress=progress,
        today=today,
        steps=STEPS,
        started=started,
        safety=experiments.SAFETY,
    )


@router.post("/experiment/start")
def start_experiment_page(ctx: Ctx, values: Form) -> Response:
    from twitchguide.actions.experiments import start_experiment

    start_experiment(ctx.actions, values.get("step", ""))
    return _see("/experiment?started=1")


@router.post("/experiment/today")
def experiment_kept_page(ctx: Ctx, values: Form) -> Response:
    from twitchguide.actions.experiments import experiment_today

    answer = values.get("kept", "")
    if answer not in ("yes", "no"):
        raise InvalidInput("kept", "yes or no")
    experiment_today(ctx.actions, kept=answer == "yes")
    return _see("/experiment")


# --- Guide -------------------------------------------------------------------------------


@router.get("/guide", response_class=HTMLResponse)
def guide_page(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    from twitchguide.actions.guide import guide_search, guide_topics
    from twitchguide.guide.plain import KIND_HEADINGS

    results = guide_search(q).result if q.strip() else None
    topics = guide_topics()
    groups = [
        (heading, [t for t in topics if t["kind"] == kind])
        for kind, heading in KIND_HEADINGS.items()
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
    from twitchguide.actions.guide import guide_page

    item = guide_page(topic_id).topic
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
    from twitchguide.actions.settings import change_settings

    change_settings(
        ctx.actions,
        timezone=values.get("timezone") or None,
        day_start_hour=int(hour) if hour else None,
        emergency_number=values.get("emergency_number", "").strip() or None,
    )
    return _see("/settings?done=saved")


@router.get("/settings/reminder.ics")
def reminder(ctx: Ctx, time: Annotated[str, Query(pattern=r"^\d{2}:\d{2}$")] = "21:00") -> Response:
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
    from twitchguide.actions.backup import export_json

    name = f"twitchguide-{ctx.today().isoformat()}.json"
    return Response(
        export_json(ctx.actions),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/report")
def report_download(
    ctx: Ctx,
    since: Annotated[str, Query(max_length=40)] = "90d",
    paper: Annotated[str, Query(max_length=10)] = "a4",
    format: Annotated[str, Query(max_length=10)] = "pdf",
) -> Response:
    """The doctor report as a file to save or print (the same one `twitchguide report` writes)."""
    from twitchguide.actions.report import render_report, report_options

    options = report_options(
        ctx.actions, start=None if since == "all" else since, paper=paper, format_=format
    )
    rendered = render_report(ctx.actions, options)
    return Response(
        rendered.content,
        media_type=rendered.media_type,
        headers={"content-disposition": f'attachment; filename="{rendered.filename}"'},
    )


@router.post("/backup/import")
def import_page(ctx: Ctx, upload: Annotated[bytes, Depends(uploaded_file)]) -> Response:
    from twitchguide.actions.import_upload import import_document

    summary = import_document(ctx.actions, upload)
    return _see(f"/backup?imported={summary.total}")


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    from twitchguide.web.app import HERE

    return Response(
        (HERE / "static" / "manifest.webmanifest").read_bytes(),
        media_type="application/manifest+json",
    )


assert set(bodymap.QUICK_PLACES) <= set(BODY_REGIONS)
