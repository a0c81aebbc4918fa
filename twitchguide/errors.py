"""The one error hierarchy: every failure a person can meet is one of these.

Front ends map them to what they speak: the CLI to exit codes (`cli/output.py`), the web app to
HTTP statuses. Nothing here knows either.
"""

from __future__ import annotations


class TwitchguideError(Exception):
    """Base of every error that is shown to a person as one clear line."""

    def user_message(self) -> str:
        return str(self)


class InvalidInput(TwitchguideError):
    """A value a person gave is not allowed; names the field and what is allowed."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class NotFound(TwitchguideError):
    """A record that was asked for does not exist (for this user)."""


class StoreUnavailable(TwitchguideError):
    """The database cannot be reached or opened."""


class ContentError(TwitchguideError):
    """The package's own content (guide, rules, phrases) is broken: a bug to fix, not user input."""


class ImportRejected(TwitchguideError):
    """An import file cannot be taken; nothing was written."""
