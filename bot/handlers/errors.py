"""The error handler: roll back, log without personal data, and tell the person."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError

from bot.context import CustomContext
from bot.formatting import escape
from bot.storage.database import current_unit

log = logging.getLogger(__name__)


async def handle_error(update: object, context: CustomContext) -> None:
    """Every exception a handler raises ends here; the bot keeps running."""
    unit = current_unit.get()
    if unit is not None:
        unit.failed = True
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, Forbidden):
        log.info("update %s: the person blocked the bot", update_id)
        return
    log.error("update %s failed: %s", update_id, type(error).__name__, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(
            update.effective_chat.id, context.t.block(escape(context.t("error-generic"))), parse_mode=ParseMode.HTML
        )
    except TelegramError:
        log.warning("update %s: could not tell the person about the error", update_id)
