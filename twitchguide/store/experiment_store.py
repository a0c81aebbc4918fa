"""SQL for self-experiments: the design recorded before day 1, and each day's adherence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from twitchguide.clock import utc_now
from twitchguide.insights.experiment import Design
from twitchguide.store.database import Database


@dataclass(frozen=True)
class StoredExperiment:
    """An experiment as recorded: its design, the words fixed before day 1, and its days."""

    id: int
    design: Design
    planned_analysis: str
    power_statement: str
    created_at: datetime
    stopped_on: date | None
    kept: dict[date, bool]


class ExperimentStore:
    """Experiments of one owner; every query is scoped to that owner."""

    def __init__(self, database: Database, owner_id: int) -> None:
        self.database = database
        self.owner_id = owner_id

    def add(self, design: Design, planned_analysis: str, power_statement: str) -> int:
        """Record a new experiment (its whole design and planned analysis) and return its id."""
        with self.database.transaction():
            self.database.execute(
                "INSERT INTO experiments (owner_id, created_at, step, seed, pairs, block_days, "
                "washout_days, first_on, start_day, analysis, planned_analysis, power_statement) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.owner_id,
                    self._instant(utc_now()),
                    design.step,
                    design.seed,
                    design.pairs,
                    design.block_days,
                    design.washout_days,
                    "".join("1" if on else "0" for on in design.first_on),
                    self._date(design.start_day),
                    design.analysis,
                    planned_analysis,
                    power_statement,
                ),
            )
            rows = self.database.query(
                "SELECT MAX(id) AS id FROM experiments WHERE owner_id = ?", (self.owner_id,)
            )
        return int(rows[0]["id"])

    def current(self) -> StoredExperiment | None:
        """The latest experiment that was not stopped, if any."""
        rows = self.database.query(
            "SELECT * FROM experiments WHERE owner_id = ? AND stopped_on IS NULL "
            "ORDER BY id DESC LIMIT 1",
            (self.owner_id,),
        )
        return self._read(rows[0]) if rows else None

    def latest(self) -> StoredExperiment | None:
        """The latest experiment, stopped or not."""
        rows = self.database.query(
            "SELECT * FROM experiments WHERE owner_id = ? ORDER BY id DESC LIMIT 1",
            (self.owner_id,),
        )
        return self._read(rows[0]) if rows else None

    def set_kept(self, experiment_id: int, day: date, kept: bool) -> None:
        """Record (or change) whether the person kept one day's condition."""
        with self.database.transaction():
            self._own(experiment_id)
            self.database.execute(
                "DELETE FROM experiment_days WHERE experiment_id = ? AND day = ?",
                (experiment_id, self._date(day)),
            )
            self.database.execute(
                "INSERT INTO experiment_days (experiment_id, day, kept, noted_at) "
                "VALUES (?, ?, ?, ?)",
                (experiment_id, self._date(day), self._bool(kept), self._instant(utc_now())),
            )

    def stop(self, experiment_id: int, day: date) -> None:
        """Mark the experiment stopped on that day (it stays on record)."""
        with self.database.transaction():
            self._own(experiment_id)
            self.database.execute(
                "UPDATE experiments SET stopped_on = ? WHERE id = ? AND owner_id = ?",
                (self._date(day), experiment_id, self.owner_id),
            )

    def _own(self, experiment_id: int) -> None:
        rows = self.database.query(
            "SELECT id FROM experiments WHERE id = ? AND owner_id = ?",
            (experiment_id, self.owner_id),
        )
        if not rows:
            from twitchguide.errors import NotFound

            raise NotFound(f"experiment {experiment_id} does not exist")

    def _read(self, row: dict[str, Any]) -> StoredExperiment:
        kept_rows = self.database.query(
            "SELECT day, kept FROM experiment_days WHERE experiment_id = ?", (row["id"],)
        )
        design = Design(
            step=str(row["step"]),
            start_day=_day(row["start_day"]),
            seed=int(row["seed"]),
            pairs=int(row["pairs"]),
            block_days=int(row["block_days"]),
            washout_days=int(row["washout_days"]),
            first_on=tuple(ch == "1" for ch in str(row["first_on"])),
            analysis=str(row["analysis"]),
        )
        return StoredExperiment(
            id=int(row["id"]),
            design=design,
            planned_analysis=str(row["planned_analysis"]),
            power_statement=str(row["power_statement"]),
            created_at=_instant(row["created_at"]),
            stopped_on=None if row["stopped_on"] is None else _day(row["stopped_on"]),
            kept={_day(r["day"]): bool(r["kept"]) for r in kept_rows},
        )

    def _date(self, value: date) -> Any:
        return value if self.database.dialect == "postgresql" else value.isoformat()

    def _bool(self, value: bool) -> Any:
        return value if self.database.dialect == "postgresql" else int(value)

    def _instant(self, value: datetime) -> Any:
        utc = value.astimezone(UTC)
        return utc if self.database.dialect == "postgresql" else utc.isoformat()


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _instant(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(str(value)).astimezone(UTC)
