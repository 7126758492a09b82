"""Whatever an officer sends or forges gets a short, polite answer, and the bot keeps working."""

from __future__ import annotations

import logging

import pytest

from bot.sandbox import BotApiSandbox, SandboxUser
from tests.integration.conftest import I18N, starter_course, verify

COURSE = starter_course()


async def still_answers(user: SandboxUser, locale: str) -> None:
    t = I18N.translator(locale)
    await user.send("/help")
    assert (await user.wait_reply()).text == t.block(t("help"))


@pytest.mark.parametrize("locale", ["en", "ar"])
async def test_each_kind_of_unknown_input_gets_help(bot, sandbox: BotApiSandbox, locale: str, caplog) -> None:
    t = I18N.translator(locale)
    user = sandbox.user(user_id=6001, language_code=locale)
    sent = await user.send("hello there")
    inputs = [
        (user.send("/frobnicate now"), t("unknown-command", command="/frobnicate")),
        (user.send("/Start@other_bot"), t("unknown-command", command="/Start")),
        (user.send("what is a red notice?"), t("unknown-text")),
        (user.send_sticker(), t("unsupported-media")),
        (user.send_photo(), t("unsupported-media")),
        (user.send_voice(), t("unsupported-media")),
        (user.send_document(file_name="notes.pdf", content=b"%PDF-1.4", mime_type="application/pdf"), t("unsupported-media")),
        (user.send_location(45.76, 4.84), t("unsupported-media")),
        (user.edit(sent, "hello again"), t("edited-message")),
    ]
    await user.wait_reply()
    for action, expected in inputs:
        await action
        reply = await user.wait_reply()
        assert reply.text == t.block(expected)
        assert reply.button_labels()[:2] == [t("menu-continue"), t("menu-courses")]
    await still_answers(user, locale)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


FORGED = [
    "l:interpol-at-a-glance:no-such-lesson:0",
    "l:interpol-at-a-glance:{first}:99",
    "l:no-such-course:{first}:0",
    "o:no-such-course",
    "g:de",
    "\x00\xff garbage 💥",
    "l:interpol-at-a-glance:{first}:-1",
    "m:" + "x" * 60,
]


@pytest.mark.parametrize("data", FORGED)
async def test_forged_buttons_are_refused_politely(bot, sandbox: BotApiSandbox, data: str, caplog) -> None:
    t = I18N.translator("en")
    user = sandbox.user(user_id=6002, language_code="en")
    await verify(user)
    await user.send("/help")
    help_message = await user.wait_reply()
    answer = await user.press_data(help_message, data.format(first=COURSE.lessons[0].id))
    assert answer.text == t("stale-button")
    shown = await user.wait_reply()
    assert shown.text == t("menu-title")
    assert COURSE.lessons[0].titles["en"] not in shown.text
    await still_answers(user, "en")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_card_beyond_the_end_shows_nothing_of_the_course(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=6003, language_code="en")
    await verify(user)
    await user.send("/help")
    menu = await user.wait_reply()
    last = COURSE.lessons[-1]
    await user.press_data(menu, f"l:{COURSE.id}:{last.id}:{last.card_count}")
    await user.wait_reply()
    texts = " ".join(call.params.get("text", "") for call in sandbox.calls if call.method in {"sendMessage", "editMessageText"})
    assert last.titles["en"] not in texts


async def test_a_forged_button_on_a_file_message_gets_a_new_message(bot, sandbox: BotApiSandbox, caplog) -> None:
    user = sandbox.user(user_id=6004, language_code="en")
    await verify(user)
    await user.send("/mydata")
    document = await user.wait_reply()
    answer = await user.press_data(document, "o:no-such-course")
    assert answer.text == I18N.format("en", "stale-button")
    menu = await user.wait_reply()
    assert menu.message_id != document.message_id and menu.text == I18N.format("en", "menu-title")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
