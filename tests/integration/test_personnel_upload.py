"""A manager's list upload that is malformed, huge or forgotten: clear answers, and nobody else waits."""

from __future__ import annotations

import asyncio
import csv
import gc
import json
import resource
import threading
import time
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from sqlmodel import func, select

from bot.context import LearnbotApplication
from bot.sandbox import BotApiSandbox, SandboxUser
from bot.storage.database import UnitOfWork
from bot.storage.models import PendingImport
from tests.integration.conftest import (
    I18N,
    LISTED,
    MANAGERS,
    MovableClock,
    personnel_csv,
    phone_of,
    settle,
    verify,
)

T = I18N.translator("en")
MANAGER = MANAGERS[0]


async def test_a_cell_over_the_csv_field_limit_is_answered_with_its_line(bot, sandbox: BotApiSandbox) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    content = b"personnel_id,display_name\nP-5010,Manager\nP-5011," + b"x" * 200_000 + b"\n"
    await manager.send_document(file_name="list.csv", content=content, mime_type="text/csv")
    reply = await manager.wait_reply()
    assert reply.text.splitlines() == [
        T("import-rejected", count=1), f"line 3: cell too long (max {csv.field_size_limit()} characters)"
    ]


class PeakRss:
    """The process's resident memory, sampled every 10 ms by a thread: its peak above the start."""

    def __init__(self) -> None:
        self._page = resource.getpagesize()
        self.baseline = self.peak = self._rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * self._page

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> PeakRss:
        gc.collect()
        self.baseline = self.peak = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.baseline) / 2**20


def full_list(rows: int) -> bytes:
    """A list of `rows` entries with every column filled, the test manager among them."""
    lines = ["personnel_id,phone,country,role,display_name,email,expires",
             f"P-{MANAGER},{phone_of(MANAGER)},FR,manager,Manager {MANAGER},m{MANAGER}@police.example,2031-06-30"]
    for number in range(rows - 1):
        lines.append(f"X-{number:06d},+3361{100000 + number:07d},{('FR', 'ES', 'MA', 'KE')[number % 4]},officer,"
                     f"Officer {number} Haddad-Martínez,officer.{number}@police.example,2031-06-30")
    return ("\n".join(lines) + "\n").encode()


async def answered_while(task: asyncio.Task[Any], officer: SandboxUser, times: list[float]) -> Any:
    """Another officer sends /help again and again until the task is done; each reply's delay goes to times."""
    while not task.done():
        started = time.perf_counter()
        await officer.send("/help")
        await officer.wait_reply(timeout=600)
        times.append(time.perf_counter() - started)
        await asyncio.sleep(0.05)
    return task.result()


@pytest.mark.timeout(900)
async def test_a_list_at_the_row_cap_keeps_everyone_else_answered(bot, sandbox: BotApiSandbox, settings) -> None:
    cap = settings.personnel_max_rows
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    officer = sandbox.user(user_id=5001, language_code="en")
    await verify(officer)
    content = full_list(cap)

    async def upload() -> Any:
        await manager.send_document(file_name="list.csv", content=content, mime_type="text/csv")
        return await manager.wait_reply(timeout=600)

    async def confirm() -> Any:
        await manager.press(T("import-confirm"))
        return await manager.wait_reply(timeout=600)

    preview_times: list[float] = []
    confirm_times: list[float] = []
    with PeakRss() as memory:
        started = time.perf_counter()
        preview = await answered_while(asyncio.create_task(upload()), officer, preview_times)
        preview_seconds = time.perf_counter() - started
        started = time.perf_counter()
        done = await answered_while(asyncio.create_task(confirm()), officer, confirm_times)
        confirm_seconds = time.perf_counter() - started
    figures = {
        "backend": make_url(settings.database_url).get_backend_name(), "rows": cap, "file_mb": len(content) / 2**20,
        "preview_s": preview_seconds, "confirm_s": confirm_seconds,
        "help_replies": len(preview_times) + len(confirm_times),
        "slowest_help_during_preview_s": max(preview_times, default=0.0),
        "slowest_help_during_confirm_s": max(confirm_times, default=0.0),
        "peak_rss_growth_mb": memory.growth_mb,
    }
    print("\nFIGURES " + json.dumps(figures))
    expected = {"added": cap - 1, "updated": 1, "removed": len(LISTED) - 1, "unchanged": 0}
    assert preview.text == T("import-preview", **expected)
    assert done.text == T("import-done", **expected)
    assert preview_times and confirm_times
    assert max(preview_times + confirm_times) < 1.0, figures
    assert memory.growth_mb < 150, figures


async def test_an_upload_left_unconfirmed_for_a_day_is_deleted(bot, sandbox: BotApiSandbox, clock: MovableClock) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    await manager.send_document(file_name="list.csv", content=personnel_csv([MANAGER, 5001], managers=(MANAGER,)))
    forgotten = await manager.wait_reply()
    clock.advance(hours=24, minutes=1)
    await manager.send_document(file_name="list.csv", content=personnel_csv([MANAGER, 5002], managers=(MANAGER,)))
    await manager.wait_reply()
    await settle(bot)
    assert await held_uploads(bot) == 1, "the day-old upload was deleted when the next one arrived"
    answer = await manager.press_data(forgotten, forgotten.inline_buttons[0][0]["callback_data"])
    assert answer.text == T("stale-button")
    await manager.send("/courses")
    assert (await manager.wait_reply()).button_labels(), "the list is untouched: the manager is still verified"


async def held_uploads(bot: LearnbotApplication) -> int:
    unit = UnitOfWork(bot.services.sessions)
    count = (await unit.session.exec(select(func.count()).select_from(PendingImport))).one()
    await unit.finish()
    return count


async def test_a_file_over_the_size_limit_is_refused_before_download(run_seeded_bot, sandbox: BotApiSandbox, settings) -> None:
    async with run_seeded_bot() as bot:
        manager = sandbox.user(user_id=MANAGER, language_code="en")
        await verify(manager)
        limit = settings.personnel_max_file_mb
        await manager.send_document(file_name="list.csv", content=b"personnel_id\n" + b"P-1\n" * (limit * 2**18 + 1))
        assert (await manager.wait_reply()).text == T("import-too-large", limit=limit)
        await settle(bot)
        assert not sandbox.calls_of("getFile"), "never downloaded"


async def test_the_hourly_tick_deletes_an_upload_left_unconfirmed(bot, sandbox: BotApiSandbox, clock: MovableClock) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    await manager.send_document(file_name="list.csv", content=personnel_csv([MANAGER, 5001], managers=(MANAGER,)))
    forgotten = await manager.wait_reply()
    await settle(bot)
    await bot.runtime.ticks.run_now("purge-uploads")
    assert await held_uploads(bot) == 1, "a fresh upload stays"
    clock.advance(hours=24, minutes=1)
    await bot.runtime.ticks.run_now("purge-uploads")
    assert await held_uploads(bot) == 0
    answer = await manager.press_data(forgotten, forgotten.inline_buttons[0][0]["callback_data"])
    assert answer.text == T("stale-button")
