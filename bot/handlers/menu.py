"""/start, /help and the main menu."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import Help, Menu, handles, parse
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.common import command, main_menu, refresh_command_menu, show
from bot.handlers.verification import looks_like_invite, redeem


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("start", _handle_start),
        command("help", _handle_help),
        command("menu", _handle_menu),
        CallbackQueryHandler(_handle_menu_button, pattern=handles(Menu, Help)),
    ]


async def _handle_start(update: Update, context: CustomContext) -> None:
    if context.args and looks_like_invite(context.args[0]):
        # t.me/<bot>?start=<code>: a manager can hand out the invite as a link.
        await redeem(update, context, context.args[0])
        return
    t = context.t
    if update.effective_user is not None:
        # Administrators and managers find their commands in this chat's menu from the first /start.
        await refresh_command_menu(context, update.effective_user.id)
    name = update.effective_user.first_name if update.effective_user else ""
    text = f"{escape(t('welcome', name=name))}\n\n{escape(t('menu-title'))}"
    await show(update, context, text, await main_menu(context))


async def _handle_help(update: Update, context: CustomContext) -> None:
    await show(update, context, escape(context.t("help")), await main_menu(context))


async def _handle_menu(update: Update, context: CustomContext) -> None:
    await show(update, context, escape(context.t("menu-title")), await main_menu(context))


async def _handle_menu_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    if isinstance(parse(query.data), Help):
        await _handle_help(update, context)
    else:
        await _handle_menu(update, context)
