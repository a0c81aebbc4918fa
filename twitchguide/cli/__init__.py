"""The `twitchguide` command: a thin skin over the library, loading each command only when used.

Start-up is a budget: logging a twitch must not pay for the guide, the statistics or the reports,
so every command lives in its own module and is imported only when it is run or its help is shown.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, NoReturn

import click

# command name -> "module:attribute". Adding a command is one line here.
COMMANDS: dict[str, str] = {
    "log": "twitchguide.cli.diary_commands:log",
    "day": "twitchguide.cli.diary_commands:day",
    "diary": "twitchguide.cli.diary_commands:diary",
    "episode": "twitchguide.cli.records_commands:episode",
    "factors": "twitchguide.cli.records_commands:factors",
    "medication": "twitchguide.cli.records_commands:medication",
    "symptom": "twitchguide.cli.records_commands:symptom",
    "strength": "twitchguide.cli.records_commands:strength",
    "relief": "twitchguide.cli.records_commands:relief",
    "export": "twitchguide.cli.backup_commands:export",
    "import": "twitchguide.cli.backup_commands:import_",
    "settings": "twitchguide.cli.settings_commands:settings",
    "guide": "twitchguide.cli.guide_commands:guide",
    "insights": "twitchguide.cli.insights_commands:insights",
    "plan": "twitchguide.cli.insights_commands:plan",
    "check": "twitchguide.cli.check_commands:check",
    "serve": "twitchguide.cli.serve_commands:serve",
    "report": "twitchguide.cli.report_commands:report",
    "admin": "twitchguide.cli.admin_commands:admin",
    "experiment": "twitchguide.cli.experiment_commands:experiment",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--database",
    envvar="TWITCHGUIDE_DATABASE_URL",
    metavar="URL",
    help="sqlite:///path/to/file.db or postgresql://user@host/db "
    "(default: a file in your data folder; env TWITCHGUIDE_DATABASE_URL).",
)
@click.version_option(package_name="twitchguide")
@click.pass_context
def cli(ctx: click.Context, database: str | None) -> None:
    """Twitchguide: understand your muscle twitching, keep a diary, know when to see a doctor.

    Twitchguide does not replace a clinician. If you have sudden weakness, a drooping face,
    trouble speaking, swallowing or breathing, call emergency services now.
    """
    ctx.obj = {"database": database}


def main(argv: list[str] | None = None) -> Any:
    """Entry point: runs the CLI and turns every known error into one clear line."""
    from twitchguide.cli.output import run_safely

    return run_safely(cli, argv if argv is not None else sys.argv[1:])


def run() -> NoReturn:
    """The `twitchguide` console script: main(), then a quick exit.

    Python's orderly shutdown (a garbage sweep over every object, then each module torn down)
    was ~35 ms of a `log`: a quarter of it. By the time main() returns the store is closed and
    every answer printed, so the process flushes its output and ends at once. Only the console
    script does this; main() stays plain for callers in a process that lives on.
    """
    import os

    try:
        main()
        status: Any = 0
    except SystemExit as done:
        status = done.code
    if isinstance(status, str):
        sys.stderr.write(status + "\n")
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass  # the reader went away, or the stream is closed: nothing left to say
    os._exit(status if isinstance(status, int) else 0)
