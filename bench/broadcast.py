"""An announcement to 2,000 officers against a sandbox that enforces Telegram's 30 messages a second.

`learnbot run` runs in its own process (its memory and CPU are its own) against the sandbox, which
enforces Telegram's limits per chat and per bot. One more officer chats with the bot all along, a
message every 2 s: first while it is idle, then during the announcement, so the two reply times
compare. The recipients are written to the database directly (as verified officers who pressed Start).

    python bench/broadcast.py [--recipients 2000] [--time-scale 1] [--idle 20]

Honours LEARNBOT_DATABASE_URL (a PostgreSQL URL: a fresh database is created beside it and dropped);
else a temporary SQLite file. Prints one JSON object:
  achieved_vs_limit   announcement sends per second over the sandbox's bot limit (target >= 0.95)
  answers_429         Too Many Requests answers the bot got (target 0)
  duplicates, missing copies beyond one, and recipients without one (both 0)
  reply_p95_*_ms      the chatting officer's reply times, idle and during the announcement
                      (target: during <= idle + 300 ms)
  bot_peak_rss_mib    the bot process's peak resident memory
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.sandbox import BotApiSandbox, SandboxUser  # noqa: E402
from bot.services.audience import Audience  # noqa: E402
from bot.settings import PROJECT_ROOT, load_settings  # noqa: E402
from bot.storage.database import upgrade_database  # noqa: E402
from bot.wiring import open_services  # noqa: E402
from tests.integration.crowd import Member, copies, crowd, seed_verified  # noqa: E402
from tests.integration.test_announcements import announce  # noqa: E402

FIRST = 900_000
MANAGER, CHATTER = FIRST - 1, FIRST - 2
TEXT = "Bench announcement: the range is closed on Friday."
LIMIT_PER_SECOND = 30
PACE = 2.0  # seconds between the chatting officer's messages: a quick human, within one chat's limit


@asynccontextmanager
async def database() -> AsyncIterator[str]:
    """LEARNBOT_DATABASE_URL's server with a fresh database, or a temporary SQLite file."""
    url = os.environ.get("LEARNBOT_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        with tempfile.TemporaryDirectory(prefix="learnbot-bench-") as folder:
            yield f"sqlite+aiosqlite:///{Path(folder) / 'broadcast.sqlite3'}"
        return
    server = url.replace("postgresql+asyncpg://", "postgresql://", 1).rsplit("/", 1)[0]
    admin = await asyncpg.connect(f"{server}/postgres")
    name = f"learnbot_bench_{uuid.uuid4().hex[:10]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def chat(user: SandboxUser, until: asyncio.Event | int) -> list[float]:
    """Reply times (ms) of /help sent every PACE seconds, `until` times or until the event is set."""
    timings: list[float] = []
    while (len(timings) < until) if isinstance(until, int) else not until.is_set():
        user.drain()
        started = time.perf_counter()
        await user.send("/help")
        await user.wait_reply(timeout=30)
        timings.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(max(0.0, PACE - (time.perf_counter() - started)))
    return timings


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1)


