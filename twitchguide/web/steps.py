"""The steps the web app takes, each once: until `twitchguide/actions/` has them, they live here.

Every route calls one function of this module and renders what it returns. Each function is the
same sequence of calls the CLI makes for the same command (store, diary, triage, insights), so
the two front ends agree; when the application layer lands on main, these become thin calls
into it and the routes do not change.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    KINDS_BY_NAME,
    RECORD_KINDS,
    DailyFactors,
    Episode,
    Record,
    RecordKind,
    field_values,
)
from twitchguide.diary.timewords import parse_date, parse_duration, parse_instant
from twitchguide.errors import InvalidInput, NotFound
from twitchguide.store import DiaryStore, UserSettings
from twitchguide.triage.engine import DEFAULT_EMERGENCY_NUMBER, TriageResult, TriageSettings

# What one tap of "one more coffee" / "a glass of water" adds to the day's totals.
TAP_AMOUNTS: dict[str, tuple[str, float]] = {
    "coffee": ("caffeine_mg", 100.0),  # a mug of brewed coffee, as the diary's help says
    "water": ("water_litres", 0.25),  # one glass
}


_threads = threading.local()


class Context:
    """One request's diary: the store (bound to one person) and their settings.

    Each worker thread keeps its own open store per database (SQLite connections belong to
    the thread that opened them), so a request costs no connect and a step runs in one thread.
    """

    def __init__(self, database_url: str, user_name: str) -> None:
        self.database_url = database_url
        self.user_name = user_name
        self._user: UserSettings | None = None

    @property
    def store(self) -> DiaryStore:
        stores: dict[str, DiaryStore] | None = getattr(_threads, "stores", None)
        if stores is None:
            stores = _threads.stores = {}
        store = stores.get(self.database_url)
        if store is None:
            from twitchguide.store.database import connect

            store = stores[self.database_url] = DiaryStore(connect(self.database_url))
        return store

    @property
    def user(self) -> UserSettings:
        if self._user is None:
            self._user = self.store.user(self.user_name)
        return self._user

    @user.setter
    def user(self, user: UserSettings) -> None:
        self._user = user

    def now(self) -> datetime:
        return self.user.now()

    def today(self) -> date:
        return self.user.today()


def record_kind(name: str) -> RecordKind:
    """The record kind a URL names; NotFound for any other word."""
    kind = KINDS_BY_NAME.get(name)
    if kind is None:
        raise NotFound(f"record kind '{name}' does not exist; use one of {', '.join(KINDS_BY_NAME)}")
    return kind


def read_fields(ctx: Context, kind: RecordKind, raw: dict[str, Any]) -> dict[str, Any]:
    """Form or JSON values as the diary's field values: time words and durations read.

    Empty form fields are left out (an edit keeps what was there); "none" clears a field.
    """
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in kind.field_names:
            continue
        spec = kind.field(name)
        if isinstance(value, str):
            text = value.strip()
            if text == "":
                continue
            if text.lower() == "none" and not spec.required:
                values[name] = None
                continue
            if spec.kind == "instant":
                value = parse_instant(text, ctx.now(), field=name)
            elif spec.kind == "date":
                value = parse_date(text, ctx.today(), field=name)
            elif name.endswith("_seconds"):
                value = parse_duration(text, field=name)
            elif spec.kind == "bool":
                value = text.lower() in ("1", "yes", "true", "on")
        values[name] = value
    return values


# --- today -------------------------------------------------------------------------------


@dataclass
class Today:
    """What the Today page shows: the day's factors, its twitches, and the triage level."""

    day: date
    factors: DailyFactors | None
    episodes: list[Episode]
    triage: TriageResult


def today(ctx: Context) -> Today:
    from twitchguide.triage.diary_facts import lookback_start

    day = ctx.today()
    recent = ctx.store.load_diary(ctx.user, since=lookback_start(day))
    episodes = [e for e in recent.episodes if recent.day_of(e.started_at) == day]
    factors = next((f for f in recent.days if f.day == day), None)
    return Today(day, factors, sorted(episodes, key=lambda e: e.started_at), _triage(ctx, recent))


def triage_status(ctx: Context) -> TriageResult:
    """The level the diary as a whole calls for (the banner), as `log` prints after a write."""
    from twitchguide.triage.diary_facts import lookback_start

    recent = ctx.store.load_diary(ctx.user, since=lookback_start(ctx.today()))
    return _triage(ctx, recent)


