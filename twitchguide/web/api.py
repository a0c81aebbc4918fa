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

from twitchguide.diary.records import RECORD_KINDS, FieldSpec, RecordKind, record_json
from twitchguide.web import steps
from twitchguide.web.app import csrf_token, open_context
from twitchguide.web.steps import Context

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

router = APIRouter(prefix="/api/v1", responses=ERRORS)



def _text_only(value: Any) -> Any:
    """A date or time arrives as ISO 8601 text: a bare number is refused, never read as one."""
    if not isinstance(value, str | datetime | date):
        raise ValueError("give an ISO 8601 date or time as text, e.g. 2026-11-02T21:30:00+00:00")
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
        return Literal[spec.choices]  # type: ignore[valid-type]
    limits: dict[str, Any] = {}
    if not output and spec.minimum is not None:
        limits["ge"] = spec.minimum
    if not output and spec.maximum is not None:
        limits["le"] = spec.maximum
    if spec.kind == "int":
        return Annotated[int, Field(**limits)]
    if spec.kind == "float":
        return Annotated[float, Field(allow_inf_nan=False, **limits)]
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
        fields[spec.name] = (annotation if required else annotation | None, ... if required else None)
    name = "".join(part.capitalize() for part in kind.name.split("_"))
    config = ConfigDict(extra="forbid") if purpose != "Record" else ConfigDict()
    return create_model(f"{name}{purpose}", __config__=config, **fields)


def _records_routes(kind: RecordKind) -> None:
    new_model, change_model, read_model = (_model(kind, p) for p in ("New", "Change", "Record"))
    path = f"/{kind.name}"
    tag = kind.plural

    # Records go out as record_json (the CLI's --json shape); the models document them.
    def listed(ctx: Ctx) -> JSONResponse:
        entries = steps.diary_entries(ctx, kind.name, None)
        return JSONResponse(_finite([record_json(e.record) for e in entries]))

    def created(ctx: Ctx, body: Annotated[new_model, Body()]) -> JSONResponse:  # type: ignore[valid-type]
        record = steps.add_record(ctx, kind.name, body.model_dump(exclude_none=True))  # type: ignore[attr-defined]
        return JSONResponse(_finite(record_json(record)), status_code=201)

    def one(ctx: Ctx, record_id: int) -> JSONResponse:
        return JSONResponse(_finite(record_json(steps.get_record(ctx, kind.name, record_id))))

    def changed(ctx: Ctx, record_id: int, body: Annotated[change_model, Body()]) -> JSONResponse:  # type: ignore[valid-type]
        values = body.model_dump(exclude_unset=True)  # type: ignore[attr-defined]
        return JSONResponse(_finite(record_json(steps.edit_record(ctx, kind.name, record_id, values))))

    def deleted(ctx: Ctx, record_id: int) -> JSONResponse:
        return JSONResponse(_finite(record_json(steps.delete_record(ctx, kind.name, record_id))))

    router.add_api_route(path, listed, methods=["GET"], response_model=list[read_model],
                         tags=[tag], summary=f"List {kind.plural}", name=f"list_{kind.name}")
    router.add_api_route(path, created, methods=["POST"], status_code=201,
                         response_model=read_model, tags=[tag], summary=f"Add a {kind.singular}",
                         name=f"add_{kind.name}")
    router.add_api_route(path + "/{record_id}", one, methods=["GET"], response_model=read_model,
                         tags=[tag], summary=f"One {kind.singular}", name=f"get_{kind.name}")
    router.add_api_route(path + "/{record_id}", changed, methods=["PATCH"],
                         response_model=read_model, tags=[tag],
                         summary=f"Change a {kind.singular}", name=f"edit_{kind.name}")
    router.add_api_route(path + "/{record_id}", deleted, methods=["DELETE"],
                         response_model=read_model, tags=[tag],
                         summary=f"Delete a {kind.singular}", name=f"delete_{kind.name}")  # fmt: skip


for _kind in RECORD_KINDS:
    _records_routes(_kind)


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
    record = steps.add_to_day(ctx, body.what)
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
    """The level your diary as a whole calls for (the Today banner)."""
    return steps.triage_status(ctx).to_dict()


