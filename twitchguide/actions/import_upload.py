"""Importing a backup that arrives as bytes (a file uploaded to the web app), all or nothing."""

from __future__ import annotations

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import ImportSummary
from twitchguide.errors import InvalidInput


def import_document(ctx: ActionContext, data: bytes) -> ImportSummary:
    """Import a JSON export's bytes, as `import_backup` imports a file: every record, or none."""
    import json

    from twitchguide.store.backup import import_document as import_checked

    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput("file", "is not text; choose a Twitchguide JSON export") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(
            "file", f"is not a Twitchguide JSON export (not JSON: {error.msg}, line {error.lineno})"
        ) from None
    counts = import_checked(ctx.store.whole_store, ctx.user, document)
    ctx.store.refresh()
    return ImportSummary(counts)
