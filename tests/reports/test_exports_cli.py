"""`report` and `export --format fhir|csv` through the real CLI on SQLite and PostgreSQL.

A round trip: every episode, factor day, medicine and strength check stored appears in the FHIR
Bundle and in the CSV files, counted.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from benchmarks.report_diaries import year_diary
from tests.conftest import CliRun
from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    MEDICATION,
    RECORD_KINDS,
    RELIEF_RATING,
    STRENGTH,
    SYMPTOM,
    field_values,
)
from twitchguide.store import open_store


def stored_diary(database_url: str, days: int = 120) -> dict[str, int]:
    """A few months of the made-up diary in the test's database; returns the counts stored."""
    diary = year_diary(n_days=days)
    store = open_store(database_url)
    user = store.user("local", timezone=diary.timezone)
    groups = (
        (EPISODE, diary.episodes),
        (DAILY_FACTORS, diary.days),
        (MEDICATION, diary.medications),
        (SYMPTOM, diary.symptoms),
        (STRENGTH, diary.strength_checks),
        (RELIEF_RATING, diary.relief_ratings),
    )
    with store.database.transaction():
        for kind, records in groups:
            for record in records:
                store.insert_exact(kind, user, field_values(record), record.stamps)
    store.close()
    return {kind.table: len(records) for kind, records in groups}


def test_report_writes_a_private_pdf_and_says_what_it_holds(
    run_cli: CliRun, database_url: str, tmp_path: Path
) -> None:
    counts = stored_diary(database_url)
    out = tmp_path / "report.pdf"
    result = run_cli("report", "--out", str(out), "--paper", "letter")
    assert result.exit_code == 0, result.stderr
    medicines = counts["medication_courses"]
    assert f"{counts['episodes']} episodes, {medicines} medicines" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    first = PdfReader(out).pages[0].extract_text()
    assert "Sertraline" in first and "Triage level now" in first


def test_report_json_html_and_a_chosen_period(
    run_cli: CliRun, database_url: str, tmp_path: Path
) -> None:
    stored_diary(database_url)
    out = tmp_path / "r.html"
    result = run_cli("report", "--format", "html", "--from", "2026-10-01", "--to", "2026-10-31",
                     "--sections", "summary,notes", "--out", str(out), "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["period"] == {"from": "2026-10-01", "to": "2026-10-31"}
    assert shown["sections"] == ["summary", "notes"]
    assert shown["media_type"].startswith("text/html")
    assert "Period 2026-10-01 to 2026-10-31" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--sections", "summary,pets"], "sections"),
        (["--from", "soon"], "from"),
        (["--to", "2099-01-01"], "to"),
        (["--from", "2026-11-20", "--to", "2026-11-01"], "from"),
        (["--out", "/no/such/folder/r.pdf"], "out"),
    ],
)
def test_bad_report_choices_fail_with_one_line_and_write_nothing(
    run_cli: CliRun, tmp_path: Path, args: list[str], field: str
) -> None:
    result = run_cli("report", *args, *([] if "--out" in args else ["--out", str(tmp_path / "r")]))
    assert result.exit_code != 0
    assert result.stderr.strip().startswith(f"Error: {field}:"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r").exists()


def test_fhir_and_csv_hold_every_record_stored(
    run_cli: CliRun, database_url: str, tmp_path: Path
) -> None:
    counts = stored_diary(database_url)
    bundle_path = tmp_path / "diary-fhir.json"
    assert run_cli("export", "--format", "fhir", "--output", str(bundle_path)).exit_code == 0
    bundle = json.loads(bundle_path.read_text(encoding="utf-8"))
    texts = [entry["resource"].get("code", {}).get("text", "") for entry in bundle["entry"]]
    types = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert sum(t.startswith("Muscle twitching episode") for t in texts) == counts["episodes"]
    assert sum(t.startswith("Daily lifestyle factors") for t in texts) == counts["daily_factors"]
    assert sum(t.startswith("Grip strength") for t in texts) == counts["strength_checks"]
    assert types.count("MedicationStatement") == counts["medication_courses"]

    folder = tmp_path / "csv"
    result = run_cli("export", "--format", "csv", "--output", str(folder))
    assert result.exit_code == 0, result.stderr
    for kind in RECORD_KINDS:
        raw = (folder / f"{kind.table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, for Excel
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert len(rows) == counts[kind.table], kind.table


def test_fhir_export_needs_a_file_name(run_cli: CliRun) -> None:
    result = run_cli("export", "--format", "fhir")
    assert result.exit_code != 0
    assert result.stderr.strip().startswith("Error: output:")


def test_report_without_out_writes_its_own_file_name_here(
    run_cli: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("report", "--from", "2026-11-01", "--to", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    written = tmp_path / "twitch-report-2026-11-01-to-2026-11-20.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert "No twitch episodes logged yet." in PdfReader(written).pages[0].extract_text()
