"""Exactly once across instances and crashes: two instances on one PostgreSQL, and `learnbot run` killed mid-announcement."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import build_application
from bot.lifecycle import Runtime, running
from bot.sandbox import BotApiSandbox
from bot.services.audience import Audience
from bot.services.deliveries import SENT, UNCONFIRMED
from bot.settings import Settings, load_settings
from bot.storage.database import upgrade_database
from bot.wiring import Services, open_services
from tests.conftest import FixedClock
from tests.integration.conftest import I18N, journey_content
from tests.integration.crowd import Member, copies, crowd, seed_verified
from tests.integration.test_announcements import AUTHOR, TIME_SCALE, announce, scaled
from tests.integration.test_cli_run import environment

T = I18N.translator("en")


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


def sent_ok(services: Services, lane: str) -> float:
    return services.metrics.messages.labels(lane, "ok")._value.get()  # noqa: SLF001 (prometheus-client's value)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_two_instances_on_one_postgresql_send_each_copy_and_each_reminder_once(
        settings: Settings, sandbox: BotApiSandbox) -> None:
    # 16:00 UTC on a Saturday in January: reminders are due at 18:00 in Paris, 17:00 UTC.
    clock = FixedClock(datetime(2027, 1, 9, 16, tzinfo=UTC))
    sandbox.limits.like_telegram(time_scale=TIME_SCALE)
    shared = scaled(settings, send_rate_global=15.0)  # two instances share Telegram's 30 per second
    officers = list(range(24_000, 24_300))
    first, second = build_application(shared, clock=clock), build_application(shared, clock=clock)
    async with running(first, polling_timeout=1):
        # The second instance: its own services, governor and dispatchers on the same database (no intake).
        other = Runtime(second)
        second.runtime = other  # type: ignore[attr-defined]
        await second.initialize()
        other._schedule_housekeeping()  # noqa: SLF001 (the dispatchers alone, without polling)
        try:
            await seed_verified(first.services, sandbox, [Member(AUTHOR, role="manager"), *crowd(officers)])
            async with first.services.unit_of_work() as unit:
                await first.services.reminders.enrol_verified(unit.session)
            await announce(first.services, "Both instances, one copy.", Audience(country="FR"))
            clock.now = datetime(2027, 1, 9, 17, tzinfo=UTC)
            await asyncio.gather(*(app.runtime.ticks.run_now(name)  # type: ignore[attr-defined]
                                   for app in (first, second) for name in ("announcements", "reminders")))
        finally:
            await second.shutdown()
            await second.services.engine.dispose()
    for user_id in officers:
        assert copies(sandbox, user_id, "Both instances, one copy.") == 1, user_id
        assert copies(sandbox, user_id, T("reminder-title")) == 1, user_id
    # Which instance claims what is up to SKIP LOCKED (one may take every row); each copy went out once.
    for lane in ("announcement", "reminder"):
        shares = [sent_ok(app.services, lane) for app in (first, second)]
        assert sum(shares) >= len(officers), f"{lane}s sent by the two instances: {shares}"


async def test_killed_mid_announcement_the_bot_resumes_with_no_duplicate_and_no_gap(
        sandbox: BotApiSandbox, tmp_path: Path) -> None:
    scale = 5.0  # 100 messages a second: long enough to kill it halfway
    sandbox.limits.like_telegram(time_scale=scale)
    env = environment(sandbox, tmp_path, journey_content()) | {
        "LEARNBOT_SEND_TIME_SCALE": str(scale), "LEARNBOT_ANNOUNCEMENT_TICK_SECONDS": "0.2",
        "LEARNBOT_DELIVERY_LEASE_SECONDS": "3",
        # Well under the sandbox's limit: a 429 answered late by the stall below would be a copy lost in flight.
        "LEARNBOT_SEND_RATE_GLOBAL": "20"}
    officers = list(range(25_000, 25_400))
    settings = load_settings(database_url=env["LEARNBOT_DATABASE_URL"], secret_key=env["LEARNBOT_SECRET_KEY"],
                             content_dir=journey_content())
    async with open_services(settings) as services:
        await upgrade_database(services.engine)
        await seed_verified(services, sandbox, [Member(AUTHOR, role="manager"), *crowd(officers)])
    text = "Kill me softly."

    async def start() -> asyncio.subprocess.Process:
        return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env,
                                                    stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)

    def delivered() -> int:
        return sum(copies(sandbox, user_id, text) for user_id in officers)

    process = await start()
    try:
        async with open_services(settings) as services:
            await announce(services, text, Audience(country="FR"))
        await wait_until(lambda: delivered() >= 100, 30, "the announcement to get going")
        # From now on Telegram delivers each message but answers a minute late: when the process dies,
        # every copy it had confirmed has reached Telegram and none has its answer committed.
        stall = sandbox.faults.add("slow", method="sendMessage", delay=60)
        await wait_until(lambda: stall.fired >= 4, 10, "sends to be in flight")
        await asyncio.sleep(0.3)
        process.send_signal(signal.SIGKILL)
        await process.wait()
        sandbox.faults.clear()
        assert delivered() < len(officers), "killed mid-announcement"
        process = await start()
        await wait_until(lambda: copies(sandbox, AUTHOR, T("announce-report", id=1)) == 1, 60, "the report")
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    gaps = [user_id for user_id in officers if copies(sandbox, user_id, text) != 1]
    assert gaps == [], "no duplicate, no gap"
    async with open_services(settings) as services, services.unit_of_work() as unit:
        counts = await services.deliveries.counts(unit.session, 1)
    assert (counts[SENT], counts[UNCONFIRMED]) == (len(officers) + 1 - stall.fired, stall.fired), (
        "the copies in flight at the crash are reported unconfirmed, not sent again")
