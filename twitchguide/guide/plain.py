"""Guide topics and search results as plain dicts, the one shape every front end and --json use."""

from __future__ import annotations

from typing import Any

from twitchguide.guide.content import load_guide
from twitchguide.guide.model import Source, Topic
from twitchguide.guide.search import SearchResult

KIND_HEADINGS: dict[str, str] = {
    "article": "Start here",
    "region": "Body regions",
    "cause": "Causes",
    "relief": "What helps",
}


def source_dict(source: Source) -> dict[str, str]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "accessed": source.accessed,
    }


def topic_list() -> list[dict[str, str]]:
    """Every topic in reading order: id, kind, title and one-line summary."""
    return [
        {"id": t.id, "kind": t.kind, "title": t.title, "summary": t.summary}
        for t in load_guide().topics.values()
    ]


def topic_dict(item: Topic) -> dict[str, Any]:
    """A whole topic with its sections, paragraphs and full source details."""
    sources = load_guide().sources
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "sections": [
            {
                "heading": section.heading,
                "as_list": section.as_list,
                "paragraphs": [
                    {"text": p.text, "sources": list(p.sources)} for p in section.paragraphs
                ],
            }
            for section in item.sections
        ],
        "sources": [source_dict(sources[s]) for s in item.sources],
    }


def search_dict(result: SearchResult) -> dict[str, Any]:
    """A search result with each hit's topic, section, text, sources and score."""
    sources = load_guide().sources
    return {
        "question": result.question,
        "terms": list(result.terms),
        "hits": [
            {
                "topic_id": hit.passage.topic_id,
                "topic_title": hit.passage.topic_title,
                "kind": hit.passage.kind,
                "section": hit.passage.section,
                "text": hit.passage.text,
                "sources": [source_dict(sources[s]) for s in hit.passage.sources],
                "score": hit.score,
            }
            for hit in result.hits
        ],
    }
