"""sendMessage refuses what Telegram refuses, with Telegram's status codes and descriptions."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox import BotApiSandbox, Limit, SandboxUser
from tests.sandbox.conftest import RawApi

CHAT = 1001


def inline(*rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"inline_keyboard": list(rows)}


def button(text: str = "Go", **kind: str) -> dict[str, Any]:
    return {"text": text, **(kind or {"callback_data": "go"})}


@pytest.mark.parametrize(("params", "description"), [
    ({"chat_id": 999999, "text": "hi"}, "Bad Request: chat not found"),
    ({"chat_id": "@somebody", "text": "hi"}, "Bad Request: chat not found"),
    ({"text": "hi"}, "Bad Request: chat_id is empty"),
    ({"chat_id": CHAT, "text": ""}, "Bad Request: message text is empty"),
    ({"chat_id": CHAT, "text": " \n "}, "Bad Request: text must be non-empty"),
    ({"chat_id": CHAT, "text": "<b> </b>", "parse_mode": "HTML"}, "Bad Request: text must be non-empty"),
    ({"chat_id": CHAT, "text": "x" * 4097}, "Bad Request: message is too long"),
    ({"chat_id": CHAT, "text": "😀" * 2049}, "Bad Request: message is too long"),
    ({"chat_id": CHAT, "text": "<b>" + "x" * 4097 + "</b>", "parse_mode": "HTML"}, "Bad Request: message is too long"),
    ({"chat_id": CHAT, "text": "hi", "parse_mode": "BBCode"}, "Bad Request: unsupported parse_mode"),
])
async def test_chat_and_text_are_checked(api: RawApi, user: SandboxUser, params: dict[str, Any],
                                         description: str) -> None:
    assert await api.error("sendMessage", **params) == (400, description)
    assert user.messages == []


async def test_length_is_counted_in_utf16_after_parsing(api: RawApi, user: SandboxUser) -> None:
    await api.ok("sendMessage", chat_id=CHAT, text="😀" * 2048)
    await api.ok("sendMessage", chat_id=CHAT, text="<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    assert [len(message.text or "") for message in user.messages] == [2048, 4096]


@pytest.mark.parametrize(("text", "detail"), [
    ("é <foo>bar</foo>", 'Unsupported start tag "foo" at byte offset 3'),
    ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
    ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
    ("x</b>", "Unexpected end tag at byte offset 1"),
    ("ends with <", "Unclosed start tag at byte offset 10"),
    ('<a href="x>y', "Unclosed start tag at byte offset 0"),
    ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
])
async def test_malformed_html_is_refused(api: RawApi, user: SandboxUser, text: str, detail: str) -> None:
    assert await api.error("sendMessage", chat_id=CHAT, text=text, parse_mode="HTML") == (
        400, f"Bad Request: can't parse entities: {detail}")


async def test_html_becomes_plain_text_and_utf16_entities(api: RawApi, user: SandboxUser) -> None:
    html = ('👮 <b>Bold <i>both</i></b> &lt;tag&gt; Q&A &#8364; <a href="https://example.com">link</a> '
            '<span class="tg-spoiler">s</span> <pre><code class="language-python">x = 1</code></pre>'
            '<blockquote expandable>q</blockquote>')
    result = await api.ok("sendMessage", chat_id=CHAT, text=html, parse_mode="HTML")
    assert result["text"] == "👮 Bold both <tag> Q&A € link s x = 1q"
    assert result["entities"] == [
        {"type": "bold", "offset": 3, "length": 9},
        {"type": "italic", "offset": 8, "length": 4},
        {"type": "text_link", "offset": 25, "length": 4, "url": "https://example.com"},
        {"type": "spoiler", "offset": 30, "length": 1},
        {"type": "pre", "offset": 32, "length": 5, "language": "python"},
        {"type": "expandable_blockquote", "offset": 37, "length": 1},
    ]
    assert user.last_message is not None and user.last_message.html == html


async def test_markdown_v2_needs_reserved_characters_escaped(api: RawApi, user: SandboxUser) -> None:
    assert await api.error("sendMessage", chat_id=CHAT, text="Done.", parse_mode="MarkdownV2") == (
        400, "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'")
    assert await api.error("sendMessage", chat_id=CHAT, text="*bold", parse_mode="MarkdownV2") == (
        400, "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0")
    result = await api.ok("sendMessage", chat_id=CHAT, text=r"*Done* \(1\.0\) [site](https://e\.com)",
                          parse_mode="MarkdownV2")
    assert result["text"] == "Done (1.0) site"
    assert result["entities"] == [{"type": "bold", "offset": 0, "length": 4},
                                  {"type": "text_link", "offset": 11, "length": 4, "url": "https://e.com"}]


@pytest.mark.parametrize(("entities", "description"), [
    ([{"type": "shiny", "offset": 0, "length": 1}],
     "Bad Request: can't parse MessageEntity: Unsupported type specified"),
    ([{"type": "bold", "offset": 0}], 'Bad Request: can\'t parse MessageEntity: Can\'t find field "length"'),
    ([{"type": "bold", "offset": 5, "length": 1}],
     "Bad Request: entity begins after the end of the text at UTF-16 offset 5"),
    ([{"type": "bold", "offset": 1, "length": 4}],
     "Bad Request: entity beginning at UTF-16 offset 1 ends after the end of the text at UTF-16 offset 5"),
    ([{"type": "bold", "offset": -1, "length": 2}], "Bad Request: receive an entity with incorrect offset -1"),
    ([{"type": "text_link", "offset": 0, "length": 1}],
     'Bad Request: can\'t parse MessageEntity: Can\'t find field "url"'),
])
async def test_explicit_entities_must_fit_the_text(api: RawApi, user: SandboxUser, entities: list[dict[str, Any]],
                                                   description: str) -> None:
    assert await api.error("sendMessage", chat_id=CHAT, text="😀ab", entities=entities) == (400, description)


async def test_explicit_entities_are_kept_and_sorted(api: RawApi, user: SandboxUser) -> None:
    entities = [{"type": "italic", "offset": 2, "length": 1}, {"type": "bold", "offset": 0, "length": 3},
                {"type": "url", "offset": 0, "length": 1}]
    result = await api.ok("sendMessage", chat_id=CHAT, text="😀ab", entities=entities)
    assert result["entities"] == [{"type": "bold", "offset": 0, "length": 3},
                                  {"type": "italic", "offset": 2, "length": 1}]


@pytest.mark.parametrize(("markup", "description"), [
    (inline([button(callback_data="x" * 65)]), "Bad Request: BUTTON_DATA_INVALID"),
    (inline([button(callback_data="é" * 33)]), "Bad Request: BUTTON_DATA_INVALID"),
    (inline([button("")]), "Bad Request: inline keyboard button text must be non-empty"),
    (inline([{"text": "Go"}]),
     "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
    (inline([{"text": "Go", "callback_data": ""}]),
     "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
    (inline([{"callback_data": "go"}]), 'Bad Request: can\'t parse inline keyboard button: Can\'t find field "text"'),
    (inline([{"text": "Go", "callback_data": "go", "url": "https://e.com"}]),
     "Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used, "
     "got url, callback_data"),
    (inline([button(str(n)) for n in range(9)]), "Bad Request: reply markup is too long"),
    (inline(*[[button(str(n)) for n in range(row * 8, row * 8 + 8)] for row in range(12)], [button("x")] * 5),
     "Bad Request: reply markup is too long"),
    ({"inline_keyboard": [button()]},
     'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'),
    ({"keyboard": [[{"text": ""}]]}, "Bad Request: keyboard button text must be non-empty"),
    ("{not json", "Bad Request: can't parse reply keyboard markup JSON object"),
])
async def test_keyboards_are_checked(api: RawApi, user: SandboxUser, markup: Any, description: str) -> None:
    assert await api.error("sendMessage", chat_id=CHAT, text="menu", reply_markup=markup) == (400, description)


async def test_keyboards_at_the_limits_are_accepted(api: RawApi, user: SandboxUser) -> None:
    full = inline(*[[button(f"{row}.{n}", callback_data="é" * 32) for n in range(8)] for row in range(12)],
                  [button(f"last {n}") for n in range(4)])
    result = await api.ok("sendMessage", chat_id=CHAT, text="menu", reply_markup=full)
    assert sum(len(row) for row in result["reply_markup"]["inline_keyboard"]) == 100
    contact = {"keyboard": [["Hello", {"text": "Share my number", "request_contact": True}]], "one_time_keyboard": True}
    result = await api.ok("sendMessage", chat_id=CHAT, text="who are you?", reply_markup=contact)
    assert "reply_markup" not in result, "a reply keyboard belongs to the chat, not to the message"
    assert user.keyboard == [[{"text": "Hello"}, {"text": "Share my number", "request_contact": True}]]
    await api.ok("sendMessage", chat_id=CHAT, text="thanks", reply_markup={"remove_keyboard": True})
    assert user.keyboard is None


async def test_reply_parameters_must_name_a_message(api: RawApi, user: SandboxUser) -> None:
    first = await api.ok("sendMessage", chat_id=CHAT, text="first")
    reply = await api.ok("sendMessage", chat_id=CHAT, text="second",
                         reply_parameters={"message_id": first["message_id"]})
    assert reply["reply_to_message"]["text"] == "first"
    assert await api.error("sendMessage", chat_id=CHAT, text="x", reply_parameters={"message_id": 999}) == (
        400, "Bad Request: message to be replied not found")
    await api.ok("sendMessage", chat_id=CHAT, text="x",
                 reply_parameters={"message_id": 999, "allow_sending_without_reply": True})


async def test_blocked_user_answers_403_until_unblocked(api: RawApi, sandbox: BotApiSandbox,
                                                        user: SandboxUser) -> None:
    sent = await api.ok("sendMessage", chat_id=CHAT, text="before")
    sandbox.block(CHAT)
    blocked = (403, "Forbidden: bot was blocked by the user")
    assert await api.error("sendMessage", chat_id=CHAT, text="hi") == blocked
    assert await api.error("editMessageText", chat_id=CHAT, message_id=sent["message_id"], text="x") == blocked
    assert await api.error("sendChatAction", chat_id=CHAT, action="typing") == blocked
    [update] = await api.ok("getUpdates")
    assert update["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    sandbox.unblock(CHAT)
    await api.ok("sendMessage", chat_id=CHAT, text="after")


async def test_rate_limits_answer_429_with_retry_after(api: RawApi, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    other = sandbox.user(user_id=1002)
    await other.send("hello")
    sandbox.limits.private_chat = Limit(2, 1.0)
    await api.ok("sendMessage", chat_id=CHAT, text="1")
    await api.ok("sendMessage", chat_id=CHAT, text="2")
    status, body = await api.call("sendMessage", chat_id=CHAT, text="3")
    assert (status, body) == (429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                                    "parameters": {"retry_after": 1}})
    await api.ok("sendMessage", chat_id=1002, text="another chat has its own budget")
    sandbox.limits.private_chat, sandbox.limits.bot = None, Limit(2, 1.0)
    assert await api.error("sendMessage", chat_id=1002, text="over the global budget") == (
        429, "Too Many Requests: retry after 1")
    assert [message.text for message in user.messages] == ["1", "2"]
