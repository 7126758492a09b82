"""`learnbot db backup` while officers are reading, `db restore` into a database that upgrades and holds
them, and a restore refused while a bot holds the database."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, closing
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text

from bot.__main__ import main
from bot.sandbox import BotApiSandbox, SandboxUser
from bot.storage.backup import sqlite_file
from bot.storage.database import create_engine, head_revision
from tests.conftest import POSTGRES_ADMIN_DSN
from tests.integration.conftest import I18N, LISTED, journey_content, open_course, settle, starter_course, verify
from tests.integration.test_cli_run import environment

T = I18N.translator("en")
READERS = LISTED[:4]


async def learnbot(*args: str, database_url: str, tmp_path: Path) -> tuple[int, str, str]:
    """Run the CLI as an operator would, without blocking the bot that runs in this event loop."""
    config = tmp_path / "empty.toml"
    config.touch()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")},
           "LEARNBOT_CONFIG": str(config), "LEARNBOT_DATABASE_URL": database_url}
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", *args, env=env,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def shell(command: str) -> None:
    process = await asyncio.create_subprocess_exec(*shlex.split(command), stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, f"{command}: {stderr.decode()}"


def printed_command(stderr: str, program: str) -> str:
    return next(line.strip() for line in stderr.splitlines() if line.strip().startswith(program + " "))


async def officers_and_progress(database_url: str) -> tuple[set[int], dict[int, int], int]:
    """Verified officers, each one's card in the first lesson, and the size of the personnel list."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            verified = set((await connection.execute(text(
                "SELECT telegram_id FROM officer WHERE verified_at IS NOT NULL"))).scalars())
            rows = await connection.execute(text(
                "SELECT o.telegram_id, p.card_index FROM officer o JOIN lesson_progress p ON p.officer_id = o.id "
                "WHERE p.lesson_id = :lesson"), {"lesson": starter_course().lessons[0].id})
            cards = {telegram_id: card for telegram_id, card in rows}
            listed = (await connection.execute(text("SELECT count(*) FROM personnel"))).scalar_one()
    finally:
        await engine.dispose()
    return verified, cards, listed


async def keep_reading(user: SandboxUser, stop: asyncio.Event, presses: list[int]) -> None:
    """Next to the lesson's last card, then Back, and again: a write for every press."""
    while not stop.is_set():
        label = T("card-next") if T("card-next") in user.last_message.button_labels() else T("card-back")
        await user.press(label)
        await user.wait_reply()
        presses.append(user.id)


async def test_a_backup_taken_while_officers_read_restores_to_a_database_that_upgrades_and_holds_them(
    bot, sandbox: BotApiSandbox, settings, tmp_path: Path
) -> None:
    on_sqlite = sqlite_file(settings.database_url) is not None
    if not on_sqlite and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed: the command learnbot prints cannot be tried")
    readers = [sandbox.user(user_id=user_id, language_code="en") for user_id in READERS]
    for user in readers:
        await verify(user)
        await open_course(user, starter_course())
        await user.press(T("course-start"))
        await user.wait_reply()
    await settle(bot)
    before = await officers_and_progress(settings.database_url)
    assert before[0] == set(READERS) and set(before[1]) == set(READERS)

    stop, presses = asyncio.Event(), []
    reading = [asyncio.create_task(keep_reading(user, stop, presses)) for user in readers]
    backup = tmp_path / ("backup.sqlite3" if on_sqlite else "backup.dump")
    try:
        while len(presses) < 8:
            await asyncio.sleep(0.05)
        during = len(presses)
        code, out, err = await learnbot("db", "backup", str(backup), database_url=settings.database_url,
                                        tmp_path=tmp_path)
        if on_sqlite:
            assert code == 0, err
            assert out.startswith(f"backed up to {backup}: ") and f"schema revision {head_revision()}" in out
        else:
            assert code == 1 and "pg_dump" in err
            await shell(printed_command(err, "pg_dump"))
        assert len(presses) > during, "officers went on reading while the backup was taken"
    finally:
        stop.set()
        await asyncio.gather(*reading)
    await settle(bot)

    restored_url, drop = await fresh_database(settings.database_url, tmp_path)
    try:
        code, out, err = await learnbot("db", "restore", str(backup), database_url=restored_url, tmp_path=tmp_path)
        if on_sqlite:
            assert code == 0, err
            assert "next: learnbot db upgrade" in out
        else:
            assert code == 1 and "stop the bot" in err
            await shell(printed_command(err, "pg_restore"))
        code, out, err = await learnbot("db", "upgrade", database_url=restored_url, tmp_path=tmp_path)
        assert (code, out.strip()) == (0, f"database at revision {head_revision()}"), err
        verified, cards, listed = await officers_and_progress(restored_url)
    finally:
        await drop()
    assert verified == set(READERS) and listed == len(LISTED)
    assert set(cards) == set(READERS), "every reader's progress is in the backup"
    assert all(0 <= cards[reader] < starter_course().lessons[0].card_count for reader in READERS)


