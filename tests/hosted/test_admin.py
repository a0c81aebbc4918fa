"""`twitchguide admin` on real PostgreSQL: accounts, invites, reset codes, export and deletion."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from tests.hosted.conftest import PASSWORD, SECRET, Person

pytestmark = pytest.mark.postgres


def _admin(config: Any, *args: str, password: str | None = None) -> Any:
    from twitchguide.cli import main

    env = {
        "TWITCHGUIDE_DATABASE_URL": config.database_url,
        "TWITCHGUIDE_APP_ROLE": config.app_role,
        "TWITCHGUIDE_NEW_PASSWORD": password or "",
    }
    runner = CliRunner()
    with runner.isolation(env=env) as (out, err, _):
        code = 0
        try:
            main(["admin", *args])
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
    return code, out.getvalue().decode(), err.getvalue().decode()


def test_admin_makes_people_resets_exports_and_deletes(hosted_config: Any, hosted_app: Any) -> None:
    code, out, _ = _admin(hosted_config, "create-user", "Sam", password=PASSWORD)
    assert code == 0 and "sam" in out
    sam = Person(hosted_app)
    assert sam.login("sam").status_code == 303
    sam.api("POST", "/api/v1/episode", {"region": "calf", "note": "sam's"})

    code, token, _ = _admin(hosted_config, "reset-token", "sam")
    assert code == 0
    helper = Person(hosted_app)
    reset = helper.form("/reset", {"token": token.strip(), "new_password": "sam's new passphrase"})
    assert reset.status_code == 303

    code, exported, _ = _admin(hosted_config, "export", "sam")
    document = json.loads(exported)
    assert (
        code == 0
        and document["format"]
        and [e["note"] for e in document["records"]["episodes"]] == ["sam's"]
    )

    code, _, err = _admin(hosted_config, "reset-token", "nobody")
    assert code != 0 and "nobody" in err and "Traceback" not in err
    code, out, _ = _admin(hosted_config, "delete-user", "sam", "--yes")
    assert code == 0
    assert Person(hosted_app).login("sam", "sam's new passphrase").status_code == 401
    assert _admin(hosted_config, "export", "sam")[0] != 0


def test_invite_only_sign_up_needs_an_admin_invite(postgres_url: str, app_role: str) -> None:
    from twitchguide.hosted.config import HostedConfig
    from twitchguide.web.app import create_app

    config = HostedConfig(postgres_url, SECRET, app_role=app_role, signup="invite")
    app = create_app("", "", hosted=config)
    try:
        newcomer = Person(app)
        refused = newcomer.form("/signup", {"name": "newcomer", "password": PASSWORD})
        assert refused.status_code == 422 and "invite" in refused.text
        code, invite, _ = _admin(config, "invite")
        assert code == 0
        data = {"name": "newcomer", "password": PASSWORD, "invite": invite.strip()}
        assert newcomer.form("/signup", data).status_code == 303
        again = Person(app).form("/signup", {**data, "name": "second"})
        assert again.status_code == 422  # an invite works once
    finally:
        app.state.tg.hosted.pools.close()
