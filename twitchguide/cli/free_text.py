"""Free text on the command line: show what was understood, ask only what could change the level."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import click

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import LogResult
from twitchguide.cli.prompting import ask_until_valid
from twitchguide.diary.records import field_values
from twitchguide.diary.vocabulary import label
from twitchguide.triage.extract import Extraction
from twitchguide.triage.facts import TriageFacts
from twitchguide.triage.questions import Question, apply_answer, checklist_labels

INTRO = (
    "Here is what I understood. A few short questions may follow: only the ones whose answer\n"
    "could change the advice. Press Enter for none of them, or type ? if you are not sure."
)


def facts_from_text(
    actions: ActionContext | None, text: str, known: TriageFacts, *, intro: bool = True
) -> tuple[Extraction, TriageFacts]:
    """Facts read from the text (over what is already known), shown, then asked about."""
    from twitchguide.actions.triage import read_text
    from twitchguide.triage.extract import next_open_question

    extraction, facts = read_text(actions, text, known)
    if intro:
        click.echo(INTRO)
    click.echo("")
    click.echo("What I understood:")
    for line in understood_lines(extraction):
        click.echo(line)
    facts = ask_questions(facts, next_open_question)
    click.echo("")
    return extraction, facts


def understood_lines(extraction: Extraction) -> list[str]:
    """One line per fact: its value and the words it came from."""
    if not extraction.evidence and not extraction.unsure:
        return ["  (nothing I could read as a fact; the questions below will ask)"]
    lines = []
    for evidence in extraction.evidence:
        quoted = " / ".join(f'"{span.text}"' for span in evidence.spans[:2])
        shown = fact_value_text(evidence.value)
        lines.append(f"  {evidence.fact.replace('_', ' ')}: {shown}  <- {quoted}")
    for doubt in extraction.unsure:
        quoted = " / ".join(f'"{span.text}"' for span in doubt.spans[:1])
        lines.append(f"  {doubt.fact.replace('_', ' ')}: not sure  <- {quoted}")
    return lines


def fact_value_text(value: Any) -> str:
    """A fact's value in words: yes/no, lists joined, whole numbers without ".0"."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, tuple | list):
        return ", ".join(str(v).replace("_", " ") for v in value) or "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def ask_questions(
    facts: TriageFacts,
    choose: Callable[[TriageFacts, frozenset[str]], tuple[Question, tuple[str, ...]] | None],
    asked: frozenset[str] = frozenset(),
) -> TriageFacts:
    """Ask the questions `choose` picks, one at a time, until it has none left.

    The check and the free-text follow-up differ only in which questions they pick.
    """
    while (chosen := choose(facts, asked)) is not None:
        question, shown = chosen
        asked |= {question.id}
        facts = _ask_one(facts, question, shown)
    return facts


def _ask_one(facts: TriageFacts, question: Question, shown: tuple[str, ...]) -> TriageFacts:
    click.echo("")
    click.echo(question.text)
    if question.kind == "checklist":
        for number, label in enumerate(checklist_labels(question, shown), start=1):
            click.echo(f"  {number}. {label}")
        prompt = "Numbers (e.g. 1,3), Enter for none"
    elif question.kind == "yesno":
        prompt = question.hint or "yes / no"
    else:
        prompt = question.hint or "answer"
    return ask_until_valid(prompt, lambda answer: apply_answer(facts, question, answer, shown))


def episode_lines(done: LogResult) -> list[str]:
    """What `log` understood from plain words, one field a line with the words behind it."""
    lines = ["Understood:"]
    values = done.checked[0] if done.checked else field_values(done.episodes[0])
    for name, words in done.understood:
        value = values.get(name)
        shown = value.strftime("%a %d %b %H:%M") if isinstance(value, datetime) else value
        lines.append(f'  {name.replace("_", " ")}: {fact_value_text(shown)}  <- "{words}"')
    places = done.checked or [field_values(episode) for episode in done.episodes]
    if len(places) > 1:
        each = ", ".join(
            label(p["region"]) + (f" ({p['side']})" if p.get("side") else "") for p in places
        )
        lines.append(f"  places: {each} (one episode each)")
    if "started_at" not in {name for name, _ in done.understood}:
        lines.append("  started at: now (no time given)")
    return lines


def show_episode_result(done: LogResult, now: datetime, *, as_json: bool) -> None:
    """Before `log` reports: what was understood; with --dry-run, checked but not written."""
    if as_json:
        if done.dry_run:
            from twitchguide.cli.output import echo_json

            echo_json(done.to_json())
        return
    if done.from_words:
        for line in episode_lines(done):
            click.echo(line)
    if done.dry_run:
        if not done.from_words:
            for values in done.checked:
                click.echo("Would log: " + _plain_fields(values, now))
        click.echo("Dry run: nothing was written.")


def _plain_fields(values: dict[str, Any], now: datetime) -> str:
    shown = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        if isinstance(value, datetime):
            value = value.astimezone(now.tzinfo).strftime("%a %d %b %H:%M")
        shown.append(f"{name.replace('_', ' ')} {str(value).replace('_', ' ')}")
    return ", ".join(shown)
