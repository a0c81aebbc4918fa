"""Free text in, facts out: read what a person types into triage facts and diary episodes.

Names load lazily, so `log "left calf, 2 minutes"` does not pay for the triage engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from twitchguide.triage.extract.extractor import (
        Evidence,
        Extraction,
        Span,
        extract_facts,
        extraction_to_dict,
    )
    from twitchguide.triage.extract.followup import (
        OpenQuestion,
        answer_open_question,
        next_open_question,
        open_questions,
    )

_HOMES = {
    "Evidence": "extractor",
    "Extraction": "extractor",
    "Span": "extractor",
    "extract_facts": "extractor",
    "extraction_to_dict": "extractor",
    "OpenQuestion": "followup",
    "answer_open_question": "followup",
    "open_questions": "followup",
    "next_open_question": "followup",
}

__all__ = [
    "Evidence",
    "Extraction",
    "OpenQuestion",
    "Span",
    "answer_open_question",
    "extract_facts",
    "extraction_to_dict",
    "next_open_question",
    "open_questions",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"twitchguide.triage.extract.{home}"), name)
