"""`twitchguide report`: the doctor report as a PDF (or HTML) file; parse, one action, one line."""

from __future__ import annotations

from pathlib import Path

import click

from twitchguide.cli.context import action_context, json_option


@click.command()
@click.option("--from", "start", metavar="DATE", help="First day: 2026-06-01, 90d, 'last month' "
              "(default: the diary's first record).")  # fmt: skip
@click.option("--to", "end", metavar="DATE", help="Last day (default: today).")
@click.option(
    "--sections",
    default="all",
    show_default=True,
    help="Comma-separated: summary, timeline, factors, symptoms, strength, relief, notes.",
)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--format", "format_", type=click.Choice(["pdf", "html"]), default="pdf",
              show_default=True)  # fmt: skip
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="File to write (default: twitch-report-FROM-to-TO.pdf here).")  # fmt: skip
@json_option
@click.pass_context
def report(
    ctx: click.Context,
    start: str | None,
    end: str | None,
    sections: str,
    paper: str,
    format_: str,
    out: Path | None,
    as_json: bool,
) -> None:
    """A report to take to your doctor: page 1 is a one-page summary, detail pages follow.

    Example: twitchguide report --from 90d --out report.pdf
    """
    from twitchguide.actions.report import report_options, write_report
    from twitchguide.cli.output import echo_json

    actions = action_context(ctx)
    options = report_options(
        actions, start=start, end=end, sections=sections, paper=paper, format_=format_
    )
    rendered, target = write_report(actions, options, out)
    if as_json:
        echo_json({**rendered.to_json(), "path": str(target)})
        return
    counts = rendered.report.counts()
    click.echo(
        f"Wrote {target}: {rendered.report.period}, {counts['episodes']} episodes, "
        f"{counts['medicines']} medicines, {counts['strength_checks']} strength checks."
    )
