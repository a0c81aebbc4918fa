"""Small pieces of English shared by every layer."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """'1 day', '3 days', '1 twitch episode', '2 twitch episodes'."""
    noun = singular if count == 1 else (plural or f"{singular}s")
    return f"{count} {noun}"