async def main(recipients: int, time_scale: float, idle: int) -> dict[str, object]:
    officers = list(range(FIRST, FIRST + recipients))
    async with BotApiSandbox() as sandbox, database() as url:
        sandbox.limits.like_telegram(time_scale=time_scale)
        token = sandbox.register_bot(username="learnbot_bench_bot")
        empty = Path(tempfile.mkdtemp(prefix="learnbot-bench-config-")) / "learnbot.toml"
        empty.touch()
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")},
               "LEARNBOT_CONFIG": str(empty), "LEARNBOT_TOKEN": token,
               "LEARNBOT_SECRET_KEY": secrets.token_urlsafe(48), "LEARNBOT_API_BASE_URL": sandbox.base_url,
               "LEARNBOT_API_BASE_FILE_URL": sandbox.base_file_url, "LEARNBOT_DATABASE_URL": url,
               "LEARNBOT_POLLING_TIMEOUT": "1", "LEARNBOT_SEND_TIME_SCALE": str(time_scale),
               "LEARNBOT_ANNOUNCEMENT_TICK_SECONDS": "0.5", "LEARNBOT_ANNOUNCEMENT_APPROVAL_ABOVE": "1000000",
               "LEARNBOT_LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "WARNING")}
        # The bench's own services only write the announcement: no second manager's approval to wait for.
        settings = load_settings(database_url=url, secret_key=env["LEARNBOT_SECRET_KEY"],
                                 content_dir=PROJECT_ROOT / "content", announcement_approval_above=10**6)
        async with open_services(settings) as services:
            await upgrade_database(services.engine)
            await seed_verified(services, sandbox, [Member(MANAGER, role="manager"), Member(CHATTER, country="ES"),
                                                    *crowd(officers)])
        bot = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env)
        process = psutil.Process(bot.pid)
        peak = 0
        try:
            # This process plays Telegram: a garbage collection pausing it for 150 ms (thousands of
            # officers' chats in memory) stamps four of the bot's evenly spaced sends with the same
            # instant, which its sliding window then refuses. What was built so far is kept out of them.
            gc.collect()
            gc.freeze()
            chatter = sandbox.user(user_id=CHATTER)
            await chat(chatter, 2)  # the bot is up and warm
            idle_ms = await chat(chatter, idle)
            done = asyncio.Event()
            during = asyncio.create_task(chat(chatter, done))
            async with open_services(settings) as services:
                await announce(services, TEXT, Audience(country="FR"), author=MANAGER)
            deadline = time.monotonic() + recipients / LIMIT_PER_SECOND / time_scale * 2 + 60
            while copies(sandbox, MANAGER, "has finished going out") == 0:
                peak = max(peak, process.memory_info().rss)
                if time.monotonic() > deadline:
                    async with open_services(settings) as services, services.unit_of_work() as unit:
                        counts = await services.deliveries.counts(unit.session, 1)
                    raise TimeoutError(f"the announcement did not finish: {counts}")
                await asyncio.sleep(0.25)
            done.set()
            busy_ms = await during
        finally:
            bot.terminate()
            await bot.wait()
    sends = sorted(call.at for call in sandbox.calls_of("sendMessage")
                   if call.ok and call.params.get("chat_id") in set(officers))
    rate = (len(sends) - 1) / (sends[-1] - sends[0])
    counts = [copies(sandbox, user_id, TEXT) for user_id in officers]
    return {
        "recipients": recipients,
        "time_scale": time_scale,
        "seconds": round(sends[-1] - sends[0], 1),
        "achieved_per_s": round(rate / time_scale, 2),
        "achieved_vs_limit": round(rate / (LIMIT_PER_SECOND * time_scale), 3),
        "answers_429": sum(1 for call in sandbox.calls if not call.ok and "Too Many Requests" in str(call.result_or_error)),
        "sandbox": sandbox.limits.summary(),
        "duplicates": sum(max(0, count - 1) for count in counts),
        "missing": sum(1 for count in counts if count == 0),
        "reply_p95_idle_ms": p95(idle_ms),
        "reply_p95_during_ms": p95(busy_ms),
        "reply_median_idle_ms": round(statistics.median(idle_ms), 1),
        "reply_median_during_ms": round(statistics.median(busy_ms), 1),
        "replies_during": len(busy_ms),
        "bot_peak_rss_mib": round(peak / 2**20, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=2000)
    parser.add_argument("--time-scale", type=float, default=1.0, help="sandbox seconds per real second (tests use 20)")
    parser.add_argument("--idle", type=int, default=20, help="replies timed before the announcement")
    arguments = parser.parse_args()
    print(json.dumps(asyncio.run(main(arguments.recipients, arguments.time_scale, arguments.idle)), indent=2))
