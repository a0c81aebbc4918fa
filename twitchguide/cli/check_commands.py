"""`twitchguide check`: how soon to see a doctor, asked interactively or read from a JSON file."""

from __future__ import annotations

import json
from typing import Any

import click

from twitchguide.actions.context import ActionContext
from twitchguide.cli.context import action_context, json_option
from twitchguide.cli.output import echo_json
from twitchguide.errors import InvalidInput, TwitchguideError
from twitchguide.triage.engine import TriageResult
from twitchguide.triage.facts import TriageFacts

INTRO = (
    "A short check on how soon to see a doctor about your twitching.\n"
    "Answer what you can; press Enter to skip, or type ? if you are not sure."
)


@click.command()
@click.option(
    "--answers",
    type=click.File("r", encoding="utf-8"),
    help="a JSON file of facts (names in docs/triage.md); '-' reads standard input",
)
@click.option("--with-diary", is_flag=True, help="also use what your diary already says")
@click.option("--text", help='describe it in your own words, e.g. "left calf 3 weeks, no weakness"')
@json_option
@click.pass_context
def check(
    ctx: click.Context, answers: Any, with_diary: bool, as_json: bool, text: str | None
) -> None:
    """How soon to see a doctor: the level, why, what to do, and when to come back.

    Without --answers it asks a few questions and stops once the answer is settled.
    Twitchguide does not replace a clinician.
    """
    from twitchguide.actions import triage as triage_actions

    actions = _diary_if_possible(ctx, with_diary)
    if as_json or answers is not None:
        if as_json and text is None and answers is None:
            raise InvalidInput("answers", "--json needs --answers FILE.json or --text")
        if with_diary and not as_json and actions is not None:
            _show_diary_facts(triage_actions.diary_facts(actions))
        done = triage_actions.check(
            actions,
            text=text,
            answers=None if answers is None else _read_answers(answers),
            with_diary=with_diary,
        )
    else:
        # Interactive: the person's words first, then only the questions still open.
        known = triage_actions.diary_facts(actions) if with_diary and actions else TriageFacts()
        if text is not None:
            from twitchguide.cli.free_text import facts_from_text

            if with_diary:
                _show_diary_facts(known)
            extraction, facts = facts_from_text(actions, text, known)
        else:
            extraction, facts = _ask_from_the_start(actions, known, show_known=with_diary)
        done = triage_actions.decide(actions, facts, extraction)
    if as_json:
        echo_json(done.to_json())
        return
    _render(done.result, done.sources, done.unanswered)


def _diary_if_possible(ctx: click.Context, with_diary: bool) -> ActionContext | None:
    """The person's diary (for their emergency number); a check never fails without it."""
    try:
        return action_context(ctx)
    except TwitchguideError:
        if with_diary:
            raise
        return None


def _show_diary_facts(facts: TriageFacts) -> None:
    """What the check takes from the diary, so the person knows why it asks less."""
    from twitchguide.cli.free_text import fact_value_text

    known = {name: value for name, value in facts.to_dict().items() if value is not None}
    click.echo("From your diary (the last month):")
    if not known:
        click.echo("  nothing that changes the advice yet")
    for name, value in known.items():
        click.echo(f"  {name.replace('_', ' ')}: {fact_value_text(value)}")
    click.echo("")


LEVEL_WORDS = {
    "emergency": "Could make it an emergency",
    "see_doctor_soon": "Could mean seeing a doctor soon",
    "routine_appointment": "Could mean a routine appointment",
}


def _show_unanswered(unanswered: tuple[dict[str, Any], ...]) -> None:
    """Warning signs not answered: not counted as present, but not ruled out either."""
    if not unanswered:
        return
    click.echo("")
    click.echo("Not known yet (not counted as present; an answer could change the advice):")
    grouped: dict[str, list[str]] = {}
    for question in unanswered:
        label = question["question"].removeprefix("Does this apply to you: ").rstrip("?")
        label = label[:1].lower() + label[1:]
        grouped.setdefault(question["could_raise_to"], []).append(label)
    for level, labels in grouped.items():
        click.echo(f"  - {LEVEL_WORDS.get(level, level)}: {'; '.join(labels)}.")


def _read_answers(stream: Any) -> Any:
    try:
        return json.load(stream)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            "answers", f"not valid JSON ({error.msg}, line {error.lineno})"
        ) from None


def _ask_from_the_start(
    actions: ActionContext | None, known: TriageFacts, show_known: bool
) -> tuple[Any, TriageFacts]:
    """Let the person say it in their own words first; then ask only what is still open."""
    from twitchguide.cli.free_text import ask_questions, facts_from_text
    from twitchguide.triage.questions import already_answered, next_check_question

    click.echo(INTRO)
    click.echo("")
    if show_known:
        _show_diary_facts(known)
    described = click.prompt(
        "In your own words, what is happening? (or press Enter to go straight to the questions)",
        default="",
        show_default=False,
    )
    if described.strip():
        return facts_from_text(actions, described, known, intro=False)
    facts = ask_questions(known, next_check_question, already_answered(known))
    click.echo("")
    return None, facts


def _render(
    result: TriageResult,
    sources: tuple[dict[str, str], ...],
    unanswered: tuple[dict[str, Any], ...] = (),
) -> None:
    data = result.to_dict()
    click.secho(f"Result: {result.title}", bold=True)
    click.echo(f"What to do: {data['advice']}")
    click.echo(f"By when: {result.by_when}")
    click.echo("")
    click.echo("Why:")
    for reason in result.reasons:
        if reason.level == result.level:
            click.echo(f"  - {reason.explanation} [{', '.join(reason.sources)}]")
    # An emergency answer stays focused on the one thing to do now.
    lower = [r for r in result.reasons if r.level != result.level]
    if lower and result.level != "emergency":
        click.echo("Also worth knowing:")
        for reason in lower:
            click.echo(f"  - {reason.explanation} [{', '.join(reason.sources)}]")
    _show_unanswered(unanswered)
    click.echo("")
    click.echo("Come back if:")
    for line in result.safety_net:
        click.echo(f"  - {line}")
    click.echo("")
    click.echo("Sources:")
    for entry in sources:
        details = " ".join(_sentence(v) for k, v in entry.items() if k in ("title", "publisher"))
        details = f"{details} {entry['url']}" if "url" in entry else details
        click.echo(f"  [{entry['id']}] {details}")
    click.echo("")
    click.echo(result.disclaimer)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."
