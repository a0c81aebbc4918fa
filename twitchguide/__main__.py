"""Allows `python -m twitchguide`."""

from twitchguide.cli import main

main()
