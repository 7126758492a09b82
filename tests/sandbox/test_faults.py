"""Faults on purpose reach PTB as the exceptions Telegram's answers would raise, and change nothing."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import CommandHandler, ContextTypes

from bot.sandbox import BotApiSandbox, SandboxUser
from tests.sandbox.conftest import RawApi, RunApp

OTHER = 1002


@pytest.fixture
async def other(sandbox: BotApiSandbox, user: SandboxUser, api: RawApi) -> SandboxUser:
    """A second officer whose chat the bot knows, updates consumed."""
    person = sandbox.user(user_id=OTHER, first_name="Omar")
    await person.send("/start")
    updates = await api.ok("getUpdates")
    await api.ok("getUpdates", offset=updates[-1]["update_id"] + 1)
    return person


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
@pytest.mark.parametrize(("kind", "options", "raised", "message"), [
    ("429", {"retry_after": 3}, RetryAfter, "Flood control exceeded. Retry in 3 seconds"),
    ("403", {}, Forbidden, "Forbidden: bot was blocked by the user"),
    ("403", {"description": "user is deactivated"}, Forbidden, "Forbidden: user is deactivated"),
    ("400", {"description": "Bad Request: message is too long"}, BadRequest, "Message is too long"),
    ("5xx", {}, NetworkError, "Internal Server Error"),
    ("5xx", {"status": 502}, NetworkError, "Bad Gateway (502). Parsing the server response"),
    ("drop", {}, NetworkError, "httpx.RemoteProtocolError: Server disconnected without sending a response."),
])
async def test_each_fault_raises_what_telegram_would_and_stores_nothing(
        ptb_bot: Bot, sandbox: BotApiSandbox, user: SandboxUser, kind: Any, options: dict[str, Any],
        raised: type[TelegramError], message: str) -> None:
    fault = sandbox.faults.add(kind, method="sendMessage", count=1, **options)
    with pytest.raises(TelegramError) as failure:
        await ptb_bot.send_message(user.id, "lesson 1")
    assert type(failure.value) is raised and failure.value.message.startswith(message)
    if kind == "429":
        assert failure.value.retry_after == 3
    assert user.messages == [] and sandbox.limits.accepted == 0, "a faulted call must change nothing"
    [call] = sandbox.calls_of("sendMessage")
    assert (call.ok, call.fault, call.params["text"]) == (False, kind, "lesson 1")
    assert (fault.fired, fault.active) == (1, False)
    await ptb_bot.send_message(user.id, "lesson 1")
    assert [m.text for m in user.messages] == ["lesson 1"] and sandbox.calls_of("sendMessage")[-1].fault is None


async def test_count_fails_the_next_calls_then_lets_them_through(ptb_bot: Bot, sandbox: BotApiSandbox,
                                                                 user: SandboxUser) -> None:
    fault = sandbox.faults.add("5xx", method="sendMessage", count=2)
    outcomes = []
    for number in range(4):
        try:
            await ptb_bot.send_message(user.id, f"try {number}")
            outcomes.append("sent")
        except NetworkError:
            outcomes.append("failed")
    assert outcomes == ["failed", "failed", "sent", "sent"]
    assert [m.text for m in user.messages] == ["try 2", "try 3"]
    assert [call.fault for call in sandbox.calls_of("sendMessage")] == ["5xx", "5xx", None, None]
    assert (fault.fired, fault.remaining, fault.active) == (2, 0, False)


async def test_a_fraction_of_calls_fails_the_same_way_for_the_same_seed(ptb_bot: Bot, sandbox: BotApiSandbox,
                                                                        user: SandboxUser) -> None:
    async def failing_attempts(seed: int) -> list[int]:
        sandbox.faults.clear()
        sandbox.faults.add("403", method="sendMessage", fraction=0.25, seed=seed)
        failed = []
        for number in range(40):
            try:
                await ptb_bot.send_message(user.id, str(number))
            except Forbidden:
                failed.append(number)
        return failed

    first, again, other_seed = await failing_attempts(7), await failing_attempts(7), await failing_attempts(8)
    assert first == again, "a seeded fraction must fail the same calls in every run"
    assert first != other_seed
    assert 3 <= len(first) <= 20, f"about a quarter of 40 calls should fail, not {len(first)}"
    assert len(user.messages) == 3 * 40 - len(first) - len(again) - len(other_seed)


async def test_faults_match_by_method_case_insensitively_and_by_chat(ptb_bot: Bot, sandbox: BotApiSandbox,
                                                                     user: SandboxUser, other: SandboxUser) -> None:
    sandbox.faults.add("403", method="SENDMESSAGE", chat_id=OTHER)
    sent = await ptb_bot.send_message(user.id, "to Ana")
    with pytest.raises(Forbidden):
        await ptb_bot.send_message(OTHER, "to Omar")
    await ptb_bot.send_chat_action(OTHER, "typing")
    sandbox.faults.clear()
    edit = sandbox.faults.add("400", method="editMessageText", description="message to edit not found")
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await ptb_bot.edit_message_text("edited", chat_id=user.id, message_id=sent.message_id)
    await ptb_bot.send_message(OTHER, "to Omar again")
    edit.remove()
    await ptb_bot.edit_message_text("edited", chat_id=user.id, message_id=sent.message_id)
    assert [m.text for m in user.messages] == ["edited"] and [m.text for m in other.messages] == ["to Omar again"]


async def test_a_fault_without_method_spares_get_updates_unless_named(ptb_bot: Bot, sandbox: BotApiSandbox,
                                                                      user: SandboxUser) -> None:
    sandbox.faults.add("5xx", status=502)
    assert await ptb_bot.get_updates(timeout=0) == ()
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await ptb_bot.get_me()
    sandbox.faults.clear()
    sandbox.faults.add("drop", method="getUpdates", count=1)
    with pytest.raises(NetworkError, match="Server disconnected"):
        await ptb_bot.get_updates(timeout=0)
    assert [call.fault for call in sandbox.calls_of("getUpdates")][-2:] == [None, "drop"]


async def test_slow_answer_delivers_the_message_but_times_out_a_hasty_client(
        ptb_bot: Bot, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    sandbox.faults.add("slow", method="sendMessage", count=2, delay=0.6)
    started = time.monotonic()
    sent = await ptb_bot.send_message(user.id, "patient")
    assert sent.text == "patient" and time.monotonic() - started >= 0.6
    with pytest.raises(TimedOut):
        await ptb_bot.send_message(user.id, "hasty", read_timeout=0.1)
    assert [m.text for m in user.messages] == ["patient", "hasty"], "Telegram's ambiguity: timed out, yet delivered"
    assert [(call.ok, call.fault) for call in sandbox.calls_of("sendMessage")] == [(True, "slow")] * 2


async def test_a_running_application_survives_a_fault_and_keeps_polling(run_app: RunApp,
                                                                        sandbox: BotApiSandbox) -> None:
    errors: asyncio.Queue[object] = asyncio.Queue()

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "Welcome")

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        await errors.put(context.error)

    async with run_app(CommandHandler("start", start)) as app:
        app.add_error_handler(on_error)
        sandbox.faults.add("5xx", count=1)
        officer = sandbox.user(user_id=1005)
        await officer.send("/start")
        assert isinstance(await asyncio.wait_for(errors.get(), 5), NetworkError)
        await officer.send("/start")
        assert (await officer.wait_reply()).text == "Welcome"
    assert [call.fault for call in sandbox.calls_of("sendMessage")] == ["5xx", None]


@pytest.mark.parametrize("options", [{"kind": "boom"}, {"kind": "429", "count": 0}, {"kind": "429", "fraction": 1.5},
                                     {"kind": "429", "retry_after": 0}, {"kind": "5xx", "status": 404}])
def test_a_fault_that_cannot_be_answered_is_refused(sandbox: BotApiSandbox, options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        sandbox.faults.add(**options)
    assert sandbox.faults.active == []


async def test_latency_delays_calls_but_not_long_polling(ptb_bot: Bot, sandbox: BotApiSandbox,
                                                         user: SandboxUser) -> None:
    sandbox.latency = (0.05, 0.10)
    started = time.monotonic()
    for number in range(5):
        await ptb_bot.send_message(user.id, str(number))
    assert time.monotonic() - started >= 5 * 0.05
    sandbox.latency = (2.0, 2.0)
    started = time.monotonic()
    await ptb_bot.get_updates(timeout=0)
    assert time.monotonic() - started < 2.0, "getUpdates answers when updates arrive, not after the latency"
