"""Updates reach the bot like Telegram delivers them: getUpdates with long polling, or a webhook."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from bot.sandbox import BotApiSandbox
from tests.sandbox.conftest import RawApi

CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
WEBHOOK_ACTIVE = ("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
                  "webhook first")


async def until_polling(sandbox: BotApiSandbox) -> None:
    """Let the server run until a getUpdates request is parked in a long poll."""
    while sandbox.bot_state().updates.waiting_polls == 0:
        await asyncio.sleep(0.005)


async def test_update_ids_offset_and_limit(api: RawApi, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=2001)
    for text in ("one", "two", "three"):
        await user.send(text)
    updates = await api.ok("getUpdates")
    ids = [update["update_id"] for update in updates]
    assert ids == list(range(ids[0], ids[0] + 3))
    assert [update["message"]["text"] for update in await api.ok("getUpdates", limit=1)] == ["one"]
    assert [update["message"]["text"] for update in await api.ok("getUpdates", offset=ids[1])] == ["two", "three"]
    assert await api.ok("getUpdates") != updates, "the offset confirmed the first update for good"
    assert [update["message"]["text"] for update in await api.ok("getUpdates", offset=-1)] == ["three"]
    assert await api.ok("getUpdates", offset=ids[2] + 1) == []


async def test_long_poll_returns_as_soon_as_an_update_arrives(api: RawApi, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=2002)
    started = time.monotonic()
    assert await api.ok("getUpdates", timeout=0) == []
    poll = asyncio.create_task(api.ok("getUpdates", timeout=10))
    await until_polling(sandbox)
    await user.send("wake up")
    [update] = await poll
    assert update["message"]["text"] == "wake up"
    assert time.monotonic() - started < 2


async def test_long_poll_ends_empty_at_its_timeout(api: RawApi) -> None:
    started = time.monotonic()
    assert await api.ok("getUpdates", timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 2


async def test_a_second_long_poll_terminates_the_first(api: RawApi, sandbox: BotApiSandbox) -> None:
    first = asyncio.create_task(api.error("getUpdates", timeout=10))
    await until_polling(sandbox)
    second = asyncio.create_task(api.ok("getUpdates", timeout=10))
    assert await first == (409, CONFLICT)
    await until_polling(sandbox)
    await sandbox.user(user_id=2003).send("for the survivor")
    assert [update["message"]["text"] for update in await second] == ["for the survivor"]


async def test_allowed_updates_filter_sticks(api: RawApi, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=2004)
    await user.send("hello")
    await api.ok("sendMessage", chat_id=2004, text="menu", reply_markup={
        "inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]})
    [first] = await api.ok("getUpdates", allowed_updates=["callback_query"])
    assert "message" in first, "updates already queued are still delivered"
    await user.send("filtered out")
    press = asyncio.create_task(user.press("Go", timeout=1))
    [update] = await api.ok("getUpdates", offset=first["update_id"] + 1)
    assert update["callback_query"]["data"] == "go"
    press.cancel()


async def test_updates_carry_telegram_shapes(api: RawApi, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=2005, language_code="fr", first_name="Zoé", username="zoe")
    sent = await user.send("/start@learnbot_test_bot now")
    await user.edit(sent, "/help")
    await user.send_sticker()
    await user.send_photo(caption="look")
    await user.send_voice(duration=4)
    await user.send_location(45.76, 4.84)
    await user.send_contact(phone_number="+33123456789", user_id=user.id)
    updates = await api.ok("getUpdates")
    message = updates[0]["message"]
    assert message["from"] == {"id": 2005, "is_bot": False, "first_name": "Zoé", "username": "zoe",
                               "language_code": "fr"}
    assert message["chat"] == {"id": 2005, "first_name": "Zoé", "username": "zoe", "type": "private"}
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 24}]
    edited = updates[1]["edited_message"]
    assert (edited["message_id"], edited["text"], "edit_date" in edited) == (message["message_id"], "/help", True)
    sticker, photo, voice, location, contact = (update["message"] for update in updates[2:])
    assert sticker["sticker"]["type"] == "regular" and sticker["sticker"]["file_id"]
    assert [size["width"] for size in photo["photo"]] == [90, 1280] and photo["caption"] == "look"
    assert voice["voice"]["duration"] == 4 and voice["voice"]["mime_type"] == "audio/ogg"
    assert location["location"] == {"latitude": 45.76, "longitude": 4.84}
    assert contact["contact"] == {"phone_number": "+33123456789", "first_name": "Zoé", "user_id": 2005}
    file = await api.ok("getFile", file_id=voice["voice"]["file_id"])
    assert file["file_size"] == voice["voice"]["file_size"]


Received = asyncio.Queue[tuple[str | None, dict[str, Any]]]
Receiver = tuple[str, Received]


@pytest.fixture
async def webhook_receiver() -> AsyncIterator[Receiver]:
    """A local HTTP endpoint that records each POST's secret header and JSON body."""
    received: Received = asyncio.Queue()

    async def receive(request: web.Request) -> web.Response:
        await received.put((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json()))
        return web.Response(status=500 if request.path == "/broken" else 200)

    app = web.Application()
    app.router.add_post("/{name}", receive)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}", received
    await runner.cleanup()


