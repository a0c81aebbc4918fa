"""Password hashes: argon2id with argon2-cffi's defaults (RFC 9106's low-memory profile)."""

from __future__ import annotations

from functools import cache
from typing import Any

MIN_LENGTH = 10
MAX_LENGTH = 256


@cache
def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id, t=3, m=64 MiB, p=4: 150-450 ms here, at sign-in only


def check_new_password(password: str, field: str = "password") -> str:
    from twitchguide.errors import InvalidInput

    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise InvalidInput(field, f"use {MIN_LENGTH} to {MAX_LENGTH} characters")
    return password


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def verify_password(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return bool(_hasher().check_needs_rehash(stored))


@cache
def dummy_hash() -> str:
    """A hash to check against when no such account exists, so both cases take as long."""
    return hash_password("no account has this password, ever")
