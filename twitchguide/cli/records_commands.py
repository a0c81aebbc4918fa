"""add / list / show / edit / delete for every record kind, built from the kinds' field specs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from twitchguide.cli.context import Session, json_option, open_session
from twitchguide.cli.inputs import field_values, option_name
from twitchguide.cli.output import echo_json
from twitchguide.cli.render import describe
from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    MEDICATION,
    RELIEF_RATING,
    STRENGTH,
    SYMPTOM,
    FieldSpec,
    Record,
    RecordKind,
    StrengthCheck,
    record_json,
)
from twitchguide.diary.timewords import parse_since
from twitchguide.errors import InvalidInput
from twitchguide.wording import counted

F = TypeVar("F", bound=Callable[..., Any])


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


def _grip_trials(values: dict[str, Any], left: tuple[float, ...], right: tuple[float, ...]) -> None:
    for hand, trials in (("left", left), ("right", right)):
        for number, trial in enumerate(trials, start=1):
            values[f"grip_{hand}_{number}"] = trial


def record_group(kind: RecordKind) -> click.Group:
    """A command group with add, list, show, edit and delete for one record kind."""

    @click.group(name=kind.name, help=f"Add, list, show, edit and delete {kind.plural}.")
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
        session = open_session(ctx)
        left, right = options.pop("left", None), options.pop("right", None)
        values = field_values(kind, options, session.user)
        if grip:
            _grip_trials(values, left or (), right or ())
        when = kind.field(kind.when_field)
        if when.kind == "instant" and kind.when_field not in values:
            values[kind.when_field] = session.user.now()
        if when.kind == "date" and kind.when_field not in values:
            values[kind.when_field] = session.user.today()
        record = session.store.add(kind, session.user, values)
        _echo(record, session.user.zone, as_json, prefix="Added ")
        if kind is STRENGTH:
            _note_check_spacing(session, record)
        _after_write(ctx, kind)

    for option in grip_options:
        add = option(add)

    @group.command("list", help=f"List {kind.plural}.")
    @click.option("--since", default=None, help="e.g. 7d, 4w, 2026-11-01 (default: all)")
    @json_option
    @click.pass_context
    def list_(ctx: click.Context, since: str | None, as_json: bool) -> None:
        session = open_session(ctx)
        first = None
        if since is not None:
            day = parse_since(since, session.user.today())
            if kind.field(kind.when_field).kind == "instant":
                from twitchguide.diary.localday import day_start

                first = day_start(day, session.user.zone, session.user.day_start_hour)
            else:
                first = day  # type: ignore[assignment]
        records = session.store.list(kind, session.user, since=first)
        if as_json:
            echo_json([record_json(record) for record in records])
            return
        if not records:
            click.echo(f"No {kind.plural} yet.")
        for record in records:
            click.echo(describe(record, session.user.zone))

    @group.command("show", help=f"Show one {kind.singular}.")
    @click.argument("record_id", type=int, metavar="ID")
    @json_option
    @click.pass_context
    def show(ctx: click.Context, record_id: int, as_json: bool) -> None:
        session = open_session(ctx)
        _echo(session.store.get(kind, session.user, record_id), session.user.zone, as_json)

    @group.command("edit", help=f"Change fields of a {kind.singular}; --clear FIELD empties one.")
    @click.argument("record_id", type=int, metavar="ID")
    @_with_field_options(kind, for_edit=True)
    @click.option("--clear", multiple=True, metavar="FIELD", help="empty an optional field")
    @json_option
    @click.pass_context
    def edit(
        ctx: click.Context, /, record_id: int, clear: tuple[str, ...], as_json: bool, **options: Any
    ) -> None:
        session = open_session(ctx)
        left, right = options.pop("left", None), options.pop("right", None)
        values = field_values(kind, options, session.user)
        if grip:
            _grip_trials(values, left or (), right or ())
        for name in clear:
            field = name.replace("-", "_")
            if field not in kind.field_names:
                raise InvalidInput(
                    "clear", f"'{name}' is not a field; fields are {', '.join(kind.field_names)}"
                )
            values[field] = None
        if not values:
            raise InvalidInput("edit", "give at least one field to change, e.g. --note 'better'")
        record = session.store.update(kind, session.user, record_id, values)
        _echo(record, session.user.zone, as_json, prefix="Updated ")

    for option in grip_options:
        edit = option(edit)

    @group.command("delete", help=f"Delete a {kind.singular}.")
    @click.argument("record_id", type=int, metavar="ID")
    @json_option
    @click.pass_context
    def delete(ctx: click.Context, record_id: int, as_json: bool) -> None:
        session = open_session(ctx)
        record = session.store.delete(kind, session.user, record_id)
        _echo(record, session.user.zone, as_json, prefix="Deleted ")

    return group


def _echo(record: Any, zone: Any, as_json: bool, prefix: str = "") -> None:
    if as_json:
        echo_json(record_json(record))
    else:
        click.echo(prefix + describe(record, zone))


def _note_check_spacing(session: Session, record: Record) -> None:
    """A calm word when strength checks come closer than once a week (on stderr, like notices)."""
    from twitchguide.diary.localday import diary_day
    from twitchguide.insights.strength import days_since_previous_check

    assert isinstance(record, StrengthCheck)
    user = session.user
    checks = session.store.list(STRENGTH, user)
    gap = days_since_previous_check(
        checks,  # type: ignore[arg-type]
        record,
        lambda instant: diary_day(instant, user.zone, user.day_start_hour),
    )
    if gap is None:
        return
    when = "earlier today" if gap == 0 else counted(gap, "day") + " ago"
    click.echo(
        f"Your last strength check was {when}. Once a week is enough to show a trend. Any one "
        "check can be about 6% off your true strength, so checking more often adds worry, "
        "not information.",
        err=True,
    )


def _after_write(ctx: click.Context, kind: RecordKind) -> None:
    if kind in (SYMPTOM, STRENGTH):
        from twitchguide.cli.diary_commands import notify_triage

        notify_triage(ctx)


episode = record_group(EPISODE)
factors = record_group(DAILY_FACTORS)
medication = record_group(MEDICATION)
symptom = record_group(SYMPTOM)
strength = record_group(STRENGTH)
relief = record_group(RELIEF_RATING)