def _triage(ctx: Context, recent: Any, words: str | None = None) -> TriageResult:
    from twitchguide.triage.diary_facts import facts_from_diary, warning_signs_in_words
    from twitchguide.triage.engine import triage

    facts = facts_from_diary(recent, ctx.today())
    if words:
        facts = facts.with_facts(**warning_signs_in_words(words))
    return triage(facts, _triage_settings(ctx.user))


def _triage_settings(user: UserSettings) -> TriageSettings:
    return TriageSettings(user.emergency_number or DEFAULT_EMERGENCY_NUMBER)


def log_episode(ctx: Context, raw: dict[str, Any]) -> Episode:
    """Log one twitch: `started_at` defaults to now; a duration of "ongoing" means still going."""
    raw = dict(raw)
    if str(raw.get("duration_seconds", "")).strip().lower() == "ongoing":
        raw["duration_seconds"] = ""
        raw["ongoing"] = "yes"
    values = read_fields(ctx, EPISODE, raw)
    values.setdefault("started_at", ctx.now())
    record = ctx.store.add(EPISODE, ctx.user, values)
    assert isinstance(record, Episode)
    return record


def add_to_day(ctx: Context, what: str, day: date | None = None) -> DailyFactors:
    """One more coffee or glass of water: adds to the day's total (empty counts from zero)."""
    if what not in TAP_AMOUNTS:
        raise InvalidInput("add", f"one of {', '.join(TAP_AMOUNTS)}")
    name, amount = TAP_AMOUNTS[what]
    which = day or ctx.today()
    with ctx.store.database.transaction():
        current = ctx.store.day(ctx.user, which)
        before = getattr(current, name) if current is not None else None
        record = ctx.store.set_day(ctx.user, which, {name: round((before or 0.0) + amount, 3)})
    assert isinstance(record, DailyFactors)
    return record


def set_day(ctx: Context, day: date, raw: dict[str, Any]) -> DailyFactors:
    values = read_fields(ctx, DAILY_FACTORS, raw)
    values.pop("day", None)
    if not values and ctx.store.day(ctx.user, day) is None:
        raise InvalidInput("day", "give at least one factor, e.g. sleep 7 or stress 2")
    record = ctx.store.set_day(ctx.user, day, values)
    assert isinstance(record, DailyFactors)
    return record


# --- records -----------------------------------------------------------------------------


@dataclass
class DiaryEntry:
    """One record on the diary list: its kind, the diary day it belongs to, and the record."""

    kind: RecordKind
    day: date
    record: Record


def diary_entries(ctx: Context, kind_name: str | None, since: date | None) -> list[DiaryEntry]:
    """Every record (or one kind's) from `since`, newest first."""
    from twitchguide.diary.localday import diary_day

    kinds = [record_kind(kind_name)] if kind_name else list(RECORD_KINDS)
    entries = []
    for kind in kinds:
        for record in ctx.store.list(kind, ctx.user):
            when = getattr(record, kind.when_field)
            day = (
                diary_day(when, ctx.user.zone, ctx.user.day_start_hour)
                if isinstance(when, datetime)
                else when
            )
            if since is None or day >= since:
                entries.append(DiaryEntry(kind, day, record))
    entries.sort(key=lambda e: (e.day, e.record.stamps.created_at), reverse=True)
    return entries


def add_record(ctx: Context, kind_name: str, raw: dict[str, Any]) -> Record:
    kind = record_kind(kind_name)
    values = read_fields(ctx, kind, raw)
    when = kind.field(kind.when_field)
    if kind.when_field not in values:
        values[kind.when_field] = ctx.now() if when.kind == "instant" else ctx.today()
    return ctx.store.add(kind, ctx.user, values)


def get_record(ctx: Context, kind_name: str, record_id: int) -> Record:
    return ctx.store.get(record_kind(kind_name), ctx.user, record_id)


def edit_record(ctx: Context, kind_name: str, record_id: int, raw: dict[str, Any]) -> Record:
    kind = record_kind(kind_name)
    values = read_fields(ctx, kind, raw)
    if not values:
        raise InvalidInput("edit", "change at least one field")
    return ctx.store.update(kind, ctx.user, record_id, values)


def delete_record(ctx: Context, kind_name: str, record_id: int) -> Record:
    """Delete one record and return it whole, so it can be put back (undo)."""
    return ctx.store.delete(record_kind(kind_name), ctx.user, record_id)


