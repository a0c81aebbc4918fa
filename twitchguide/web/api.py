"""The JSON API under /api/v1: every record kind, today's totals, guide, check, insights, plan.

Request and response models are built from the diary's own field specs, so the OpenAPI
document at /api/openapi.json states the same limits the diary enforces. Datetimes are strict:
an ISO 8601 string with a UTC offset; a bare number is not a date.
"""

import math
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    create_model,
)

from twitchguide.actions import records
from twitchguide.diary.records import RECORD_KINDS, FieldSpec, RecordKind, record_json
from twitchguide.web import steps
from twitchguide.web.app import csrf_token, open_context
from twitchguide.web.steps import Context
from twitchguide.web.writes import DiaryRoute

Ctx = Annotated[Context, Depends(open_context)]


class ErrorDetail(BaseModel):
    field: str
    problem: str
    message: str


class ErrorBody(BaseModel):
    """The one error shape: the field at fault and what is allowed."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The body is not valid JSON"},
    403: {"model": ErrorBody, "description": "Missing or wrong CSRF token"},
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "A field is not allowed; the body names it"},
}

router = APIRouter(prefix="/api/v1", responses=ERRORS, route_class=DiaryRoute)
Since = Annotated[str | None, Query(max_length=40, description="e.g. 7d, 12w, 2026-06-01")]


def _digits_only(value: Any) -> Any:
    """An id in the path is digits alone: "3\r" or " 3" is refused, not read as 3."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("must be a whole number, digits only")
    return value


RecordId = Annotated[int, BeforeValidator(_digits_only), Path(ge=1, le=2**62)]


def _text_only(value: Any) -> Any:
    """A date or time arrives as ISO 8601 text: a bare number is refused, never read as one."""
    if not isinstance(value, str | datetime | date):
        raise ValueError("give an ISO 8601 date or time as text, e.g. 2026-11-02T21:30:00+00:00")
    return value


def _not_yes_no(value: Any) -> Any:
    """JSON true/false is not a number (pydantic would read it as 1/0)."""
    if isinstance(value, bool):
        raise ValueError("give a number, not true or false")
    return value


StrictInstant = Annotated[AwareDatetime, BeforeValidator(_text_only)]
StrictDate = Annotated[date, BeforeValidator(_text_only)]


def _annotation(spec: FieldSpec, *, output: bool) -> Any:
    if spec.kind == "instant":
        return datetime if output else StrictInstant
    if spec.kind == "date":
        return date if output else StrictDate
    if spec.kind == "bool":
        return bool if output else StrictBool
    if spec.kind == "choice":
        return Literal[spec.choices]
    limits: dict[str, Any] = {}
    if not output and spec.minimum is not None:
        limits["ge"] = spec.minimum
    if not output and spec.maximum is not None:
        limits["le"] = spec.maximum
    if spec.kind == "int":
        return Annotated[int, Field(**limits), BeforeValidator(_not_yes_no)]
    if spec.kind == "float":
        return Annotated[float, Field(allow_inf_nan=False, **limits), BeforeValidator(_not_yes_no)]
    return Annotated[str, Field(max_length=2000)] if not output else str


def _model(kind: RecordKind, purpose: str) -> type[BaseModel]:
    """The create, update or read model of one record kind."""
    fields: dict[str, Any] = {}
    if purpose == "Record":
        fields = {"id": (int, ...), "created_at": (datetime, ...), "updated_at": (datetime, ...)}
    for spec in kind.fields:
        annotation = _annotation(spec, output=purpose == "Record")
        required = spec.required and purpose == "Record"
        if purpose == "New" and spec.required and spec.name != kind.when_field:
            required = True
        fields[spec.name] = (
            annotation if required else annotation | None,
            ... if required else None,
        )
    name = "".join(part.capitalize() for part in kind.name.split("_"))
    config = ConfigDict(extra="forbid") if purpose != "Record" else ConfigDict()
    return create_model(f"{name}{purpose}", __config__=config, **fields)


