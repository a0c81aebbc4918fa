"""Turning every kind of guide record into one Topic shape that any front end can render."""

from __future__ import annotations

from twitchguide.diary.vocabulary import REGION_ALIASES
from twitchguide.guide.model import (
    URGENCIES,
    Article,
    Cause,
    Guide,
    GuideContentError,
    Paragraph,
    Region,
    ReliefStrategy,
    Section,
    Topic,
)

# The articles a reader meets first, in reading order; any other article follows by id.
ARTICLE_ORDER: tuple[str, ...] = (
    "what-is-twitching",
    "twitching-or-something-else",
    "is-it-serious",
    "when-to-see-a-doctor",
    "what-the-doctor-does",
    "long-lasting-twitches",
    "eye-twitch-types",
    "pregnancy-and-children",
    "relief",
    "food-and-minerals",
    "you-may-read",
)

URGENCY_HEADINGS: dict[str, str] = {
    "emergency": "Call emergency services now (999, 911 or 112)",
    "see_doctor_soon": "See a doctor soon: within 1 to 3 days",
    "routine_appointment": "Book a routine appointment with your doctor",
    "self_care": "Usually fine to look after yourself at home",
}

EMERGENCY_ACTION = "Call emergency services now (999, 911 or 112)."

# How people ask for a daily amount; the intake lines answer these.
INTAKE_WORDS = ("daily amount", "per day", "how much", "dose", "limit", "pills", "supplement")

EVIDENCE_WORDS: dict[str, str] = {
    "strong": "Strong: good trials show it helps.",
    "moderate": "Moderate: some trials show it helps.",
    "limited": "Limited: small or mixed studies only.",
    "expert_advice": "Expert advice: health services advise it, but it has not been tested well.",
}


def _lower_first(title: str) -> str:
    """ "Stress and anxiety" -> "stress and anxiety", but "BFS ..." stays as it is."""
    if len(title) > 1 and title[1].isupper():
        return title
    return title[:1].lower() + title[1:]


def _article_topic(article: Article, extra: tuple[Section, ...] = ()) -> Topic:
    return Topic(
        id=article.id,
        kind="article",
        title=article.title,
        summary=article.summary,
        sections=article.sections + extra,
        keywords=article.keywords,
    )


def _region_topic(region: Region, guide: Guide) -> Topic:
    cited = region.sources
    names = [_lower_first(guide.causes[c].title) for c in region.causes]
    # Items such as "stress and anxiety" contain "and", so a list of them needs semicolons.
    joiner = "; " if any(" and " in name for name in names) else ", "
    listed = names[0] if len(names) == 1 else joiner.join(names[:-1]) + f"{joiner}and {names[-1]}"
    aliases = tuple(word for word, canonical in REGION_ALIASES.items() if canonical == region.id)
    return Topic(
        id=region.id,
        kind="region",
        title=f"Twitching in the {region.title.lower()}",
        summary=region.typical,
        sections=(
            Section("What is typical", (Paragraph(region.typical, cited),)),
            # A list of cause pages, like a "See also" line: shown, but not a search answer.
            Section(
                "Common causes",
                (Paragraph(f"The usual causes here are {listed}.", cited, cross_reference=True),),
            ),
            Section("What helps", (Paragraph(region.what_helps, cited),)),
            *_you_may_read(region.you_may_read, cited),
            Section("When to get it checked", (Paragraph(region.see_a_doctor, cited),)),
        ),
        keywords=(region.title.lower(), *aliases, *region.keywords),
    )


def _cause_topic(cause: Cause, guide: Guide) -> Topic:
    cited = cause.sources
    helps = [Paragraph(cause.what_helps, cited)]
    if cause.relief:
        titles = ", ".join(guide.relief_strategies[r].title.lower() for r in cause.relief)
        helps.append(Paragraph(f"See also: {titles}.", cited, cross_reference=True))
    return Topic(
        id=cause.id,
        kind="cause",
        title=cause.title,
        summary=cause.how_it_works,
        sections=(
            Section("How it works", (Paragraph(cause.how_it_works, cited),)),
            Section("How to recognise it", (Paragraph(cause.how_to_recognise, cited),)),
            Section("What helps", tuple(helps)),
        ),
        keywords=cause.keywords,
    )


