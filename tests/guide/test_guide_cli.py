"""`twitchguide guide`: listing, reading and searching, as text and as JSON, with clear errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.conftest import CliRun
from twitchguide.cli import cli
from twitchguide.guide import load_guide


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["guide", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_no_words_lists_every_topic_grouped() -> None:
    output = _run()
    for heading in ("Start here", "Body regions", "Causes", "What helps"):
        assert heading in output
    for topic_id in load_guide().topics:
        assert topic_id in output


def test_list_as_json() -> None:
    topics = json.loads(_run("--json"))
    assert [t["id"] for t in topics] == list(load_guide().topics)
    assert {"id", "kind", "title", "summary"} <= set(topics[0])


def test_reading_a_region_by_everyday_word_shows_sources_and_safety_line() -> None:
    output = _run("eyes")
    assert output.startswith("Twitching in the eyelid")
    assert "When to get it checked" in output
    assert (
        "Sources" in output
        and "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/" in output
    )
    assert "call emergency services" in output


def test_multi_word_topic_and_red_flags_order() -> None:
    output = _run("when", "to", "see", "a", "doctor")
    home = output.index("Usually fine to look after yourself at home")
    emergency = output.index("Call emergency services now")
    assert home < emergency
    assert "- Signs of a stroke." in output


def test_topic_as_json_has_sections_and_full_sources() -> None:
    page = json.loads(_run("calf", "--json"))
    assert page["id"] == "calf" and page["kind"] == "region"
    cited = {s for section in page["sections"] for p in section["paragraphs"] for s in p["sources"]}
    assert cited == {source["id"] for source in page["sources"]}
    assert all(source["url"].startswith("https://") for source in page["sources"])


def test_search_shows_best_passages_with_topic_and_sources() -> None:
    output = _run("search", "why does my eye keep jumping")
    assert "1. Twitching in the eyelid" in output
    assert "Sources:" in output
    assert "Read more: twitchguide guide eyelid" in output


def test_search_as_json_and_limit() -> None:
    result = json.loads(_run("search", "twichng", "calf", "--json", "--limit", "3"))
    assert result["question"] == "twichng calf"
    assert "twitching" in result["terms"]
    assert len(result["hits"]) == 3
    assert result["hits"][0]["topic_id"] == "calf"
    assert result["hits"][0]["sources"][0]["publisher"]


def test_search_with_no_match_says_so() -> None:
    output = _run("search", "xyzzyplugh")
    assert "Nothing in the guide matches" in output


def test_a_question_instead_of_a_topic_is_searched() -> None:
    output = _run("why", "does", "my", "eye", "keep", "jumping")
    assert "1. Twitching in the eyelid" in output
    assert "Read more: twitchguide guide eyelid" in output
    result = json.loads(_run("is this serious", "--json"))
    assert result["question"] == "is this serious"
    assert result["hits"]


def test_unknown_topic_is_one_clear_line_and_non_zero(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("guide", "spleen")
    assert result.exit_code != 0
    assert result.stderr.strip().startswith("Error: no guide topic called 'spleen'")
    assert "Traceback" not in result.stderr + result.stdout


def test_search_without_a_question_is_an_error(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("guide", "search")
    assert result.exit_code == 2
    assert "question" in result.stderr
