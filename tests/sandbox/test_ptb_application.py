"""The real PTB Application, polling over HTTP, drives the sandbox like it would drive Telegram."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Poll, PollAnswer, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    PollHandler,
    filters,
)

from bot.sandbox import BotApiSandbox, CallbackAnswer, Limit, SandboxUser
from tests.sandbox.conftest import RawApi, RunApp

MENU = InlineKeyboardMarkup([[InlineKeyboardButton("Next ▶️", callback_data="page:2")],
                             [InlineKeyboardButton("Docs", url="https://example.com/docs")]])


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("<b>Welcome</b>, officer 👮", parse_mode=ParseMode.HTML,
                                              reply_markup=MENU)


async def next_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data == "page:2"
    await query.answer("Page 2")
    await query.edit_message_text("<i>Page 2</i> of 2", parse_mode=ParseMode.HTML)


async def test_start_press_and_edit_round_trip(run_app: RunApp, sandbox: BotApiSandbox, api: RawApi) -> None:
    async with run_app(CommandHandler("start", start), CallbackQueryHandler(next_page)):
        user = sandbox.user(user_id=1001, language_code="en", first_name="Ana")
        await user.send("/start")
        welcome = await user.wait_reply()
        assert welcome.text == "Welcome, officer 👮"
        assert welcome.html == "<b>Welcome</b>, officer 👮"
        assert welcome.entities == [{"type": "bold", "offset": 0, "length": 7}]
        assert welcome.button_labels() == ["Next ▶️", "Docs"]
        assert welcome.inline_buttons[1] == [{"text": "Docs", "url": "https://example.com/docs"}]

        answer = await user.press("Next ▶️")
        assert answer == CallbackAnswer(text="Page 2", show_alert=False)
        page = await user.wait_reply()
        assert (page.message_id, page.text) == (welcome.message_id, "Page 2 of 2")
        assert page.entities == [{"type": "italic", "offset": 0, "length": 6}]
        assert page.edit_date is not None and page.inline_buttons == [], "an edit without markup drops the keyboard"
        assert [message.text for message in user.messages] == ["Page 2 of 2"]
        await user.expect_silence(0.05)
    methods = [call.method for call in sandbox.calls]
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]
    assert all(call.ok for call in sandbox.calls), sandbox.describe_recent_calls(len(sandbox.calls))
    assert await api.ok("getUpdates") == [], "stopping confirmed every fetched update"


async def test_commands_addressed_to_another_bot_are_not_ours(run_app: RunApp, sandbox: BotApiSandbox) -> None:
    async with run_app(CommandHandler("start", start)):
        user = sandbox.user(user_id=1002)
        await user.send("/start@other_bot")
        await user.expect_silence(0.2)
        await user.send("/start@learnbot_test_bot")
        assert (await user.wait_reply()).text == "Welcome, officer 👮"


async def test_uploaded_csv_downloads_and_an_export_comes_back(run_app: RunApp, sandbox: BotApiSandbox,
                                                               token: str, http: aiohttp.ClientSession) -> None:
    async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.document is not None
        data = await (await message.document.get_file()).download_as_bytearray()
        rows = data.decode().splitlines()
        await message.reply_document(document="\n".join(reversed(rows)).encode(), filename="export.csv",
                                     caption=f"<b>{len(rows)}</b> rows from {message.document.file_name}",
                                     parse_mode=ParseMode.HTML)

    async with run_app(MessageHandler(filters.Document.ALL, on_document)):
        user = sandbox.user(user_id=1003)
        await user.send_document(file_name="officers.csv", content=b"id,name\n1,Ana\n", mime_type="text/csv")
        export = await user.wait_reply()
    assert export.caption == "2 rows from officers.csv"
    assert export.caption_entities == [{"type": "bold", "offset": 0, "length": 1}]
    assert export.document is not None and export.document["file_name"] == "export.csv"
    file_path = next(call.result_or_error["file_path"] for call in sandbox.calls_of("getFile"))
    assert file_path.startswith("documents/") and file_path.endswith(".csv")
    upload = sandbox.calls_of("sendDocument")[0].params["document"]
    assert upload.data == b"1,Ana\nid,name" and upload.filename == "export.csv"
    async with http.get(f"{sandbox.base_file_url}{token}/{file_path}") as response:
        assert await response.read() == b"id,name\n1,Ana\n"


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_errors_reach_ptb_as_its_exceptions(ptb_bot: Bot, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    with pytest.raises(BadRequest, match="Can't parse entities: unsupported start tag \"foo\" at byte offset 3"):
        await ptb_bot.send_message(user.id, "hi <foo>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Chat not found"):
        await ptb_bot.send_message(424242, "hello")
    sandbox.limits.private_chat = Limit(1, 1.0)
    await ptb_bot.send_message(user.id, "first")
    with pytest.raises(RetryAfter) as limited:
        await ptb_bot.send_message(user.id, "second")
    assert limited.value.retry_after == 1
    sandbox.block(user.id)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await ptb_bot.send_message(user.id, "third")


# The sandbox, like Telegram, still returns the deprecated correct_option_id next to correct_option_ids.
@pytest.mark.filterwarnings("ignore:.*correct_option_id.*:telegram.warnings.PTBDeprecationWarning")
async def test_quiz_answer_reaches_the_poll_answer_handler(run_app: RunApp, sandbox: BotApiSandbox) -> None:
    answers: asyncio.Queue[PollAnswer] = asyncio.Queue()
    states: list[Poll] = []

    async def quiz(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        sent = await context.bot.send_poll(
            update.effective_chat.id, "Which body publishes Red Notices?", ["Europol", "INTERPOL", "The UN"],
            type=Poll.QUIZ, is_anonymous=False, correct_option_ids=[1],
            explanation="<b>INTERPOL</b> does, at a member country's request", explanation_parse_mode=ParseMode.HTML)
        assert sent.poll is not None and sent.poll.correct_option_ids == (1,)
        context.bot_data[sent.poll.id] = (sent.chat_id, sent.message_id)

    async def on_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.poll_answer is not None
        await answers.put(update.poll_answer)
        chat_id, message_id = context.bot_data[update.poll_answer.poll_id]
        closed = await context.bot.stop_poll(chat_id, message_id)
        assert closed.is_closed and closed.options[1].voter_count == 1

    async def on_poll(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.poll is not None
        states.append(update.poll)

    async with run_app(CommandHandler("quiz", quiz), PollAnswerHandler(on_answer), PollHandler(on_poll)):
        user = sandbox.user(user_id=1004, first_name="Ana")
        await user.send("/quiz")
        message = await user.wait_reply()
        assert message.poll is not None
        assert (message.poll["type"], message.poll["is_anonymous"], message.poll["correct_option_ids"]) == (
            "quiz", False, [1])
        assert message.poll["explanation"] == "INTERPOL does, at a member country's request"
        assert message.poll["explanation_entities"] == [{"type": "bold", "offset": 0, "length": 8}]
        await user.answer_poll(message, [1])
        answer = await asyncio.wait_for(answers.get(), 5)
        assert (answer.poll_id, answer.option_ids, answer.option_persistent_ids) == (message.poll["id"], (1,), ("1",))
        assert answer.user is not None and answer.user.id == 1004
        stopped = await user.wait_reply()
        assert stopped.message_id == message.message_id and stopped.poll is not None and stopped.poll["is_closed"]
        with pytest.raises(ValueError, match="can't answer closed poll"):
            await user.answer_poll(stopped, [0])
        while len(states) < 2:
            await asyncio.sleep(0.01)
    assert [(poll.total_voter_count, poll.is_closed) for poll in states] == [(1, False), (1, True)]
    [send] = sandbox.calls_of("sendPoll")
    assert send.params["correct_option_ids"] == [1] and "correct_option_id" not in send.params
    assert send.params["type"] == "quiz" and send.params["is_anonymous"] is False


async def test_certificate_pdf_goes_out_with_its_caption(ptb_bot: Bot, sandbox: BotApiSandbox,
                                                         user: SandboxUser) -> None:
    sent = await ptb_bot.send_document(user.id, b"%PDF-1.4 certificate of Ana", filename="certificate.pdf",
                                       caption="<b>Certificate</b> for Ana", parse_mode=ParseMode.HTML,
                                       protect_content=True)
    assert sent.document is not None and sent.has_protected_content
    assert (sent.document.file_name, sent.document.mime_type, sent.document.file_size) == (
        "certificate.pdf", "application/pdf", 27)
    assert sent.caption == "Certificate for Ana" and sent.caption_entities[0].type == "bold"
    file = await ptb_bot.get_file(sent.document.file_id)
    assert await file.download_as_bytearray() == bytearray(b"%PDF-1.4 certificate of Ana")
    [message] = user.messages
    assert message.document is not None and message.caption == "Certificate for Ana"