def restore_record(ctx: Context, record: Record) -> Record:
    """Put a deleted record back with its id and stamps (the undo of a delete)."""
    from twitchguide.diary.records import kind_of

    kind = kind_of(record)
    with ctx.store.database.transaction():
        restored = ctx.store.insert_exact(kind, ctx.user, field_values(record), record.stamps)
    return restored


# --- check -------------------------------------------------------------------------------


@dataclass
class CheckOutcome:
    """A free-text check: what was read, the questions still open, and the result."""

    text: str
    understood: list[tuple[str, str, str]]  # (fact, value in words, the words it came from)
    questions: list[Any]  # OpenQuestion
    result: TriageResult
    facts: dict[str, Any] = field(default_factory=dict)


def check_text(ctx: Context, text: str, answers: dict[str, str] | None = None) -> CheckOutcome:
    """Facts read from the text (with the diary's), answered questions applied, then triage.

    Without `answers` the open questions are returned to ask; with them (even empty) the
    result counts what was answered, as `check --text` does after asking.
    """
    from twitchguide.triage.diary_facts import facts_from_diary, lookback_start
    from twitchguide.triage.engine import triage
    from twitchguide.triage.extract import extract_facts, open_questions
    from twitchguide.triage.extract.followup import answer_open_question

    if not text.strip():
        raise InvalidInput("text", "say in a few words what is happening, e.g. 'left calf, 3 weeks'")
    if len(text) > 2000:
        raise InvalidInput("text", "text of up to 2000 characters")
    recent = ctx.store.load_diary(ctx.user, since=lookback_start(ctx.today()))
    extraction = extract_facts(text, ctx.now())
    facts = facts_from_diary(recent, ctx.today()).merged(extraction.facts)
    questions = open_questions(facts)
    if answers is not None:
        for question in questions:
            answer = answers.get(question.fact, "")
            facts = answer_open_question(facts, question, answer)
        questions = []
    understood = [
        (e.fact.replace("_", " "), _fact_words(e.value), " / ".join(s.text for s in e.spans[:2]))
        for e in extraction.evidence
    ]
    return CheckOutcome(
        text, understood, questions, triage(facts, _triage_settings(ctx.user)), facts.to_dict()
    )


def _fact_words(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, tuple | list):
        return ", ".join(str(v).replace("_", " ") for v in value) or "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def sources_of(ids: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    """Full details of the guide sources a result cites (an unknown id keeps just its id)."""
    from twitchguide.guide.content import source
    from twitchguide.guide.plain import source_dict

    found = []
    for source_id in ids:
        try:
            found.append(source_dict(source(source_id)))
        except NotFound:
            found.append({"id": source_id, "title": source_id, "publisher": "", "url": ""})
    return found


# --- insights, plan ----------------------------------------------------------------------


def insights(ctx: Context, since: date | None = None) -> Any:
    from twitchguide.insights.report import build_insights

    return build_insights(ctx.store.load_diary(ctx.user), start=since, end=ctx.today())


def insights_and_plan(ctx: Context, since: date | None = None) -> tuple[Any, Any, Any]:
    """The insights report, the relief plan and the diary they came from, read once."""
    from twitchguide.guide.content import load_guide
    from twitchguide.insights.report import build_insights, build_relief_plan

    diary = ctx.store.load_diary(ctx.user)
    report = build_insights(diary, start=since, end=ctx.today())
    plan = build_relief_plan(diary, load_guide(), start=since, end=ctx.today())
    return report, plan, diary


def plan_dict(plan: Any) -> dict[str, Any]:
    return dataclasses.asdict(plan)


# --- backup, settings --------------------------------------------------------------------


def export_json(ctx: Context) -> str:
    from twitchguide.store.backup import export_json as export

    return export(ctx.store, ctx.user)


def import_json(ctx: Context, data: bytes) -> dict[str, int]:
    """Import a JSON export, all records or none; counts by table."""
    import json

    from twitchguide.store.backup import import_document

    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput("file", f"not a Twitchguide JSON export ({error})") from None
    return import_document(ctx.store, ctx.user, document)


def update_settings(
    ctx: Context,
    *,
    timezone: str | None = None,
    day_start_hour: int | None = None,
    emergency_number: str | None = None,
) -> UserSettings:
    ctx.user = ctx.store.update_settings(
        ctx.user,
        timezone=timezone,
        day_start_hour=day_start_hour,
        emergency_number=emergency_number,
    )
    return ctx.user