async def test_webhook_delivery_with_secret_token(api: RawApi, sandbox: BotApiSandbox,
                                                   webhook_receiver: Receiver) -> None:
    url, received = webhook_receiver
    user = sandbox.user(user_id=2006)
    await user.send("queued before the webhook")
    assert await api.ok("setWebhook", url=f"{url}/hook", secret_token="s3cr3t_-") is True
    await user.send("after")
    assert [(secret, update["message"]["text"]) for secret, update in
            [await received.get(), await received.get()]] == [("s3cr3t_-", "queued before the webhook"),
                                                              ("s3cr3t_-", "after")]
    assert await api.error("getUpdates") == (409, WEBHOOK_ACTIVE)
    info = await api.ok("getWebhookInfo")
    assert (info["url"], info["pending_update_count"], "last_error_message" in info) == (f"{url}/hook", 0, False)
    assert await api.error("setWebhook", url=f"{url}/hook", secret_token="not allowed!") == (
        400, "Bad Request: secret token contains unallowed characters")

    await api.ok("setWebhook", url=f"{url}/broken")
    await user.send("lost")
    assert (await received.get())[0] is None, "no secret_token, no header"
    while "last_error_message" not in (info := await api.ok("getWebhookInfo")):
        await asyncio.sleep(0.01)
    assert info["last_error_message"] == "Wrong response from the webhook: 500 Internal Server Error"

    assert await api.call("deleteWebhook") == (200, {"ok": True, "result": True, "description": "Webhook was deleted"})
    await user.send("polled again")
    assert [update["message"]["text"] for update in await api.ok("getUpdates")] == ["polled again"]


async def test_failed_webhook_delivery_is_retried_until_the_receiver_listens(api: RawApi, sandbox: BotApiSandbox) -> None:
    received: Received = asyncio.Queue()

    async def receive(request: web.Request) -> web.Response:
        await received.put((None, await request.json()))
        return web.Response()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    await api.ok("setWebhook", url=f"http://127.0.0.1:{port}/hook")
    user = sandbox.user(user_id=2010)
    await user.send("sent while nobody listens")
    await asyncio.sleep(0.1)  # let the first deliveries fail
    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        _, update = await asyncio.wait_for(received.get(), timeout=5)
        assert update["message"]["text"] == "sent while nobody listens"
    finally:
        await runner.cleanup()


async def test_set_webhook_ends_a_long_poll_and_delete_can_drop_updates(api: RawApi, sandbox: BotApiSandbox,
                                                                       webhook_receiver: Receiver) -> None:
    url, _ = webhook_receiver
    poll = asyncio.create_task(api.error("getUpdates", timeout=10))
    await until_polling(sandbox)
    await api.ok("setWebhook", url=f"{url}/hook")
    assert await poll == (409, "Conflict: terminated by setWebhook request")
    await api.ok("deleteWebhook")
    await sandbox.user(user_id=2007).send("dropped")
    await api.ok("deleteWebhook", drop_pending_updates=True)
    assert await api.ok("getUpdates") == []
