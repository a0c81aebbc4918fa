"""What insights and experiments say is plain enough: reading grade 8 or lower."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from twitchguide.actions.experiments import SAFETY
from twitchguide.insights import experiment as exp
from twitchguide.insights import experiment_power
from twitchguide.insights.evidence import TriggerResult, false_share
from twitchguide.insights.wording import trigger_sentence


def texts() -> dict[str, str]:
    design = exp.make_design("caffeine_off", date(2026, 3, 2), 11)
    history = experiment_power.PairHistory(0.6, 8, 0.95)
    result = exp.analyse(
        design,
        {
            d.day: exp.DayOutcome(4 if d.on else 9 + d.pair, 16.0, True, True)
            for d in exp.schedule(design)
        },
    )
    link = TriggerResult(
        "stress", "stress", 0, "+1 stress point", "likely", 1.25, 1.08, 1.45,
        days_logged=95, false_share=false_share("likely", 95),
    )  # fmt: skip
    hint = TriggerResult(
        "stress", "stress", 0, "+1 stress point", "possible", 1.25, 1.02, 1.45,
        days_logged=95, false_share=false_share("possible", 95),
    )  # fmt: skip
    return {
        "planned analysis": exp.planned_analysis(design),
        "power statement": experiment_power.power_statement(history, 8),
        "safety": SAFETY,
        "result": result.wording,
        "likely": trigger_sentence(link),
        "possible": trigger_sentence(hint),
    }


def test_reading_grade_is_8_or_lower(fk_grade: Callable[[str], float]) -> None:
    grades = {name: fk_grade(text) for name, text in texts().items()}
    assert all(grade <= 8.0 for grade in grades.values()), str(grades)
