"""Triage test fixtures: the offline reading-grade fixture is shared with the guide tests."""

from __future__ import annotations

from tests.guide.conftest import fk_grade

__all__ = ["fk_grade"]
