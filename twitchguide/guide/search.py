"""Ranking guide passages for a question with an in-memory SQLite FTS5 index (porter stemming)."""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from twitchguide.errors import InvalidInput, TwitchguideError
from twitchguide.guide.content import load_guide
from twitchguide.guide.model import Guide
from twitchguide.guide.query import QueryNormaliser

# bm25 column weights: the topic's name and keywords count far more than a passing mention.
WEIGHTS = (8.0, 4.0, 2.0, 1.0)  # name, keywords, section, body
# Within one topic the name and keywords are the same for every passage, so passages are
# ordered by their own heading and text.
PASSAGE_WEIGHTS = (0.0, 0.0, 2.0, 1.0)
PER_TOPIC = 2  # at most this many passages from one topic, so the answer shows a spread


@dataclass(frozen=True)
class Passage:
    """One searchable paragraph with the topic it belongs to."""

    topic_id: str
    topic_title: str
    kind: str
    section: str
    text: str
    sources: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    urgency: str = ""  # set for red flags
    names: tuple[str, ...] = ()  # for alarming red flags: the phrases that name the sign


# Red flags that send someone to a doctor soon or to emergency services. Someone asking a calm
# question should not meet these first; they are shown first only when the question names them.
ALARMING = ("emergency", "see_doctor_soon")


@dataclass(frozen=True)
class SearchHit:
    """A passage that matched, with its rank score (higher is better)."""

    passage: Passage
    score: float


@dataclass(frozen=True)
class SearchResult:
    """What a search found, and the terms it looked for after fixing typos and slang."""

    question: str
    terms: tuple[str, ...]
    hits: tuple[SearchHit, ...]


def passages(guide: Guide) -> list[Passage]:
    """Every paragraph of every topic, as a searchable passage; "See also" lines are left out."""
    found = []
    for item in guide.topics.values():
        for section in item.sections:
            for paragraph in section.paragraphs:
                if paragraph.cross_reference:
                    continue
                found.append(
                    Passage(
                        item.id,
                        item.title,
                        item.kind,
                        section.heading,
                        paragraph.text,
                        paragraph.sources,
                        item.keywords + paragraph.keywords,
                        paragraph.urgency,
                        paragraph.keywords if paragraph.urgency in ALARMING else (),
                    )
                )
    return found


_SUFFIXES = ("ings", "ing", "ness", "es", "ed", "s", "y")


def _stem(word: str) -> str:
    """A rough stem, so "tingly" names "tingling" and "fevers" names "fever"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def names_the_sign(terms: list[str], names: tuple[str, ...]) -> bool:
    """Whether the question's terms contain every word of one of the sign's naming phrases."""
    stems = {_stem(term) for term in terms}
    return any(
        all(_stem(word) in stems for word in re.findall(r"[a-z0-9]+", name.lower()))
        for name in names
    )


class GuideIndex:
    """The guide's passages in an in-memory FTS5 table, plus a query normaliser built from them."""

    def __init__(self, guide: Guide) -> None:
        self.passages = passages(guide)
        self.connection = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            self.connection.execute(
                "CREATE VIRTUAL TABLE passage USING fts5("
                "name, keywords, section, body, tokenize = 'porter unicode61')"
            )
        except sqlite3.OperationalError as error:  # some SQLite builds lack FTS5
            raise TwitchguideError(
                f"guide search needs SQLite with FTS5, which this Python lacks ({error})"
            ) from error
        rows = []
        for rowid, passage in enumerate(self.passages):
            item = guide.topics[passage.topic_id]
            name = item.title
            if item.kind == "region":  # "Twitching in the calf" would make every region match
                name = guide.regions[item.id].title
            rows.append((rowid, name, " ".join(passage.keywords), passage.section, passage.text))
        self.connection.executemany(
            "INSERT INTO passage (rowid, name, keywords, section, body) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        vocabulary: set[str] = set()
        for _, name, keywords, section, body in rows:
            vocabulary.update(
                re.findall(r"[a-z0-9]+", f"{name} {keywords} {section} {body}".lower())
            )
        self.normaliser = QueryNormaliser(vocabulary)

    def search(self, question: str, limit: int = 5) -> SearchResult:
        """The best topics for a question, best first, with up to PER_TOPIC passages each."""
        if not question.strip():
            raise InvalidInput("question", "type a few words, e.g. 'why does my eye twitch'")
        if limit < 1:
            raise InvalidInput("limit", "must be 1 or more")
        terms = self.normaliser.terms(question)
        if not terms:
            return SearchResult(question, (), ())
        match = " OR ".join(f'"{term}"' for term in terms)
        rows = self.connection.execute(
            "SELECT rowid, bm25(passage, ?, ?, ?, ?) AS rank, bm25(passage, ?, ?, ?, ?) "
            "FROM passage WHERE passage MATCH ? ORDER BY rank LIMIT 300",
            (*WEIGHTS, *PASSAGE_WEIGHTS, match),
        ).fetchall()
        held = {row[0] for row in rows if self._held_back(row[0], terms)}
        calm = [row for row in rows if row[0] not in held]
        hits = self._by_topic(calm) + self._by_topic([row for row in rows if row[0] in held])
        return SearchResult(question, tuple(terms), tuple(hits[:limit]))

    def _held_back(self, rowid: int, terms: list[str]) -> bool:
        """An alarming red flag the question does not name waits until the calm answers."""
        passage = self.passages[rowid]
        return passage.urgency in ALARMING and not names_the_sign(terms, passage.names)

    def _by_topic(self, rows: list[tuple[int, float, float]]) -> list[SearchHit]:
        """Topics rank by their best passage; each then shows up to PER_TOPIC of its own best."""
        topic_score: dict[str, float] = {}
        candidates: dict[str, list[tuple[float, float, int]]] = {}
        for rowid, rank, own in rows:
            topic_id = self.passages[rowid].topic_id
            topic_score.setdefault(topic_id, -float(rank))
            candidates.setdefault(topic_id, []).append((float(own), float(rank), rowid))
        hits: list[SearchHit] = []
        for topic_id, score in topic_score.items():
            for _, _, rowid in sorted(candidates[topic_id])[:PER_TOPIC]:
                hits.append(SearchHit(self.passages[rowid], round(score, 4)))
        return hits


@functools.lru_cache(maxsize=1)
def guide_index() -> GuideIndex:
    """The index of the shipped guide, built on first use and kept for the process."""
    return GuideIndex(load_guide())


def search(question: str, limit: int = 5) -> SearchResult:
    """Search the guide for a question typed the way people type."""
    return guide_index().search(question, limit)
