"""Reading and validating the guide's content files into typed records, then building its topics."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from twitchguide.diary.vocabulary import BODY_REGIONS, RELIEF_STRATEGIES
from twitchguide.guide.model import (
    CAUSE_GROUPS,
    EVIDENCE_LEVELS,
    URGENCIES,
    Article,
    Cause,
    Food,
    Guide,
    GuideContentError,
    Paragraph,
    RedFlag,
    ReferenceIntake,
    Region,
    ReliefStrategy,
    Section,
    Source,
)
from twitchguide.guide.topics import build_topics

# A paragraph ends with its citation marker, e.g. "... [src: nhs-twitching, blexrud-1993]".
MARKER = re.compile(r"\s*\[src:\s*([^\]]*)\]\s*$")


def _fail(file: str, entry: str, problem: str) -> GuideContentError:
    return GuideContentError(f"guide content {file}, entry {entry!r}: {problem}")


class _Reader:
    """Reads one YAML list-of-mappings file and checks each entry's fields."""

    def __init__(self, directory: Path, file: str) -> None:
        import yaml  # only the guide pays for YAML

        self.file = file
        path = directory / file
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise _fail(file, "-", f"cannot be read ({error})") from error
        if not isinstance(data, list):
            raise _fail(file, "-", "must be a list of entries")
        self.entries: list[dict[str, Any]] = []
        for position, entry in enumerate(data, start=1):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise _fail(file, f"#{position}", "must be a mapping with a text 'id'")
            self.entries.append(entry)

    def text(self, entry: dict[str, Any], key: str) -> str:
        value = entry.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _fail(self.file, entry["id"], f"missing field {key!r}")
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            if hasattr(value, "isoformat"):  # YAML turns 2026-11-23 into a date
                return str(value.isoformat())
            raise _fail(self.file, entry["id"], f"field {key!r} must be text")
        return " ".join(str(value).split())

    def optional_text(self, entry: dict[str, Any], key: str) -> str:
        """A text field that may be left out; empty when it is."""
        return self.text(entry, key) if entry.get(key) is not None else ""

    def number(self, entry: dict[str, Any], key: str) -> float:
        value = entry.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise _fail(self.file, entry["id"], f"field {key!r} must be a number of 0 or more")
        return float(value)

    def words(self, entry: dict[str, Any], key: str, *, required: bool = True) -> tuple[str, ...]:
        value = entry.get(key, [] if not required else None)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(self.file, entry["id"], f"field {key!r} must be a list of text")
        if required and not value:
            raise _fail(self.file, entry["id"], f"field {key!r} must not be empty")
        return tuple(" ".join(v.split()) for v in value)

    def choice(self, entry: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(entry, key)
        if value not in allowed:
            raise _fail(self.file, entry["id"], f"{key} {value!r} is not one of {allowed}")
        return value


def _unique(file: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for entry_id in ids:
        if entry_id in seen:
            raise _fail(file, entry_id, "id is used twice")
        seen.add(entry_id)


def _load_sources(directory: Path) -> dict[str, Source]:
    reader = _Reader(directory, "sources.yaml")
    _unique(reader.file, [e["id"] for e in reader.entries])
    # Other fields (notes added by other engineers) are tolerated and ignored.
    return {
        e["id"]: Source(
            id=e["id"],
            title=reader.text(e, "title"),
            publisher=reader.text(e, "publisher"),
            url=reader.text(e, "url"),
            accessed=reader.text(e, "accessed"),
        )
        for e in reader.entries
    }


def _cited(reader: _Reader, entry: dict[str, Any], sources: dict[str, Source]) -> tuple[str, ...]:
    cited = reader.words(entry, "sources")
    for source_id in cited:
        if source_id not in sources:
            raise _fail(reader.file, entry["id"], f"cites unknown source {source_id!r}")
    return cited


def parse_paragraph(block: str, sources: dict[str, Source], file: str, where: str) -> Paragraph:
    """One Markdown paragraph with its trailing `[src: ...]` marker, checked against the sources."""
    match = MARKER.search(block)
    if match is None:
        raise _fail(file, where, f"paragraph has no [src: ...] marker: {block[:60]!r}")
    cited = tuple(part.strip() for part in match.group(1).split(",") if part.strip())
    if not cited:
        raise _fail(file, where, "a [src: ...] marker names no source")
    for source_id in cited:
        if source_id not in sources:
            raise _fail(file, where, f"cites unknown source {source_id!r}")
    return Paragraph(text=block[: match.start()].strip(), sources=cited)


def _load_article(path: Path, sources: dict[str, Source]) -> Article:
    import yaml

    file = f"articles/{path.name}"
    raw = path.read_text(encoding="utf-8")
    parts = raw.split("---\n", 2)
    if not raw.startswith("---\n") or len(parts) < 3:
        raise _fail(file, path.stem, "must start with a --- front matter block ---")
    front = yaml.safe_load(parts[1]) or {}
    if front.get("id") != path.stem:
        raise _fail(file, path.stem, "front matter 'id' must match the file name")
    for key in ("title", "summary"):
        if not isinstance(front.get(key), str) or not front[key].strip():
            raise _fail(file, path.stem, f"missing field {key!r}")
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[Paragraph] = []
    for block in (b.strip() for b in parts[2].split("\n\n")):
        if not block:
            continue
        if block.startswith("## "):
            if heading is not None:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = block[3:].strip(), []
            continue
        if heading is None:
            raise _fail(file, path.stem, "text must come under a '## ' heading")
        paragraphs.append(parse_paragraph(block, sources, file, f"{path.stem} / {heading}"))
    if heading is not None:
        sections.append(Section(heading, tuple(paragraphs)))
    for section in sections:
        if not section.paragraphs:
            raise _fail(file, path.stem, f"section {section.heading!r} is empty")
    keywords = front.get("keywords", [])
    if not isinstance(keywords, list):
        raise _fail(file, path.stem, "front matter 'keywords' must be a list")
    return Article(
        id=path.stem,
        title=" ".join(front["title"].split()),
        summary=" ".join(front["summary"].split()),
        sections=tuple(sections),
        keywords=tuple(str(k) for k in keywords),
    )


def load_guide_from(directory: Path) -> Guide:
    """Read and validate every content file in `directory`; GuideContentError on a problem."""
    sources = _load_sources(directory)

    reader = _Reader(directory, "relief.yaml")
    relief = {
        e["id"]: ReliefStrategy(
            id=e["id"],
            title=reader.text(e, "title"),
            evidence=reader.choice(e, "evidence", EVIDENCE_LEVELS),
            evidence_note=reader.text(e, "evidence_note"),
            summary=reader.text(e, "summary"),
            steps=reader.words(e, "steps"),
            sources=_cited(reader, e, sources),
            keywords=reader.words(e, "keywords", required=False),
            you_may_read=reader.optional_text(e, "you_may_read"),
        )
        for e in reader.entries
    }
    _unique(reader.file, [e["id"] for e in reader.entries])
    if set(relief) != set(RELIEF_STRATEGIES):
        missing = sorted(set(RELIEF_STRATEGIES) - set(relief))
        extra = sorted(set(relief) - set(RELIEF_STRATEGIES))
        raise _fail(
            reader.file,
            "-",
            f"ids must match the diary's strategies; missing {missing}, unknown {extra}",
        )
    relief = {key: relief[key] for key in RELIEF_STRATEGIES}

    reader = _Reader(directory, "causes.yaml")
    _unique(reader.file, [e["id"] for e in reader.entries])
    causes: dict[str, Cause] = {}
    for e in reader.entries:
        links = reader.words(e, "relief", required=False)
        for link in links:
            if link not in relief:
                raise _fail(reader.file, e["id"], f"unknown relief strategy {link!r}")
        causes[e["id"]] = Cause(
            id=e["id"],
            title=reader.text(e, "title"),
            group=reader.choice(e, "group", CAUSE_GROUPS),
            how_it_works=reader.text(e, "how_it_works"),
            how_to_recognise=reader.text(e, "how_to_recognise"),
            what_helps=reader.text(e, "what_helps"),
            relief=links,
            sources=_cited(reader, e, sources),
            keywords=reader.words(e, "keywords", required=False),
        )

    reader = _Reader(directory, "regions.yaml")
    _unique(reader.file, [e["id"] for e in reader.entries])
    regions: dict[str, Region] = {}
    for e in reader.entries:
        if e["id"] not in BODY_REGIONS:
            raise _fail(reader.file, e["id"], f"unknown region; allowed: {', '.join(BODY_REGIONS)}")
        linked = reader.words(e, "causes")
        for cause_id in linked:
            if cause_id not in causes:
                raise _fail(reader.file, e["id"], f"unknown cause {cause_id!r}")
        regions[e["id"]] = Region(
            id=e["id"],
            title=reader.text(e, "title"),
            typical=reader.text(e, "typical"),
            causes=linked,
            what_helps=reader.text(e, "what_helps"),
            see_a_doctor=reader.text(e, "see_a_doctor"),
            sources=_cited(reader, e, sources),
            keywords=reader.words(e, "keywords", required=False),
            you_may_read=reader.optional_text(e, "you_may_read"),
        )
    missing_regions = [r for r in BODY_REGIONS if r not in regions]
    if missing_regions:
        raise _fail(reader.file, "-", f"no entry for regions {missing_regions}")
    regions = {key: regions[key] for key in BODY_REGIONS}

    reader = _Reader(directory, "red_flags.yaml")
    _unique(reader.file, [e["id"] for e in reader.entries])
    red_flags = tuple(
        RedFlag(
            id=e["id"],
            title=reader.text(e, "title"),
            urgency=reader.choice(e, "urgency", URGENCIES),
            text=reader.text(e, "text"),
            action=reader.text(e, "action"),
            sources=_cited(reader, e, sources),
            keywords=reader.words(e, "keywords", required=False),
        )
        for e in reader.entries
    )

    reader = _Reader(directory, "foods.yaml")
    _unique(reader.file, [e["id"] for e in reader.entries])
    foods = tuple(
        Food(
            id=e["id"],
            name=reader.text(e, "name"),
            serving=reader.text(e, "serving"),
            magnesium_mg=reader.number(e, "magnesium_mg"),
            potassium_mg=reader.number(e, "potassium_mg"),
            sources=_cited(reader, e, sources),
        )
        for e in reader.entries
    )

    reader = _Reader(directory, "intakes.yaml")
    _unique(reader.file, [e["id"] for e in reader.entries])
    intakes = {
        e["id"]: ReferenceIntake(
            id=e["id"],
            nutrient=reader.text(e, "nutrient"),
            unit=reader.text(e, "unit"),
            women=reader.number(e, "women"),
            men=reader.number(e, "men"),
            note=reader.text(e, "note"),
            sources=_cited(reader, e, sources),
        )
        for e in reader.entries
    }
    for needed in ("water", "magnesium", "potassium"):
        if needed not in intakes:
            raise _fail(reader.file, needed, "this reference intake is required")

    articles = {
        article.id: article
        for article in (
            _load_article(path, sources) for path in sorted((directory / "articles").glob("*.md"))
        )
    }

    guide = Guide(
        sources=sources,
        regions=regions,
        causes=causes,
        red_flags=red_flags,
        relief_strategies=relief,
        foods=foods,
        reference_intakes=intakes,
        articles=articles,
    )
    guide.topics.update(build_topics(guide))
    return guide
