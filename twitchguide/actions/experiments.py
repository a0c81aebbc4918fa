"""Self-experiment actions: start one, see and keep today's condition, progress, and the result."""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from twitchguide.actions.context import ActionContext
from twitchguide.errors import InvalidInput, NotFound
from twitchguide.insights import experiment as exp
from twitchguide.insights import experiment_power
from twitchguide.store.experiment_store import ExperimentStore, StoredExperiment

HISTORY_DAYS = 120
SAFETY = (
    "This experiment does not replace a doctor. If you feel weak or numb, or have trouble "
    "speaking, swallowing or breathing, stop and get help. If it comes on suddenly, call "
    "emergency services. Ask a doctor before you take any supplement. These experiments "
    "never use medicines."
)


@dataclass(frozen=True)
class ExperimentPlan:
    """A started experiment: its schedule and the analysis fixed before day 1."""

    id: int
    step: str
    on_label: str
    start_day: date
    end_day: date
    schedule: list[exp.PlannedDay]
    planned_analysis: str
    power_statement: str
    safety: str = SAFETY

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ExperimentToday:
    """Today's condition, and whether the person said they kept it."""

    id: int
    day: date
    day_number: int | None  # 1-based; None before the start or after the end
    total_days: int
    on: bool | None
    instruction: str
    kept: bool | None
    counted: bool = False  # False on a wash-out day: kept as planned, but not in the result

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ExperimentStatus:
    """Progress so far, with the interim figures of the planned analysis."""

    id: int
    step: str
    start_day: date
    end_day: date
    days_done: int
    days_kept: int
    days_not_kept: int
    days_unanswered: int
    finished: bool
    planned_analysis: str
    power_statement: str
    result: exp.ExperimentResult

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def start_experiment(
    ctx: ActionContext,
    step: str,
    *,
    pairs: int = exp.DEFAULT_PAIRS,
    block_days: int = exp.DEFAULT_BLOCK_DAYS,
    seed: int | None = None,
) -> ExperimentPlan:
    """Draw and record a schedule starting tomorrow, with the power statement and the analysis."""
    exp.check_design_inputs(step, pairs, block_days)
    today = ctx.clock.today()
    experiments = _experiments(ctx)
    running = experiments.current()
    if running is not None and running.design.end_day >= today:
        raise InvalidInput(
            "step",
            "an experiment is already running until "
            f"{running.design.end_day.isoformat()}; one at a time",
        )
    design = exp.make_design(
        step,
        today + timedelta(days=1),
        secrets.randbelow(2**31) if seed is None else seed,
        pairs=pairs,
        block_days=block_days,
    )
    past = _outcomes(ctx, today - timedelta(days=HISTORY_DAYS), today)
    history = experiment_power.history_pairs(past, block_days, design.washout_days)
    analysis = exp.planned_analysis(design)
    statement = experiment_power.power_statement(history, pairs)
    if running is not None:
        experiments.stop(running.id, today)
    new_id = experiments.add(design, analysis, statement)
    return ExperimentPlan(
        new_id,
        step,
        exp.STEPS[step].on_label,
        design.start_day,
        design.end_day,
        exp.schedule(design),
        analysis,
        statement,
    )


def experiment_today(ctx: ActionContext, kept: bool | None = None) -> ExperimentToday:
    """Today's condition; with `kept`, first record whether the person kept it."""
    today = ctx.clock.today()
    experiments = _experiments(ctx)
    current = _current(experiments)
    planned = {d.day: d for d in exp.schedule(current.design)}
    day = planned.get(today)
    step = exp.STEPS[current.design.step]
    if kept is not None:
        if day is None:
            raise InvalidInput("kept", "today is not a day of the experiment")
        experiments.set_kept(current.id, today, kept)
        current = _current(experiments)
    if day is None:
        before = today < current.design.start_day
        starts = current.design.start_day
        when = "tomorrow, " if starts == today + timedelta(days=1) else ""
        instruction = (
            f"The experiment starts {when}on {starts.isoformat()}: nothing to change today."
            if before
            else "The experiment is over: see `result`."
        )
        return ExperimentToday(
            current.id, today, None, current.design.days, None, instruction, None
        )
    number = (today - current.design.start_day).days + 1
    instruction = step.on_today if day.on else step.off_today
    return ExperimentToday(
        current.id,
        today,
        number,
        current.design.days,
        day.on,
        instruction,
        current.kept.get(today),
        day.analysed,
    )


def experiment_status(ctx: ActionContext) -> ExperimentStatus:
    """Days done and kept so far, and the planned analysis run on what is there."""
    today = ctx.clock.today()
    experiments = _experiments(ctx)
    stored = experiments.latest()
    if stored is None:
        raise NotFound("no experiment yet; start one with `experiment start`")
    design = stored.design
    last = min(today, design.end_day, stored.stopped_on or design.end_day)
    done = [d for d in exp.schedule(design) if d.day <= last]
    kept = sum(stored.kept.get(d.day) is True for d in done)
    not_kept = sum(stored.kept.get(d.day) is False for d in done)
    outcomes = _outcomes(ctx, design.start_day, last) if done else []
    result = exp.analyse(design, _with_kept(outcomes, stored))
    return ExperimentStatus(
        stored.id,
        design.step,
        design.start_day,
        design.end_day,
        len(done),
        kept,
        not_kept,
        len(done) - kept - not_kept,
        today > design.end_day or stored.stopped_on is not None,
        stored.planned_analysis,
        stored.power_statement,
        result,
    )


def _current(experiments: ExperimentStore) -> StoredExperiment:
    current = experiments.current()
    if current is None:
        raise NotFound("no experiment running; start one with `experiment start`")
    return current


def _experiments(ctx: ActionContext) -> ExperimentStore:
    return ExperimentStore(ctx.store.whole_store.database, ctx.user.user_id)


def _outcomes(ctx: ActionContext, start: date, end: date) -> list[tuple[date, exp.DayOutcome]]:
    """Each diary day's episodes, hours and whether it was logged, from the daily table."""
    from twitchguide.insights.daily_table import build_daily_table

    if end < start:
        return []
    table = build_daily_table(ctx.store.load_diary(since=start), start, end)
    return [
        (day, exp.DayOutcome(int(count), float(hours), bool(logged), None))
        for day, count, hours, logged in zip(
            table.days, table.episodes, table.hours, table.observed, strict=True
        )
    ]


def _with_kept(
    outcomes: list[tuple[date, exp.DayOutcome]], stored: StoredExperiment
) -> dict[date, exp.DayOutcome]:
    return {
        day: dataclasses.replace(outcome, kept=stored.kept.get(day)) for day, outcome in outcomes
    }
