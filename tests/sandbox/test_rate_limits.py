"""Telegram's flood limits in the sandbox: per private chat, per group, per bot, at any time scale."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Bot
from telegram.error import RetryAfter

from bot.sandbox import TELEGRAM_LIMITS, BotApiSandbox, Limit, RateLimits, SandboxUser
from tests.sandbox.conftest import RawApi

BOT_ID = 7_000_000_001
CHAT = 1001
GROUP = -1001234567890
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")


def outcomes(limits: RateLimits, sends: list[tuple[int, float]]) -> list[int | None]:
    """Each send (chat id, sandbox second) in turn: None when accepted, else its retry_after."""
    return [limits.take(BOT_ID, chat_id, at / limits.time_scale) for chat_id, at in sends]


@pytest.mark.parametrize("time_scale", [1.0, 10.0, 60.0])
def test_a_time_scale_keeps_every_outcome_and_retry_after(time_scale: float) -> None:
    limits = RateLimits()
    limits.private_chat, limits.time_scale = Limit(3, 3.0), time_scale
    sends = [(CHAT, 0.0), (CHAT, 0.5), (CHAT, 1.0), (CHAT, 1.2), (CHAT, 2.9), (CHAT, 3.1), (CHAT, 3.2)]
    assert outcomes(limits, sends) == [None, None, None, 2, 1, None, 1]
    assert limits.real_seconds(2) == pytest.approx(2 / time_scale)
    assert (limits.accepted, limits.peak["private_chat"], limits.refused[("private_chat", CHAT)]) == (4, 3, 3)


def test_retry_after_is_enough_to_wait_and_never_less_than_a_second() -> None:
    limits = RateLimits()
    limits.private_chat, limits.time_scale = Limit(1, 1.0), 20.0
    assert outcomes(limits, [(CHAT, 0.5), (CHAT, 0.5), (CHAT, 1.499)]) == [None, 1, 1], "a full window is 1 s"
    retry_after = limits.take(BOT_ID, CHAT, 0.7 / 20)
    assert retry_after == 1
    assert limits.take(BOT_ID, CHAT, 0.7 / 20 + limits.real_seconds(retry_after)) is None


def test_groups_get_twenty_a_minute_apart_from_private_chats() -> None:
    limits = RateLimits()
    limits.group, limits.time_scale = TELEGRAM_LIMITS["group"], 60.0
    group_sends = [(GROUP, second) for second in range(20)]
    assert outcomes(limits, group_sends) == [None] * 20
    assert outcomes(limits, [(GROUP, 21.0), (CHAT, 21.0), (GROUP, 61.0)]) == [39, None, None]
    assert limits.refused == {("group", GROUP): 1} and limits.peak["group"] == 20


def test_the_bot_wide_limit_spans_chats() -> None:
    limits = RateLimits()
    limits.bot = TELEGRAM_LIMITS["bot"]
    assert outcomes(limits, [(CHAT + n, n / 100) for n in range(30)]) == [None] * 30
    assert outcomes(limits, [(CHAT + 99, 0.5), (CHAT + 99, 1.001)]) == [1, None]
    assert limits.refused == {("bot", BOT_ID): 1} and limits.peak == {"private_chat": 0, "group": 0, "bot": 30}


def test_like_telegram_switches_every_scope_on_and_reports_it() -> None:
    limits = RateLimits().like_telegram(time_scale=10)
    assert (limits.private_chat, limits.group, limits.bot, limits.time_scale) == (
        Limit(3, 3.0), Limit(20, 60.0), Limit(30, 1.0), 10)
    for at in (0.0, 0.1, 0.2, 0.3):
        limits.take(BOT_ID, CHAT, at / 10)
    assert limits.summary() == {
        "accepted": 3, "time_scale": 10,
        "private_chat": {"limit": "3/3s", "peak": 3, "refused": 1},
        "group": {"limit": "20/60s", "peak": 0, "refused": 0},
        "bot": {"limit": "30/1s", "peak": 3, "refused": 0},
    }
    with pytest.raises(ValueError):
        Limit(0, 1.0)


async def test_ptb_gets_retry_after_in_scaled_seconds_and_honouring_it_is_enough(
        ptb_bot: Bot, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    sandbox.limits.private_chat, sandbox.limits.time_scale = Limit(2, 4.0), 2.0
    await ptb_bot.send_message(user.id, "one")
    await ptb_bot.send_message(user.id, "two")
    with pytest.raises(RetryAfter) as limited:
        await ptb_bot.send_message(user.id, "three")
    assert 1 <= limited.value.retry_after <= 4, "at most the whole window, in sandbox seconds"
    await asyncio.sleep(sandbox.limits.real_seconds(limited.value.retry_after))
    await ptb_bot.send_message(user.id, "three")
    assert [m.text for m in user.messages] == ["one", "two", "three"]
    assert sandbox.calls_of("sendMessage")[2].result_or_error == f"Too Many Requests: retry after {limited.value.retry_after}"


async def test_a_client_that_honours_retry_after_never_sees_its_messages_lost_or_reordered(
        ptb_bot: Bot, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    sandbox.limits.like_telegram(time_scale=20)
    told_to_wait = 0
    for number in range(12):
        while True:
            try:
                await ptb_bot.send_message(user.id, f"card {number}")
                break
            except RetryAfter as limited:
                told_to_wait += 1
                await asyncio.sleep(sandbox.limits.real_seconds(limited.retry_after))
    assert [m.text for m in user.messages] == [f"card {number}" for number in range(12)]
    assert sandbox.limits.accepted == 12 and sandbox.limits.peak["private_chat"] == 3
    assert sum(sandbox.limits.refused.values()) == told_to_wait >= 1


async def test_the_bot_limit_holds_across_concurrent_sends(sandbox: BotApiSandbox, token: str, api: RawApi) -> None:
    officers = [sandbox.user(user_id=2000 + n) for n in range(40)]
    for officer in officers:
        await officer.send("/start")
    sandbox.limits.bot, sandbox.limits.time_scale = Limit(30, 1.0), 0.25
    async with Bot(token, base_url=sandbox.base_url) as bot:
        results = await asyncio.gather(*(bot.send_message(officer.id, "announcement") for officer in officers),
                                       return_exceptions=True)
    refused = [result for result in results if isinstance(result, RetryAfter)]
    delivered = [officer for officer in officers if officer.messages]
    assert len(refused) == 10 and len(delivered) == 30 == sandbox.limits.accepted
    assert sandbox.limits.peak["bot"] == 30 and sandbox.limits.refused == {("bot", BOT_ID): 10}