def _records_routes(kind: RecordKind) -> None:
    new_model, change_model, read_model = (_model(kind, p) for p in ("New", "Change", "Record"))
    path = f"/{kind.name}"
    tag = kind.plural

    # Records go out as record_json (the CLI's --json shape); the models document them.
    def listed(ctx: Ctx, since: Since = None) -> JSONResponse:
        found = records.list_records(ctx.actions, kind, since)
        return _json([record_json(record) for record in found])

    def created(ctx: Ctx, body: Annotated[new_model, Body()]) -> JSONResponse:  # type: ignore[valid-type]
        values = body.model_dump(exclude_none=True)  # type: ignore[attr-defined]
        return _json(records.add_record(ctx.actions, kind, values).to_json(), 201)

    def one(ctx: Ctx, record_id: RecordId) -> JSONResponse:
        return _json(record_json(records.get_record(ctx.actions, kind, record_id)))

    def changed(
        ctx: Ctx,
        record_id: RecordId,
        body: Annotated[change_model, Body()],  # type: ignore[valid-type]
    ) -> JSONResponse:
        values = body.model_dump(exclude_unset=True)  # type: ignore[attr-defined]
        given = {name: value for name, value in values.items() if value is not None}
        clear = [name for name, value in values.items() if value is None]
        edited = records.edit_record(ctx.actions, kind, record_id, given, clear)
        return _json(record_json(edited))

    def deleted(ctx: Ctx, record_id: RecordId) -> JSONResponse:
        return _json(record_json(records.delete_record(ctx.actions, kind, record_id)))

    def restored(ctx: Ctx, record_id: RecordId) -> JSONResponse:
        return _json(record_json(records.restore_record(ctx.actions, kind, record_id)))

    router.add_api_route(
        path,
        listed,
        methods=["GET"],
        response_model=list[read_model],  # type: ignore[valid-type]
        tags=[tag],
        summary=f"List {kind.plural}",
        name=f"list_{kind.name}",
    )
    router.add_api_route(
        path,
        created,
        methods=["POST"],
        status_code=201,
        response_model=read_model,
        tags=[tag],
        summary=f"Add a {kind.singular}",
        name=f"add_{kind.name}",
    )
    router.add_api_route(
        path + "/{record_id}",
        one,
        methods=["GET"],
        response_model=read_model,
        tags=[tag],
        summary=f"One {kind.singular}",
        name=f"get_{kind.name}",
    )
    router.add_api_route(
        path + "/{record_id}",
        changed,
        methods=["PATCH"],
        response_model=read_model,
        tags=[tag],
        summary=f"Change a {kind.singular}",
        name=f"edit_{kind.name}",
    )
    router.add_api_route(
        path + "/{record_id}",
        deleted,
        methods=["DELETE"],
        response_model=read_model,
        tags=[tag],
        summary=f"Delete a {kind.singular}",
        name=f"delete_{kind.name}",
    )
    router.add_api_route(path + "/{record_id}/restore", restored, methods=["POST"],
                         response_model=read_model, tags=[tag],
                         summary=f"Undo the delete of a {kind.singular}",
                         name=f"restore_{kind.name}")  # fmt: skip


for _kind in RECORD_KINDS:
    _records_routes(_kind)


def _json(data: Any, status: int = 200) -> JSONResponse:
    try:  # the C encoder refuses NaN, infinity and dates: then (only then) walk the data first
        return JSONResponse(data, status_code=status)
    except (ValueError, TypeError):
        return JSONResponse(_finite(data), status_code=status)


def _finite(data: Any) -> Any:
    """JSON has no NaN or infinity: a figure that could not be computed is null."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


# --- session, ping -----------------------------------------------------------------------


class SessionInfo(BaseModel):
    csrf_token: str = Field(description="send as the X-CSRF-Token header on every change")


@router.get("/session", response_model=SessionInfo, tags=["session"])
def session(request: Request) -> SessionInfo:
    """This browser's CSRF token (the session cookie comes with the response)."""
    return SessionInfo(csrf_token=csrf_token(request))


class Pong(BaseModel):
    ok: bool


@router.get("/ping", response_model=Pong, tags=["session"])
def ping() -> Pong:
    """A trivial endpoint (no database): the yardstick of the load benchmark."""
    return Pong(ok=True)


# --- today -------------------------------------------------------------------------------


class AddToDay(BaseModel):
    model_config = ConfigDict(extra="forbid")
    what: Literal["coffee", "water"] = Field(
        description="coffee adds 100 mg of caffeine, water adds a 250 ml glass"
    )


class Totals(BaseModel):
    day: date
    caffeine_mg: float | None
    water_litres: float | None


@router.post("/today/add", response_model=Totals, tags=["today"])
def add_to_today(ctx: Ctx, body: AddToDay) -> Totals:
    """One more coffee or glass of water, added to today's totals."""
    record = steps.tap(ctx, body.what)
    return Totals(day=record.day, caffeine_mg=record.caffeine_mg, water_litres=record.water_litres)


# --- triage ------------------------------------------------------------------------------


class ReasonOut(BaseModel):
    rule: str
    level: str
    explanation: str
    sources: list[str]


