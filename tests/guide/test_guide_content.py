"""The guide's content loads, covers the diary vocabulary, and cites only sources that exist."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from twitchguide.diary.vocabulary import BODY_REGIONS, RELIEF_STRATEGIES
from twitchguide.errors import NotFound
from twitchguide.guide import load_guide, source, topic
from twitchguide.guide.content import CONTENT_DIR, GuideContentError, load_guide_from
from twitchguide.guide.model import EVIDENCE_LEVELS, URGENCIES


def test_every_vocabulary_region_has_an_entry() -> None:
    guide = load_guide()
    assert list(guide.regions) == list(BODY_REGIONS)
    for region in BODY_REGIONS:
        assert topic(region).kind == "region"


def test_relief_ids_are_exactly_the_diary_strategies() -> None:
    guide = load_guide()
    assert tuple(guide.relief_strategies) == RELIEF_STRATEGIES
    for strategy in guide.relief_strategies.values():
        assert strategy.evidence in EVIDENCE_LEVELS
        assert strategy.steps
        assert strategy.evidence_rank == EVIDENCE_LEVELS.index(strategy.evidence)


def test_every_record_and_paragraph_cites_an_existing_source() -> None:
    guide = load_guide()
    records = [
        *guide.regions.values(),
        *guide.causes.values(),
        *guide.red_flags,
        *guide.relief_strategies.values(),
        *guide.foods,
        *guide.reference_intakes.values(),
    ]
    for record in records:
        assert record.sources, record
        assert set(record.sources) <= set(guide.sources), record
    for item in guide.topics.values():
        for section in item.sections:
            for paragraph in section.paragraphs:
                assert paragraph.sources, (item.id, paragraph.text)
                assert set(paragraph.sources) <= set(guide.sources), (item.id, paragraph.text)


def test_sources_are_complete_and_dated() -> None:
    for entry in load_guide().sources.values():
        assert entry.url.startswith("https://"), entry
        assert entry.accessed.startswith("2026-"), entry
        assert entry.publisher and entry.title


def test_red_flags_use_the_triage_levels_and_emergencies_say_call() -> None:
    flags = load_guide().red_flags
    assert {flag.urgency for flag in flags} == set(URGENCIES)
    for flag in flags:
        if flag.urgency == "emergency":
            assert "Call emergency services" in flag.action, flag.id


def test_food_table_and_reference_intakes() -> None:
    guide = load_guide()
    assert len(guide.foods) >= 25
    for food in guide.foods:
        assert "usda-fdc" in food.sources, food.id
        assert 0 < food.magnesium_mg < 500 and 0 < food.potassium_mg < 2000, food.id
    intakes = guide.reference_intakes
    assert intakes["water"].unit == "L/day" and intakes["water"].adult_range == (2.7, 3.7)
    assert intakes["magnesium"].unit == "mg/day" and intakes["magnesium"].men == 420
    assert intakes["potassium"].unit == "mg/day" and intakes["potassium"].women == 2600


def test_source_and_topic_lookups() -> None:
    assert source("nhs-twitching").publisher == "NHS"
    assert topic("eyes").id == "eyelid"
    assert topic("Calves").id == "calf"
    assert topic("when to see a doctor").id == "when-to-see-a-doctor"
    assert topic("upper arm").id == "upper_arm"
    with pytest.raises(NotFound):
        source("no-such-source")
    with pytest.raises(NotFound, match="twitchguide guide"):
        topic("spleen")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_source_is_named_with_file_and_entry(content_copy: Path) -> None:
    _edit(
        content_copy / "causes.yaml",
        "[nhs-twitching, mayo-eye-twitching, nhs-alcohol-treatment]",
        "[nhs-twitchin]",
    )
    with pytest.raises(GuideContentError, match=r"causes.yaml, entry 'alcohol'.*'nhs-twitchin'"):
        load_guide_from(content_copy)


def test_unknown_region_is_rejected(content_copy: Path) -> None:
    _edit(content_copy / "regions.yaml", "- id: toes", "- id: tail")
    with pytest.raises(GuideContentError, match=r"regions.yaml, entry 'tail': unknown region"):
        load_guide_from(content_copy)


def test_missing_field_is_named(content_copy: Path) -> None:
    _edit(content_copy / "red_flags.yaml", "  urgency: self_care\n", "")
    with pytest.raises(
        GuideContentError, match=r"red_flags.yaml, entry 'isolated_twitch': missing field 'urgency'"
    ):
        load_guide_from(content_copy)


def test_paragraph_without_marker_is_rejected(content_copy: Path) -> None:
    _edit(content_copy / "articles" / "relief.md", " [src: nhs-twitching]\n\n## Try", "\n\n## Try")
    with pytest.raises(GuideContentError, match=r"articles/relief.md.*no \[src: \.\.\.\] marker"):
        load_guide_from(content_copy)


def test_sources_file_tolerates_extra_fields(content_copy: Path) -> None:
    with (content_copy / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "\n- id: extra-source\n  title: Extra\n  publisher: Someone\n"
            "  url: https://example.org/\n  accessed: 2026-11-27\n  note: added by triage\n"
        )
    assert "extra-source" in load_guide_from(content_copy).sources


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_content_and_topics_do_not_import_each_other() -> None:
    package = CONTENT_DIR.parent
    assert "twitchguide.guide.topics" not in _imported_modules(package / "content.py")
    assert not {
        "twitchguide.guide.content",
        "twitchguide.guide.loading",
    } & _imported_modules(package / "topics.py")
