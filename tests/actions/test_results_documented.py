"""Every typed result is described in docs/json.md."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path

from twitchguide.actions import results


def test_every_result_shape_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "json.md").read_text(encoding="utf-8")
    shapes = [
        name
        for name, item in vars(results).items()
        if inspect.isclass(item)
        and dataclasses.is_dataclass(item)
        and item.__module__ == results.__name__
    ]
    assert len(shapes) >= 12
    assert [name for name in shapes if f"`{name}`" not in doc] == []