class TriageOut(BaseModel):
    level: Literal["self_care", "routine_appointment", "see_doctor_soon", "emergency"]
    title: str
    advice: str
    by_when: str
    reasons: list[ReasonOut]
    safety_net: list[str]
    sources: list[str]
    disclaimer: str
    emergency_number: str


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=2000, description="what is happening, in words")
    answers: dict[str, Annotated[str, Field(max_length=200)]] | None = Field(
        default=None, description="answers to the open questions, by fact (yes, no, ? or text)"
    )


class QuestionOut(BaseModel):
    fact: str
    question: str
    kind: str
    could_raise_to: str


class CheckOut(BaseModel):
    understood: list[dict[str, str]]
    questions: list[QuestionOut]
    result: TriageOut


@router.get("/triage", response_model=TriageOut, tags=["triage"])
def triage_status(ctx: Ctx) -> dict[str, Any]:
    """The level your diary as a whole calls for (the Today banner), with why."""
    from twitchguide.actions.triage import check as check_diary

    return check_diary(ctx.actions, with_diary=True).result.to_dict()


@router.post("/check", response_model=CheckOut, tags=["triage"])
def check(ctx: Ctx, body: CheckIn) -> dict[str, Any]:
    """A check from free text; send `answers` to the returned questions to settle the level."""
    from twitchguide.actions.check_answers import check_with_answers

    done = check_with_answers(ctx.actions, body.text, body.answers)
    assert done.extraction is not None
    return {
        "understood": [
            {"fact": e.fact, "words": " / ".join(span.text for span in e.spans)}
            for e in done.extraction.evidence
        ],
        "questions": [] if body.answers is not None else list(done.unanswered),
        "result": done.result.to_dict(),
    }


# --- insights, plan ----------------------------------------------------------------------


@router.get("/insights", response_model=dict[str, Any], tags=["insights"])
def insights(ctx: Ctx, since: Since = None) -> JSONResponse:
    """Patterns, factor effects with intervals and evidence labels, and the strength trend."""
    from twitchguide.actions.insights import insights as read

    return _json(read(ctx.actions, since or "all").to_json())


@router.get("/plan", response_model=dict[str, Any], tags=["insights"])
def plan(ctx: Ctx, since: Since = None) -> JSONResponse:
    """The relief plan: the guide's relief steps, most relevant to you first, each with why."""
    from twitchguide.actions.insights import relief_plan

    return _json(relief_plan(ctx.actions, since or "all").to_json())


# --- guide -------------------------------------------------------------------------------


@router.get("/guide/topics", response_model=list[dict[str, str]], tags=["guide"])
def topics() -> list[dict[str, str]]:
    from twitchguide.actions.guide import guide_topics

    return guide_topics()


@router.get("/guide/topics/{topic_id}", response_model=dict[str, Any], tags=["guide"])
def topic(topic_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    from twitchguide.actions.guide import guide_page

    return guide_page(topic_id).to_json()


@router.get("/guide/search", response_model=dict[str, Any], tags=["guide"])
def guide_search(q: Annotated[str, Query(min_length=1, max_length=200)]) -> JSONResponse:
    from twitchguide.actions.guide import guide_search as search

    return _json(search(q).to_json())


# --- settings, backup --------------------------------------------------------------------


class SettingsOut(BaseModel):
    user: str
    timezone: str
    day_start_hour: int
    emergency_number: str | None


class SettingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    timezone: Annotated[str, Field(max_length=64)] | None = None
    # JSON `false` is not the hour 0 (pydantic's lax mode would take it as one), as for records
    day_start_hour: Annotated[int, Field(ge=0, le=12), BeforeValidator(_not_yes_no)] | None = None
    emergency_number: Annotated[str, Field(max_length=20)] | None = None


@router.get("/settings", response_model=SettingsOut, tags=["settings"])
def get_settings(ctx: Ctx) -> dict[str, Any]:
    from twitchguide.actions.settings import show_settings

    return show_settings(ctx.actions).to_json()


@router.put("/settings", response_model=SettingsOut, tags=["settings"])
def put_settings(ctx: Ctx, body: SettingsIn) -> dict[str, Any]:
    from twitchguide.actions.settings import change_settings

    return change_settings(ctx.actions, **body.model_dump()).to_json()


@router.get("/export", response_model=dict[str, Any], tags=["backup"])
def export(ctx: Ctx) -> Response:
    """The whole diary as one JSON document (the same as `twitchguide export`)."""
    from twitchguide.actions.backup import export_json

    return Response(export_json(ctx.actions), media_type="application/json")


class Imported(BaseModel):
    imported: dict[str, int]
    total: int


@router.post("/import", response_model=Imported, tags=["backup"])
def import_(ctx: Ctx, document: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    """Import an export document: all records or none."""
    import json

    from twitchguide.actions.import_upload import import_document

    return import_document(ctx.actions, json.dumps(document).encode()).to_json()
