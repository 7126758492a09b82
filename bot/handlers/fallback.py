"""Answers for everything no feature handles: the bot never goes silent on a person."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.common import main_menu, refuse_stale_button, show

_PRIVATE = filters.ChatType.PRIVATE


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """Registered last: each catches what every earlier handler let through."""
    return [
        MessageHandler(_PRIVATE & filters.UpdateType.EDITED, _handle_edited),
        MessageHandler(_PRIVATE & filters.UpdateType.MESSAGE & filters.COMMAND, _handle_unknown_command),
        MessageHandler(_PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT, _handle_unknown_text),
        MessageHandler(_PRIVATE & filters.UpdateType.MESSAGE, answer_unsupported),
        CallbackQueryHandler(refuse_stale_button),
    ]


async def _handle_edited(update: Update, context: CustomContext) -> None:
    await _reply(update, context, "edited-message")


async def _handle_unknown_command(update: Update, context: CustomContext) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    name = message.text.split()[0].split("@")[0][:64]
    await show(update, context, escape(context.t("unknown-command", command=name)), await main_menu(context))


async def _handle_unknown_text(update: Update, context: CustomContext) -> None:
    await _reply(update, context, "unknown-text")


async def answer_unsupported(update: Update, context: CustomContext) -> None:
    """Stickers, photos, voice notes, files…: the bot reads text and buttons only."""
    await _reply(update, context, "unsupported-media")


async def _reply(update: Update, context: CustomContext, message_id: str) -> None:
    await show(update, context, escape(context.t(message_id)), await main_menu(context))
