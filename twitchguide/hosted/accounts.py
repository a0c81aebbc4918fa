"""Accounts: sign-up, sign-in with limits, sessions, passwords, reset tokens, invites, deletion.

Every function takes the owner's connection: these steps run before anyone is signed in.
Tokens are random; only their SHA-256 is stored, so a copy of the database opens nothing.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from twitchguide.clock import utc_now
from twitchguide.errors import InvalidInput, NotFound
from twitchguide.hosted import passwords
from twitchguide.store.database import Database
from twitchguide.store.diary_store import DiaryStore, UserSettings

SESSION_DAYS = 30
RESET_HOURS = 24
INVITE_DAYS = 7
ACCOUNT_FAILURES = 5  # per account name in the window, then locked
ADDRESS_FAILURES = 20  # per client address in the window
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_TIME = timedelta(minutes=15)
API_TOKEN_PREFIX = "tgapi_"
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
WRONG = "the name or password is wrong"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def check_name(name: str) -> str:
    name = name.strip().lower()
    if not _NAME.match(name):
        raise InvalidInput("name", "3 to 40 characters: letters, digits, '.', '_' or '-'")
    return name


def audit(db: Database, owner_id: int | None, event: str, detail: str = "") -> None:
    db.execute(
        "INSERT INTO audit_log (owner_id, at, event, detail) VALUES (?, ?, ?, ?)",
        (owner_id, utc_now(), event, detail),
    )


# --- accounts ---------------------------------------------------------------------------------


def create_account(
    db: Database,
    name: str,
    password: str,
    *,
    timezone: str = "UTC",
    invite: str | None = None,
    invite_only: bool = False,
    is_admin: bool = False,
) -> int:
    """A new person with a password; under invite-only sign-up the invite is used up."""
    name = check_name(name)
    hashed = passwords.hash_password(passwords.check_new_password(password))
    now = utc_now()
    with db.transaction():
        if invite_only:
            used = db.query(
                "UPDATE invites SET used_at = ? "
                "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING id",
                (now, token_hash(invite or ""), now),
            )
            if not used:
                raise InvalidInput("invite", "this server needs a valid invite to sign up")
        if db.query("SELECT 1 FROM users WHERE name = ?", (name,)):
            raise InvalidInput("name", "is taken; choose another")
        user = DiaryStore(db).user(name, timezone=timezone)
        db.execute(
            "INSERT INTO accounts (owner_id, password_hash, is_admin, created_at, "
            "password_changed_at) VALUES (?, ?, ?, ?, ?)",
            (user.user_id, hashed, is_admin, now, now),
        )
        audit(db, user.user_id, "signup")
    return user.user_id


def account_id(db: Database, name: str) -> int:
    rows = db.query(
        "SELECT u.id FROM users u JOIN accounts a ON a.owner_id = u.id WHERE u.name = ?",
        (name.strip().lower(),),
    )
    if not rows:
        raise NotFound(f"there is no account named '{name}'")
    return int(rows[0]["id"])


def delete_account(db: Database, user_id: int) -> None:
    """The person and every row that is theirs (the foreign keys cascade); one anonymous line
    stays in the audit log saying an account was deleted, naming no one."""
    with db.transaction():
        db.execute(
            "DELETE FROM login_limits "
            "WHERE limit_key = 'account:' || (SELECT name FROM users WHERE id = ?)",
            (user_id,),
        )
        db.execute("DELETE FROM users WHERE id = ?", (user_id,))
        audit(db, None, "account_deleted")


# --- signing in -------------------------------------------------------------------------------


def authenticate(db: Database, name: str, password: str, address: str) -> int:
    """The account's id when the password is right; InvalidInput otherwise (and when locked)."""
    keys = [f"account:{name.strip().lower()}", f"address:{address}"]
    now = utc_now()
    locked = db.query(
        "SELECT 1 FROM login_limits WHERE limit_key IN (?, ?) AND locked_until > ?",
        (*keys, now),
    )
    if locked:
        raise InvalidInput(
            "password", f"too many wrong tries; wait {int(LOCK_TIME.seconds / 60)} minutes"
        )
    rows = db.query(
        "SELECT a.owner_id, a.password_hash FROM accounts a JOIN users u ON u.id = a.owner_id "
        "WHERE u.name = ?",
        (name.strip().lower(),),
    )
    stored = rows[0]["password_hash"] if rows else passwords.dummy_hash()
    if not passwords.verify_password(stored, password) or not rows:
        _count_failure(db, keys[0], ACCOUNT_FAILURES, now)
        _count_failure(db, keys[1], ADDRESS_FAILURES, now)
        if rows:
            audit(db, int(rows[0]["owner_id"]), "login_failed", address)
        raise InvalidInput("password", WRONG)
    user_id = int(rows[0]["owner_id"])
    db.execute("DELETE FROM login_limits WHERE limit_key = ?", (keys[0],))
    if passwords.needs_rehash(stored):
        _set_password(db, user_id, password)
    audit(db, user_id, "login", address)
    return user_id


