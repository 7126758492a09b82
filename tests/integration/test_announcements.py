"""Announcements over the sandbox: exactly one copy each within Telegram's limits, the two-person rule, the chat flow."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import pytest
from sqlmodel import select

from bot.app import build_application
from bot.context import LearnbotApplication
from bot.lifecycle import running
from bot.sandbox import BotApiSandbox
from bot.services.audience import Audience
from bot.services.deliveries import SENT, UNREACHABLE
from bot.settings import Settings
from bot.storage.models import AuditEntry, Officer
from bot.wiring import Services
from tests.integration.conftest import I18N, MovableClock
from tests.integration.crowd import Member, copies, crowd, seed_verified

T = I18N.translator("en")
TIME_SCALE = 20.0  # the sandbox's seconds are 50 ms: Telegram's limits at twenty times the speed
AUTHOR, SECOND = 19_998, 19_999

Start = Callable[..., AbstractAsyncContextManager[LearnbotApplication]]


def scaled(settings: Settings, **changes: object) -> Settings:
    """Telegram's limits, at the sandbox's time scale; the ticks run only when a test says so."""
    return settings.model_copy(update={
        "send_time_scale": TIME_SCALE, "announcement_tick_seconds": 3600, "reminder_tick_seconds": 3600,
        "announcement_approval_above": 10_000, **changes})


@pytest.fixture
def start(settings: Settings, clock: MovableClock, sandbox: BotApiSandbox) -> Start:
    sandbox.limits.like_telegram(time_scale=TIME_SCALE)

    @asynccontextmanager
    async def run(**changes: object) -> AsyncIterator[LearnbotApplication]:
        async with running(build_application(scaled(settings, **changes), clock=clock), polling_timeout=1) as app:
            yield app

    return run


async def tick(application: LearnbotApplication) -> None:
    await application.runtime.ticks.run_now("announcements")  # type: ignore[attr-defined]


async def announce(services: Services, text: str, audience: Audience | None = None, *,
                   author: int = AUTHOR, acknowledge: bool = False, send: bool = True) -> int:
    """What /announce does, through the same service: write, choose the audience, send now (unless not send)."""
    async with services.unit_of_work() as unit:
        writer = await services.officers.by_telegram_id(unit.session, author)
        assert writer is not None
        draft = await services.announcements.draft(unit.session, writer)
        await services.announcements.compose(unit.session, draft.id, writer, body=text)
        await services.announcements.narrow(unit.session, draft.id, writer, audience or Audience())
        if acknowledge:
            await services.announcements.toggle_acknowledge(unit.session, draft.id, writer)
        if send:
            await services.announcements.submit(unit.session, draft.id, writer, services.access.actor(writer))
    return draft.id


MANAGERS = [Member(AUTHOR, role="manager"), Member(SECOND, role="manager")]


async def test_500_officers_get_one_copy_each_despite_429s_and_403s_within_telegrams_limits(
        start: Start, sandbox: BotApiSandbox) -> None:
    officers = list(range(20_000, 20_500))
    blocked = {20_007, 20_250, 20_499}
    async with start() as app:
        await seed_verified(app.services, sandbox, MANAGERS + crowd(officers))
        for user_id in blocked:
            sandbox.faults.add("403", chat_id=user_id)
        sandbox.faults.add("429", method="sendMessage", chat_id=20_100, count=2, retry_after=2)
        flood = sandbox.faults.add("429", method="sendMessage", fraction=0.02, seed=9, retry_after=1)
        number = await announce(app.services, "Range day moved to Friday.", Audience(country="FR"))
        await tick(app)

        for user_id in officers:
            assert copies(sandbox, user_id, "Range day moved") == (0 if user_id in blocked else 1), user_id
        assert flood.fired > 0, "the injected 429s were met and waited out"
        assert not sandbox.limits.refused, f"Telegram's limits were exceeded: {sandbox.limits.summary()}"
        assert sandbox.limits.peak["bot"] <= 30 and sandbox.limits.peak["private_chat"] <= 3
        async with app.services.unit_of_work() as unit:
            counts = await app.services.deliveries.counts(unit.session, number)
            marked = (await unit.session.exec(select(Officer.telegram_id).where(Officer.unreachable_at.is_not(None)))).all()
        assert (counts[SENT], counts[UNREACHABLE], counts.pending) == (499, 3, 0)
        assert set(marked) == blocked, "403: marked unreachable"
        report = sandbox.user(user_id=AUTHOR).last_message
        assert report is not None and T("announce-report", id=number) in report.text
        assert T("announcements-counts", sent=499, total=502, pending=0, failed=0, unreachable=3, unconfirmed=0,
                 acknowledged=0) in report.text

        await tick(app)
        assert copies(sandbox, 20_001, "Range day moved") == 1, "a second tick sends nothing again"


async def test_everyone_needs_a_second_managers_approval_and_the_author_cannot_give_it(
        start: Start, sandbox: BotApiSandbox) -> None:
    async with start() as app:
        await seed_verified(app.services, sandbox, MANAGERS + crowd(range(21_000, 21_010)))
        author, second = sandbox.user(user_id=AUTHOR), sandbox.user(user_id=SECOND)
        await author.send("/announce")
        assert (await author.wait_reply()).text == T("announce-prompt-body")
        await author.send("Exam <b>room</b> changed")  # typed tags are text, not formatting: escaped
        preview = await author.wait_reply()
        assert preview.text == "Exam <b>room</b> changed" and not preview.entities, "the preview is the message itself"
        panel = await author.wait_reply()
        assert T("announce-audience-everyone") in panel.text and T("announce-panel-approval") in panel.text
        await author.press(T("announce-button-send"))
        waiting = await author.wait_reply()
        assert waiting.text.startswith(T("announce-awaiting-approval", id=1, count=12, reviewers=1).split(".")[0])
        request = await second.wait_reply()
        assert T("announce-approval-request", id=1, count=12, audience=T("announce-audience-everyone")) in request.text

        await tick(app)
        assert copies(sandbox, 21_000, "Exam") == 0, "nothing goes out before the approval"
        forged = await author.press_data(waiting, "B:1:ok")
        assert forged.text == T("announce-own") and forged.show_alert
        await second.press(T("announce-button-approve"))
        assert (await second.wait_reply()).text.startswith("Announcement #1 is approved")
        assert T("announce-approved", id=1, count=12, when="").split(" on ")[0] in (await author.wait_reply()).text
        await tick(app)
        assert all(copies(sandbox, user_id, "Exam <b>room</b> changed") == 1 for user_id in range(21_000, 21_010))
        async with app.services.unit_of_work() as unit:
            actions = [entry.action for entry in (await unit.session.exec(select(AuditEntry))).all()]
        assert {"announcement.request", "announcement.refused", "announcement.approve"} <= set(actions)


async def test_a_cohort_announcement_with_acknowledgements_counted_and_a_cancel(
        start: Start, sandbox: BotApiSandbox) -> None:
    async with start() as app:
        members = MANAGERS + crowd(range(22_000, 22_005), cohort="Lyon 2027") + crowd(range(22_100, 22_103))
        await seed_verified(app.services, sandbox, members)
        cohorts = await _cohorts(app)
        number = await announce(app.services, "Bring your badge.", Audience(cohort_id=cohorts["Lyon 2027"]), acknowledge=True)
        await tick(app)
        assert [copies(sandbox, u, "Bring your badge") for u in (22_000, 22_004, 22_100)] == [1, 1, 0]
        reader = sandbox.user(user_id=22_000)
        reader.drain()
        answer = await reader.press(T("announce-acknowledge"))
        assert answer.text == T("announce-ack-thanks")
        assert (await reader.wait_reply()).button_labels() == [T("announce-acknowledged")]
        outsider = sandbox.user(user_id=22_100)
        await outsider.send("/help")
        help_message = await outsider.wait_reply()
        assert (await outsider.press_data(help_message, f"Q:{number}")).text == T("stale-button"), "not theirs"

        author = sandbox.user(user_id=AUTHOR)
        assert T("announce-report", id=number) in (await author.wait_reply()).text
        await author.send("/announcements")
        listing = await author.wait_reply()
        assert T("announcements-counts", sent=5, total=5, pending=0, failed=0, unreachable=0, unconfirmed=0,
                 acknowledged=1) in listing.text

        later = await announce(app.services, "Second notice.", Audience(cohort_id=cohorts["Lyon 2027"]))
        await author.send("/announcements")
        await author.wait_reply()
        await author.press(T("announce-button-cancel-id", id=later))
        await asyncio.sleep(0.1)
        await tick(app)
        assert copies(sandbox, 22_000, "Second notice") == 0, "cancelled before it went out"


async def _cohorts(app: LearnbotApplication) -> dict[str, int]:
    async with app.services.unit_of_work() as unit:
        return {cohort.name: cohort.id for cohort in await app.services.cohorts.cohorts(unit.session)}


async def test_a_photo_announcement_scheduled_in_an_hour_goes_out_then_as_previewed(
        start: Start, sandbox: BotApiSandbox, clock: MovableClock) -> None:
    async with start() as app:
        await seed_verified(app.services, sandbox, MANAGERS + crowd(range(26_000, 26_003), cohort="Lyon"))
        author = sandbox.user(user_id=AUTHOR)
        await author.send("/announce")
        await author.wait_reply()
        await author.send_photo(caption="New range map")
        preview = await author.wait_reply()
        assert preview.photo and preview.caption == "New range map"
        await author.wait_reply()
        await author.press(T("announce-button-audience"))
        await author.wait_reply()
        await author.press(T("announce-by-cohort"))
        await author.wait_reply()
        await author.press("Lyon")
        panel = await author.wait_reply()
        assert T("announce-filter-cohort", name="Lyon") in panel.text and T("announce-panel-count", count=3) in panel.text
        await author.press(T("announce-button-schedule"))
        await author.wait_reply()
        await author.press(T("announce-in-one-hour"))
        assert (await author.wait_reply()).text.startswith("Announcement #1 will go out on ")

        await tick(app)
        assert copies(sandbox, 26_000, "New range map") == 0, "not before its time"
        clock.advance(hours=1, seconds=1)
        await tick(app)
        received = sandbox.user(user_id=26_000).messages[-1]
        assert received.photo and received.caption == "New range map"
        assert [copies(sandbox, u, "New range map") for u in (26_001, 26_002, SECOND)] == [1, 1, 0]
