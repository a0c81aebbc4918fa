"""The command line end to end, on SQLite and PostgreSQL, through the real entry point."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import CliRun


def test_the_documented_commands_work_as_written(run_cli: CliRun, tmp_path: Path) -> None:
    logged = run_cli("log", "calf", "--side", "left", "--duration", "90s", "--intensity", "2")
    assert logged.exit_code == 0, logged.stderr
    assert "calf, left" in logged.stdout
    assert "90 s" in logged.stdout

    day = run_cli("day", "--sleep", "5.5", "--caffeine", "300", "--stress", "4")
    assert day.exit_code == 0, day.stderr
    assert "sleep 5.5 h" in day.stdout

    shown = run_cli("diary", "--since", "7d")
    assert shown.exit_code == 0, shown.stderr
    assert "calf, left" in shown.stdout
    assert "caffeine 300 mg" in shown.stdout

    exported = run_cli("export", "--format", "json")
    assert exported.exit_code == 0, exported.stderr
    backup = tmp_path / "backup.json"
    backup.write_text(exported.stdout)

    fresh = CliRun(f"sqlite:///{tmp_path / 'fresh.db'}")
    imported = fresh("import", str(backup))
    assert imported.exit_code == 0, imported.stderr
    assert "Imported 2 records: 1 twitch episode, 1 day of factors." in imported.stdout
    assert fresh("export", "--format", "json").stdout == exported.stdout


def test_diary_json_groups_by_local_day(run_cli: CliRun) -> None:
    assert run_cli("settings", "--timezone", "America/New_York").exit_code == 0
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    # 01:30 local belongs to the evening before: the diary day starts at 04:00.
    result = run_cli("log", "eyelid", "--at", f"{yesterday} 01:30")
    assert result.exit_code == 0, result.stderr
    data = json.loads(run_cli("diary", "--since", "14d", "--json").stdout)
    assert data["timezone"] == "America/New_York"
    [entry] = data["days"]
    assert entry["day"] == (date.today() - timedelta(days=3)).isoformat()
    assert entry["episodes"][0]["region"] == "eyelid"


def test_diary_text_shows_times_under_each_day(run_cli: CliRun) -> None:
    evening = date.today() - timedelta(days=3)
    after_midnight = evening + timedelta(days=1)
    assert run_cli("log", "calf", "--at", f"{evening} 23:00").exit_code == 0
    assert run_cli("log", "calf", "--at", f"{after_midnight} 01:30").exit_code == 0
    shown = run_cli("diary", "--since", "7d").stdout
    assert evening.strftime("%a %d %b %Y") in shown
    assert "twitch: #1  23:00  calf" in shown
    # 01:30 counts for the evening before, so it keeps its own date.
    assert f"twitch: #2  {after_midnight:%a %d %b} 01:30  calf" in shown


def test_log_with_nothing_after_it_says_what_to_type(run_cli: CliRun) -> None:
    result = run_cli("log")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: region: say where it twitches, e.g. twitchguide log")
    assert json.loads(run_cli("episode", "list", "--json").stdout) == []


def test_log_takes_when_as_well_as_at(run_cli: CliRun) -> None:
    # People guess either word; both mean when the twitch started.
    result = run_cli("log", "thigh", "--when", "2 days ago", "--json")
    assert result.exit_code == 0, result.stderr
    started = json.loads(result.stdout)["started_at"]
    assert started.startswith((date.today() - timedelta(days=2)).isoformat())


def test_every_record_kind_through_the_cli(run_cli: CliRun) -> None:
    steps = [
        (
            "medication",
            "add",
            "--name",
            "sertraline",
            "--dose",
            "50 mg",
            "--started-on",
            "7 days ago",
        ),
        (
            "symptom",
            "add",
            "--kind",
            "weakness",
            "--region",
            "hand",
            "--description",
            "dropping cups",
        ),
        (
            "strength",
            "add",
            "--left",
            "32",
            "31",
            "33",
            "--right",
            "35",
            "34",
            "36",
            "--heel-walk",
            "pass",
        ),
        ("relief", "add", "--strategy", "hydration", "--rating", "helpful"),
        ("factors", "add", "--day", "yesterday", "--sleep-hours", "7"),
        ("episode", "add", "--region", "thumb", "--started-at", "2h ago"),
    ]
    for step in steps:
        result = run_cli(*step, "--json")
        assert result.exit_code == 0, (step, result.stderr)
        record = json.loads(result.stdout)
        kind = step[0]
        shown = run_cli(kind, "show", str(record["id"]))
        assert shown.exit_code == 0, shown.stderr
        # Fields left empty are left out of the text, never shown as "None".
        assert "None" not in shown.stdout, shown.stdout
        listed = json.loads(run_cli(kind, "list", "--json").stdout)
        assert [item["id"] for item in listed] == [record["id"]]

    edited = run_cli("medication", "edit", "1", "--ended-on", "today", "--json")
    assert edited.exit_code == 0, edited.stderr
    assert json.loads(edited.stdout)["ended_on"] is not None
    assert "grip left 32, 31, 33 kg (mean 32.0)" in run_cli("strength", "show", "1").stdout
    strength = json.loads(run_cli("strength", "show", "1", "--json").stdout)
    assert strength["grip_left_2"] == 31
    cleared = run_cli("episode", "edit", "1", "--intensity", "3", "--clear", "note", "--json")
    assert json.loads(cleared.stdout)["intensity"] == 3

    deleted = run_cli("relief", "delete", "1")
    assert deleted.exit_code == 0
    assert json.loads(run_cli("relief", "list", "--json").stdout) == []
    missing = run_cli("relief", "show", "1")
    assert missing.exit_code != 0
    assert "no relief with id 1" in missing.stderr


def test_day_merges_and_clears(run_cli: CliRun) -> None:
    run_cli("day", "--sleep", "6")
    run_cli("day", "--stress", "2")
    data = json.loads(run_cli("day", "--clear", "sleep", "--json").stdout)
    assert data["sleep_hours"] is None
    assert data["stress"] == 2


def _fails_cleanly(result: object, field: str) -> None:
    from tests.conftest import CliResult

    assert isinstance(result, CliResult)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert field in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_input_gets_one_clear_line_and_writes_nothing(run_cli: CliRun, tmp_path: Path) -> None:
    _fails_cleanly(run_cli("log", "calf", "--intensity", "9"), "intensity")
    _fails_cleanly(run_cli("log", "xyzzy"), "region")
    _fails_cleanly(run_cli("day", "--sleep", "30"), "sleep_hours")
    _fails_cleanly(run_cli("log", "calf", "--at", "tomorrow 9am"), "started_at")
    _fails_cleanly(run_cli("log", "calf", "--duration", "a bit"), "duration")
    _fails_cleanly(run_cli("day", "--stress", "lots"), "stress")
    _fails_cleanly(run_cli("diary", "--since", "sometime"), "since")
    assert json.loads(run_cli("export").stdout)["records"]["episodes"] == []
    assert json.loads(run_cli("export").stdout)["records"]["daily_factors"] == []


def test_truncated_import_is_refused_and_writes_nothing(run_cli: CliRun, tmp_path: Path) -> None:
    run_cli("log", "calf")
    text = run_cli("export").stdout
    fresh = CliRun(f"sqlite:///{tmp_path / 'fresh.db'}")
    truncated = tmp_path / "truncated.json"
    truncated.write_text(text[:-40])
    _fails_cleanly(fresh("import", str(truncated)), "not valid JSON")
    _fails_cleanly(fresh("import", str(tmp_path / "nowhere.json")), "does not exist")
    assert json.loads(fresh("export").stdout)["records"]["episodes"] == []


def test_unreachable_database_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRun("postgresql://postgres@127.0.0.1:1/nothing")("diary")
    _fails_cleanly(result, "database")
    assert "cannot connect to PostgreSQL" in result.stderr
    _fails_cleanly(CliRun("mysql://somewhere/db")("diary"), "database")


def test_csv_export_needs_a_folder(run_cli: CliRun, tmp_path: Path) -> None:
    _fails_cleanly(run_cli("export", "--format", "csv"), "output")
    result = run_cli("export", "--format", "csv", "--output", str(tmp_path / "csv"))
    assert result.exit_code == 0
    assert (tmp_path / "csv" / "episodes.csv").exists()


def test_dry_run_with_options_shows_the_episode_and_writes_nothing(run_cli: CliRun) -> None:
    result = run_cli("log", "eye", "--intensity", "3", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "Would log: region eyelid, intensity 3" in result.stdout
    assert json.loads(run_cli("export").stdout)["records"]["episodes"] == []


def test_strength_checks_closer_than_a_week_get_a_calm_note(run_cli: CliRun) -> None:
    grip = ("--left", "30", "31", "29", "--right", "32", "33", "31")
    first = run_cli("strength", "add", *grip, "--checked-at", "10 days ago")
    assert first.exit_code == 0, first.stderr
    assert "Once a week" not in first.stderr
    weekly = run_cli("strength", "add", *grip, "--checked-at", "3 days ago")
    assert "Once a week" not in weekly.stderr
    soon = run_cli("strength", "add", *grip, "--json")
    assert soon.exit_code == 0, soon.stderr
    json.loads(soon.stdout)  # the note stays off stdout
    assert "Your last strength check was 3 days ago. Once a week is enough" in soon.stderr


def test_settings_refuse_what_cannot_be_right(run_cli: CliRun) -> None:
    for args, field in (
        (("--timezone", "Mars/Olympus"), "timezone"),
        (("--day-start", "25"), "day_start_hour"),
        # Every emergency message says to call this number, so it must be one.
        (("--emergency-number", "abc"), "emergency_number"),
    ):
        _fails_cleanly(run_cli("settings", *args), field)
    assert run_cli("settings", "--emergency-number", " 000 ").exit_code == 0
    assert json.loads(run_cli("settings", "--json").stdout)["emergency_number"] == "000"
    assert run_cli("settings", "--emergency-number", "").exit_code == 0
    assert "not set (999, 112 or 911)" in run_cli("settings").stdout
