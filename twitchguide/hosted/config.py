"""Hosted mode's settings: from the environment, or a TOML file, read once at start."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from twitchguide.errors import InvalidInput

DEFAULT_APP_ROLE = "twitchguide_app"
MIN_SECRET_LENGTH = 32
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
ENV_PREFIX = "TWITCHGUIDE_"


@dataclass(frozen=True)
class HostedConfig:
    """What a hosted instance needs; every instance behind one load balancer has the same."""

    database_url: str
    secret_key: str
    app_role: str = DEFAULT_APP_ROLE
    signup: str = "open"  # "open": anyone may sign up; "invite": only with an admin's invite
    workers: int = 2

    @property
    def invite_only(self) -> bool:
        return self.signup == "invite"


def load_config(
    path: str | Path | None = None, *, database_url: str | None = None, need_secret: bool = True
) -> HostedConfig:
    """The settings from a TOML file (if given) overridden by TWITCHGUIDE_* variables.

    Raises InvalidInput naming the missing or wrong setting, in one line.
    """
    values: dict[str, object] = {}
    if path is None:
        path = os.environ.get(ENV_PREFIX + "HOSTED_CONFIG") or None
    if path is not None:
        try:
            values.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except OSError as error:
            raise InvalidInput("--config", f"cannot read {path}: {error.strerror}") from None
        except tomllib.TOMLDecodeError as error:
            raise InvalidInput("--config", f"{path} is not valid TOML: {error}") from None
    for key in ("database_url", "secret_key", "app_role", "signup", "workers"):
        env = os.environ.get(ENV_PREFIX + key.upper())
        if env:
            values[key] = env
    if database_url:
        values["database_url"] = database_url
    database_url = str(values.get("database_url") or "")
    if not database_url.startswith(("postgresql://", "postgres://")):
        raise InvalidInput(
            "TWITCHGUIDE_DATABASE_URL",
            "hosted mode needs a PostgreSQL URL, e.g. postgresql://owner@127.0.0.1:5432/twitchguide",
        )
    secret_key = str(values.get("secret_key") or "")
    if need_secret and len(secret_key) < MIN_SECRET_LENGTH:
        raise InvalidInput(
            "TWITCHGUIDE_SECRET_KEY",
            f"hosted mode needs a secret key of at least {MIN_SECRET_LENGTH} characters; "
            'make one with: python -c "import secrets; print(secrets.token_urlsafe(48))"',
        )
    app_role = str(values.get("app_role") or DEFAULT_APP_ROLE)
    if not _ROLE_NAME.match(app_role):
        raise InvalidInput("TWITCHGUIDE_APP_ROLE", "lower-case letters, digits and _ only")
    signup = str(values.get("signup") or "open")
    if signup not in ("open", "invite"):
        raise InvalidInput("TWITCHGUIDE_SIGNUP", "'open' or 'invite'")
    try:
        given = values.get("workers")
        workers = int(str(given)) if given is not None and given != "" else 2
    except ValueError:
        workers = 0
    if not 1 <= workers <= 64:
        raise InvalidInput("TWITCHGUIDE_WORKERS", "a whole number from 1 to 64")
    return HostedConfig(database_url, secret_key, app_role, signup, workers)
