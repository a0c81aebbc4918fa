"""Add, edit, delete, undo, list and show any kind of diary record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from twitchguide.actions.context import ActionContext
from twitchguide.actions.fields import typed_values
from twitchguide.actions.results import RecordWrite
from twitchguide.diary.records import STRENGTH, SYMPTOM, Record, RecordKind, StrengthCheck
from twitchguide.errors import InvalidInput
from twitchguide.wording import counted

GRIP_TRIALS = 3


def grip_fields(left: Sequence[Any] | None, right: Sequence[Any] | None) -> dict[str, Any]:
    """Three grip trials a hand, as the strength check's fields (grip_left_1 …)."""
    fields: dict[str, Any] = {}
    for hand, trials in (("left", left), ("right", right)):
        if not trials:
            continue
        if len(trials) != GRIP_TRIALS:
            raise InvalidInput(hand, f"give {GRIP_TRIALS} grip trials in kg, e.g. 32 31 33")
        for number, trial in enumerate(trials, start=1):
            fields[f"grip_{hand}_{number}"] = trial
    return fields


def add_record(ctx: ActionContext, kind: RecordKind, fields: Mapping[str, Any]) -> RecordWrite:
    """Add a record; its time or day defaults to now or today. Says when triage has a word."""
    values = typed_values(kind, fields, ctx.clock)
    when = kind.field(kind.when_field)
    if kind.when_field not in values:
        values[kind.when_field] = ctx.clock.now() if when.kind == "instant" else ctx.clock.today()
    record = ctx.store.add(kind, values)
    remark = _check_spacing(ctx, record) if kind is STRENGTH else None
    notice = None
    if kind in (SYMPTOM, STRENGTH):
        from twitchguide.actions.triage import triage_status

        notice = triage_status(ctx)
    return RecordWrite(record, notice=notice, remark=remark)


def edit_record(
    ctx: ActionContext,
    kind: RecordKind,
    record_id: int,
    fields: Mapping[str, Any],
    clear: Sequence[str] = (),
) -> Record:
    """Change some fields of a record; `clear` empties optional ones."""
    values = typed_values(kind, fields, ctx.clock)
    for name in clear:
        field = name.replace("-", "_")
        if field not in kind.field_names:
            raise InvalidInput(
                "clear", f"'{name}' is not a field; fields are {', '.join(kind.field_names)}"
            )
        values[field] = None
    if not values:
        raise InvalidInput("edit", "give at least one field to change, e.g. --note 'better'")
    return ctx.store.update(kind, record_id, values)


def delete_record(ctx: ActionContext, kind: RecordKind, record_id: int) -> Record:
    """Delete a record; `restore_record` undoes it."""
    return ctx.store.delete(kind, record_id)


def restore_record(ctx: ActionContext, kind: RecordKind, record_id: int) -> Record:
    """Undo a delete: the record comes back with its id and fields."""
    return ctx.store.restore(kind, record_id)


def get_record(ctx: ActionContext, kind: RecordKind, record_id: int) -> Record:
    return ctx.store.get(kind, record_id)


def list_records(ctx: ActionContext, kind: RecordKind, since: str | None = None) -> list[Record]:
    """Records of one kind in time order, from the diary day `since` names (default: all)."""
    if since is None:
        return ctx.store.list(kind)
    from twitchguide.diary.localday import day_start
    from twitchguide.diary.timewords import parse_since

    day = parse_since(since, ctx.clock.today(), zone=ctx.clock.zone.key)
    if kind.field(kind.when_field).kind == "instant":
        return ctx.store.list(kind, since=day_start(day, ctx.user.zone, ctx.user.day_start_hour))
    return ctx.store.list(kind, since=day)


def _check_spacing(ctx: ActionContext, record: Record) -> str | None:
    """A calm word when strength checks come closer than once a week."""
    from twitchguide.diary.strength import days_since_previous_check

    assert isinstance(record, StrengthCheck)
    checks = ctx.store.list(STRENGTH)
    gap = days_since_previous_check(checks, record, ctx.clock.day_of)  # type: ignore[arg-type]
    if gap is None:
        return None
    when = "earlier today" if gap == 0 else counted(gap, "day") + " ago"
    return (
        f"Your last strength check was {when}. Once a week is enough to show a trend. Any one "
        "check can be about 6% off your true strength, so checking more often adds worry, "
        "not information."
    )
