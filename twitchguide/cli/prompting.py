"""Asking in the terminal until an answer can be used."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from twitchguide.errors import InvalidInput

T = TypeVar("T")


def ask_until_valid(prompt: str, use: Callable[[str], T]) -> T:
    """Prompt (Enter gives ""), and ask again, saying what is allowed, until `use` accepts it."""
    while True:
        answer = click.prompt(prompt, default="", show_default=False)
        try:
            return use(answer)
        except InvalidInput as error:
            click.echo(f"Please answer with {error.problem}.")