def _relief_topic(strategy: ReliefStrategy) -> Topic:
    cited = strategy.sources
    return Topic(
        id=strategy.id,
        kind="relief",
        title=strategy.title,
        summary=strategy.summary,
        sections=(
            Section("Why it may help", (Paragraph(strategy.summary, cited),)),
            Section("What to do", tuple(Paragraph(s, cited) for s in strategy.steps), as_list=True),
            *_you_may_read(strategy.you_may_read, cited),
            Section(
                "How strong the evidence is",
                (
                    Paragraph(EVIDENCE_WORDS[strategy.evidence], cited),
                    Paragraph(strategy.evidence_note, cited),
                ),
            ),
        ),
        keywords=strategy.keywords,
    )


def _you_may_read(text: str, cited: tuple[str, ...]) -> tuple[Section, ...]:
    """A common claim and what the sources say instead, where the record has one."""
    return (Section("What you may read", (Paragraph(text, cited),)),) if text else ()


def red_flag_sections(guide: Guide) -> tuple[Section, ...]:
    """The red flags grouped by urgency, least urgent first, as health services order them.

    Someone frightened reads from the top: the common, calm cases come first, and the rare
    emergencies end the page under a heading that says what to do.
    """
    sections = []
    for urgency in reversed(URGENCIES):
        flags = [f for f in guide.red_flags if f.urgency == urgency]
        if flags:
            paragraphs = tuple(
                Paragraph(
                    f"{f.title}. {f.text} {_action(f.action)}".strip(),
                    f.sources,
                    f.keywords,
                    urgency=f.urgency,
                )
                for f in flags
            )
            sections.append(Section(URGENCY_HEADINGS[urgency], paragraphs, as_list=True))
    return tuple(sections)


def _action(action: str) -> str:
    # The emergency heading already says to call; repeating it under every sign is noise.
    return "" if action == EMERGENCY_ACTION else action


def food_sections(guide: Guide) -> tuple[Section, ...]:
    """Reference intakes and the food table as plain lines."""
    intakes = tuple(
        Paragraph(
            f"{i.nutrient}: women {i.women:g} {i.unit}, men {i.men:g} {i.unit}. {i.note}",
            i.sources,
            INTAKE_WORDS,
        )
        for i in guide.reference_intakes.values()
    )
    foods = tuple(
        Paragraph(
            f"{f.name}, {f.serving}: magnesium {f.magnesium_mg:g} mg, "
            f"potassium {f.potassium_mg:g} mg.",
            f.sources,
        )
        for f in sorted(guide.foods, key=lambda food: -food.magnesium_mg)
    )
    return (
        Section("Daily amounts for adults", intakes, as_list=True),
        Section("Magnesium and potassium in common foods", foods, as_list=True),
    )


def build_topics(guide: Guide) -> dict[str, Topic]:
    """Every topic, in the order a reader should meet them; ids are unique across kinds."""
    topics: list[Topic] = []
    ordered = [a for a in ARTICLE_ORDER if a in guide.articles]
    ordered += sorted(a for a in guide.articles if a not in ARTICLE_ORDER)
    for article_id in ordered:
        extra: tuple[Section, ...] = ()
        if article_id == "when-to-see-a-doctor":
            extra = red_flag_sections(guide)
        elif article_id == "food-and-minerals":
            extra = food_sections(guide)
        topics.append(_article_topic(guide.articles[article_id], extra))
    topics += [_region_topic(r, guide) for r in guide.regions.values()]
    topics += [_cause_topic(c, guide) for c in guide.causes.values()]
    topics += [_relief_topic(s) for s in guide.relief_strategies.values()]
    result: dict[str, Topic] = {}
    for item in topics:
        if item.id in result:
            raise GuideContentError(f"guide content: topic id {item.id!r} is used twice")
        result[item.id] = item
    return result
