"""Hosted settings: a TOML file, the environment over it, and one clear line for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from twitchguide.errors import InvalidInput
from twitchguide.hosted.config import load_config

SECRET = "s" * 40


def test_settings_from_a_file_with_the_environment_winning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DATABASE_URL", "SECRET_KEY", "APP_ROLE", "SIGNUP", "WORKERS", "HOSTED_CONFIG"):
        monkeypatch.delenv(f"TWITCHGUIDE_{name}", raising=False)
    path = tmp_path / "hosted.toml"
    path.write_text(
        f'database_url = "postgresql://owner@127.0.0.1/db"\nsecret_key = "{SECRET}"\n'
        'signup = "invite"\nworkers = 3\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert (config.signup, config.workers, config.invite_only) == ("invite", 3, True)
    monkeypatch.setenv("TWITCHGUIDE_WORKERS", "5")
    assert load_config(path).workers == 5


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('secret_key = "' + SECRET + '"', "TWITCHGUIDE_DATABASE_URL"),
        ('database_url = "postgresql://h/db"\nsecret_key = "short"', "TWITCHGUIDE_SECRET_KEY"),
        ('database_url = "postgresql://h/db"\nsecret_key = "' + SECRET + '"\nsignup = "x"',
         "TWITCHGUIDE_SIGNUP"),
        ('database_url = "postgresql://h/db"\nsecret_key = "' + SECRET + '"\nworkers = 0',
         "TWITCHGUIDE_WORKERS"),
        ("not = [valid", "--config"),
    ],
)  # fmt: skip
def test_each_mistake_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, field: str
) -> None:
    for name in ("DATABASE_URL", "SECRET_KEY", "APP_ROLE", "SIGNUP", "WORKERS", "HOSTED_CONFIG"):
        monkeypatch.delenv(f"TWITCHGUIDE_{name}", raising=False)
    path = tmp_path / "hosted.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_config(path)
    assert caught.value.field == field
    assert "\n" not in caught.value.user_message()


def test_hosted_and_lan_do_not_go_together(run_cli_sqlite: object) -> None:
    result = run_cli_sqlite("serve", "--hosted", "--lan")  # type: ignore[operator]
    assert result.exit_code != 0 and "--lan" in result.stderr
