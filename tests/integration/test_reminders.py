"""Study reminders over the sandbox with a fixed clock: on at verification, at the local time, never twice."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import build_application
from bot.context import LearnbotApplication
from bot.lifecycle import running
from bot.sandbox import BotApiSandbox, SandboxUser
from bot.settings import Settings
from bot.views.dates import clock
from tests.conftest import FixedClock
from tests.integration.conftest import (
    I18N,
    LISTED,
    MANAGERS,
    personnel_csv,
    seed_personnel,
    settle,
    starter_course,
    verify,
)

T = I18N.translator("en")
PARIS = "Paris, UTC+01:00"
NIGHT = f"{clock(21 * 60, 'en')}–{clock(7 * 60, 'en')}"
# Saturday 27 March 2027; Paris moves from UTC+1 to UTC+2 at 02:00 on Sunday the 28th.
SATURDAY = datetime(2027, 3, 27, 10, tzinfo=UTC)

Start = Callable[[], AbstractAsyncContextManager[LearnbotApplication]]


@pytest.fixture
def fixed() -> FixedClock:
    return FixedClock(SATURDAY)


@pytest.fixture
def start(settings: Settings, fixed: FixedClock) -> Start:
    @asynccontextmanager
    async def run() -> AsyncIterator[LearnbotApplication]:
        quiet = settings.model_copy(update={"reminder_tick_seconds": 3600, "announcement_tick_seconds": 3600})
        async with running(build_application(quiet, clock=fixed), polling_timeout=1) as app:
            await seed_personnel(app, personnel_csv(LISTED, MANAGERS))
            yield app

    return run


async def tick(app: LearnbotApplication) -> None:
    await app.runtime.flush_progress()  # type: ignore[attr-defined]
    await app.runtime.ticks.run_now("reminders")  # type: ignore[attr-defined]


async def reminded(user: SandboxUser) -> str:
    message = await user.wait_reply()
    assert message.text.startswith(T("reminder-title")), message.text
    return message.text


async def test_reminders_come_at_18_00_paris_time_across_the_clock_change_and_never_twice(
        start: Start, sandbox: BotApiSandbox, fixed: FixedClock) -> None:
    async with start() as app:
        user = sandbox.user(user_id=5001, language_code="en")
        menu = await verify(user)
        intro = T("reminders-intro", time=clock(18 * 60, "en"), zone=PARIS,
                  quiet=T("reminders-intro-quiet", hours=NIGHT))
        assert menu.text.startswith(intro), "said once, at verification"
        first_lesson = starter_course().lessons[0].titles["en"]

        fixed.now = datetime(2027, 3, 27, 16, 59, tzinfo=UTC)  # 17:59 in Paris
        await tick(app)
        await user.expect_silence(0.2)
        fixed.now = datetime(2027, 3, 27, 17, 0, tzinfo=UTC)  # 18:00
        await tick(app)
        text = await reminded(user)
        assert T("reminder-next-lesson", lesson=first_lesson, course=starter_course().titles["en"]) in text
        await tick(app)
        await user.expect_silence(0.2)

        fixed.now = datetime(2027, 3, 28, 15, 59, tzinfo=UTC)  # 17:59 summer time
        await tick(app)
        await user.expect_silence(0.2)
        fixed.now = datetime(2027, 3, 28, 16, 0, tzinfo=UTC)  # 18:00 summer time
        await tick(app)
        await reminded(user)
        await tick(app)
        await user.expect_silence(0.2)

        fixed.now = datetime(2027, 3, 29, 8, tzinfo=UTC)  # Monday morning: the officer studies
        await user.press(T("reminder-open-lesson"))
        assert first_lesson in (await user.wait_reply()).text
        await settle(app)
        fixed.now = datetime(2027, 3, 29, 16, tzinfo=UTC)
        await tick(app)
        await user.expect_silence(0.2)
        fixed.now = datetime(2027, 3, 30, 16, tzinfo=UTC)
        await tick(app)
        assert T("reminder-streak", days=1) in await reminded(user), "studied yesterday: a streak of one"


async def test_reminder_settings_in_the_chat(start: Start, sandbox: BotApiSandbox, fixed: FixedClock) -> None:
    async with start() as app:
        user = sandbox.user(user_id=5002, language_code="en")
        await verify(user)
        await user.send("/reminders")
        panel = await user.wait_reply()
        assert T("reminders-state-on", time=clock(18 * 60, "en"), zone=PARIS) in panel.text
        await user.press(T("reminders-turn-off"))
        assert T("reminders-state-off") in (await user.wait_reply()).text
        await user.press(T("reminders-turn-on"))
        await user.wait_reply()

        await user.press(T("reminders-other-time"))
        assert (await user.wait_reply()).text == T("reminders-type-time")
        await user.send("/help")
        assert (await user.wait_reply()).text == T("help"), "a command drops the question"
        await user.send("/reminders")
        await user.wait_reply()
        await user.press(T("reminders-other-time"))
        await user.wait_reply()
        await user.send("half past eight")
        assert (await user.wait_reply()).text == T("reminders-bad-time")
        await user.send("23:15")
        refused = await user.wait_reply()
        assert T("reminders-time-in-quiet", time=clock(23 * 60 + 15, "en"), hours=NIGHT) in refused.text
        await user.press(T("reminders-other-time"))
        await user.wait_reply()
        await user.send("7h45")
        assert T("reminders-state-on", time=clock(7 * 60 + 45, "en"), zone=PARIS) in (await user.wait_reply()).text

        await user.press(T("reminders-zone-button"))
        zones = await user.wait_reply()
        assert zones.button_labels()[:2] == [PARIS, T("reminders-zone-type-button")]
        await user.press(T("reminders-zone-type-button"))
        await user.wait_reply()
        await user.send("Atlantis")
        assert (await user.wait_reply()).text == T("reminders-zone-unknown", text="Atlantis")
        await user.send("santiago de chile")
        assert T("reminders-state-on", time=clock(7 * 60 + 45, "en"), zone="Santiago, UTC-03:00") in (await user.wait_reply()).text

        await user.press(T("reminders-pause-button"))
        await user.wait_reply()
        await user.press(T("reminders-pause-days", days=3))
        assert T("reminders-state-paused", date="Mar 30, 2027") in (await user.wait_reply()).text
        async with app.services.unit_of_work() as unit:
            officer = await app.services.officers.by_telegram_id(unit.session, 5002)
            assert officer is not None
            view = await app.services.reminders.view(unit.session, officer)
        # The first reminder after the pause: 07:45 in Santiago (UTC-3) on the 30th.
        assert view.next_due_at == datetime(2027, 3, 30, 10, 45, tzinfo=UTC)
        assert fixed.now + timedelta(days=3) < view.next_due_at

        await user.send("/mydata")
        export = await user.wait_reply()
        assert export.document is not None
        mine = json.loads(sandbox.bot_state().files[export.document["file_id"]].content)
        assert mine["study_reminders"] == {"on": True, "time": "07:45", "time_zone": "America/Santiago",
                                           "quiet_hours": [21 * 60, 7 * 60], "review_nudges": False,
                                           "paused_until": "2027-03-30T10:00:00+00:00", "last_sent_at": None}
