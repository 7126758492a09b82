"""/language: the officer's choice of interface language, stored and kept across restarts."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import Languages, SetLanguage, handles, parse
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.common import command, main_menu, refresh_command_menu, show
from bot.keyboards import language_keyboard


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("language", _handle_language),
        CallbackQueryHandler(_handle_language_button, pattern=handles(Languages, SetLanguage)),
    ]


async def _handle_language(update: Update, context: CustomContext) -> None:
    await show(update, context, escape(context.t("language-prompt")), language_keyboard(context.t))


async def _handle_language_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None
    action = parse(query.data)
    if not isinstance(action, SetLanguage) or context.officer is None:
        await query.answer()
        await _handle_language(update, context)
        return
    context.services.officers.choose_locale(context.officer, action.locale)
    t = context.t
    await query.answer(t("language-changed"))
    # The chat's command menu follows the chosen language, not the phone's.
    await refresh_command_menu(context, context.officer.telegram_id)
    await show(update, context, f"{escape(t('language-changed'))}\n\n{escape(t('menu-title'))}", await main_menu(context))
