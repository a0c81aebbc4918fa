"""Free text on the command line: show what was understood, ask only what could change the level."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import click

from twitchguide.cli.prompting import ask_until_valid
from twitchguide.errors import InvalidInput
from twitchguide.triage.extract import Extraction, extract_facts, open_questions
from twitchguide.triage.extract.episode_text import EpisodeDraft
from twitchguide.triage.facts import TriageFacts, fact_kind
from twitchguide.triage.questions import QUESTIONS, Question, apply_answer

INTRO = (
    "Here is what I understood. A few short questions may follow: only the ones whose answer\n"
    "could change the advice. Press Enter for none of them, or type ? if you are not sure."
)


def facts_from_text(
    text: str, known: TriageFacts, *, ask: bool, intro: bool = True
) -> tuple[Extraction, TriageFacts]:
    """Facts read from the text (over what is already known), then asked about if interactive."""
    extraction = extract_facts(text, datetime.now().astimezone())
    facts = known.merged(extraction.facts)
    if ask:
        if intro:
            click.echo(INTRO)
        click.echo("")
        click.echo("What I understood:")
        for line in understood_lines(extraction):
            click.echo(line)
        facts = ask_open_questions(facts)
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


def text_json(extraction: Extraction, facts: TriageFacts) -> dict[str, Any]:
    """The extra JSON keys `check --text` adds: evidence spans, doubts, open questions."""
    return {
        "text": extraction.text,
        "understood": [evidence.to_dict() for evidence in extraction.evidence],
        "unsure": [doubt.to_dict() for doubt in extraction.unsure],
        "notes": dict(extraction.notes),
        "unanswered": [question.to_dict() for question in open_questions(facts)],
    }


def ask_open_questions(facts: TriageFacts) -> TriageFacts:
    """The check's questions, cut down to the facts still unknown that could raise the level."""
    asked: set[str] = set()
    while True:
        still_open = {q.fact for q in open_questions(facts)} - asked
        question = next((q for q in QUESTIONS if still_open & set(q.facts)), None)
        if question is None:
            return facts
        wanted = [fact for fact in question.facts if fact in still_open]
        asked |= set(question.facts)
        facts = _ask(facts, question, wanted)


def _ask(facts: TriageFacts, question: Question, wanted: list[str]) -> TriageFacts:
    click.echo("")
    click.echo(question.text)
    if question.kind != "checklist":
        prompt = question.hint or ("yes / no" if question.kind == "yesno" else "answer")
        return ask_until_valid(prompt, lambda answer: apply_answer(facts, question, answer))
    labels = dict(zip(question.facts, question.labels, strict=False))
    for number, fact in enumerate(wanted, start=1):
        click.echo(f"  {number}. {labels.get(fact, fact.replace('_', ' '))}")
    return ask_until_valid(
        "Numbers (e.g. 1,3), Enter for none",
        lambda answer: _apply_checklist(facts, wanted, answer),
    )


def _apply_checklist(facts: TriageFacts, wanted: list[str], answer: str) -> TriageFacts:
    text = answer.strip().lower()
    if text in ("?", "not sure", "unsure"):
        return facts
    picked: set[int] = set()
    if text not in ("", "none", "no", "n", "0"):
        try:
            picked = {int(part) for part in re.split(r"[\s,]+", text) if part}
        except ValueError:
            picked = {0}
        if not picked <= set(range(1, len(wanted) + 1)):
            raise InvalidInput("answer", f"numbers from 1 to {len(wanted)}, or Enter for none")
    changes = {fact: i + 1 in picked for i, fact in enumerate(wanted) if fact_kind(fact) == "bool"}
    return facts.with_facts(**changes)


def episode_lines(draft: EpisodeDraft) -> list[str]:
    """What `log` understood from plain words, one field a line with the words behind it."""
    lines = ["Understood:"]
    values = draft.values()
    for name, words in draft.understood:
        value = values.get(name)
        shown = value.strftime("%a %d %b %H:%M") if isinstance(value, datetime) else value
        lines.append(f'  {name.replace("_", " ")}: {fact_value_text(shown)}  <- "{words}"')
    if "started_at" not in values:
        lines.append("  started at: now (no time given)")
    return lines


def show_episode_draft(
    draft: EpisodeDraft | None,
    values: dict[str, Any],
    now: datetime,
    *,
    as_json: bool,
    dry_run: bool,
) -> None:
    """Before `log` writes: what was understood; with --dry-run, checked but not written."""
    from twitchguide.diary.records import EPISODE
    from twitchguide.diary.validation import validate_fields

    checked = validate_fields(EPISODE, values, now=now, today=now.date())
    if as_json and dry_run:
        from twitchguide.cli.output import echo_json

        echo_json(
            {
                "dry_run": True,
                "episode": checked,
                "understood": [{"field": n, "words": w} for n, w in draft.understood]
                if draft
                else [],
            }
        )
        return
    if not as_json and draft is not None:
        for line in episode_lines(draft):
            click.echo(line)
    if dry_run and not as_json:
        if draft is None:
            click.echo("Would log: " + _plain_fields(checked, now))
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
