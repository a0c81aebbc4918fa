"""`twitchguide check`: how soon to see a doctor, asked interactively or read from a JSON file."""

from __future__ import annotations

import json
from typing import Any

import click

from twitchguide.cli.context import json_option, open_session
from twitchguide.cli.output import echo_json
from twitchguide.cli.prompting import ask_until_valid
from twitchguide.errors import InvalidInput, TwitchguideError
from twitchguide.triage.engine import TriageResult, TriageSettings, triage
from twitchguide.triage.facts import TriageFacts
from twitchguide.triage.questions import Question, already_answered, apply_answer, next_question

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
    settings, diary_facts = _context(ctx, with_diary)
    asking = text is None and answers is None and not as_json
    if with_diary and not as_json and not asking:
        _show_diary_facts(diary_facts)
    extraction = None
    if text is not None and answers is not None:
        raise InvalidInput("text", "use --text or --answers, not both")
    if text is not None:
        from twitchguide.cli.free_text import facts_from_text

        extraction, facts = facts_from_text(text, diary_facts, ask=not as_json)
    elif answers is not None:
        facts = diary_facts.merged(_read_answers(answers))
    elif as_json:
        raise InvalidInput("answers", "--json needs --answers FILE.json or --text")
    else:
        extraction, facts = _ask_from_the_start(diary_facts, show_known=with_diary)
    result = triage(facts, settings)
    if as_json:
        data = {**result.to_dict(), "sources": _sources(result), "facts": facts.to_dict()}
        if extraction is not None:
            from twitchguide.cli.free_text import text_json

            data.update(text_json(extraction, facts))
        echo_json(data)
    else:
        _render(result)


def _context(ctx: click.Context, with_diary: bool) -> tuple[TriageSettings, TriageFacts]:
    """The person's emergency number (and diary facts if asked); never blocks the check."""
    try:
        session = open_session(ctx)
    except TwitchguideError:
        if with_diary:
            raise
        return TriageSettings(), TriageFacts()
    settings = TriageSettings()
    if session.user.emergency_number:
        settings = TriageSettings(emergency_number=session.user.emergency_number)
    if not with_diary:
        return settings, TriageFacts()
    from twitchguide.triage.diary_facts import facts_from_diary, lookback_start

    today = session.user.today()
    recent = session.store.load_diary(session.user, since=lookback_start(today))
    return settings, facts_from_diary(recent, today)


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


def _read_answers(stream: Any) -> TriageFacts:
    try:
        data = json.load(stream)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            "answers", f"not valid JSON ({error.msg}, line {error.lineno})"
        ) from None
    return TriageFacts.from_dict(data)


def _ask_from_the_start(known: TriageFacts, show_known: bool) -> tuple[Any, TriageFacts]:
    """Let the person say it in their own words first; then ask only what is still open."""
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
        from twitchguide.cli.free_text import facts_from_text

        return facts_from_text(described, known, ask=True, intro=False)
    return None, _ask(known)


def _ask(facts: TriageFacts) -> TriageFacts:
    asked = already_answered(facts)
    while (question := next_question(facts, asked)) is not None:
        facts = _ask_one(facts, question)
        asked |= {question.id}
    click.echo("")
    return facts


def _ask_one(facts: TriageFacts, question: Question) -> TriageFacts:
    click.echo("")
    click.echo(question.text)
    if question.kind == "checklist":
        for number, label in enumerate(question.labels, start=1):
            click.echo(f"  {number}. {label}")
        prompt = "Numbers (e.g. 1,3), Enter for none"
    elif question.kind == "yesno":
        prompt = "yes / no"
    else:
        prompt = question.hint or "answer"
    return ask_until_valid(prompt, lambda answer: apply_answer(facts, question, answer))


def _sources(result: TriageResult) -> list[dict[str, str]]:
    from twitchguide.errors import NotFound
    from twitchguide.guide.content import source

    found = []
    for source_id in result.sources:
        try:
            entry = source(source_id)
        except NotFound:
            found.append({"id": source_id})
            continue
        found.append({"id": source_id, "title": entry.title, "publisher": entry.publisher,
                      "url": entry.url})  # fmt: skip
    return found


def _render(result: TriageResult) -> None:
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
    click.echo("")
    click.echo("Come back if:")
    for line in result.safety_net:
        click.echo(f"  - {line}")
    click.echo("")
    click.echo("Sources:")
    for entry in _sources(result):
        details = " ".join(_sentence(v) for k, v in entry.items() if k not in ("id", "url"))
        details = f"{details} {entry['url']}" if "url" in entry else details
        click.echo(f"  [{entry['id']}] {details}")
    click.echo("")
    click.echo(result.disclaimer)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."
