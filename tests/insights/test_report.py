"""The assembled report: calm headline, every figure in JSON, strength in context."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import numpy as np

from twitchguide.cli.output import dumps
from twitchguide.diary.records import StrengthCheck
from twitchguide.diary.snapshot import Diary
from twitchguide.insights.report import build_insights

D0 = date(2026, 3, 2)


def steady_diary(build: SimpleNamespace, days: int = 45, rate: float = 6.0) -> Diary:
    rng = np.random.default_rng(1)
    episodes = []
    rows = []
    for d in range(days):
        day = D0 + timedelta(days=d)
        at = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
        episodes += [
            build.episode(at + timedelta(minutes=20 * k)) for k in range(rng.poisson(rate))
        ]
        rows.append(
            build.factors_row(
                day, stress=int(rng.integers(1, 6)), sleep_hours=float(rng.normal(7, 1))
            )
        )
    return Diary(episodes=episodes, days=rows)


def grip_check(build: SimpleNamespace, day: int, kg: float, heel: str = "pass") -> StrengthCheck:
    at = datetime(2026, 3, 2, 12, tzinfo=UTC) + timedelta(days=day)
    return StrengthCheck(build.stamps(), at, kg, kg, kg, 40.0, 40.0, 40.0, heel_walk=heel)


def test_steady_diary_leads_with_no_meaningful_change(build: SimpleNamespace) -> None:
    report = build_insights(steady_diary(build))
    assert report.headline[0] == "No meaningful change in the last 14 days."
    assert report.triggers.days_logged == 45
    assert report.strength.wording == "No strength checks logged in this period."


def test_json_has_every_section_and_trigger_fields(build: SimpleNamespace) -> None:
    data = json.loads(dumps(build_insights(steady_diary(build)).to_dict()))
    assert set(data) == {"headline", "patterns", "triggers", "strength"}
    result = data["triggers"]["results"][0]
    for key in (
        "factor",
        "lag_days",
        "contrast",
        "rate_ratio",
        "ci_low",
        "ci_high",
        "evidence",
        "wording",
    ):
        assert key in result
    assert data["patterns"]["last_14_days"]["direction"] == "no_meaningful_change"
    assert data["strength"]["grip"]["flagged"] is False


def test_wording_never_claims_cause(build: SimpleNamespace) -> None:
    report = build_insights(steady_diary(build))
    text = " ".join(report.headline + [r.wording for r in report.triggers.results])
    for sentence in re.split(r"(?<=\.) ", text):
        if "cause" in sentence:
            assert "not" in sentence, sentence


def test_grip_decline_and_failed_heel_walk_are_reported_calmly(build: SimpleNamespace) -> None:
    diary = steady_diary(build)
    checks = [grip_check(build, d, 40.0) for d in (0, 7, 14)]
    checks += [grip_check(build, 21, 30.0, heel="fail"), grip_check(build, 28, 30.0)]
    report = build_insights(Diary(episodes=diary.episodes, days=diary.days, strength_checks=checks))
    assert report.strength.grip.flagged and report.strength.grip.left.declined
    assert report.strength.heel_walk_failed_on == [D0 + timedelta(days=21)]
    assert "worth showing a doctor" in report.strength.wording
    assert "not a diagnosis" in report.strength.wording
    assert "marked as failed on 1 check;" in report.strength.wording
    assert report.to_dict()["strength"]["grip"]["left"]["change_fraction"] < -0.2


def test_period_limits_every_section(build: SimpleNamespace) -> None:
    report = build_insights(steady_diary(build), start=D0 + timedelta(days=30))
    assert report.patterns.start == D0 + timedelta(days=30)
    assert report.triggers.days_logged == 15
    assert all(r.evidence == "not_enough_data" for r in report.triggers.results)


def test_a_diary_without_twitches_says_so_plainly(build: SimpleNamespace) -> None:
    rows = [build.factors_row(D0 + timedelta(days=d), sleep_hours=7.0) for d in range(3)]
    report = build_insights(Diary(days=rows))
    assert "No twitches logged on 3 logged days." in report.headline
    assert not any("0.0 a day" in line for line in report.headline)
