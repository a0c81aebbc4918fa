"""Backups: the whole diary out as JSON or CSV, and a JSON export back in, all or nothing."""

from __future__ import annotations

from pathlib import Path

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import ImportSummary


def export_json(ctx: ActionContext) -> str:
    """Every record and setting as one versioned JSON document (docs/export-format.md)."""
    from twitchguide.store.backup import export_json as exported

    return exported(ctx.store.whole_store, ctx.user)


def write_json_export(ctx: ActionContext, path: Path) -> Path:
    """The JSON export written atomically: a failed write leaves the previous backup as it was."""
    from twitchguide.files import write_atomically

    return write_atomically(path, export_json(ctx))


def write_csv_export(ctx: ActionContext, folder: Path) -> list[Path]:
    """One spreadsheet-ready CSV file per record kind in `folder` (reports.csv)."""
    from twitchguide.actions.report import write_csv_export as spreadsheet

    return spreadsheet(ctx, folder)


def write_fhir_export(ctx: ActionContext, path: Path) -> Path:
    """The diary as a FHIR R4 Bundle in JSON, written atomically (docs/fhir.md)."""
    from twitchguide.actions.report import write_fhir_export as bundle

    return bundle(ctx, path)


def import_backup(ctx: ActionContext, path: Path) -> ImportSummary:
    """Import a JSON export into this diary: every record, or none with the reason."""
    from twitchguide.store.backup import import_file

    counts = import_file(ctx.store.whole_store, ctx.user, path)
    ctx.store.refresh()
    return ImportSummary(counts)
