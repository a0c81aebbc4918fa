"""The guide's content as typed, frozen records: sources, regions, causes, red flags, food."""

from __future__ import annotations

from dataclasses import dataclass, field

from twitchguide.errors import ContentError


class GuideContentError(ContentError):
    """A guide content file is wrong; the message names the file, the entry and the problem."""


# Urgency levels, most urgent first; the triage engine uses the same words.
URGENCIES: tuple[str, ...] = ("emergency", "see_doctor_soon", "routine_appointment", "self_care")

# How strong the evidence is that a relief strategy helps twitches or cramps, strongest first.
EVIDENCE_LEVELS: tuple[str, ...] = ("strong", "moderate", "limited", "expert_advice")

CAUSE_GROUPS: tuple[str, ...] = (
    "lifestyle",
    "medicine",
    "minerals",
    "syndrome",
    "nerve",
    "illness",
    "serious",
)


@dataclass(frozen=True)
class Source:
    """One cited source: what it is, who published it, where, and when we read it."""

    id: str
    title: str
    publisher: str
    url: str
    accessed: str  # ISO date, e.g. "2026-11-23"


@dataclass(frozen=True)
class Paragraph:
    """A run of prose with the ids of the sources that back it."""

    text: str
    sources: tuple[str, ...]
    keywords: tuple[str, ...] = ()  # extra search words for this paragraph only
    urgency: str = ""  # a red flag's urgency; search holds back alarming ones unless named
    cross_reference: bool = False  # a "See also" line: shown to readers, never a search answer


@dataclass(frozen=True)
class Section:
    """A headed part of a topic."""

    heading: str
    paragraphs: tuple[Paragraph, ...]
    as_list: bool = False  # the paragraphs are items of a list (steps, signs), not prose


@dataclass(frozen=True)
class Region:
    """A body region from the diary vocabulary: what is typical there and when to get it checked."""

    id: str
    title: str
    typical: str
    causes: tuple[str, ...]  # cause ids
    what_helps: str
    see_a_doctor: str
    sources: tuple[str, ...]
    keywords: tuple[str, ...] = ()  # words people use for it; help search
    you_may_read: str = ""  # "You may read that ... The sources say ...", where a myth is common


@dataclass(frozen=True)
class Cause:
    """A cause of twitching: how it works, how to recognise it, what helps."""

    id: str
    title: str
    group: str  # one of CAUSE_GROUPS
    how_it_works: str
    how_to_recognise: str
    what_helps: str
    relief: tuple[str, ...]  # relief strategy ids
    sources: tuple[str, ...]
    keywords: tuple[str, ...] = ()  # words people use for it; help search


@dataclass(frozen=True)
class RedFlag:
    """A sign that needs a clinician, with how soon."""

    id: str
    title: str
    urgency: str  # one of URGENCIES
    text: str  # what to look for, in plain words
    action: str  # what to do
    sources: tuple[str, ...]
    keywords: tuple[str, ...] = ()  # words people use for it; help search


@dataclass(frozen=True)
class ReliefStrategy:
    """Something a person can try, how strong the evidence is, and the practical steps."""

    id: str  # exactly one of twitchguide.diary.vocabulary.RELIEF_STRATEGIES
    title: str
    evidence: str  # one of EVIDENCE_LEVELS
    evidence_note: str
    summary: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    keywords: tuple[str, ...] = ()  # words people use for it; help search
    you_may_read: str = ""  # "You may read that ... The sources say ...", where a myth is common

    @property
    def evidence_rank(self) -> int:
        """0 for the strongest evidence; higher numbers for weaker evidence."""
        return EVIDENCE_LEVELS.index(self.evidence)


@dataclass(frozen=True)
class Food:
    """Magnesium and potassium in one common serving of a food."""

    id: str
    name: str
    serving: str
    magnesium_mg: float
    potassium_mg: float
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceIntake:
    """A daily reference intake for healthy adults (19 and over), for women and for men."""

    id: str  # "water", "magnesium", "potassium"
    nutrient: str
    unit: str  # "L/day" or "mg/day"
    women: float
    men: float
    note: str
    sources: tuple[str, ...]

    @property
    def adult_range(self) -> tuple[float, float]:
        """The lower and upper of the women's and men's figures."""
        return (min(self.women, self.men), max(self.women, self.men))


@dataclass(frozen=True)
class Article:
    """A prose article from articles/*.md."""

    id: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """Anything the guide can show as one page: an article, a region, a cause, a relief strategy.

    Every kind of content becomes the same shape here, so the terminal, the web app, reports and
    search all read one structure.
    """

    id: str
    kind: str  # "article", "region", "cause", "relief", "red_flags", "foods"
    title: str
    summary: str
    sections: tuple[Section, ...]
    keywords: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source id the topic cites, in order of first use."""
        seen: dict[str, None] = {}
        for section in self.sections:
            for paragraph in section.paragraphs:
                for source_id in paragraph.sources:
                    seen.setdefault(source_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class Guide:
    """All guide content, validated."""

    sources: dict[str, Source]
    regions: dict[str, Region]
    causes: dict[str, Cause]
    red_flags: tuple[RedFlag, ...]
    relief_strategies: dict[str, ReliefStrategy]
    foods: tuple[Food, ...]
    reference_intakes: dict[str, ReferenceIntake]
    articles: dict[str, Article]
    topics: dict[str, Topic] = field(default_factory=dict)
