"""The scripted user: a cursor over chat events, button presses, and failures that explain themselves."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.sandbox import BotApiSandbox, SandboxUser
from tests.sandbox.conftest import RawApi

CHAT = 1001
MENU = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}, {"text": "Site", "url": "https://e.com"}]]}


async def test_events_are_read_in_order_and_user_events_skipped(api: RawApi, user: SandboxUser) -> None:
    first = await api.ok("sendMessage", chat_id=CHAT, text="one")
    await user.send("my reply")
    await api.ok("editMessageText", chat_id=CHAT, message_id=first["message_id"], text="one, edited")
    await api.ok("deleteMessage", chat_id=CHAT, message_id=first["message_id"])
    await api.ok("sendMessage", chat_id=CHAT, text="two")
    kinds = [(event.kind, event.message.text if event.message else None) for event in
             [await user.next_event() for _ in range(4)]]
    assert kinds == [("message", "one"), ("edit", "one, edited"), ("delete", "one, edited"), ("message", "two")]
    assert [event.kind for event in user.transcript] == [
        "user_message", "message", "user_message", "edit", "delete", "message"]


async def test_wait_reply_returns_the_state_of_that_moment(api: RawApi, user: SandboxUser) -> None:
    sent = await api.ok("sendMessage", chat_id=CHAT, text="draft")
    await api.ok("editMessageText", chat_id=CHAT, message_id=sent["message_id"], text="final")
    await api.ok("deleteMessage", chat_id=CHAT, message_id=sent["message_id"])
    await api.ok("sendMessage", chat_id=CHAT, text="next")
    assert [(await user.wait_reply()).text for _ in range(3)] == ["draft", "final", "next"]


async def test_timeouts_explain_what_the_bot_did(api: RawApi, user: SandboxUser) -> None:
    await api.error("sendMessage", chat_id=CHAT, text="<b>broken", parse_mode="HTML")
    with pytest.raises(TimeoutError) as raised:
        await user.wait_reply(timeout=0.05)
    report = str(raised.value)
    assert "no reply from the bot in chat 1001 within 0.05s" in report
    assert "sendMessage -> Bad Request: can't parse entities: Can't find end tag" in report


async def test_expect_silence(api: RawApi, user: SandboxUser) -> None:
    await user.expect_silence(0.05)
    await api.ok("sendMessage", chat_id=CHAT, text="unexpected")
    with pytest.raises(AssertionError, match="expected silence in chat 1001, but the bot did: message"):
        await user.expect_silence(0.05)
    user.drain()
    await user.expect_silence(0.01)


async def test_expect_silence_notices_a_late_reply(api: RawApi, user: SandboxUser) -> None:
    async def reply_later() -> None:
        await asyncio.sleep(0.05)
        await api.ok("sendMessage", chat_id=CHAT, text="late")

    task = asyncio.create_task(reply_later())
    started = time.monotonic()
    with pytest.raises(AssertionError, match="'late'"):
        await user.expect_silence(5)
    assert time.monotonic() - started < 1, "the reply is reported when it arrives, not at the end"
    await task


async def test_press_finds_the_latest_button_and_explains_misses(api: RawApi, user: SandboxUser) -> None:
    await api.ok("sendMessage", chat_id=CHAT, text="old menu", reply_markup=MENU)
    latest = await api.ok("sendMessage", chat_id=CHAT, text="new menu", reply_markup=MENU)
    with pytest.raises(LookupError, match=r"no inline button 'B' in chat 1001; visible buttons: #\d+: \['A', 'Site'\]"):
        await user.press("B")
    with pytest.raises(LookupError, match="is a url button"):
        await user.press("Site")
    press = asyncio.create_task(user.press("A"))
    updates = await api.ok("getUpdates", timeout=2)
    query = updates[-1]["callback_query"]
    assert query["message"]["message_id"] == latest["message_id"]
    await api.ok("answerCallbackQuery", callback_query_id=query["id"])
    assert (await press).text is None


async def test_press_data_refuses_messages_that_are_gone(api: RawApi, user: SandboxUser) -> None:
    sent = await api.ok("sendMessage", chat_id=CHAT, text="menu", reply_markup=MENU)
    [message] = user.messages
    await api.ok("deleteMessage", chat_id=CHAT, message_id=sent["message_id"])
    with pytest.raises(LookupError, match="deleted"):
        await user.press_data(message, "a")


async def test_users_edit_only_their_own_messages(api: RawApi, user: SandboxUser) -> None:
    await api.ok("sendMessage", chat_id=CHAT, text="bot")
    [bot_message] = user.messages
    with pytest.raises(ValueError, match="not a text message of this user"):
        await user.edit(bot_message, "hijack")


async def test_users_are_per_bot_and_unknown_until_they_write(sandbox: BotApiSandbox, api: RawApi) -> None:
    silent = sandbox.user(user_id=3001)
    assert sandbox.user(user_id=3001) is silent
    assert await api.error("sendMessage", chat_id=3001, text="hi") == (400, "Bad Request: chat not found")
    await silent.send("hello")
    await api.ok("sendMessage", chat_id=3001, text="hi")
    other_token = sandbox.register_bot(username="other_bot")
    with pytest.raises(RuntimeError, match="2 bots are registered"):
        sandbox.user(user_id=3001)
    assert sandbox.user(user_id=3001, token=other_token) is not silent


async def test_writing_to_a_blocked_bot_unblocks_it(sandbox: BotApiSandbox, api: RawApi, user: SandboxUser) -> None:
    sandbox.block(CHAT)
    await user.send("/start")
    updates = await api.ok("getUpdates")
    assert [next(key for key in update if key != "update_id") for update in updates] == [
        "my_chat_member", "my_chat_member", "message"]
    assert updates[1]["my_chat_member"]["new_chat_member"]["status"] == "member"
    await api.ok("sendMessage", chat_id=CHAT, text="welcome back")