def _count_failure(db: Database, key: str, limit: int, now: datetime) -> None:
    window_start = now - FAILURE_WINDOW
    rows = db.query(
        "INSERT INTO login_limits (limit_key, failures, first_failure_at) VALUES (?, 1, ?) "
        "ON CONFLICT (limit_key) DO UPDATE SET "
        "failures = CASE WHEN login_limits.first_failure_at < ? THEN 1 "
        "ELSE login_limits.failures + 1 END, "
        "first_failure_at = CASE WHEN login_limits.first_failure_at < ? "
        "THEN EXCLUDED.first_failure_at ELSE login_limits.first_failure_at END "
        "RETURNING failures",
        (key, now, window_start, window_start),
    )
    if rows and int(rows[0]["failures"]) >= limit:
        db.execute(
            "UPDATE login_limits SET locked_until = ? WHERE limit_key = ?", (now + LOCK_TIME, key)
        )


def new_session(db: Database, user_id: int) -> str:
    token, hashed = new_token()
    now = utc_now()
    # Sign-in is rare and already slow (argon2): the moment to clear this person's dead sessions.
    db.execute("DELETE FROM sessions WHERE owner_id = ? AND expires_at <= ?", (user_id, now))
    db.execute(
        "INSERT INTO sessions (token_hash, owner_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (hashed, user_id, now, now + timedelta(days=SESSION_DAYS)),
    )
    return token


def _settings(rows: list[dict[str, Any]]) -> UserSettings | None:
    if not rows:
        return None
    return UserSettings.from_row(rows[0])


def session_user(db: Database, token: str | None) -> UserSettings | None:
    """The settings of a live session's person (read with the session: one round trip)."""
    if not token:
        return None
    return _settings(
        db.query(
            "SELECT u.* FROM sessions s JOIN users u ON u.id = s.owner_id "
            "WHERE s.token_hash = ? AND s.expires_at > ?",
            (token_hash(token), utc_now()),
        )
    )


def end_session(db: Database, token: str | None) -> None:
    if token:
        db.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash(token),))


# --- passwords and reset tokens ---------------------------------------------------------------


def _set_password(db: Database, user_id: int, password: str) -> None:
    db.execute(
        "UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE owner_id = ?",
        (passwords.hash_password(password), utc_now(), user_id),
    )


def change_password(db: Database, user_id: int, current: str, new: str) -> None:
    """A new password when the current one is right; every other session ends."""
    passwords.check_new_password(new, "new_password")
    rows = db.query("SELECT password_hash FROM accounts WHERE owner_id = ?", (user_id,))
    if not rows or not passwords.verify_password(rows[0]["password_hash"], current):
        raise InvalidInput("current_password", "is not your current password")
    with db.transaction():
        _set_password(db, user_id, new)
        db.execute("DELETE FROM sessions WHERE owner_id = ?", (user_id,))
        audit(db, user_id, "password_changed")


def issue_reset_token(db: Database, name: str) -> str:
    """A one-time token (valid a day) an administrator hands to the person."""
    user_id = account_id(db, name)
    token, hashed = new_token()
    now = utc_now()
    db.execute(
        "INSERT INTO reset_tokens (token_hash, owner_id, created_at, expires_at) "
        "VALUES (?, ?, ?, ?)",
        (hashed, user_id, now, now + timedelta(hours=RESET_HOURS)),
    )
    audit(db, user_id, "reset_token_issued")
    return token


def use_reset_token(db: Database, token: str, new_password: str) -> int:
    passwords.check_new_password(new_password, "new_password")
    now = utc_now()
    with db.transaction():
        rows = db.query(
            "UPDATE reset_tokens SET used_at = ? "
            "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING owner_id",
            (now, token_hash(token), now),
        )
        if not rows:
            raise InvalidInput("token", "this reset token is unknown, used or out of date")
        user_id = int(rows[0]["owner_id"])
        _set_password(db, user_id, new_password)
        db.execute("DELETE FROM sessions WHERE owner_id = ?", (user_id,))
        db.execute(
            "DELETE FROM login_limits "
            "WHERE limit_key = 'account:' || (SELECT name FROM users WHERE id = ?)",
            (user_id,),
        )
        audit(db, user_id, "password_reset")
    return user_id


def create_invite(db: Database) -> str:
    token, hashed = new_token()
    now = utc_now()
    db.execute(
        "INSERT INTO invites (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
        (hashed, now, now + timedelta(days=INVITE_DAYS)),
    )
    return token


# --- API tokens -------------------------------------------------------------------------------


def create_api_token(db: Database, user_id: int, label: str) -> str:
    label = label.strip()[:80] or "API token"
    token, _ = new_token()
    token = API_TOKEN_PREFIX + token
    db.execute(
        "INSERT INTO api_tokens (token_hash, owner_id, label, created_at) VALUES (?, ?, ?, ?)",
        (token_hash(token), user_id, label, utc_now()),
    )
    audit(db, user_id, "api_token_created", label)
    return token


def api_token_user(db: Database, token: str) -> UserSettings | None:
    """The settings of a live API token's person, or None."""
    return _settings(
        db.query(
            "SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.owner_id "
            "WHERE t.token_hash = ? AND t.revoked_at IS NULL",
            (token_hash(token),),
        )
    )


def revoke_api_token(db: Database, user_id: int, token_id: int) -> None:
    rows = db.query(
        "UPDATE api_tokens SET revoked_at = ? "
        "WHERE id = ? AND owner_id = ? AND revoked_at IS NULL RETURNING id",
        (utc_now(), token_id, user_id),
    )
    if not rows:
        raise NotFound(f"there is no API token with id {token_id}")
    audit(db, user_id, "api_token_revoked", str(token_id))
