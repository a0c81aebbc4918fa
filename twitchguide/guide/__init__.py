"""The guide: cited, plain-language content on muscle twitching, as typed data, with search."""

from __future__ import annotations

from twitchguide.guide.content import GuideContentError, load_guide, source, topic
from twitchguide.guide.model import Guide, ReferenceIntake, ReliefStrategy, Topic

__all__ = [
    "Guide",
    "GuideContentError",
    "ReferenceIntake",
    "ReliefStrategy",
    "Topic",
    "load_guide",
    "source",
    "topic",
]
