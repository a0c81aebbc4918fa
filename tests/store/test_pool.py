"""A store per request: pooled on PostgreSQL, a fresh connection on SQLite; always one person's."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from twitchguide.actions.context import pooled_context
from twitchguide.actions.diary import log_episodes, timeline
from twitchguide.store.pool import StorePool


def test_each_request_sees_only_its_own_person(database_url: str) -> None:
    pool = StorePool(database_url)
    try:
        with pooled_context(pool, "ana") as ana:
            log_episodes(ana, "calf", {})
        with pooled_context(pool, "ben") as ben:
            log_episodes(ben, "eyelid", {})
            log_episodes(ben, "thigh", {})
        with pooled_context(pool, "ana") as ana:
            assert timeline(ana, "1d").episode_count == 1
        with pooled_context(pool, "ben") as ben:
            assert timeline(ben, "1d").episode_count == 2
    finally:
        pool.close()


def test_many_requests_at_once_lose_nothing(database_url: str) -> None:
    pool = StorePool(database_url, max_size=4)

    def one_request(number: int) -> int:
        with pooled_context(pool, "ana") as ana:
            return len(log_episodes(ana, "calf", {"note": f"request {number}"}).episodes)

    try:
        with ThreadPoolExecutor(max_workers=8) as workers:
            assert sum(workers.map(one_request, range(40))) == 40
        with pooled_context(pool, "ana") as ana:
            assert timeline(ana, "1d").episode_count == 40
    finally:
        pool.close()


@pytest.mark.postgres
def test_postgres_connections_are_reused(postgres_url: str) -> None:
    pool = StorePool(postgres_url, max_size=2)
    try:
        for _ in range(10):
            with pooled_context(pool, "ana") as ana:
                log_episodes(ana, "calf", {})
        stats = pool._pool.get_stats()
        assert stats["connections_num"] <= 2
        assert stats["requests_num"] >= 10
    finally:
        pool.close()