async def fresh_database(like: str, tmp_path: Path):
    """An empty database of the same kind to restore into, and how to drop it."""
    if sqlite_file(like) is not None:
        async def nothing() -> None:
            return None
        return f"sqlite+aiosqlite:///{tmp_path / 'restored' / 'learnbot.sqlite3'}", nothing
    name = f"learnbot_restore_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN)
    await admin.execute(f'CREATE DATABASE "{name}"')

    async def drop() -> None:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()

    return like.rsplit("/", 1)[0] + f"/{name}", drop


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """`learnbot …` in this process, on the database of the URL: exit code, stdout, stderr."""

    def run(database_url: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("LEARNBOT_DATABASE_URL", database_url)
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def migrated(tmp_path: Path, cli) -> tuple[str, Path, Path]:
    """A migrated SQLite database and a backup of it."""
    database = tmp_path / "var" / "learnbot.sqlite3"
    url = f"sqlite+aiosqlite:///{database}"
    assert cli(url, "db", "upgrade")[0] == 0
    backup = tmp_path / "backup.sqlite3"
    assert cli(url, "db", "backup", str(backup))[0] == 0
    return url, database, backup


HOLDER = """import sys, time
from bot.storage.backup import hold_database
with hold_database(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_restore_is_refused_while_another_process_holds_the_database(migrated, cli) -> None:
    url, database, backup = migrated
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        before = digest(database)
        code, out, err = cli(url, "db", "restore", str(backup))
        assert code == 1 and out == ""
        assert err.strip() == (f"learnbot db restore: refusing: {database} is in use by a running learnbot "
                               f"(process {holder.pid}); stop it first")
        assert digest(database) == before
        left = sorted(path.name for path in database.parent.iterdir())
        assert left == ["learnbot.sqlite3", "learnbot.sqlite3.lock", "learnbot.sqlite3.migrate.lock"], "nothing moved"
    finally:
        holder.kill()  # even a killed holder releases the lock
        holder.wait()
    code, out, err = cli(url, "db", "restore", str(backup))
    assert code == 0, err
    assert f"the database it replaced is kept as {database}.before-restore-" in out


@asynccontextmanager
async def learnbot_run(env: dict[str, str], **output: Any) -> AsyncIterator[asyncio.subprocess.Process]:
    """`learnbot run` as a process; stopped with SIGTERM at the end, which it must obey with exit 0."""
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env, **output)
    try:
        yield process
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_a_running_bot_holds_its_database(sandbox: BotApiSandbox, tmp_path: Path) -> None:
    env = environment(sandbox, tmp_path, journey_content())
    url = env["LEARNBOT_DATABASE_URL"]
    backup = tmp_path / "while-running.sqlite3"
    async with learnbot_run(env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL) as running:
        user = sandbox.user(user_id=7350, language_code="en")
        await user.send("/help")
        assert (await user.wait_reply(timeout=30)).text == T("help")
        code, _, err = await learnbot("db", "backup", str(backup), database_url=url, tmp_path=tmp_path)
        assert code == 0, err
        code, _, err = await learnbot("db", "restore", str(backup), database_url=url, tmp_path=tmp_path)
        assert code == 1 and f"in use by a running learnbot (process {running.pid}); stop it first" in err
        second = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env,
                                                      stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        _, second_err = await asyncio.wait_for(second.communicate(), timeout=60)
        assert second.returncode == 1 and "refusing to start" in second_err.decode()
    code, _, err = await learnbot("db", "restore", str(backup), database_url=url, tmp_path=tmp_path)
    assert code == 0, err


def test_backup_and_restore_name_what_is_wrong(migrated, cli, tmp_path: Path) -> None:
    url, database, backup = migrated
    code, _, err = cli(url, "db", "backup", str(backup))
    assert (code, err.strip()) == (1, f"learnbot db backup: {backup} already exists; name another file or pass --force")
    assert cli(url, "db", "backup", str(backup), "--force")[0] == 0
    assert backup.stat().st_mode & 0o777 == 0o600, "a backup holds personal data: its owner alone reads it"
    garbage = tmp_path / "notes.txt"
    garbage.write_text("not a database\n" * 100)
    code, _, err = cli(url, "db", "restore", str(garbage))
    assert (code, err.strip()) == (1, f"learnbot db restore: {garbage} is not a SQLite database (file is not a database)")
    code, _, err = cli(f"sqlite+aiosqlite:///{tmp_path / 'none' / 'x.sqlite3'}", "db", "backup", "b.sqlite3")
    assert code == 1 and "there is no database at" in err
    code, _, err = cli("postgresql+asyncpg://learnbot:s3cret@db.internal:5432/learnbot", "db", "backup", "x.dump")
    assert code == 1 and "pg_dump --format=custom --file=x.dump postgresql://learnbot@db.internal:5432/learnbot" in err
    assert "s3cret" not in err and "PGPASSWORD" in err


def revision_of(database: Path) -> list[tuple[str]]:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchall()


def test_upgrade_refuses_a_database_from_a_newer_learnbot(migrated, cli) -> None:
    url, database, _ = migrated
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    code, out, err = cli(url, "db", "upgrade")
    assert (code, out) == (1, "")
    assert err.strip() == (f"learnbot db upgrade: refusing: the database is at revision 0099, which this learnbot does "
                           f"not know (its newest is {head_revision()}); run the version that wrote it, or restore "
                           "the backup taken before the upgrade")
    assert revision_of(database) == [("0099",)]


def test_upgrade_refuses_to_run_migrations_twice(migrated, cli) -> None:
    url, database, _ = migrated
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("DELETE FROM alembic_version")  # the schema is there, its revision lost
    code, _, err = cli(url, "db", "upgrade")
    assert code == 1
    assert err.startswith(f"learnbot db upgrade: refusing: a migration from revision none to {head_revision()} "
                          "failed, nothing was changed: table ")
    assert "already exists" in err and "Traceback" not in err
    assert revision_of(database) == []
