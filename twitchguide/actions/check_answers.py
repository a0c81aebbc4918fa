"""A check in two steps, as a web form asks it: the person's words, then answers to the
questions those words left open (the CLI asks the same questions one at a time)."""

from __future__ import annotations

from collections.abc import Mapping

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import CheckResult
from twitchguide.errors import InvalidInput

MAX_TEXT = 2000


def check_with_answers(
    ctx: ActionContext, text: str, answers: Mapping[str, str] | None = None
) -> CheckResult:
    """Facts from the diary and the words; then, if given, the answers to the open questions.

    `answers` maps a fact to what the person chose ("yes", "no", "?" or text for a list). Without
    it the result's `unanswered` are the questions to ask; with it (even empty) the level counts
    what was answered, and a question left blank stays unknown.
    """
    from twitchguide.actions.triage import decide, diary_facts, read_text
    from twitchguide.triage.extract import open_questions
    from twitchguide.triage.extract.followup import answer_open_question

    if not text.strip():
        raise InvalidInput(
            "text", "say in a few words what is happening, e.g. 'left calf, 3 weeks'"
        )
    if len(text) > MAX_TEXT:
        raise InvalidInput("text", f"text of up to {MAX_TEXT} characters")
    extraction, facts = read_text(ctx, text, diary_facts(ctx))
    if answers is not None:
        for question in open_questions(facts):
            facts = answer_open_question(facts, question, answers.get(question.fact, ""))
    return decide(ctx, facts, extraction)
