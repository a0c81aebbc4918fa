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
    try:
        command.main(args=list(args), prog_name="twitchguide", standalone_mode=False)
    except TwitchguideError as error:
        click.echo(f"Error: {error.user_message()}", err=True)
        sys.exit(exit_code(error))
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
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


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_default)


def echo_json(data: Any) -> None:
    click.echo(dumps(data))
