"""The shipped guide: loaded and validated once per process, with lookups by source and topic."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from twitchguide.data import data_path
from twitchguide.diary.vocabulary import canonical_region
from twitchguide.errors import NotFound
from twitchguide.guide.loading import load_guide_from
from twitchguide.guide.model import Guide, GuideContentError, Source, Topic

__all__ = ["CONTENT_DIR", "GuideContentError", "load_guide", "load_guide_from", "source", "topic"]

CONTENT_DIR = Path(data_path("guide", "content"))


@functools.lru_cache(maxsize=1)
def load_guide() -> Guide:
    """The guide shipped in the package, loaded and validated once per process."""
    return load_guide_from(CONTENT_DIR)


def source(source_id: str) -> Source:
    """One source by id; NotFound if the guide does not list it."""
    try:
        return load_guide().sources[source_id]
    except KeyError:
        raise NotFound(f"no guide source with id {source_id!r}") from None


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")


def topic(name: str) -> Topic:
    """One topic by id, title or body region (aliases such as "eye" or "calves" work too)."""
    guide = load_guide()
    wanted = _key(name)
    by_key = {_key(t.id): t for t in guide.topics.values()}
    by_key.update({_key(t.title): t for t in guide.topics.values() if _key(t.title) not in by_key})
    if wanted in by_key:
        return by_key[wanted]
    region = canonical_region(name)
    if region is not None and region in guide.topics:
        return guide.topics[region]
    for alias_topic in guide.topics.values():
        if wanted in (_key(k) for k in alias_topic.keywords):
            return alias_topic
    raise NotFound(
        f"no guide topic called {name!r}; run 'twitchguide guide' to list topics, "
        "or 'twitchguide guide search <question>'"
    )
