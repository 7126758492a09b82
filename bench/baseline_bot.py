"""The baseline for bench/card_throughput.py: a bare PTB bot making the same two Bot API calls per press.

It answers the callback query and edits the message with a fixed card, with no database, no
content and no access check: whatever learnbot costs above it is learnbot's own work.

    python bench/baseline_bot.py TOKEN API_BASE_URL
"""

from __future__ import annotations

import sys

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data="n:0")]])
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, "card 0", reply_markup=keyboard)


async def _next(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    number = int(query.data.split(":")[1]) + 1
    await query.answer()
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data=f"n:{number}")]])
    await query.edit_message_text(f"<b>card</b> {number}", parse_mode="HTML", reply_markup=keyboard)


def main(token: str, base_url: str) -> None:
    application = ApplicationBuilder().token(token).base_url(base_url).concurrent_updates(64).build()
    application.add_handler(CommandHandler("start", _start))
    application.add_handler(CallbackQueryHandler(_next))
    application.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