@router.post("/check", response_model=CheckOut, tags=["triage"])
def check(ctx: Ctx, body: CheckIn) -> dict[str, Any]:
    """A check from free text; send `answers` to the returned questions to settle the level."""
    outcome = steps.check_text(ctx, body.text, body.answers)
    return {
        "understood": [{"fact": f, "value": v, "words": w} for f, v, w in outcome.understood],
        "questions": [q.to_dict() for q in outcome.questions],
        "result": outcome.result.to_dict(),
    }


# --- insights, plan ----------------------------------------------------------------------


def _since(ctx: Context, since: str | None) -> date | None:
    from twitchguide.diary.timewords import parse_since

    return parse_since(since, ctx.today()) if since else None


Since = Annotated[str | None, Query(max_length=40, description="e.g. 90d, 12w, 2026-06-01")]


@router.get("/insights", response_model=dict[str, Any], tags=["insights"])
def insights(ctx: Ctx, since: Since = None) -> JSONResponse:
    """Patterns, factor effects with intervals and evidence labels, and the strength trend."""
    return JSONResponse(_finite(steps.insights(ctx, _since(ctx, since)).to_dict()))


@router.get("/plan", response_model=dict[str, Any], tags=["insights"])
def plan(ctx: Ctx, since: Since = None) -> JSONResponse:
    """The relief plan: the guide's relief steps, most relevant to you first, each with why."""
    _report, relief, _diary = steps.insights_and_plan(ctx, _since(ctx, since))
    return JSONResponse(_finite(steps.plan_dict(relief)))


# --- guide -------------------------------------------------------------------------------


@router.get("/guide/topics", response_model=list[dict[str, str]], tags=["guide"])
def topics() -> list[dict[str, str]]:
    from twitchguide.guide.plain import topic_list

    return topic_list()


@router.get("/guide/topics/{topic_id}", response_model=dict[str, Any], tags=["guide"])
def topic(topic_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    from twitchguide.guide.content import topic as find
    from twitchguide.guide.plain import topic_dict

    return topic_dict(find(topic_id))


@router.get("/guide/search", response_model=dict[str, Any], tags=["guide"])
def guide_search(q: Annotated[str, Query(min_length=1, max_length=200)]) -> JSONResponse:
    from twitchguide.guide.plain import search_dict
    from twitchguide.guide.search import search

    return JSONResponse(_finite(search_dict(search(q))))


# --- settings, backup --------------------------------------------------------------------


class SettingsOut(BaseModel):
    timezone: str
    day_start_hour: int
    emergency_number: str | None


class SettingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    timezone: Annotated[str, Field(max_length=64)] | None = None
    day_start_hour: Annotated[int, Field(ge=0, le=12)] | None = None
    emergency_number: Annotated[str, Field(max_length=20)] | None = None


@router.get("/settings", response_model=SettingsOut, tags=["settings"])
def get_settings(ctx: Ctx) -> SettingsOut:
    return SettingsOut(**_settings(ctx))


@router.put("/settings", response_model=SettingsOut, tags=["settings"])
def put_settings(ctx: Ctx, body: SettingsIn) -> SettingsOut:
    steps.update_settings(ctx, **body.model_dump())
    return SettingsOut(**_settings(ctx))


def _settings(ctx: Context) -> dict[str, Any]:
    user = ctx.user
    return {
        "timezone": user.timezone,
        "day_start_hour": user.day_start_hour,
        "emergency_number": user.emergency_number,
    }


@router.get("/export", response_model=dict[str, Any], tags=["backup"])
def export(ctx: Ctx) -> Response:
    """The whole diary as one JSON document (the same as `twitchguide export`)."""
    return Response(steps.export_json(ctx), media_type="application/json")


class Imported(BaseModel):
    imported: dict[str, int]


@router.post("/import", response_model=Imported, tags=["backup"])
def import_(ctx: Ctx, document: Annotated[dict[str, Any], Body()]) -> Imported:
    """Import an export document: all records or none."""
    import json

    return Imported(imported=steps.import_json(ctx, json.dumps(document).encode()))
