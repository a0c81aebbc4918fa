"""A diary day has one record of factors: adding one for a day that has it, or moving one onto
such a day, is refused with a clear line (the store's unique index would refuse it as a crash).

Every other kind passes straight to `actions.records`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from twitchguide.actions import records
from twitchguide.actions.context import ActionContext
from twitchguide.actions.fields import typed_values
from twitchguide.actions.results import RecordWrite
from twitchguide.diary.records import DAILY_FACTORS, Record, RecordKind
from twitchguide.errors import InvalidInput


def add_record(ctx: ActionContext, kind: RecordKind, fields: Mapping[str, Any]) -> RecordWrite:
    """`records.add_record`, refusing a second record of factors for one day."""
    if kind is DAILY_FACTORS:
        _refuse_taken_day(ctx, fields, None)
    return records.add_record(ctx, kind, fields)


def edit_record(
    ctx: ActionContext,
    kind: RecordKind,
    record_id: int,
    fields: Mapping[str, Any],
    clear: Sequence[str] = (),
) -> Record:
    """`records.edit_record`, refusing to move a day's factors onto a day that has its own."""
    if kind is DAILY_FACTORS and fields.get("day") is not None:
        _refuse_taken_day(ctx, fields, record_id)
    return records.edit_record(ctx, kind, record_id, fields, clear)


def _refuse_taken_day(ctx: ActionContext, fields: Mapping[str, Any], record_id: int | None) -> None:
    given = {"day": fields["day"]} if fields.get("day") is not None else {}
    day = typed_values(DAILY_FACTORS, given, ctx.clock).get("day", ctx.clock.today())
    existing = ctx.store.day(day)
    if existing is not None and existing.stamps.id != record_id:
        raise InvalidInput(
            "day", f"{day.isoformat()} already has its factors; change that day's record instead"
        )
