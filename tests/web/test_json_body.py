"""The API's JSON bodies: the C encoder's quick path and the walk for NaN and dates agree."""

from __future__ import annotations

import json
import math
from datetime import date

from twitchguide.web.api import _finite, _json


def test_a_figure_that_could_not_be_computed_is_null_and_a_date_is_iso() -> None:
    body = _json({"mean": math.nan, "high": [1.5, math.inf], "day": date(2026, 3, 4)}).body
    assert json.loads(body) == {"mean": None, "high": [1.5, None], "day": "2026-03-04"}


def test_plain_data_takes_the_quick_path_with_the_same_bytes() -> None:
    data = [{"id": 1, "note": "NaN is a word here", "intensity": 2.5, "tags": ("a", "b")}]
    assert _json(data, 201).body == _json(_finite(data)).body
    assert _json(data, 201).status_code == 201
