"""The steps the web app needs, from the command line: undo a delete, add to the day's totals,
and several places in one log (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CliRun


def _json(result: object) -> object:
    assert result.exit_code == 0, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    return json.loads(result.stdout)  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["episode", "symptom"])
def test_a_deleted_record_comes_back_as_it_was(run_cli: CliRun, kind: str) -> None:
    if kind == "episode":
        added = _json(run_cli("log", "calf", "--side", "left", "--note", "after a run", "--json"))
    else:
        added = _json(run_cli("symptom", "add", "--kind", "cramps", "--json"))
    assert isinstance(added, dict)
    deleted = run_cli(kind, "delete", str(added["id"]))
    assert deleted.exit_code == 0
    assert f"twitchguide {kind} restore {added['id']}" in deleted.stderr
    assert run_cli(kind, "show", str(added["id"])).exit_code == 3
    restored = _json(run_cli(kind, "restore", str(added["id"]), "--json"))
    assert restored == added
    assert _json(run_cli(kind, "show", str(added["id"]), "--json")) == added
    again = run_cli(kind, "restore", str(added["id"]))
    assert again.exit_code == 3
    assert again.stderr.strip().startswith("Error: there is no deleted")


def test_one_more_coffee_adds_to_the_day(run_cli: CliRun) -> None:
    first = _json(run_cli("day", "--add-caffeine", "95", "--json"))
    assert isinstance(first, dict) and first["caffeine_mg"] == 95
    second = _json(run_cli("day", "--add-caffeine", "95", "--add-water", "250ml", "--json"))
    assert isinstance(second, dict)
    assert second["caffeine_mg"] == 190
    assert second["water_litres"] == 0.25
    assert _json(run_cli("day", "--sleep", "7", "--json"))["caffeine_mg"] == 190  # type: ignore[index]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("--add-caffeine", "-5"), "caffeine"),
        (("--add-caffeine", "lots"), "caffeine"),
        (("--caffeine", "100", "--add-caffeine", "95"), "add_caffeine"),
    ],
)
def test_a_bad_amount_to_add_is_refused_in_one_line(
    run_cli: CliRun, args: tuple[str, ...], field: str
) -> None:
    refused = run_cli("day", *args)
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1
    assert field in refused.stderr
    assert _json(run_cli("diary", "--json"))["days"] == []  # type: ignore[index]


def test_several_places_in_one_log_make_one_episode_each(run_cli: CliRun) -> None:
    logged = _json(run_cli("log", "left calf and right thigh, about 2 minutes", "--json"))
    assert isinstance(logged, list)
    assert [(e["region"], e["side"], e["duration_seconds"]) for e in logged] == [
        ("calf", "left", 120),
        ("thigh", "right", 120),
    ]
    text = run_cli("log", "right eye and left thumb")
    assert text.exit_code == 0
    assert "places: eyelid (right), thumb (left) (one episode each)" in text.stdout
    assert text.stdout.count("Logged #") == 2


def test_whole_body_is_a_place(run_cli: CliRun) -> None:
    by_word = _json(run_cli("log", "whole body", "--json"))
    by_words = _json(run_cli("log", "twitching all over for a minute", "--json"))
    assert isinstance(by_word, dict) and isinstance(by_words, dict)
    assert by_word["region"] == by_words["region"] == "whole_body"
    assert by_words["duration_seconds"] == 60
