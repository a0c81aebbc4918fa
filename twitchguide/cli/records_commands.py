"""add / list / show / edit / delete for every record kind, built from the kinds' field specs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from twitchguide.cli.context import action_context, json_option
from twitchguide.cli.diary_commands import echo_notice
from twitchguide.cli.output import echo_json
from twitchguide.diary.describe import describe
from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    MEDICATION,
    RELIEF_RATING,
    STRENGTH,
    SYMPTOM,
    FieldSpec,
    RecordKind,
    record_json,
)

F = TypeVar("F", bound=Callable[..., Any])


def option_name(field: str) -> str:
    return "--" + field.replace("_", "-")


def _field_option(spec: FieldSpec, *, for_edit: bool) -> Callable[[F], F]:
    if spec.kind == "bool":
        return click.option(
            f"{option_name(spec.name)}/--not-{spec.name.replace('_', '-')}",
            spec.name,
            default=None,
            help=spec.help,
        )
    return click.option(
        option_name(spec.name),
        spec.name,
        default=None,
        metavar=spec.unit.upper() or spec.kind.upper(),
        help=f"{spec.help}: {spec.allowed()}",
    )


def _with_field_options(kind: RecordKind, *, for_edit: bool) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        for spec in reversed(kind.fields):
            function = _field_option(spec, for_edit=for_edit)(function)
        return function

    return decorate


def record_group(kind: RecordKind) -> click.Group:
    """A command group with add, list, show, edit and delete for one record kind."""

    @click.group(name=kind.name, help=f"Add, list, show, edit, delete and restore {kind.plural}.")
    def group() -> None:
        pass

    grip = kind is STRENGTH
    grip_options = (
        [
            click.option(
                "--left",
                type=float,
                nargs=3,
                default=None,
                metavar="KG KG KG",
                help="left grip, three trials in kg",
            ),
            click.option(
                "--right",
                type=float,
                nargs=3,
                default=None,
                metavar="KG KG KG",
                help="right grip, three trials in kg",
            ),
        ]
        if grip
        else []
    )

    @group.command("add", help=f"Add a {kind.singular}.")
    @_with_field_options(kind, for_edit=False)
    @json_option
    @click.pass_context
    def add(ctx: click.Context, /, as_json: bool, **options: Any) -> None:
        from twitchguide.actions.records import add_record, grip_fields

        actions = action_context(ctx)
        left, right = options.pop("left", None), options.pop("right", None)
        done = add_record(actions, kind, {**options, **grip_fields(left, right)})
        _echo(done.record, actions.user.zone, as_json, prefix="Added ")
        if done.remark:
            click.echo(done.remark, err=True)
        echo_notice(done.notice)

    for option in grip_options:
        add = option(add)

    @group.command("list", help=f"List {kind.plural}.")
    @click.option("--since", default=None, help="e.g. 7d, 4w, 2026-11-01 (default: all)")
    @json_option
    @click.pass_context
    def list_(ctx: click.Context, since: str | None, as_json: bool) -> None:
        from twitchguide.actions.records import list_records

        actions = action_context(ctx)
        records = list_records(actions, kind, since)
        if as_json:
            echo_json([record_json(record) for record in records])
            return
        if not records:
            click.echo(f"No {kind.plural} yet.")
        for record in records:
            click.echo(describe(record, actions.user.zone))

    @group.command("show", help=f"Show one {kind.singular}.")
    @click.argument("record_id", type=int, metavar="ID")
    @json_option
    @click.pass_context
    def show(ctx: click.Context, record_id: int, as_json: bool) -> None:
        from twitchguide.actions.records import get_record

        actions = action_context(ctx)
        _echo(get_record(actions, kind, record_id), actions.user.zone, as_json)

    @group.command("edit", help=f"Change fields of a {kind.singular}; --clear FIELD empties one.")
    @click.argument("record_id", type=int, metavar="ID")
    @_with_field_options(kind, for_edit=True)
    @click.option("--clear", multiple=True, metavar="FIELD", help="empty an optional field")
    @json_option
    @click.pass_context
    def edit(
        ctx: click.Context, /, record_id: int, clear: tuple[str, ...], as_json: bool, **options: Any
    ) -> None:
        from twitchguide.actions.records import edit_record, grip_fields

        actions = action_context(ctx)
        left, right = options.pop("left", None), options.pop("right", None)
        fields = {**options, **grip_fields(left, right)}
        record = edit_record(actions, kind, record_id, fields, clear)
        _echo(record, actions.user.zone, as_json, prefix="Updated ")

    for option in grip_options:
        edit = option(edit)

    @group.command("delete", help=f"Delete a {kind.singular} (restore undoes it).")
    @click.argument("record_id", type=int, metavar="ID")
    @json_option
    @click.pass_context
    def delete(ctx: click.Context, record_id: int, as_json: bool) -> None:
        from twitchguide.actions.records import delete_record

        actions = action_context(ctx)
        record = delete_record(actions, kind, record_id)
        _echo(record, actions.user.zone, as_json, prefix="Deleted ")
        if not as_json:
            click.echo(f"To undo: twitchguide {kind.name} restore {record_id}", err=True)

    @group.command("restore", help=f"Bring back a deleted {kind.singular} (undo a delete).")
    @click.argument("record_id", type=int, metavar="ID")
    @json_option
    @click.pass_context
    def restore(ctx: click.Context, record_id: int, as_json: bool) -> None:
        from twitchguide.actions.records import restore_record

        actions = action_context(ctx)
        record = restore_record(actions, kind, record_id)
        _echo(record, actions.user.zone, as_json, prefix="Restored ")

    return group


def _echo(record: Any, zone: Any, as_json: bool, prefix: str = "") -> None:
    if as_json:
        echo_json(record_json(record))
    else:
        click.echo(prefix + describe(record, zone))


episode = record_group(EPISODE)
factors = record_group(DAILY_FACTORS)
medication = record_group(MEDICATION)
symptom = record_group(SYMPTOM)
strength = record_group(STRENGTH)
relief = record_group(RELIEF_RATING)
