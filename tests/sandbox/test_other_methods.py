"""Edits, deletions, callback answers, commands, chat actions, files and the HTTP surface itself."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from bot.sandbox import BotApiSandbox, SandboxUser
from tests.sandbox.conftest import RawApi

CHAT = 1001
MENU = {"inline_keyboard": [[{"text": "Next", "callback_data": "next"}]]}
NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message")
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


async def test_edit_text_changes_the_message_and_records_an_edit(api: RawApi, user: SandboxUser) -> None:
    sent = await api.ok("sendMessage", chat_id=CHAT, text="<b>v1</b>", parse_mode="HTML", reply_markup=MENU)
    await user.wait_reply()
    edited = await api.ok("editMessageText", chat_id=CHAT, message_id=sent["message_id"], text="v2",
                          reply_markup=MENU)
    assert (edited["text"], edited["reply_markup"], "entities" in edited) == ("v2", MENU, False)
    event = await user.next_event()
    assert event.kind == "edit" and event.message is not None and event.message.edit_date == edited["edit_date"]
    assert await api.error("editMessageText", chat_id=CHAT, message_id=sent["message_id"], text="v2",
                           reply_markup=MENU) == (400, NOT_MODIFIED)
    await api.ok("editMessageText", chat_id=CHAT, message_id=sent["message_id"], text="v2")
    assert user.messages[0].reply_markup is None, "the same text without reply_markup still drops the keyboard"


@pytest.mark.parametrize(("params", "description"), [
    ({"message_id": 999, "text": "x"}, "Bad Request: message to edit not found"),
    ({"message_id": 1, "text": "x"}, "Bad Request: message can't be edited"),
    ({"message_id": 2, "text": ""}, "Bad Request: message text is empty"),
    ({"message_id": 2, "text": "x", "reply_markup": {"keyboard": [["a"]]}}, "Bad Request: inline keyboard expected"),
])
async def test_edit_text_refusals(api: RawApi, user: SandboxUser, params: dict[str, object], description: str) -> None:
    await api.ok("sendMessage", chat_id=CHAT, text="bot message #2")
    assert await api.error("editMessageText", chat_id=CHAT, **params) == (400, description)


async def test_edit_reply_markup(api: RawApi, user: SandboxUser) -> None:
    sent = await api.ok("sendMessage", chat_id=CHAT, text="menu", reply_markup=MENU)
    assert await api.error("editMessageReplyMarkup", chat_id=CHAT, message_id=sent["message_id"],
                           reply_markup=MENU) == (400, NOT_MODIFIED)
    result = await api.ok("editMessageReplyMarkup", chat_id=CHAT, message_id=sent["message_id"])
    assert "reply_markup" not in result and user.messages[0].button_labels() == []
    assert await api.error("editMessageReplyMarkup", chat_id=CHAT, message_id=sent["message_id"]) == (
        400, NOT_MODIFIED)


async def test_delete_message(api: RawApi, user: SandboxUser) -> None:
    sent = await api.ok("sendMessage", chat_id=CHAT, text="soon gone")
    user.drain()
    assert await api.ok("deleteMessage", chat_id=CHAT, message_id=sent["message_id"]) is True
    event = await user.next_event()
    assert event.kind == "delete" and event.message is not None and event.message.text == "soon gone"
    assert user.messages == [] and user.last_message is None
    assert await api.error("deleteMessage", chat_id=CHAT, message_id=sent["message_id"]) == (
        400, "Bad Request: message to delete not found")


async def test_callback_query_is_answered_once(api: RawApi, user: SandboxUser) -> None:
    await api.ok("sendMessage", chat_id=CHAT, text="menu", reply_markup=MENU)
    press = asyncio.create_task(user.press("Next", timeout=2))
    [update] = await api.ok("getUpdates", timeout=2)
    query = update["callback_query"]
    assert (query["data"], query["from"]["id"], query["message"]["text"]) == ("next", CHAT, "menu")
    assert await api.error("answerCallbackQuery", callback_query_id=query["id"], text="x" * 201) == (
        400, "Bad Request: MESSAGE_TOO_LONG")
    assert await api.ok("answerCallbackQuery", callback_query_id=query["id"], text="Done", show_alert=True)
    answer = await press
    assert (answer.text, answer.show_alert) == ("Done", True)
    assert await api.error("answerCallbackQuery", callback_query_id=query["id"]) == (400, TOO_OLD)
    assert await api.error("answerCallbackQuery", callback_query_id="12345") == (400, TOO_OLD)


async def test_callback_query_expires(api: RawApi, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    sandbox.callback_query_ttl = 0.0
    sent = await api.ok("sendMessage", chat_id=CHAT, text="menu", reply_markup=MENU)
    [message] = user.messages
    with pytest.raises(TimeoutError, match="did not answer the callback query 'forged'"):
        await user.press_data(message, "forged", timeout=0.05)
    [update] = await api.ok("getUpdates")
    assert update["callback_query"]["message"]["message_id"] == sent["message_id"]
    assert await api.error("answerCallbackQuery", callback_query_id=update["callback_query"]["id"]) == (400, TOO_OLD)


async def test_commands_are_stored_per_scope_and_language(api: RawApi, user: SandboxUser) -> None:
    default = [{"command": "start", "description": "Start"}]
    french = [{"command": "start", "description": "Démarrer"}]
    chat_scope = {"type": "chat", "chat_id": CHAT}
    await api.ok("setMyCommands", commands=default)
    await api.ok("setMyCommands", commands=french, language_code="fr")
    await api.ok("setMyCommands", commands=[{"command": "/admin ", "description": " Admin "}], scope=chat_scope)
    assert await api.ok("getMyCommands") == default
    assert await api.ok("getMyCommands", language_code="fr") == french
    assert await api.ok("getMyCommands", language_code="es") == []
    assert await api.ok("getMyCommands", scope=chat_scope) == [{"command": "admin", "description": "Admin"}]
    await api.ok("deleteMyCommands", language_code="fr")
    assert await api.ok("getMyCommands", language_code="fr") == []
    assert await api.ok("getMyCommands") == default


@pytest.mark.parametrize(("params", "description"), [
    ({"commands": [{"command": "Start", "description": "x"}]}, "Bad Request: BOT_COMMAND_INVALID"),
    ({"commands": [{"command": "my-cmd", "description": "x"}]}, "Bad Request: BOT_COMMAND_INVALID"),
    ({"commands": [{"command": "c" * 33, "description": "x"}]}, "Bad Request: command length must not exceed 32"),
    ({"commands": [{"command": "/", "description": "x"}]}, "Bad Request: command must be non-empty"),
    ({"commands": [{"command": "go", "description": " "}]}, "Bad Request: command description must be non-empty"),
    ({"commands": [{"command": "go", "description": "d" * 257}]},
     "Bad Request: command description length must not exceed 256"),
    ({"commands": [{"command": "go"}]}, 'Bad Request: can\'t parse BotCommand: Can\'t find field "description"'),
    ({"commands": [{"command": f"c{n}", "description": "x"} for n in range(101)]},
     "Bad Request: BOT_COMMANDS_TOO_MUCH"),
    ({"commands": [], "language_code": "english"}, "Bad Request: invalid language code specified"),
    ({"commands": [], "scope": {"type": "everyone"}},
     "Bad Request: can't parse BotCommandScope: Unsupported type specified"),
    ({"commands": [], "scope": {"type": "chat", "chat_id": 5}}, "Bad Request: chat not found"),
])
async def test_bad_commands_are_refused(api: RawApi, user: SandboxUser, params: dict[str, object],
                                        description: str) -> None:
    assert await api.error("setMyCommands", **params) == (400, description)


async def test_at_most_one_hundred_commands_of_32_characters(api: RawApi) -> None:
    commands = [{"command": f"c{n:031d}", "description": "d" * 256} for n in range(100)]
    await api.ok("setMyCommands", commands=commands)
    assert await api.ok("getMyCommands") == commands


async def test_chat_action_and_get_file(api: RawApi, user: SandboxUser) -> None:
    assert await api.ok("sendChatAction", chat_id=CHAT, action="typing") is True
    assert await api.error("sendChatAction", chat_id=CHAT, action="dancing") == (
        400, "Bad Request: wrong parameter action in request")
    assert await api.error("getFile", file_id="nope") == (400, "Bad Request: invalid file_id")


async def test_send_document_checks_its_caption_and_file(api: RawApi, http: aiohttp.ClientSession,
                                                         sandbox: BotApiSandbox, token: str,
                                                         user: SandboxUser) -> None:
    async def upload(**fields: str) -> tuple[int, dict[str, object]]:
        form = aiohttp.FormData({"chat_id": str(CHAT), **fields})
        form.add_field("document", b"%PDF-1.4 certificate", filename="certificate.pdf",
                       content_type="application/pdf")
        async with http.post(f"{sandbox.base_url}{token}/sendDocument", data=form) as response:
            return response.status, await response.json()

    status, body = await upload(caption="x" * 1025)
    assert (status, body["description"]) == (400, "Bad Request: message caption is too long")
    status, body = await upload(caption="<b>Well done</b>", parse_mode="HTML")
    assert status == 200, body
    document = body["result"]["document"]  # type: ignore[index]
    assert (document["file_name"], document["mime_type"], document["file_size"]) == (
        "certificate.pdf", "application/pdf", 20)
    assert user.messages[-1].caption == "Well done"
    again = await api.ok("sendDocument", chat_id=CHAT, document=document["file_id"])
    assert again["document"]["file_unique_id"] == document["file_unique_id"]
    assert await api.error("sendDocument", chat_id=CHAT, document="https://example.com/x.pdf") == (
        400, "Bad Request: wrong file identifier/HTTP URL specified")
    assert await api.error("sendDocument", chat_id=CHAT) == (400, "Bad Request: there is no document in the request")
    file = await api.ok("getFile", file_id=document["file_id"])
    async with http.get(f"{sandbox.base_file_url}{token}/{file['file_path']}") as response:
        assert (response.status, await response.read()) == (200, b"%PDF-1.4 certificate")


async def test_document_type_comes_from_the_name_when_the_upload_is_generic(
        http: aiohttp.ClientSession, sandbox: BotApiSandbox, token: str, user: SandboxUser) -> None:
    sent = []
    for name, content_type in (("export.csv", "application/octet-stream"), ("export.csv", None),
                               ("notes.unknownext", None), ("data.bin", "application/x-custom")):
        form = aiohttp.FormData({"chat_id": str(CHAT)})
        form.add_field("document", b"id,name\n", filename=name, content_type=content_type)
        async with http.post(f"{sandbox.base_url}{token}/sendDocument", data=form) as response:
            sent.append((await response.json())["result"]["document"])
    assert [(document["file_name"], document["mime_type"]) for document in sent] == [
        ("export.csv", "text/csv"), ("export.csv", "text/csv"), ("notes.unknownext", "application/octet-stream"),
        ("data.bin", "application/x-custom")]


async def test_http_surface(http: aiohttp.ClientSession, sandbox: BotApiSandbox, token: str, user: SandboxUser) -> None:
    base = f"{sandbox.base_url}{token}"

    async def answer(verb: str, url: str, **options: Any) -> tuple[int, Any]:
        async with http.request(verb, url, **options) as response:
            return response.status, await response.json()

    assert await answer("GET", f"{sandbox.base_url}123:unknown/getMe") == (
        401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
    assert (await answer("GET", f"{sandbox.base_url}not-a-token/getMe"))[0] == 404
    assert await answer("POST", f"{base}/sendCarrierPigeon") == (
        404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"})
    status, me = await answer("GET", f"{base}/GETME")
    assert status == 200 and me["result"]["username"] == "learnbot_test_bot"
    status, body = await answer("GET", f"{base}/sendmessage", params={"chat_id": str(CHAT), "text": "by GET"})
    assert status == 200, body
    json_body = {"chat_id": CHAT, "text": "by JSON", "reply_markup": MENU}
    status, body = await answer("POST", f"{base}/sendMessage", json=json_body)
    assert status == 200 and body["result"]["reply_markup"] == MENU
    encoded = {**json_body, "text": "by JSON with an encoded markup", "reply_markup": json.dumps(MENU)}
    status, body = await answer("POST", f"{base}/sendMessage", json=encoded)
    assert status == 200 and body["result"]["reply_markup"] == MENU
    assert [call.method for call in sandbox.calls][-3:] == ["sendMessage"] * 3
    assert sandbox.calls_of("sendmessage")[-1].params["reply_markup"] == MENU
    assert sandbox.calls_of("sendMessage")[0].params["chat_id"] == CHAT
