"""The cost of one reminders tick's due-scan with 100,000 officers in the database, on SQLite and PostgreSQL.

The scan is the query a tick runs to claim due reminders (services/claims.py: `next_due_at <= now ORDER
BY next_due_at LIMIT n FOR UPDATE SKIP LOCKED`), timed inside a transaction that is rolled back, so
every repetition sees the same rows. A fifth of the officers are due; the rest are due later today.

    python bench/reminders.py [--officers 100000] [--repeat 200] [--postgres postgresql://postgres@127.0.0.1/postgres]

PostgreSQL is skipped (and said so) when the server cannot be reached. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.services.claims import due_rows  # noqa: E402
from bot.storage.database import create_engine, session_factory, upgrade_database  # noqa: E402
from bot.storage.models import Officer, Reminder  # noqa: E402

NOW = datetime(2027, 1, 9, 17, tzinfo=UTC)
CLAIM_LIMIT = 20  # what the reminders dispatcher claims at a time
CHUNK = 5_000


async def seed(url: str, officers: int) -> None:
    engine = create_engine(url)
    await upgrade_database(engine)
    chance = random.Random(7)
    async with engine.begin() as connection:
        for start in range(0, officers, CHUNK):
            ids = range(start + 1, min(start + CHUNK, officers) + 1)
            await connection.execute(insert(Officer), [
                {"id": i, "telegram_id": 10_000_000 + i, "created_at": NOW, "last_seen_at": NOW} for i in ids])
            await connection.execute(insert(Reminder), [
                {"officer_id": i, "enabled": True, "at_minute": 18 * 60, "time_zone": "Europe/Paris",
                 "review_nudges": False, "interval_days": 1, "ignored": 0, "introduced": True,
                 # a fifth are due now; the others later today
                 "next_due_at": NOW - timedelta(minutes=chance.randint(0, 30)) if chance.random() < 0.2
                 else NOW + timedelta(minutes=chance.randint(1, 24 * 60))} for i in ids])
    await engine.dispose()


async def measure(url: str, repeat: int) -> dict[str, object]:
    engine = create_engine(url)
    sessions = session_factory(engine)
    scan = due_rows(Reminder, Reminder.next_due_at, NOW, CLAIM_LIMIT)
    timings = []
    async with sessions() as session:
        for _ in range(repeat):
            started = time.perf_counter()
            rows = (await session.exec(scan)).all()
            timings.append((time.perf_counter() - started) * 1000)
            await session.rollback()
            assert len(rows) == CLAIM_LIMIT
    plan = await _plan(engine)
    await engine.dispose()
    timings.sort()
    return {"scan_ms_median": round(statistics.median(timings), 3),
            "scan_ms_p95": round(timings[int(len(timings) * 0.95) - 1], 3),
            "scan_ms_max": round(timings[-1], 3), "plan": plan}


async def _plan(engine: AsyncEngine) -> str:
    """How the database runs the scan: the index it uses."""
    backend = engine.url.get_backend_name()
    statement = ("SELECT * FROM reminder WHERE next_due_at <= :now ORDER BY next_due_at, officer_id LIMIT 20"
                 + (" FOR UPDATE SKIP LOCKED" if backend == "postgresql" else ""))
    explain = "EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN "
    async with engine.connect() as connection:
        rows = (await connection.execute(text(explain + statement), {"now": NOW})).all()
    return " | ".join(str(row[-1]) for row in rows)


async def on_sqlite(officers: int, repeat: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="learnbot-bench-") as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'reminders.sqlite3'}"
        started = time.perf_counter()
        await seed(url, officers)
        seeded = time.perf_counter() - started
        return {"seed_s": round(seeded, 1), **await measure(url, repeat)}


async def on_postgres(dsn: str, officers: int, repeat: int) -> dict[str, object]:
    try:
        admin = await asyncpg.connect(dsn, timeout=3)
    except (OSError, asyncpg.PostgresError) as error:
        return {"skipped": f"PostgreSQL not reachable at {dsn}: {type(error).__name__}"}
    name = f"learnbot_bench_{uuid.uuid4().hex[:10]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = dsn.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + f"/{name}"
        started = time.perf_counter()
        await seed(url, officers)
        seeded = time.perf_counter() - started
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("ANALYZE"))
        await engine.dispose()
        return {"seed_s": round(seeded, 1), **await measure(url, repeat)}
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def main(officers: int, repeat: int, dsn: str) -> dict[str, object]:
    figures = {"officers": officers, "due_now": "about a fifth", "claim_limit": CLAIM_LIMIT, "repeat": repeat,
               "sqlite": await on_sqlite(officers, repeat), "postgresql": await on_postgres(dsn, officers, repeat)}
    figures["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--postgres", default=os.environ.get("LEARNBOT_TEST_POSTGRES",
                                                             "postgresql://postgres@127.0.0.1:5432/postgres"))
    arguments = parser.parse_args()
    print(json.dumps(asyncio.run(main(arguments.officers, arguments.repeat, arguments.postgres)), indent=2))
