"""`check --text` and `log "plain words"` through the real CLI."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import CliRun
from twitchguide.errors import InvalidInput
from twitchguide.triage.extract.episode_text import parse_episode_text

NOW = datetime(2026, 11, 28, 12, tzinfo=ZoneInfo("Europe/London"))


def test_check_text_json_has_facts_with_spans_result_and_open_questions(
    run_cli_sqlite: CliRun,
) -> None:
    text = "I don't think I'm weak but I keep dropping cups, hand twitching 2 weeks"
    result = run_cli_sqlite("check", "--text", text, "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["level"] == "see_doctor_soon"
    assert out["facts"]["weakness"] is True
    weakness = next(e for e in out["understood"] if e["fact"] == "weakness")
    assert weakness["spans"][0]["text"] in text
    assert "from a sign" in weakness["how"]
    assert all(q["could_raise_to"] == "emergency" for q in out["unanswered"])
    assert {"reasons", "advice", "safety_net", "sources"} <= set(out)


def test_check_text_emergency_says_to_call_and_asks_nothing_more(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("check", "--text", "my face is drooping and my speech is slurred")
    assert result.exit_code == 0, result.stderr
    assert "face drooping: yes" in result.stdout
    assert "Numbers (e.g. 1,3)" not in result.stdout
    assert "Call emergency services now" in result.stdout


def test_check_text_asks_only_open_questions_and_uses_the_answers(run_cli_sqlite: CliRun) -> None:
    # Answer "1" to the first checklist (one side of the face droops), Enter to the rest.
    result = run_cli_sqlite(
        "check", "--text", "eyelid twitching 3 days, no weakness", input="1\n" + "\n" * 10
    )
    assert result.exit_code == 0, result.stderr
    assert "weakness: no" in result.stdout
    assert "real weakness in an arm" not in result.stdout  # already answered by the text
    assert "Result: Emergency" in result.stdout


def test_log_plain_words_dry_run_writes_nothing(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("log", "left calf, about 2 minutes, after my run", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert 'side: left  <- "left"' in result.stdout
    assert "duration seconds: 120" in result.stdout
    assert "Dry run: nothing was written." in result.stdout
    diary = json.loads(run_cli_sqlite("diary", "--json").stdout)
    assert diary["days"] == []


def test_log_plain_words_creates_the_episode(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("log", "left calf, about 2 minutes, after my run")
    assert result.exit_code == 0, result.stderr
    episode = json.loads(run_cli_sqlite("diary", "--json").stdout)["days"][0]["episodes"][0]
    assert episode["region"] == "calf"
    assert episode["side"] == "left"
    assert episode["duration_seconds"] == 120
    assert episode["context"] == "after_exercise"
    assert episode["note"] == "left calf, about 2 minutes, after my run"


def test_log_ambiguous_words_are_a_clear_error(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("log", "my leg twitched")
    assert result.exit_code == 2
    assert "could be thigh, knee, calf, shin" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", "text"),
        ("twitching a lot", "region"),
        ("calf yesterday", "started_at"),
        ("calf 2 minutes then 5 minutes", "duration"),
        ("calf still going, 2 minutes", "duration"),
    ],
)
def test_parse_episode_text_names_what_is_missing_or_ambiguous(text: str, field: str) -> None:
    with pytest.raises(InvalidInput) as error:
        parse_episode_text(text, NOW)
    assert error.value.field == field


def test_parse_episode_text_reads_each_field() -> None:
    draft = parse_episode_text("R bicep, 3/5, 10 twitches, burst, while on the sofa, 2h ago", NOW)
    assert draft.values() == {
        "region": "upper_arm",
        "side": "right",
        "intensity": 3,
        "count": 10,
        "pattern": "burst",
        "context": "rest",
        "started_at": datetime(2026, 11, 28, 10, tzinfo=ZoneInfo("Europe/London")),
        "note": "R bicep, 3/5, 10 twitches, burst, while on the sofa, 2h ago",
    }
    evening = parse_episode_text("eye lid still going since yesterday 9pm", NOW)
    assert evening.ongoing is True
    assert evening.started_at == datetime(2026, 11, 27, 21, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("both thighs, rippling, after my run", "continuous"),
        ("calf, waves under the skin", "continuous"),
        ("left bicep, like popcorn", "burst"),
    ],
)
def test_the_words_people_use_for_a_pattern(text: str, pattern: str) -> None:
    assert parse_episode_text(text, NOW).values()["pattern"] == pattern


def test_a_place_named_for_another_symptom_is_not_a_second_twitch() -> None:
    draft = parse_episode_text("left calf twitching, and I have chest pain", NOW)
    assert (draft.region, draft.side) == ("calf", "left")
    assert draft.places == (("calf", "left"),)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("calf and thigh twitching", (("calf", None), ("thigh", None))),
        ("left calf and right thigh", (("calf", "left"), ("thigh", "right"))),
        ("L calf and R thigh, 2 min", (("calf", "left"), ("thigh", "right"))),
        ("right eye and left thumb", (("eyelid", "right"), ("thumb", "left"))),
        ("both calves", (("calf", "both"),)),
        ("whole body twitching for a minute", (("whole_body", None),)),
        ("twitching all over after the gym", (("whole_body", None),)),
    ],
)
def test_several_places_are_each_read_with_their_own_side(
    text: str, places: tuple[tuple[str, str | None], ...]
) -> None:
    assert parse_episode_text(text, NOW).places == places


def test_log_in_words_that_name_a_red_flag_says_so(run_cli_sqlite: CliRun) -> None:
    logged = run_cli_sqlite("log", "left calf twitching, and I have chest pain")
    assert logged.exit_code == 0, logged.stderr
    assert "Triage: Emergency." in logged.stderr


def test_check_refuses_text_and_answers_together(run_cli_sqlite: CliRun, tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text("{}", encoding="utf-8")
    result = run_cli_sqlite("check", "--text", "calf", "--answers", str(answers), "--json")
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_log_plain_words_json_prints_the_stored_episode(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("log", "right thumb 30 secs", "--json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["region"], record["side"], record["duration_seconds"]) == ("thumb", "right", 30)
