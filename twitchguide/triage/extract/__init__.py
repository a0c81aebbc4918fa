"""Free text in, facts out: read what a person types into triage facts and diary episodes."""

from twitchguide.triage.extract.extractor import (
    Evidence,
    Extraction,
    Span,
    extract_facts,
    extraction_to_dict,
)
from twitchguide.triage.extract.followup import OpenQuestion, answer_open_question, open_questions

__all__ = [
    "Evidence",
    "Extraction",
    "OpenQuestion",
    "Span",
    "answer_open_question",
    "extract_facts",
    "extraction_to_dict",
    "open_questions",
]
