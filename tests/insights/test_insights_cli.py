"""`twitchguide insights` and `twitchguide plan` through the real entry point on a SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tests.conftest import CliRun
from twitchguide.diary.records import DAILY_FACTORS, EPISODE, RELIEF_RATING, Stamps
from twitchguide.store import open_store


def _fill(database_url: str) -> None:
    """Ten days with a factors row and one calf twitch each, plus one relief rating."""
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    store = open_store(database_url)
    try:
        user = store.user("local", timezone="Europe/London")
        today = user.today()
        with store.database.transaction():
            for n in range(1, 11):
                day = today - timedelta(days=n)
                store.insert_exact(
                    DAILY_FACTORS,
                    user,
                    {"day": day, "sleep_hours": 6.0, "water_litres": 1.0, "stress": 3},
                    Stamps(n, user.user_id, stamp, stamp),
                )
                at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
                store.insert_exact(
                    EPISODE,
                    user,
                    {"started_at": at, "region": "calf", "side": "left", "ongoing": False},
                    Stamps(100 + n, user.user_id, stamp, stamp),
                )
            store.insert_exact(
                RELIEF_RATING,
                user,
                {"rated_on": today, "strategy": "stretching_and_massage", "rating": "helpful"},
                Stamps(500, user.user_id, stamp, stamp),
            )
    finally:
        store.close()


def test_insights_and_plan_on_a_short_diary(run_cli_sqlite: CliRun) -> None:
    run = run_cli_sqlite
    _fill(run.database_url)

    shown = run("insights")
    assert shown.exit_code == 0, shown.stderr
    assert "Your twitch insights" in shown.stdout
    assert "Not enough data yet" in shown.stdout
    assert "not what causes what" in shown.stdout

    data = json.loads(run("insights", "--json").stdout)
    assert data["patterns"]["episodes"] == 10
    assert data["triggers"]["days_logged"] >= 10
    first = data["triggers"]["results"][0]
    for key in ("factor", "lag_days", "contrast", "rate_ratio", "ci_low", "ci_high", "evidence"):
        assert key in first
    assert first["evidence"] == "not_enough_data"

    plan = run("plan")
    assert plan.exit_code == 0, plan.stderr
    assert "Your relief plan" in plan.stdout
    assert "1. Stretch and massage the muscle" in plan.stdout or "1. Drink enough" in plan.stdout
    plan_data = json.loads(run("plan", "--json").stdout)
    assert {item["strategy"] for item in plan_data["items"][:2]} == {
        "stretching_and_massage",
        "hydration",
    }


def test_insights_on_an_empty_diary_and_a_bad_period(run_cli_sqlite: CliRun) -> None:
    empty = run_cli_sqlite("insights")
    assert empty.exit_code == 0, empty.stderr
    assert "Not enough data yet" in empty.stdout
    bad = run_cli_sqlite("insights", "--since", "in a fortnight")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: since")


def test_one_twitch_among_quiet_days_gives_a_report_not_an_error(run_cli_sqlite: CliRun) -> None:
    # Every twitch on one side of the trend split once made the fit diverge (NaN, then a crash).
    for days_ago in range(1, 15):
        assert run_cli_sqlite("day", "--date", f"{days_ago}d ago", "--sleep", "7").exit_code == 0
    assert run_cli_sqlite("log", "calf", "--at", "15 days ago").exit_code == 0
    result = run_cli_sqlite("insights", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["patterns"]["episodes"] == 1
    assert "Warning" not in result.stderr and "Error" not in result.stderr
