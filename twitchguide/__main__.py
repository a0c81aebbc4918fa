"""Allows `python -m twitchguide`."""

from twitchguide.cli import run

run()
