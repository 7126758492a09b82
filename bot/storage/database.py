"""Async engine, the unit of work (one per update, job, command or web request), and schema migrations."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# One advisory-lock key for "migrating learnbot's schema", shared by every instance on a PostgreSQL database.
MIGRATION_LOCK_KEY = int.from_bytes(hashlib.sha256(b"learnbot-migrations").digest()[:8], "big", signed=True)

_ASSIGNMENT = re.compile(r'^revision = "([^"]+)"', re.MULTILINE)
_PARENT = re.compile(r'^down_revision = "([^"]+)"', re.MULTILINE)

# The unit of work of the update, job, command or request running in this task (see UnitOfWork).
current_unit: ContextVar[UnitOfWork | None] = ContextVar("current_unit", default=None)


def create_engine(url: str, *, pool_size: int = 10, max_overflow: int = 60,
                  on_statement: Callable[[], None] | None = None, **engine_options: Any) -> AsyncEngine:
    """Build the async engine; SQLite gets foreign keys, WAL and a busy timeout.

    SQL parameters (names, personnel ids) never appear in logs or error messages. on_statement is
    called once per SQL statement sent (metrics, benchmarks).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True, **engine_options)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    else:
        # The pool holds as many connections as updates may run at once (64 by default), so none waits.
        engine = create_async_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow,
                                     hide_parameters=True, **engine_options)
    if on_statement is not None:
        event.listen(engine.sync_engine, "before_cursor_execute", lambda *_: on_statement())
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL cannot corrupt the database; only the very last commits may be lost on power loss.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def session_factory(engine: AsyncEngine, **options: Any) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False, **options)


class UnitOfWork:
    """One session for one update, job, command or request: opened on first use, committed at the end.

    commit() may also be called in between: the delivery governor does so before every Bot API
    call, so no transaction stays open across a network call and a message that fails to send
    cannot undo what was already decided. Work after that commit starts a new transaction.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self.failed = False
        self.statements = 0  # SQL statements sent on behalf of this unit (see count_statement)

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            self._session = self._sessions()
        return self._session

    @property
    def opened(self) -> bool:
        return self._session is not None

    async def commit(self) -> None:
        """Make what was done so far durable (a failed unit is rolled back instead)."""
        session = self._session
        if session is None:
            return
        if self.failed:
            await session.rollback()
        elif session.in_transaction() or session.new or session.dirty or session.deleted:
            await session.commit()

    async def finish(self) -> None:
        """Commit what was done, unless a step failed; always release the connection."""
        if self._session is None:
            return
        try:
            await self.commit()
        finally:
            await self._session.close()
            self._session = None


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[UnitOfWork]:
    """`async with unit_of_work(services.sessions) as unit:` — committed on success, rolled back on error."""
    unit = UnitOfWork(sessions)
    token = current_unit.set(unit)
    try:
        yield unit
    except BaseException:
        unit.failed = True
        raise
    finally:
        current_unit.reset(token)
        await unit.finish()


def count_statement() -> None:
    """Charge one SQL statement to the unit of work running in this task, if any."""
    unit = current_unit.get()
    if unit is not None:
        unit.statements += 1


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config  # Alembic is needed only to migrate: not imported by a running bot

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


async def upgrade_database(engine: AsyncEngine, revision: str = "head") -> None:
    """Apply the Alembic migrations (idempotent); instances starting together migrate one at a time.

    PostgreSQL: a transaction-scoped advisory lock, taken on the connection that migrates.
    SQLite: an exclusive lock on a file beside the database (one host, one writer).
    A database already at the shipped head costs one query, and Alembic is not even imported.
    """
    if revision == "head" and await stored_revision(engine) == shipped_head():
        return
    from alembic import command

    def upgrade(sync: Connection) -> None:
        if sync.dialect.name == "postgresql":
            sync.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        command.upgrade(_alembic_config(sync), revision)

    with _file_lock(_sqlite_lock_path(engine, ".migrate.lock")):
        async with engine.begin() as connection:
            await connection.run_sync(upgrade)


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None when it has never been migrated."""
    from alembic.runtime.migration import MigrationContext

    async with engine.connect() as connection:
        return await connection.run_sync(lambda sync: MigrationContext.configure(sync).get_current_revision())


async def stored_revision(engine: AsyncEngine) -> str | None:
    """The revision recorded in the database (None before the first migration), read without Alembic."""
    async with engine.connect() as connection:
        try:
            return (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        except DBAPIError:
            return None


def shipped_head() -> str | None:
    """The newest revision in migrations/versions, read from the files' `revision`/`down_revision` lines.

    Alembic's own ScriptDirectory says the same (a test checks it), at the price of importing Alembic.
    """
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = _ASSIGNMENT.search(source)
        parent = _PARENT.search(source)
        if revision:
            revisions[revision.group(1)] = parent.group(1) if parent else None
    parents = set(revisions.values())
    heads = [revision for revision in revisions if revision not in parents]
    return heads[0] if len(heads) == 1 else None


def head_revision() -> str | None:
    """The newest revision shipped with the code."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


async def ping(engine: AsyncEngine, timeout: float = 2.0) -> None:
    """One round trip to the database; raises when it cannot be reached within timeout."""
    async def select_one() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    await asyncio.wait_for(select_one(), timeout)


def sqlite_path(engine: AsyncEngine) -> Path | None:
    """The database file of a SQLite engine, or None (PostgreSQL, in-memory)."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _sqlite_lock_path(engine: AsyncEngine, suffix: str) -> Path | None:
    path = sqlite_path(engine)
    return path.with_name(path.name + suffix) if path else None


@contextlib.contextmanager
def _file_lock(path: Path | None) -> Iterator[None]:
    if path is None:
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
