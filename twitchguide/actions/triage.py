"""Triage as the person meets it: the notice after a write, the banner, and the check itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import CheckResult, TriageNotice
from twitchguide.errors import InvalidInput

if TYPE_CHECKING:
    from twitchguide.triage.extract.extractor import Extraction
    from twitchguide.triage.extract.followup import OpenQuestion
    from twitchguide.triage.facts import TriageFacts


def diary_facts(ctx: ActionContext) -> TriageFacts:
    """What the diary's last month says, as triage facts."""
    from twitchguide.triage.diary_facts import facts_from_diary, lookback_start

    today = ctx.clock.today()
    recent = ctx.store.load_triage_diary(lookback_start(today))
    return facts_from_diary(recent, today)


def triage_status(ctx: ActionContext, words: str | None = None) -> TriageNotice | None:
    """The diary's level and main reason when it is above self-care; None otherwise.

    `words`: what the person just wrote (a twitch's note), read for warning signs this once.
    Words only ever add warning signs.
    """
    from twitchguide.triage.diary_facts import warning_signs_in_words
    from twitchguide.triage.engine import TriageSettings, triage

    facts = diary_facts(ctx)
    if words:
        facts = facts.with_facts(**warning_signs_in_words(words))
    result = triage(facts, TriageSettings(ctx.emergency_number))
    if result.level == "self_care":
        return None
    return TriageNotice(
        level=result.level,
        title=result.title,
        summary=result.one_line(),
        advice=result.advice,
        by_when=result.by_when,
        emergency_number=result.emergency_number,
    )


def read_text(
    ctx: ActionContext | None, text: str, known: TriageFacts
) -> tuple[Extraction, TriageFacts]:
    """Facts read from the person's words, over what is already known.

    "Since monday" and "yesterday" are read on the person's clock (the machine's without a diary).
    """
    from datetime import UTC, datetime

    from twitchguide.triage.extract import extract_facts

    now = ctx.clock.now() if ctx is not None else datetime.now(UTC)
    extraction = extract_facts(text, now)
    return extraction, known.merged(extraction.facts)


def facts_from_answers(data: Any, known: TriageFacts) -> TriageFacts:
    """Facts from a mapping of answers (names in docs/triage.md), over what is already known."""
    from twitchguide.triage.facts import TriageFacts

    if not isinstance(data, Mapping):
        raise InvalidInput("answers", 'must be a JSON object of facts, e.g. {"weakness": false}')
    return known.merged(TriageFacts.from_dict(dict(data)))


def decide(
    ctx: ActionContext | None, facts: TriageFacts, extraction: Extraction | None = None
) -> CheckResult:
    """The level for a set of facts, with sources resolved and the facts still unknown listed."""
    from twitchguide.triage.engine import DEFAULT_EMERGENCY_NUMBER, TriageSettings, triage
    from twitchguide.triage.extract import open_questions

    number = ctx.emergency_number if ctx is not None else DEFAULT_EMERGENCY_NUMBER
    questions = open_questions(facts)
    result = triage(facts, TriageSettings(number), unknown=_unknown_words(questions, extraction))
    return CheckResult(
        result=result,
        sources=tuple(_sources(result.sources)),
        facts=facts,
        unanswered=tuple(question.to_dict() for question in questions),
        extraction=extraction,
    )


def _unknown_words(questions: list[OpenQuestion], extraction: Extraction | None) -> tuple[str, ...]:
    """The warning signs still open, in plain words: what the person said they were unsure of
    first ("not sure if I'm weak"), then the rest, most urgent first."""
    from twitchguide.triage.extract.followup import LABELS
    from twitchguide.triage.facts import fact_meaning

    unsure = {doubt.fact for doubt in extraction.unsure} if extraction is not None else set()
    ordered = sorted(questions, key=lambda q: q.fact not in unsure)
    return tuple(LABELS.get(q.fact) or fact_meaning(q.fact) for q in ordered)


def check(
    ctx: ActionContext | None,
    *,
    text: str | None = None,
    answers: Any = None,
    with_diary: bool = False,
) -> CheckResult:
    """The whole check without questions: from words, or from answers, or from the diary alone.

    Facts nobody gave stay unknown, and the result lists them (`unanswered`).
    """
    from twitchguide.triage.facts import TriageFacts

    if text is not None and answers is not None:
        raise InvalidInput("text", "use --text or --answers, not both")
    if with_diary and ctx is None:
        raise InvalidInput("with_diary", "needs a diary")
    known = diary_facts(ctx) if with_diary and ctx is not None else TriageFacts()
    if text is not None:
        extraction, facts = read_text(ctx, text, known)
        return decide(ctx, facts, extraction)
    if answers is not None:
        return decide(ctx, facts_from_answers(answers, known))
    if not with_diary:
        raise InvalidInput("answers", "give answers, a text, or use the diary")
    return decide(ctx, known)


def _sources(source_ids: tuple[str, ...]) -> list[dict[str, str]]:
    from twitchguide.errors import NotFound
    from twitchguide.guide.content import source
    from twitchguide.guide.plain import source_dict

    found = []
    for source_id in source_ids:
        try:
            found.append(source_dict(source(source_id)))
        except NotFound:
            found.append({"id": source_id})
    return found
