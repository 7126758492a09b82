"""/mydata and /deleteme: officers see and delete what is stored about them."""

from __future__ import annotations

import json

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import ConfirmDelete, handles, parse
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.common import command, show
from bot.keyboards import confirm_keyboard


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("mydata", _handle_mydata),
        command("deleteme", _handle_deleteme),
        CallbackQueryHandler(_handle_delete_decision, pattern=handles(ConfirmDelete)),
    ]


async def _handle_mydata(update: Update, context: CustomContext) -> None:
    assert context.officer is not None and update.effective_chat is not None
    await context.services.learning.settle(context.db, context.officer)
    data = await context.services.personal_data.describe(context.db, context.officer)
    document = InputFile(json.dumps(data, ensure_ascii=False, indent=2).encode(), filename="learnbot-my-data.json")
    await context.bot.send_document(update.effective_chat.id, document, caption=context.t("mydata-caption"))


async def _handle_deleteme(update: Update, context: CustomContext) -> None:
    t = context.t
    keyboard = confirm_keyboard((t("deleteme-yes"), ConfirmDelete(True)), (t("deleteme-no"), ConfirmDelete(False)))
    await show(update, context, escape(t("deleteme-confirm")), keyboard)


async def _handle_delete_decision(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None and context.officer is not None
    action = parse(query.data)
    assert isinstance(action, ConfirmDelete)
    await query.answer()
    t = context.t
    if not action.confirmed:
        await show(update, context, escape(t("deleteme-kept")))
        return
    context.services.learning.forget(context.officer)
    await context.services.personal_data.erase(context.db, context.officer)
    context.officer = None
    await show(update, context, escape(t("deleteme-done")))
