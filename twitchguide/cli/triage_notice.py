"""The short triage notice printed after a diary write, when the diary now calls for a doctor."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from twitchguide.diary.snapshot import Diary


def print_notice_after_write(
    diary: Diary, emergency_number: str | None = None, words: str | None = None
) -> None:
    """Print the level and its main reason when above self-care; print nothing otherwise.

    `words`, if given, are read for red flags too ("calf twitching, and chest pain").
    It goes to stderr so `--json` output on stdout stays valid JSON; a person at a terminal
    sees both.
    """
    from twitchguide.triage.diary_facts import facts_from_diary, warning_signs_in_words
    from twitchguide.triage.engine import DEFAULT_EMERGENCY_NUMBER, TriageSettings, triage

    today = diary.day_of(datetime.now(UTC))
    settings = TriageSettings(emergency_number or DEFAULT_EMERGENCY_NUMBER)
    facts = facts_from_diary(diary, today)
    if words:
        facts = facts.with_facts(**warning_signs_in_words(words))
    result = triage(facts, settings)
    if result.level == "self_care":
        return
    click.echo("", err=True)
    click.echo(f"Triage: {result.one_line()}", err=True)
    if result.level == "emergency":
        click.echo(result.advice, err=True)
    else:
        click.echo(f"When: {result.by_when}. Details: twitchguide check --with-diary", err=True)
