"""Each defect of issue 12, as the person meets it: one clear line, nothing half-written.

Every test runs on SQLite and PostgreSQL unless the defect is about SQLite files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CliRun
from twitchguide.store import open_store
from twitchguide.store.database import connect
from twitchguide.store.migrations import LATEST_VERSION, NewerSchema, migrate


def export_text(run_cli: CliRun) -> str:
    result = run_cli("export")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def assert_one_line_refusal(result: object, field: str) -> None:
    exit_code, stderr = result.exit_code, result.stderr  # type: ignore[attr-defined]
    assert exit_code not in (0, 70), stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"Error: {field}"), lines[0]


# 2. A database that forgets everything is refused, not a silent "Logged #1".
@pytest.mark.parametrize("url", ["sqlite:///", "sqlite:///:memory:", "sqlite:///   "])
def test_a_diary_that_keeps_nothing_is_refused(url: str) -> None:
    run = CliRun(url)
    result = run("log", "calf")
    assert_one_line_refusal(result, "database")
    assert "Logged" not in result.stdout


# 8. A typo in a folder name is refused instead of making an empty diary somewhere new.
def test_an_explicit_path_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    run = CliRun(f"sqlite:///{tmp_path}/no-such-folder/diary.db")
    result = run("log", "calf")
    assert_one_line_refusal(result, "database: the folder")
    assert not (tmp_path / "no-such-folder").exists()


# 3. A newer schema is refused before anything is read or written.
def test_a_diary_from_a_newer_twitchguide_is_refused(database_url: str, run_cli: CliRun) -> None:
    assert run_cli("log", "calf").exit_code == 0
    database = connect(database_url)
    database.execute(
        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
        (LATEST_VERSION + 1, "from the future", "2030-01-01T00:00:00+00:00"),
    )
    with pytest.raises(NewerSchema, match=r"newer Twitchguide.*upgrade it"):
        migrate(database)
    database.close()
    for command in (["log", "calf"], ["export"], ["diary"]):
        result = run_cli(*command)
        assert_one_line_refusal(result, "database: this diary was written by a newer")
        assert result.stdout == ""


# 4. Backups keep the emergency number (and the other settings).
def test_backups_keep_settings(database_url: str, run_cli: CliRun, tmp_path: Path) -> None:
    assert run_cli("settings", "--emergency-number", "112", "--day-start", "5").exit_code == 0
    assert run_cli("log", "calf").exit_code == 0
    backup = export_text(run_cli)
    assert json.loads(backup)["settings"]["emergency_number"] == "112"
    restored = CliRun(f"sqlite:///{tmp_path / 'restored.db'}")
    path = tmp_path / "backup.json"
    path.write_text(backup, encoding="utf-8")
    assert restored("import", str(path)).exit_code == 0
    store = open_store(restored.database_url)
    user = store.user("local")
    store.close()
    assert (user.emergency_number, user.day_start_hour) == ("112", 5)
    assert export_text(restored) == backup


# 5. Same-day factors merge: set one, then another, then add to the day as a new record.
def test_factors_add_for_a_recorded_day_is_one_clear_line(run_cli: CliRun) -> None:
    assert run_cli("day", "--date", "yesterday", "--sleep", "7").exit_code == 0
    before = export_text(run_cli)
    result = run_cli("factors", "add", "--day", "yesterday", "--stress", "2")
    assert_one_line_refusal(result, "Error: day: ".removeprefix("Error: "))
    assert "already has factors" in result.stderr
    assert export_text(run_cli) == before


# 7. Ids beyond 64 bits are simply not found, on both databases.
@pytest.mark.parametrize("command", ["show", "edit", "delete"])
def test_an_id_beyond_64_bits_is_not_found(run_cli: CliRun, command: str) -> None:
    extra = ["--intensity", "2"] if command == "edit" else []
    huge = str(2**64 + 5)
    result = run_cli("episode", command, huge, *extra)
    assert result.exit_code == 3, result.stderr
    assert result.stderr.strip() == f"Error: there is no episode with id {huge}"


@pytest.mark.parametrize("since", ["99999999999999d", "9999999w", "0001-01-01", "1900-05-05"])
def test_absurd_since_values_are_refused(run_cli: CliRun, since: str) -> None:
    for command in (["diary"], ["episode", "list"], ["insights"]):
        result = run_cli(*command, "--since", since)
        assert_one_line_refusal(result, "since")


# 7. Deeply nested JSON, and two factor records for one day, are named refusals.
def test_deeply_nested_import_is_refused(run_cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run_cli("import", str(path))
    assert_one_line_refusal(result, "import")
    assert "nested too deeply" in result.stderr


def test_two_factor_records_for_one_day_in_an_import_are_refused(
    run_cli: CliRun, tmp_path: Path
) -> None:
    document = {
        "format": "twitchguide-export",
        "version": 1,
        "records": {
            "daily_factors": [
                {"id": n, "created_at": "2026-01-02T00:00:00+00:00",
                 "updated_at": "2026-01-02T00:00:00+00:00", "day": "2026-01-01", "stress": n}
                for n in (1, 2)
            ]
        },
    }  # fmt: skip
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = export_text(run_cli)
    result = run_cli("import", str(path))
    assert_one_line_refusal(result, "import: records.daily_factors[1]")
    assert "two days of factors for 2026-01-01" in result.stderr
    assert export_text(run_cli) == before


# 8. A file saved with a byte-order mark imports like any other.
def test_an_export_with_a_byte_order_mark_imports(run_cli: CliRun, tmp_path: Path) -> None:
    source = CliRun(f"sqlite:///{tmp_path / 'source.db'}")
    assert source("log", "calf", "--at", "2h ago").exit_code == 0
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + export_text(source).encode("utf-8"))
    result = run_cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Imported 1 record" in result.stdout


# 7. NUL and broken characters are refused the same way on both databases.
@pytest.mark.parametrize("note", ["a\x00b", "bad \udcff byte", "bell\x07"])
def test_unstorable_characters_in_a_note_are_refused(run_cli: CliRun, note: str) -> None:
    before = export_text(run_cli)
    result = run_cli("log", "calf", "--note", note)
    assert_one_line_refusal(result, "note")
    assert export_text(run_cli) == before


def test_a_nul_in_an_imported_note_is_refused(run_cli: CliRun, tmp_path: Path) -> None:
    source = CliRun(f"sqlite:///{tmp_path / 'source.db'}")
    assert source("log", "calf", "--at", "2h ago", "--note", "fine").exit_code == 0
    document = json.loads(export_text(source))
    document["records"]["episodes"][0]["note"] = "fi\u0000ne"
    path = tmp_path / "nul.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = export_text(run_cli)
    result = run_cli("import", str(path))
    assert_one_line_refusal(result, "import: records.episodes[0].note: contains a NUL")
    assert export_text(run_cli) == before


# 8. The year-1 message names the year, not an internal clock offset.
@pytest.mark.parametrize("when", ["0001-01-01 00:00", "0001-01-01T00:00:00+05:00", "1900-01-01"])
def test_early_years_are_refused_plainly(run_cli: CliRun, when: str) -> None:
    result = run_cli("log", "calf", "--at", when)
    assert_one_line_refusal(result, "started_at")
    assert "before 1920" in result.stderr
    assert "00:01:15" not in result.stderr


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["episode", "show", "abc"], "record_id"),
        (["episode", "show", "-1"], "record_id"),
        (["diary", "--limit", "3"], "limit"),
        (["strength", "add", "--left", "30", "31"], "left"),
        (["no-such-command"], "command"),
        (["log", "calf", "--intensity"], "intensity"),
        (["guide", "search", "calf", "--limit", "many"], "limit"),
        (["guide", "search", "calf", "--limit", "0"], "limit"),
    ],
)
def test_click_usage_errors_are_one_line(run_cli: CliRun, args: list[str], field: str) -> None:
    result = run_cli(*args)
    assert_one_line_refusal(result, field)


# 7. Export to a missing folder, or to a folder: one line, nothing written.
def test_export_to_a_missing_folder_or_a_folder_is_one_line(
    run_cli: CliRun, tmp_path: Path
) -> None:
    assert run_cli("log", "calf").exit_code == 0
    for target in (tmp_path / "missing" / "backup.json", tmp_path):
        result = run_cli("export", "--output", str(target))
        assert_one_line_refusal(result, "output")
    assert not (tmp_path / "missing").exists()


def test_a_folder_given_to_import_is_one_line(run_cli: CliRun, tmp_path: Path) -> None:
    result = run_cli("import", str(tmp_path))
    assert_one_line_refusal(result, "path")


# 6. Time words in plain-words logging: 'tomorrow' and a minus sign are refused, not dropped.
def test_plain_words_tomorrow_is_refused(run_cli: CliRun) -> None:
    result = run_cli("log", "calf tomorrow at 9am")
    assert_one_line_refusal(result, "started_at")


def test_plain_words_negative_duration_is_refused(run_cli: CliRun) -> None:
    result = run_cli("log", "calf for -5 minutes")
    assert_one_line_refusal(result, "duration")


@pytest.mark.parametrize(
    ("at", "field"),
    [
        ("yesterday at 25:00", "started_at"),
        ("tomorrow", "started_at"),
        ("1900-06-01", "started_at"),
    ],
)
def test_time_words_given_as_options_are_refused(run_cli: CliRun, at: str, field: str) -> None:
    before = export_text(run_cli)
    result = run_cli("log", "calf", "--at", at)
    assert_one_line_refusal(result, field)
    assert export_text(run_cli) == before
