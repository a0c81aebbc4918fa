"""Clinician share links: a read-only view of one period, expiring, revocable, every view logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from twitchguide.clock import utc_now
from twitchguide.errors import InvalidInput, NotFound
from twitchguide.hosted.accounts import audit, new_token, token_hash
from twitchguide.store.database import Database

DEFAULT_DAYS = 14
MAX_DAYS = 90


@dataclass(frozen=True)
class Share:
    """One link as its owner sees it (the token itself is shown once, when made)."""

    id: int
    owner_id: int
    owner_name: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    period_start: date
    period_end: date
    views: tuple[datetime, ...] = ()

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.expires_at > utc_now()


def create_share(
    db: Database, user_id: int, start: date, end: date, days: int = DEFAULT_DAYS
) -> str:
    if end < start:
        raise InvalidInput("to", "is before 'from'; give a period that runs forwards")
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput("days", f"a link lasts 1 to {MAX_DAYS} days")
    token, hashed = new_token()
    now = utc_now()
    db.execute(
        "INSERT INTO share_links (token_hash, owner_id, created_at, expires_at, period_start, "
        "period_end) VALUES (?, ?, ?, ?, ?, ?)",
        (hashed, user_id, now, now + timedelta(days=days), start, end),
    )
    audit(db, user_id, "share_created", f"{start} to {end}")
    return token


def _share(row: dict[str, object], views: tuple[datetime, ...] = ()) -> Share:
    return Share(
        id=int(str(row["id"])),
        owner_id=int(str(row["owner_id"])),
        owner_name=str(row["name"]),
        created_at=row["created_at"],  # type: ignore[arg-type]
        expires_at=row["expires_at"],  # type: ignore[arg-type]
        revoked_at=row["revoked_at"],  # type: ignore[arg-type]
        period_start=row["period_start"],  # type: ignore[arg-type]
        period_end=row["period_end"],  # type: ignore[arg-type]
        views=views,
    )


_SELECT = (
    "SELECT s.id, s.owner_id, u.name, s.created_at, s.expires_at, s.revoked_at, "
    "s.period_start, s.period_end FROM share_links s JOIN users u ON u.id = s.owner_id "
)


def open_share(db: Database, token: str) -> Share:
    """The live link a token names, its view logged; the same NotFound for unknown, expired
    and revoked, so a guess learns nothing."""
    rows = db.query(
        _SELECT + "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?",
        (token_hash(token), utc_now()),
    )
    if not rows:
        raise NotFound("this link is unknown, out of date or was withdrawn")
    share = _share(rows[0])
    db.execute(
        "INSERT INTO share_views (share_id, owner_id, viewed_at) VALUES (?, ?, ?)",
        (share.id, share.owner_id, utc_now()),
    )
    audit(db, share.owner_id, "share_viewed", f"link {share.id}")
    return share


def shares_of(db: Database, user_id: int) -> list[Share]:
    """The person's links, newest first, each with when it was opened (RLS-safe: own rows)."""
    rows = db.query(_SELECT + "WHERE s.owner_id = ? ORDER BY s.id DESC", (user_id,))
    views: dict[int, list[datetime]] = {}
    for view in db.query(
        "SELECT share_id, viewed_at FROM share_views WHERE owner_id = ? ORDER BY viewed_at DESC",
        (user_id,),
    ):
        views.setdefault(int(view["share_id"]), []).append(view["viewed_at"])
    return [_share(row, tuple(views.get(int(row["id"]), ()))) for row in rows]


def revoke_share(db: Database, user_id: int, share_id: int) -> None:
    rows = db.query(
        "UPDATE share_links SET revoked_at = ? "
        "WHERE id = ? AND owner_id = ? AND revoked_at IS NULL RETURNING id",
        (utc_now(), share_id, user_id),
    )
    if not rows:
        raise NotFound(f"there is no live share link with id {share_id}")
    audit(db, user_id, "share_revoked", f"link {share_id}")


def audit_of(db: Database, user_id: int, limit: int = 100) -> list[dict[str, object]]:
    return db.query(
        "SELECT at, event, detail FROM audit_log WHERE owner_id = ? ORDER BY id DESC LIMIT ?",
        (user_id, limit),
    )
