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


def _records() -> dict[str, str]:
    """Every record's own text, graded on its own so one hard record cannot hide among easy ones."""
    guide = load_guide()
    texts: dict[str, str] = {}
    for r in guide.regions.values():
        parts = [r.typical, r.what_helps, r.you_may_read, r.see_a_doctor]
        texts[f"region {r.id}"] = " ".join(parts)
    for c in guide.causes.values():
        texts[f"cause {c.id}"] = " ".join([c.how_it_works, c.how_to_recognise, c.what_helps])
    for f in guide.red_flags:
        texts[f"red flag {f.id}"] = f"{f.title}. {f.text} {f.action}"
    for s in guide.relief_strategies.values():
        parts = [s.summary, *s.steps, s.evidence_note, s.you_may_read]
        texts[f"relief {s.id}"] = " ".join(parts)
    for i in guide.reference_intakes.values():
        texts[f"intake {i.id}"] = i.note
    return texts


@pytest.mark.parametrize("record", list(_records()))
def test_each_record_reads_at_grade_8_or_lower(
    record: str, fk_grade: Callable[[str], float]
) -> None:
    assert fk_grade(_records()[record]) <= MAX_GRADE


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
