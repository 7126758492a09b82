"""Guessing invite codes and certificate codes: limits that /deleteme does not reset, and a global brake."""

from __future__ import annotations

import asyncio
import re

import pytest
from sqlmodel import select

from bot.context import LearnbotApplication
from bot.sandbox import BotApiSandbox
from bot.settings import Settings
from bot.storage.database import UnitOfWork
from bot.storage.models import AuditEntry
from tests.integration.conftest import I18N, MANAGERS, MovableClock, phone_of, settle, verify
from tests.integration.test_access import invite_for

T = I18N.translator("en")


def cooling_down(text: str) -> bool:
    return bool(re.fullmatch(re.escape(T("verify-cooling-down", time="HH:MM")).replace("HH:MM", r"\d\d:\d\d"), text))


async def audited(bot: LearnbotApplication, action: str) -> list[AuditEntry]:
    unit = UnitOfWork(bot.services.sessions)
    rows = (await unit.session.exec(select(AuditEntry).where(AuditEntry.action == action))).all()
    await unit.finish()
    return list(rows)


async def test_deleteme_does_not_reset_the_limit_on_wrong_codes(bot, sandbox: BotApiSandbox) -> None:
    guesser = sandbox.user(user_id=7101, language_code="en")
    for attempt in range(5):
        await guesser.send(f"AAAA-BBBB-CCCC-{attempt:04d}")
        assert (await guesser.wait_reply()).text == T("verify-invalid-code")
    await guesser.send("AAAA-BBBB-CCCC-0005")
    assert cooling_down((await guesser.wait_reply()).text)
    await guesser.send("/deleteme")
    await guesser.wait_reply()
    await guesser.press(T("deleteme-yes"))
    assert (await guesser.wait_reply()).text == T("deleteme-done")
    await guesser.send("AAAA-BBBB-CCCC-0006")
    assert cooling_down((await guesser.wait_reply()).text), "a new account for the same person keeps the count"


GLOBAL_LIMIT = 8


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"invite_failures_per_hour": GLOBAL_LIMIT})


async def test_wrong_codes_from_many_accounts_pause_invite_codes_for_an_hour(
    bot, sandbox: BotApiSandbox, clock: MovableClock
) -> None:
    manager = sandbox.user(user_id=MANAGERS[0], language_code="en")
    await verify(manager)
    code = await invite_for(bot, manager, "P-5001")
    for account in range(GLOBAL_LIMIT // 2):
        guesser = sandbox.user(user_id=7200 + account, language_code="en")
        for attempt in range(2):
            await guesser.send(f"AAAA-BBBB-{account:04d}-{attempt:04d}")
            assert (await guesser.wait_reply()).text == T("verify-invalid-code")
    await settle(bot)
    assert len(await audited(bot, "invite.paused")) == 1, "audited once, when the limit is reached"

    officer = sandbox.user(user_id=7300, language_code="en")
    await officer.send(code)
    paused = (await officer.wait_reply()).text
    pattern = re.escape(T("verify-invites-paused", time="HH:MM")).replace("HH:MM", r"\d\d:\d\d")
    assert re.fullmatch(pattern, paused), paused
    await verify(sandbox.user(user_id=5002, language_code="en"))  # sharing one's phone still works
    clock.advance(hours=1, minutes=1)
    await officer.send(code)
    assert (await officer.wait_reply()).text == T("verify-success")
    assert len(await audited(bot, "invite.paused")) == 1


async def test_two_accounts_claiming_one_entry_at_once_get_one_verified_and_one_conflict(
    bot, sandbox: BotApiSandbox
) -> None:
    manager = sandbox.user(user_id=MANAGERS[0], language_code="en")
    await verify(manager)
    owner, claimant = sandbox.user(user_id=5015, language_code="en"), sandbox.user(user_id=7400, language_code="en")
    code = await invite_for(bot, manager, "P-5015")
    await asyncio.gather(owner.send_contact(phone_number=phone_of(5015), user_id=5015), claimant.send(code))
    answers = sorted([(await owner.wait_reply()).text, (await claimant.wait_reply()).text])
    assert answers == sorted([T("verify-success"), T("verify-conflict")]), answers
    await settle(bot)
    await manager.send("/conflicts")
    assert (await manager.wait_reply()).text.splitlines() == [T("conflicts-list"), "• P-5015"]
    assert not [call for call in sandbox.calls_of("sendMessage") if call.params.get("text") == T("error-generic")]
