"""The baseline for bench/card_throughput.py: a bare PTB bot making the same two Bot API calls per press.

It answers the callback query and edits the message, with no database, no access check, no
translations and no progress. With --payload minimal the edit is a fixed one-line text and one
button (the baseline of the issue that asked for this benchmark); with --payload cards it is the
starter course's real cards in Telegram HTML (rendered once at start) under three buttons, the same
message sizes learnbot sends, so the ratio measures learnbot's own work rather than message size.

    python bench/baseline_bot.py TOKEN API_BASE_URL [--payload minimal|cards]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CARDS: list[str] = ["<b>card</b> {number}"]


def _keyboard(number: int) -> InlineKeyboardMarkup:
    if len(CARDS) == 1:
        return InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data=f"n:{number}")]])
    return InlineKeyboardMarkup([
        [InlineKeyboardButton("◀️ Back", callback_data=f"n:{number - 2}"),
         InlineKeyboardButton("Next", callback_data=f"n:{number}")],
        [InlineKeyboardButton("☰ Menu", callback_data="n:0")],
    ])


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, "card 0", reply_markup=_keyboard(0))


async def _next(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    number = int(query.data.split(":")[1]) + 1
    await query.answer()
    text = CARDS[number % len(CARDS)].replace("{number}", str(number))
    await query.edit_message_text(text, parse_mode="HTML", reply_markup=_keyboard(number))


def _real_cards() -> list[str]:
    from bot.content import load_catalogue
    from bot.telegram_html import card_html

    course = load_catalogue(ROOT / "content").courses[0]
    return [f"<b>{course.titles['en']}</b>\n<i>{lesson.titles['en']}</i>\n\n{card_html(card)}\n\n<i>Lesson 1 of 7 · card 1 of 4</i>"
            for lesson in course.lessons for card in lesson.cards["en"]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("token")
    parser.add_argument("base_url")
    parser.add_argument("--payload", choices=("minimal", "cards"), default="minimal")
    arguments = parser.parse_args()
    if arguments.payload == "cards":
        CARDS[:] = _real_cards()
    application = (ApplicationBuilder().token(arguments.token).base_url(arguments.base_url)
                   .concurrent_updates(64).build())
    application.add_handler(CommandHandler("start", _start))
    application.add_handler(CallbackQueryHandler(_next))
    application.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10)


if __name__ == "__main__":
    main()
