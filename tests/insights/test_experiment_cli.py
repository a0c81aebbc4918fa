"""`twitchguide experiment` end to end, and the experiment store, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import CliRun
from twitchguide.insights.experiment import SIGN_FLIP, STUDENT_T, make_design
from twitchguide.store import open_store
from twitchguide.store.database import connect
from twitchguide.store.diary_store import DiaryStore, UserSettings
from twitchguide.store.experiment_store import ExperimentStore
from twitchguide.store.migrations import migrate


def test_the_store_keeps_the_design_and_each_days_answer(
    store: DiaryStore, user: UserSettings
) -> None:
    experiments = ExperimentStore(store.database, user.user_id)
    design = make_design("no_alcohol", date(2026, 5, 4), 99, pairs=7, block_days=5)
    new_id = experiments.add(design, "planned", "power")
    experiments.set_kept(new_id, date(2026, 5, 4), True)
    experiments.set_kept(new_id, date(2026, 5, 5), True)
    experiments.set_kept(new_id, date(2026, 5, 5), False)  # changed their mind
    current = experiments.current()
    assert current is not None and current.design == design
    assert current.kept == {date(2026, 5, 4): True, date(2026, 5, 5): False}
    assert (current.planned_analysis, current.power_statement) == ("planned", "power")
    other = store.user("someone-else", timezone="Europe/London")
    assert ExperimentStore(store.database, other.user_id).current() is None
    experiments.stop(new_id, date(2026, 5, 6))
    assert experiments.current() is None
    latest = experiments.latest()
    assert latest is not None and latest.stopped_on == date(2026, 5, 6)


def test_an_experiment_recorded_before_the_sign_flip_analysis_keeps_its_t_analysis(
    database_url: str,
) -> None:
    database = connect(database_url)
    migrate(database, target=5)
    database.execute(
        "INSERT INTO users (name, timezone, day_start_hour, created_at) VALUES (?, ?, ?, ?)",
        ("local", "UTC", 4, "2026-01-01T00:00:00+00:00"),
    )
    database.execute(
        "INSERT INTO experiments (owner_id, created_at, step, seed, pairs, block_days, "
        "washout_days, first_on, start_day, planned_analysis, power_statement) "
        "VALUES (1, ?, 'no_alcohol', 5, 3, 4, 1, '101', ?, 'Student t', 'power')",
        ("2026-01-01T00:00:00+00:00", "2026-01-02"),
    )
    database.close()
    store = open_store(database_url)
    try:
        experiments = ExperimentStore(store.database, store.user("local", create=False).user_id)
        before = experiments.latest()
        assert before is not None and before.design.analysis == STUDENT_T
        assert before.design.pairs == 3 and before.planned_analysis == "Student t"
        experiments.stop(before.id, date(2026, 1, 3))
        experiments.add(make_design("no_alcohol", date(2026, 2, 2), 6), "planned", "power")
        after = experiments.latest()
        assert after is not None and after.design.analysis == SIGN_FLIP
    finally:
        store.close()


def test_start_today_status_and_result(run_cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWITCHGUIDE_NOW", "2026-06-01T12:00:00+00:00")
    started = run_cli("experiment", "start", "caffeine-off", "--pairs", "7", "--block-days", "4")
    assert started.exit_code == 0, started.stderr
    text = started.stdout
    assert "Experiment: caffeine off, 2026-06-02 to 2026-07-27" in text
    assert "fixed before day 1" in text and "80% chance" in text
    assert "Ask a doctor before you take any supplement" in text
    assert "emergency services" in text

    again = run_cli("experiment", "start", "no_alcohol")
    assert again.exit_code != 0 and "already running until 2026-07-27" in again.stderr

    before = run_cli("experiment", "today")
    assert "starts tomorrow, on 2026-06-02: nothing to change today" in before.stdout
    monkeypatch.setenv("TWITCHGUIDE_NOW", "2026-06-02T12:00:00+00:00")
    first = run_cli("experiment", "today", "--json")
    view = json.loads(first.stdout)
    assert view["day_number"] == 1 and view["kept"] is None
    assert view["counted"] is False  # caffeine has a 1-day wash-out at the start of a block
    assert view["instruction"] in (
        "No caffeine today: no coffee, tea, cola or energy drinks.",
        "Have caffeine as you usually do.",
    )
    kept = run_cli("experiment", "today", "--kept")
    assert "Day 1 of 56" in kept.stdout and "you kept it" in kept.stdout
    assert "settling-in day" in kept.stdout
    assert run_cli("log", "calf").exit_code == 0

    status = run_cli("experiment", "status")
    assert status.exit_code == 0, status.stderr
    assert "1 day done: 1 kept, 0 not kept, 0 not answered" in status.stdout
    result = run_cli("experiment", "result")
    assert "runs until 2026-07-27; this is an early look" in result.stdout
    assert "Not enough complete pairs yet" in result.stdout
    data = json.loads(run_cli("experiment", "result", "--json").stdout)
    assert data["result"]["conclusion"] == "not_enough_data"


def test_a_medicine_is_refused_in_one_line(run_cli: CliRun) -> None:
    refused = run_cli("experiment", "start", "ibuprofen")
    assert refused.exit_code != 0
    assert refused.stderr.strip().count("\n") == 0
    assert "step: must be one of caffeine_off" in refused.stderr
    missing = run_cli("experiment", "status")
    assert missing.exit_code != 0 and "no experiment yet" in missing.stderr
