"""The guide reads at grade 8 or lower and never tells the reader what disease they have."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from twitchguide.guide import load_guide

MAX_GRADE = 8.0


def _article_ids() -> list[str]:
    return list(load_guide().articles)


@pytest.mark.parametrize("article_id", _article_ids())
def test_each_article_reads_at_grade_8_or_lower(
    article_id: str, fk_grade: Callable[[str], float]
) -> None:
    article = load_guide().articles[article_id]
    text = "\n\n".join(p.text for s in article.sections for p in s.paragraphs)
    assert fk_grade(f"{article.summary}\n\n{text}") <= MAX_GRADE


def _record_sections() -> dict[str, list[str]]:
    """Short records are too short to grade alone, so each field is graded across all records."""
    guide = load_guide()
    regions = list(guide.regions.values())
    causes = list(guide.causes.values())
    relief = list(guide.relief_strategies.values())
    return {
        "regions.typical": [r.typical for r in regions],
        "regions.what_helps": [r.what_helps for r in regions],
        "regions.see_a_doctor": [r.see_a_doctor for r in regions],
        "causes.how_it_works": [c.how_it_works for c in causes],
        "causes.how_to_recognise": [c.how_to_recognise for c in causes],
        "causes.what_helps": [c.what_helps for c in causes],
        "red_flags.text": [f.text for f in guide.red_flags],
        "red_flags.action": [f.action for f in guide.red_flags],
        "relief.summary": [s.summary for s in relief],
        "relief.steps": [step for s in relief for step in s.steps],
        "relief.evidence_note": [s.evidence_note for s in relief],
        "intakes.note": [i.note for i in guide.reference_intakes.values()],
    }


@pytest.mark.parametrize("section", list(_record_sections()))
def test_record_prose_reads_at_grade_8_or_lower(
    section: str, fk_grade: Callable[[str], float]
) -> None:
    assert fk_grade("\n\n".join(_record_sections()[section])) <= MAX_GRADE


DISEASES = (
    r"(als|mnd|bfs|ms|motor neu?rone? disease|amyotrophic lateral sclerosis|multiple sclerosis"
    r"|benign fasciculation syndrome|cramp-fasciculation syndrome|hemifacial spasm|a stroke"
    r"|parkinson'?s|cancer|a tumou?r|dystonia|guillain|serotonin syndrome|a disease|an illness)"
)
DIAGNOSING = [
    re.compile(
        rf"\byou(?:'ve| have| probably have| likely have| may have| might have| could have)"
        rf" (?:got )?{DISEASES}\b",
        re.I,
    ),
    re.compile(r"\bthis (?:means|shows|proves) (?:that )?you(?:'ve| have)\b", re.I),
    re.compile(
        rf"\byou(?:'re| are) (?:probably |likely )?(?:suffering from|developing) {DISEASES}", re.I
    ),
    re.compile(
        rf"\byour (?:twitch|twitching|symptoms?) (?:is|are) (?:caused by )?{DISEASES}\b", re.I
    ),
    re.compile(r"\byou (?:definitely|certainly) (?:have|don't have|do not have)\b", re.I),
]


def _all_prose() -> list[str]:
    guide = load_guide()
    texts = [t.summary for t in guide.topics.values()]
    texts += [p.text for t in guide.topics.values() for s in t.sections for p in s.paragraphs]
    return texts


def test_no_sentence_diagnoses_the_reader() -> None:
    offending = [
        sentence
        for text in _all_prose()
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if any(pattern.search(sentence) for pattern in DIAGNOSING)
    ]
    assert offending == []


@pytest.mark.parametrize(
    "sentence",
    [
        "You have ALS.",
        "You probably have benign fasciculation syndrome.",
        "This means you have a serious problem.",
        "You may have motor neurone disease.",
        "Your twitching is caused by MS.",
    ],
)
def test_the_diagnosis_check_catches_diagnosing_sentences(sentence: str) -> None:
    assert any(pattern.search(sentence) for pattern in DIAGNOSING)
