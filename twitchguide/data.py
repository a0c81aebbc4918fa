"""The one way to read the data files shipped inside the package (content, rules, phrases).

Plain paths beside the modules, not importlib.resources: that import alone cost `log` ~14 ms,
and the package is always installed as files (an editable install or a wheel, never a zip).
"""

from __future__ import annotations

import os

PACKAGE_ROOT = os.path.dirname(os.path.abspath(__file__))


def data_path(*parts: str) -> str:
    """The path of a shipped file, e.g. data_path("triage", "rules.json")."""
    return os.path.join(PACKAGE_ROOT, *parts)


def read_data(*parts: str) -> str:
    """The text of a shipped file."""
    with open(data_path(*parts), encoding="utf-8") as file:
        return file.read()
