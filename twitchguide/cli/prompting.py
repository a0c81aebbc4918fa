"""Asking in the terminal until an answer can be used."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from twitchguide.errors import InvalidInput

T = TypeVar("T")

NOT_SURE = "?"


def ask_until_valid(prompt: str, use: Callable[[str], T]) -> T:
    """Prompt (Enter gives ""), and ask again, saying what is allowed, until `use` accepts it.

    When input ends (a script's input runs out, or Ctrl-D) the answer is "not sure": nobody
    said no to a red flag, so none is recorded as absent. Ctrl-C still stops everything.
    """
    while True:
        try:
            answer = input(f"{prompt}: ")
        except EOFError:
            click.echo(f"{NOT_SURE} (no more input, so: not sure)")
            return use(NOT_SURE)
        try:
            return use(answer)
        except InvalidInput as error:
            click.echo(f"Please answer with {error.problem}.")
