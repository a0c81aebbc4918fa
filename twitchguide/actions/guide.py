"""The guide as every front end shows it: the topic list, one page, and search."""

from __future__ import annotations

from typing import Any

from twitchguide.actions.results import GuidePage, GuideSearch


def guide_topics() -> list[dict[str, str]]:
    """Every topic in reading order: id, kind, title and one-line summary."""
    from twitchguide.guide.plain import topic_list

    return topic_list()


def guide_page(name: str) -> GuidePage:
    """A topic by id, title or body-region word; NotFound says what exists."""
    from twitchguide.guide.content import topic
    from twitchguide.guide.plain import topic_dict

    return GuidePage(topic_dict(topic(name)))


def guide_search(question: str, limit: int = 5) -> GuideSearch:
    """The guide's passages that best answer a question, with their sources."""
    from twitchguide.errors import InvalidInput
    from twitchguide.guide.plain import search_dict
    from twitchguide.guide.search import search

    if not question.strip():
        raise InvalidInput("question", "type a question, e.g. why does my eye twitch")
    result: dict[str, Any] = search_dict(search(question, limit=limit))
    return GuideSearch(result)


def read_guide(words: str, limit: int = 5) -> GuidePage | GuideSearch:
    """A topic when the words name one; otherwise the words are searched as a question.

    People type their question where a topic name goes as often as after "search".
    """
    from twitchguide.errors import NotFound

    try:
        return guide_page(words)
    except NotFound:
        found = guide_search(words, limit)
        if not found.result["hits"]:
            raise
        return found
