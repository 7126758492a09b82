"""Shared fixtures: one database per test, on SQLite and (when reachable) the local PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.database import create_engine, session_factory, upgrade_database

POSTGRES_ADMIN_DSN = os.environ.get("LEARNBOT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
# Without PostgreSQL a developer's run skips those cases; CI must not silently skip them.
POSTGRES_REQUIRED = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


async def _postgres_available() -> bool:
    try:
        connection = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=3)
    except (OSError, asyncpg.PostgresError):
        return False
    await connection.close()
    return True


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No developer's config file or LEARNBOT_* variable leaks into a test."""
    for name in list(os.environ):
        if name.startswith("LEARNBOT_") and name != "LEARNBOT_TEST_POSTGRES":
            monkeypatch.delenv(name)
    empty = tmp_path_factory.mktemp("config") / "learnbot.toml"
    empty.touch()
    monkeypatch.setenv("LEARNBOT_CONFIG", str(empty))


T = TypeVar("T")
DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh database for one test, already migrated: a copy of a template migrated once per run."""
    if request.param == "sqlite":
        target = tmp_path / "learnbot.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        yield f"sqlite+aiosqlite:///{target}"
        return
    async with fresh_postgres_database(template=request.getfixturevalue("postgres_template")) as url:
        yield url


@pytest.fixture(params=DATABASES)
async def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh database that has never been migrated."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'learnbot.sqlite3'}"
        return
    async with fresh_postgres_database() as url:
        yield url


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database, for what only a database server can show."""
    async with fresh_postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "learnbot.sqlite3"
    _run_apart(_migrate(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A PostgreSQL database migrated once per run; each test's database is created from it (much faster)."""
    if not _run_apart(_postgres_available()):
        if POSTGRES_REQUIRED:
            pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_DSN}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"learnbot_template_{uuid.uuid4().hex[:12]}"
    _run_apart(_admin(f'CREATE DATABASE "{name}"'))
    try:
        _run_apart(_migrate(_postgres_url(name)))
        yield name
    finally:
        _run_apart(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion on its own loop in a thread (session fixtures are set up from tests' loops)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade_database(engine)
    finally:
        await engine.dispose()


async def _admin(statement: str) -> None:
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN)
    try:
        await admin.execute(statement)
    finally:
        await admin.close()


def _postgres_url(name: str) -> str:
    return POSTGRES_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + f"/{name}"


@asynccontextmanager
async def fresh_postgres_database(template: str | None = None) -> AsyncIterator[str]:
    if not await _postgres_available():
        if POSTGRES_REQUIRED:
            pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_DSN}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"learnbot_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        yield _postgres_url(name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


class FixedClock:
    """A clock that stands still until a test moves it (clock.now += timedelta(...))."""

    def __init__(self, now: datetime = datetime(2026, 11, 29, 9, 0, tzinfo=UTC), *, tick: timedelta = timedelta()) -> None:
        self.now = now
        self._tick = tick

    def __call__(self) -> datetime:
        self.now += self._tick
        return self.now


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Session factory on a freshly migrated database."""
    engine = create_engine(database_url)
    await upgrade_database(engine)
    yield session_factory(engine)
    await engine.dispose()
