"""schemathesis over the hosted API, signed in with an API token, on real PostgreSQL: no 5xx,
and every response matches the published schema."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from tests.conftest import POSTGRES_URL, _postgres_reason
from tests.hosted.conftest import SECRET, Person
from twitchguide.hosted.config import HostedConfig
from twitchguide.web.app import create_app

pytestmark = pytest.mark.postgres

EXCLUDED = [positive_data_acceptance]  # as for the local API: some refusals no schema can say

_REASON = _postgres_reason()
if _REASON is not None:
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"CI=true, so PostgreSQL tests must run: {_REASON}")
    pytest.skip(_REASON, allow_module_level=True)

# The schema is read when the tests are collected, so the app is made then, in its own schema
# and role (dropped by the module fixture below), with one person holding an API token: sent as
# Bearer, with no cookie, so no CSRF token is needed.
_SUFFIX = uuid.uuid4().hex[:12]
_SCHEMA, _ROLE = f"tg_test_{_SUFFIX}", f"tg_app_{_SUFFIX}"
with psycopg.connect(POSTGRES_URL, autocommit=True) as _connection:
    _connection.execute(f"CREATE SCHEMA {_SCHEMA}")
APP = create_app(
    "",
    "",
    hosted=HostedConfig(
        f"{POSTGRES_URL}?options=-csearch_path%3D{_SCHEMA}", SECRET, app_role=_ROLE
    ),
)
_person = Person(APP)
_person.signup("schemathesis")
_page = _person.form("/account/tokens", {"label": "schemathesis"}).text
TOKEN = re.search(r"<code>(tgapi_[\w-]+)</code>", _page).group(1)  # type: ignore[union-attr]
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _drop_schema_and_role() -> Iterator[None]:
    yield
    APP.state.tg.hosted.pools.close()
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {_SCHEMA} CASCADE")
        connection.execute(f"DROP OWNED BY {_ROLE}")
        connection.execute(f"DROP ROLE {_ROLE}")


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_hosted_api_keeps_its_schema(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=EXCLUDED)
