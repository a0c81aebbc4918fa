"""`export` and `import`: a whole diary out as JSON or CSV, and back in all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import click

from twitchguide.cli.context import action_context
from twitchguide.diary.records import DAILY_FACTORS, RECORD_KINDS, RecordKind
from twitchguide.errors import InvalidInput
from twitchguide.wording import counted


@click.command()
@click.option(
    "--format",
    "format_",
    type=click.Choice(["json", "csv", "fhir"]),
    default="json",
    show_default=True,
    help="json: one document with everything (for backups); csv: one spreadsheet file per "
    "record kind; fhir: a FHIR R4 Bundle for health records (docs/fhir.md)",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="file (json, fhir) or folder (csv); json goes to standard output without it",
)
@click.pass_context
def export(ctx: click.Context, format_: str, output: Path | None) -> None:
    """Export the whole diary as JSON, CSV or a FHIR R4 Bundle.

    Example: twitchguide export --format json > backup.json
    """
    from twitchguide.actions import backup

    actions = action_context(ctx)
    if format_ == "json" and output is None:
        click.echo(backup.export_json(actions), nl=False)
        return
    if output is None and format_ == "fhir":
        raise InvalidInput("output", "FHIR export needs a file, e.g. --output diary-fhir.json")
    if output is None:
        raise InvalidInput("output", "CSV export needs a folder, e.g. --output twitch-csv")
    if format_ == "json":
        written = [backup.write_json_export(actions, output)]
    elif format_ == "fhir":
        written = [backup.write_fhir_export(actions, output)]
    else:
        written = backup.write_csv_export(actions, output)
    for path in written:
        click.echo(f"Wrote {path}", err=True)


@click.command(name="import")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_context
def import_(ctx: click.Context, path: Path) -> None:
    """Import a JSON export: all records or none.

    Example: twitchguide import backup.json
    """
    from twitchguide.actions.backup import import_backup

    summary = import_backup(action_context(ctx), path)
    detail = ", ".join(
        _how_many(kind, summary.counts[kind.table])
        for kind in RECORD_KINDS
        if summary.counts[kind.table]
    )
    click.echo(f"Imported {counted(summary.total, 'record')}" + (f": {detail}." if detail else "."))


def _how_many(kind: RecordKind, count: int) -> str:
    """'1 twitch episode', '3 days of factors'."""
    if kind is DAILY_FACTORS:
        return counted(count, "day of factors", "days of factors")
    return counted(count, kind.singular)
