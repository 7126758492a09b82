"""Backups and restores of the SQLite database, consistent while the bot runs; PostgreSQL is left to
pg_dump and pg_restore. A running bot holds its database, and a restore refuses while it does."""

from __future__ import annotations

import fcntl
import os
import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from bot.storage.database import MIGRATIONS_DIR, head_revision


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why in one line."""


class DatabaseInUse(BackupError):
    """Another process (a running bot) holds the database."""


class NotSqlite(BackupError):
    """PostgreSQL: the message names the pg_dump or pg_restore command to run instead."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a backup or restore wrote: the file, its size and its schema revision."""

    path: Path
    size: int
    revision: str | None


def sqlite_file(database_url: str) -> Path | None:
    """The SQLite database file of the URL, or None for PostgreSQL."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return Path(url.database)


def _lock_file(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextmanager
def hold_database(database_url: str) -> Iterator[None]:
    """Held by a running bot for its lifetime (an exclusive lock on `<database>.lock`), so that a restore
    refuses meanwhile; raises DatabaseInUse when another process holds it. PostgreSQL: nothing to hold."""
    database = sqlite_file(database_url)
    if database is None:
        yield
        return
    lock = _lock_file(database)
    lock.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode(errors="replace").strip() or "unknown"
            raise DatabaseInUse(f"{database} is in use by a running learnbot (process {holder}); stop it first") from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock, even when the process is killed


def database_in_use(database_url: str) -> bool:
    """Whether a running bot (or a restore) holds the database right now."""
    try:
        with hold_database(database_url):
            return False
    except DatabaseInUse:
        return True


def _postgres_url(database_url: str) -> tuple[str, bool]:
    """The libpq URL for pg_dump and pg_restore, without its password (which must not reach a terminal)."""
    url = make_url(database_url)
    libpq = URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                       database=url.database, query=url.query)
    return libpq.render_as_string(hide_password=False), url.password is not None


def _password_hint(has_password: bool) -> str:
    return "\n(the password is left out: give it in PGPASSWORD or ~/.pgpass)" if has_password else ""


def backup_database(database_url: str, target: Path, *, overwrite: bool = False) -> Snapshot:
    """Copy the SQLite database to `target` with SQLite's online backup API: one consistent snapshot,
    taken while the bot goes on writing. The copy is a single self-contained file, readable by its owner only."""
    database = sqlite_file(database_url)
    if database is None:
        libpq, has_password = _postgres_url(database_url)
        command = shlex.join(["pg_dump", "--format=custom", f"--file={target}", libpq])
        raise NotSqlite(f"the database is PostgreSQL: back it up with pg_dump (consistent while the bot runs):\n"
                        f"  {command}{_password_hint(has_password)}")
    if not database.is_file():
        raise BackupError(f"there is no database at {database}")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; name another file or pass --force")
    if target.resolve() == database.resolve():
        raise BackupError("the backup file cannot be the database itself")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(database, timeout=30)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)  # in one step: a single read transaction, so one consistent snapshot
            copy.execute("PRAGMA journal_mode=DELETE")  # no -wal file beside a backup
            _check_integrity(copy, partial)
            revision = _revision(copy)
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup of {database} failed: {error}") from None
    return Snapshot(target, target.stat().st_size, revision)


def restore_database(database_url: str, source: Path) -> tuple[Snapshot, Path | None]:
    """Replace the SQLite database with a backup, refusing while a bot holds it. The database it replaces
    is kept beside it (`….before-restore-<time>`); returns the restored snapshot and that file."""
    database = sqlite_file(database_url)
    if database is None:
        libpq, has_password = _postgres_url(database_url)
        command = shlex.join(["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={libpq}", str(source)])
        raise NotSqlite(f"the database is PostgreSQL: stop the bot, then restore with pg_restore:\n"
                        f"  {command}{_password_hint(has_password)}")
    revision = _check_backup(source)
    with hold_database(database_url):
        kept = None
        if database.is_file():
            kept = database.with_name(f"{database.name}.before-restore-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
            backup_database(database_url, kept)
        try:
            with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as backup, \
                    closing(sqlite3.connect(database, timeout=30)) as target:
                backup.backup(target)  # one write transaction on the target: all of the backup or nothing
                _check_integrity(target, database)
        except sqlite3.Error as error:
            raise BackupError(f"restore into {database} failed: {error}") from None
    return Snapshot(database, database.stat().st_size, revision), kept


def _check_backup(source: Path) -> str | None:
    """The backup's schema revision, once it is known to be an intact learnbot database this code can run."""
    if not source.is_file():
        raise BackupError(f"there is no backup at {source}")
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as backup:
            _check_integrity(backup, source)
            revision = _revision(backup)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} is not a SQLite database ({error})") from None
    if revision is None:
        raise BackupError(f"{source} is not a learnbot database (it has no schema revision)")
    from alembic.script import ScriptDirectory  # only here: `learnbot run` holds the database without Alembic
    from alembic.util import CommandError

    try:
        ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(revision)
    except CommandError:
        raise BackupError(f"{source} is at schema revision {revision}, newer than this learnbot knows "
                          f"(its newest is {head_revision()}); restore it with the version that wrote it") from None
    return revision


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    result = connection.execute("PRAGMA integrity_check").fetchone()
    if result is None or result[0] != "ok":
        raise BackupError(f"{path} failed SQLite's integrity check: {result[0] if result else 'no answer'}")


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None
