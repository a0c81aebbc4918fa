"""`twitchguide experiment start|today|status|result`: parse, call one action, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from twitchguide.cli.context import action_context, json_option
from twitchguide.cli.output import echo_json
from twitchguide.wording import counted

if TYPE_CHECKING:
    from twitchguide.actions.experiments import ExperimentStatus


@click.group()
def experiment() -> None:
    """Test one suspected trigger or relief step with a randomised on/off schedule."""


@experiment.command()
@click.argument("step", metavar="STEP")
@click.option("--pairs", type=int, default=8, show_default=True, help="pairs of blocks (7 or 8)")
@click.option(
    "--block-days",
    type=int,
    default=6,
    show_default=True,
    help="days a block (2-7; 3-7 with a wash-out day)",
)
@json_option
@click.pass_context
def start(ctx: click.Context, step: str, pairs: int, block_days: int, as_json: bool) -> None:
    """Start an experiment tomorrow. STEP: caffeine_off, magnesium_food, sleep_window,
    no_alcohol or stretch_before_bed."""
    from twitchguide.actions.experiments import start_experiment

    plan = start_experiment(
        action_context(ctx),
        step.strip().lower().replace("-", "_"),
        pairs=pairs,
        block_days=block_days,
    )
    if as_json:
        echo_json(plan.to_json())
        return
    lines = [
        f"Experiment: {plan.on_label}, {plan.start_day.isoformat()} to {plan.end_day.isoformat()}",
        "",
        "Schedule (decided at random now, and kept on record):",
    ]
    blocks: list[str] = []
    for day in plan.schedule:
        label = plan.on_label if day.on else "as usual"
        if not blocks or not blocks[-1].endswith(label):
            blocks.append(f"  from {day.day.isoformat()}: {label}")
    lines += blocks
    lines += [
        "",
        "How the result will be worked out (fixed before day 1):",
        f"  {plan.planned_analysis}",
        "",
        f"  {plan.power_statement}",
        "",
        f"  {plan.safety}",
        "",
        "Each day: `twitchguide experiment today` shows that day's plan; add --kept or "
        "--not-kept to say how it went. Keep logging your twitches as usual.",
    ]
    click.echo("\n".join(lines))


@experiment.command()
@click.option("--kept/--not-kept", default=None, help="Say whether you kept today's plan.")
@json_option
@click.pass_context
def today(ctx: click.Context, kept: bool | None, as_json: bool) -> None:
    """Today's plan, and record whether you kept it."""
    from twitchguide.actions.experiments import experiment_today

    view = experiment_today(action_context(ctx), kept)
    if as_json:
        echo_json(view.to_json())
        return
    if view.day_number is None:
        click.echo(view.instruction)
        return
    answer = {True: "you kept it", False: "you did not keep it", None: "not answered yet"}
    settling = "" if view.counted else " (A settling-in day: follow it, but it is not counted.)"
    click.echo(
        f"Day {view.day_number} of {view.total_days}: {view.instruction}{settling}\n"
        f"Today so far: {answer[view.kept]}."
        + ("" if view.kept is not None else " Later, run it again with --kept or --not-kept.")
    )


@experiment.command()
@json_option
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Progress: days done, kept and not kept, and the result so far."""
    from twitchguide.actions.experiments import experiment_status

    progress = experiment_status(action_context(ctx))
    if as_json:
        echo_json(progress.to_json())
        return
    click.echo(
        f"Experiment {progress.step.replace('_', ' ')}: "
        f"{progress.start_day.isoformat()} to {progress.end_day.isoformat()}\n"
        f"  {counted(progress.days_done, 'day')} done: {progress.days_kept} kept, "
        f"{progress.days_not_kept} not kept, {progress.days_unanswered} not answered.\n"
        f"  {progress.power_statement}\n"
        f"  So far: {progress.result.wording}"
    )


@experiment.command()
@json_option
@click.pass_context
def result(ctx: click.Context, as_json: bool) -> None:
    """The result: how twitching differed with the step, with a range."""
    from twitchguide.actions.experiments import experiment_status

    progress = experiment_status(action_context(ctx))
    if as_json:
        echo_json(progress.to_json())
        return
    click.echo(render_result(progress))


def render_result(progress: ExperimentStatus) -> str:
    """The result with what it rests on; an unfinished experiment says so first."""
    lines = []
    if not progress.finished:
        lines.append(
            f"The experiment runs until {progress.end_day.isoformat()}; this is an early look, "
            "and it can change."
        )
    lines += [
        progress.result.wording,
        f"Days counted: {progress.result.days_counted}; left out as planned (not logged or "
        f"not kept): {progress.result.days_left_out}.",
        "The analysis was fixed before day 1: " + progress.planned_analysis,
        "This shows what went with the change for you in this experiment, not a diagnosis.",
    ]
    return "\n".join(lines)
