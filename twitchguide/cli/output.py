"""The one place where errors become a message and an exit status, and where JSON is printed."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NoReturn

import click

from twitchguide.errors import (
    ContentError,
    ImportRejected,
    InvalidInput,
    NotFound,
    StoreUnavailable,
    TwitchguideError,
)

# Exit status per error, most specific first; anything else of ours is 1.
EXIT_CODES: tuple[tuple[type[TwitchguideError], int], ...] = (
    (InvalidInput, 2),
    (ImportRejected, 2),
    (NotFound, 3),
    (StoreUnavailable, 4),
    (ContentError, 70),
)
INTERNAL_ERROR = 70


def exit_code(error: TwitchguideError) -> int:
    return next((code for kind, code in EXIT_CODES if isinstance(error, kind)), 1)


def run_safely(command: click.Command, args: Sequence[str]) -> NoReturn:
    """Run a click command; no stack trace ever reaches a person."""
    broken = _broken_argument(args)
    if broken:
        click.echo(f"Error: {broken}", err=True)
        sys.exit(2)
    try:
        command.main(args=list(args), prog_name="twitchguide", standalone_mode=False)
    except TwitchguideError as error:
        click.echo(f"Error: {one_line(error.user_message())}", err=True)
        sys.exit(exit_code(error))
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except click.UsageError as error:
        click.echo(f"Error: {one_line(usage_message(error))}", err=True)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        click.echo(f"Error: {one_line(error.format_message())}", err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except Exception as error:
        click.echo(
            f"Error: something went wrong inside Twitchguide ({type(error).__name__}: {error}). "
            "Please report this; the message above says what failed.",
            err=True,
        )
        sys.exit(INTERNAL_ERROR)
    sys.exit(0)


def _broken_argument(args: Sequence[str]) -> str | None:
    """Bytes that are not UTF-8 reach Python as lone surrogates: refuse them before anything
    reads, stores or prints them, naming the option they were given to."""
    for position, arg in enumerate(args):
        bad = next((i for i, c in enumerate(arg) if "\ud800" <= c <= "\udfff"), None)
        if bad is None:
            continue
        before = args[position - 1] if position else ""
        if arg.startswith("--") and "=" in arg:
            field = arg[2 : arg.index("=")]
        elif before.startswith("--"):
            field = before[2:]
        else:
            field = "arguments"
        return (
            f"{field.replace('-', '_')}: is not valid UTF-8 text (a broken character at "
            f"position {bad + 1}); type it again"
        )
    return None


def usage_message(error: click.UsageError) -> str:
    """click's usage error as "<field>: <what is allowed>", like every other message."""
    command = error.ctx.command_path if error.ctx else "twitchguide"
    see = f"see `{command} --help`"
    if isinstance(error, click.MissingParameter) and error.param is not None:
        return f"{error.param.name}: is required; {see}"
    if isinstance(error, click.BadParameter) and error.param is not None:
        return f"{error.param.name}: {error.message.rstrip('.')}; {see}"
    if isinstance(error, click.NoSuchOption):
        name = error.option_name
        if name.lstrip("-").replace(".", "", 1).isdigit():
            # "-1" given as an id or a number: click reads it as an option.
            field = _first_argument(error.ctx) or "value"
            return f"{field}: {name} is negative; use a whole number from 1"
        hint = f" (did you mean {', '.join(error.possibilities)}?)" if error.possibilities else ""
        return f"{name.lstrip('-')}: is not an option of `{command}`{hint}; {see}"
    if isinstance(error, click.BadOptionUsage):
        name = error.option_name
        problem = error.message.rstrip(".").replace(f"Option '{name}' requires", "needs")
        return f"{name.lstrip('-')}: {problem.replace('arguments', 'values')}; {see}"
    message = error.format_message().rstrip(".")
    if message.startswith("No such command"):
        return f"command: {message[len('No such command ') :]} is not a command; {see}"
    return f"arguments: {message}; {see}"


def _first_argument(ctx: click.Context | None) -> str | None:
    if ctx is None:
        return None
    for param in ctx.command.params:
        if isinstance(param, click.Argument):
            return param.name
    return None


def one_line(message: str) -> str:
    """A message as one printable line: no new lines, no characters the terminal cannot show."""
    flat = " ".join(message.split())
    return flat.encode("utf-8", "backslashreplace").decode("utf-8")


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_default)


def echo_json(data: Any) -> None:
    click.echo(dumps(data))
