"""Faults a diary meets in real life: a full disk (a file-size limit in a child process), a kill
part-way through a large import, a read-only database. Each ends with the data intact and one
clear line."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import CliRun

TIMEZONE = "Europe/London"


def child_env(database_url: str) -> dict[str, str]:
    return {**os.environ, "TWITCHGUIDE_DATABASE_URL": database_url, "TZ": TIMEZONE}


def file_size_limit(limit: int) -> Callable[[], None]:
    """Run in the child before it starts: writes past `limit` bytes fail with EFBIG.

    SIGXFSZ is ignored so the write fails with an error instead of killing the process, as a
    full disk would.
    """

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def twitchguide(
    database_url: str, *args: str, limit: int | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "twitchguide", *args],
        env=child_env(database_url),
        preexec_fn=file_size_limit(limit) if limit is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


def one_clear_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode not in (0, 70), done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("Error: "), lines[0]
    for word in words:
        assert word in lines[0], lines[0]


def filled_diary(run_cli: CliRun, episodes: int = 300) -> str:
    """A diary with some history, written through the store; returns its export."""
    from twitchguide.diary.records import EPISODE
    from twitchguide.store import open_store

    store = open_store(run_cli.database_url)
    user = store.user("local", timezone=TIMEZONE)
    start = datetime.now(UTC) - timedelta(days=40)
    with store.database.transaction():
        for n in range(episodes):
            store.add(
                EPISODE,
                user,
                {"started_at": start + timedelta(hours=3 * n), "region": "calf",
                 "intensity": 1 + n % 5, "note": f"twitch number {n}, after a long walk"},
            )  # fmt: skip
    store.close()
    return export(run_cli)


def export(run_cli: CliRun) -> str:
    result = run_cli("export")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def big_export(records: int) -> dict[str, object]:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    stamp = "2025-01-01T00:00:00.000000+00:00"
    episodes = [
        {"id": n, "created_at": stamp, "updated_at": stamp,
         "started_at": (start + timedelta(minutes=17 * n)).isoformat(timespec="microseconds"),
         "region": "calf", "side": "left", "duration_seconds": 30, "ongoing": False,
         "intensity": 2, "pattern": None, "context": None, "count": None, "count_minutes": None,
         "note": "imported"}
        for n in range(1, records + 1)
    ]  # fmt: skip
    return {"format": "twitchguide-export", "version": 1, "records": {"episodes": episodes}}


# --- a full disk ------------------------------------------------------------------------------


def test_a_full_disk_during_export_keeps_the_previous_backup(
    run_cli: CliRun, tmp_path: Path
) -> None:
    text = filled_diary(run_cli)
    backup = tmp_path / "backup.json"
    backup.write_text("the good backup from last week")
    done = twitchguide(
        run_cli.database_url, "export", "--output", str(backup), limit=len(text) // 2
    )
    one_clear_line(done, "previous file is unchanged")
    assert backup.read_text() == "the good backup from last week"
    assert sorted(os.listdir(tmp_path)) == sorted(["backup.json", *_diary_files(tmp_path)])


def test_a_full_disk_during_a_csv_export_keeps_the_previous_files(
    run_cli: CliRun, tmp_path: Path
) -> None:
    filled_diary(run_cli)
    folder = tmp_path / "csv"
    assert run_cli("export", "--format", "csv", "--output", str(folder)).exit_code == 0
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    done = twitchguide(
        run_cli.database_url, "export", "--format", "csv", "--output", str(folder), limit=36_000
    )
    one_clear_line(done, "output", "unchanged")
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


# A file-size limit on this process fills the disk of a SQLite diary only: PostgreSQL's files
# belong to its server. Its own full disk (DiskFull) maps to the same kind of line.
def test_a_full_disk_during_import_writes_nothing(run_cli_sqlite: CliRun, tmp_path: Path) -> None:
    run_cli = run_cli_sqlite
    before = filled_diary(run_cli, episodes=20)
    source = tmp_path / "big.json"
    source.write_text(json.dumps(big_export(5_000)).replace('"id": ', '"id": 1000'))
    diary_bytes = max(p.stat().st_size for p in tmp_path.iterdir() if p.name.startswith("diary"))
    done = twitchguide(run_cli.database_url, "import", str(source), limit=diary_bytes + 40_000)
    one_clear_line(done, "database", "nothing was written")
    assert "rollback" not in done.stderr
    assert export(run_cli) == before


def test_a_full_disk_during_log_and_day_writes_nothing(
    run_cli_sqlite: CliRun, tmp_path: Path
) -> None:
    run_cli = run_cli_sqlite
    before = filled_diary(run_cli, episodes=20)
    for command in (["log", "calf", "--note", "x" * 1500], ["day", "--sleep", "7"]):
        # Too little room even to open the diary (its -shm file needs 32 KB).
        done = twitchguide(run_cli.database_url, *command, limit=20_000)
        one_clear_line(done, "database")
        assert done.stdout == ""
        assert export(run_cli) == before
    # With room again, the same diary takes the same commands.
    assert run_cli("log", "calf").exit_code == 0


def test_a_disk_that_fills_while_log_writes_keeps_the_diary(
    run_cli_sqlite: CliRun, tmp_path: Path
) -> None:
    """The diary opens, and the write itself fails: the limit sits just above the write-ahead
    log, which a second open connection keeps from being folded back into the diary file."""
    from twitchguide.store import open_store

    run_cli = run_cli_sqlite
    filled_diary(run_cli, episodes=20)
    holder = open_store(run_cli.database_url)
    try:
        holder.user("local")
        for hours in range(1, 6):
            assert run_cli("log", "thigh", "--at", f"{hours}h ago").exit_code == 0
        before = export(run_cli)
        wal = tmp_path / "diary.db-wal"
        assert wal.stat().st_size > 32_768  # opening (the 32 KB -shm file) fits under the limit
        for command in (["log", "calf", "--note", "x" * 1500], ["day", "--sleep", "7"]):
            done = twitchguide(run_cli.database_url, *command, limit=wal.stat().st_size + 100)
            one_clear_line(done, "database", "nothing was written")
            assert done.stdout == ""
            assert export(run_cli) == before
    finally:
        holder.close()
    assert run_cli("log", "calf").exit_code == 0


def _diary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("diary.db")]


# --- a kill part-way --------------------------------------------------------------------------


def test_kill_9_during_a_large_import_leaves_the_diary_whole(
    run_cli: CliRun, tmp_path: Path
) -> None:
    before = filled_diary(run_cli, episodes=10)
    records = 60_000
    source = tmp_path / "big.json"
    source.write_text(json.dumps(big_export(records)).replace('"id": ', '"id": 1000'))
    child = subprocess.Popen(
        [sys.executable, "-m", "twitchguide", "import", str(source)],
        env=child_env(run_cli.database_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not _writing(run_cli.database_url, tmp_path) and time.monotonic() < deadline:
        if child.poll() is not None:
            break
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait()
    after = export(run_cli)
    # All or nothing: killed inside the transaction nothing is there; had it committed, all.
    kept = len(json.loads(after)["records"]["episodes"])
    assert kept in (10, 10 + records)
    if kept == 10:
        assert after == before
    if run_cli.database_url.startswith("sqlite"):
        path = run_cli.database_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert run_cli("log", "calf").exit_code == 0


def _writing(database_url: str, folder: Path) -> bool:
    """The import has begun writing: its rows are in the WAL, or it holds a write lock."""
    if database_url.startswith("sqlite"):
        wal = folder / "diary.db-wal"
        return wal.exists() and wal.stat().st_size > 512 * 1024
    import psycopg

    schema = database_url.rsplit("%3D", 1)[1]
    with psycopg.connect(database_url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s "
            "AND c.relname = 'episodes' AND l.mode = 'RowExclusiveLock' AND l.granted",
            (schema,),
        ).fetchone()
    return bool(row and row[0])


# --- a read-only database ---------------------------------------------------------------------


def test_a_read_only_postgresql_database_refuses_writes_and_still_reads(
    postgres_url: str,
) -> None:
    writable = CliRun(postgres_url)
    before = filled_diary(writable, episodes=5)
    read_only = CliRun(postgres_url + "%20-cdefault_transaction_read_only%3Don")
    for command in (["log", "calf"], ["day", "--sleep", "7"], ["settings", "--timezone", "UTC"]):
        result = read_only(*command)
        assert result.exit_code == 4, result.stderr
        assert (
            result.stderr.strip().splitlines() == [result.stderr.strip()]
            and "is read-only; nothing was written" in result.stderr
        )
    assert read_only("diary").exit_code == 0
    assert export(read_only) == before


def test_a_read_only_sqlite_file_refuses_writes_in_one_line(tmp_path: Path) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="tg-readonly-"))
    try:
        url = f"sqlite:///{folder / 'diary.db'}"
        before = filled_diary(CliRun(url), episodes=5)
        if os.geteuid() == 0:
            # root may write anything, so the child becomes 'nobody', who may only read the
            # file. It runs each command once as root on a scratch diary first, so every module
            # is loaded while Python's own files are still readable.
            os.chmod(folder, 0o755)
            os.chmod(folder / "diary.db", 0o644)
        else:
            os.chmod(folder / "diary.db", 0o400)
            os.chmod(folder, 0o500)
        for command in (["log", "calf"], ["day", "--sleep", "7"]):
            done = subprocess.run(
                [sys.executable, "-c", _READER, url, f"sqlite:///{tmp_path / 'scratch.db'}",
                 *command],
                env=child_env(url),
                capture_output=True,
                text=True,
                timeout=60,
            )  # fmt: skip
            done.stderr = done.stderr.split("---\n", 1)[1]  # what the reader was told
            one_clear_line(done, "database", str(folder / "diary.db"))
        assert export(CliRun(url)) == before
    finally:
        os.chmod(folder, 0o700)
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


_READER = """
import os, sys
from twitchguide.cli import main
url, scratch, *command = sys.argv[1:]
def run(database):
    os.environ["TWITCHGUIDE_DATABASE_URL"] = database
    try:
        main(command)
    except SystemExit as done:
        return done.code
if os.geteuid() == 0:
    run(scratch)
    sys.stdout.flush()
    os.setgid(65534)
    os.setuid(65534)
print("---", file=sys.stderr, flush=True)
code = run(url)
sys.stderr.flush()
sys.stdout.flush()
os._exit(code if isinstance(code, int) else 0)
"""
