"""/start (with its links: invites and certificate verification), /help and the main menu."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import Help, Menu, handles, parse
from bot.context import CustomContext
from bot.formatting import clean_input, escape
from bot.handlers.certificates import answer_verification
from bot.handlers.common import ask_to_verify, command, main_menu, refresh_command_menu, show
from bot.handlers.verification import looks_like_invite, redeem
from bot.services.access import Access, Role
from bot.services.certificates import VERIFY_LINK_PREFIX


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("start", _handle_start),
        command("help", _handle_help),
        command("menu", _handle_menu),
        CallbackQueryHandler(_handle_menu_button, pattern=handles(Menu, Help)),
    ]


async def _handle_start(update: Update, context: CustomContext) -> None:
    argument = clean_input(context.args[0]) if context.args else ""
    if argument.startswith(VERIFY_LINK_PREFIX):
        # t.me/<bot>?start=verify-<code>: the link (and QR code) printed on every certificate.
        await answer_verification(update, context, argument.removeprefix(VERIFY_LINK_PREFIX))
        return
    if argument and looks_like_invite(argument):
        # t.me/<bot>?start=<code>: a manager can hand out the invite as a link.
        await redeem(update, context, argument)
        return
    t = context.t
    if update.effective_user is not None:
        # Administrators and managers find their commands in this chat's menu from the first /start.
        await refresh_command_menu(context, update.effective_user.id)
    name = update.effective_user.first_name if update.effective_user else ""
    officer = context.officer
    access = await context.services.access.check(context.db, officer) if officer else Access.UNVERIFIED
    if access is not Access.GRANTED:
        # How to get in comes first, with the Share button right under it.
        await ask_to_verify(update, context, access, intro=t("welcome", name=name))
        return
    text = f"{escape(t('welcome', name=name))}\n\n{escape(t('menu-title'))}"
    await show(update, context, text, await main_menu(context))


async def _handle_help(update: Update, context: CustomContext) -> None:
    """The commands of the officer's role, grouped: learning, then managing, then administering."""
    t, officer = context.t, context.officer
    role = await context.services.access.role(context.db, officer) if officer else Role.OFFICER
    sections = [t("help")]
    if role >= Role.MANAGER:
        sections.append(t("help-managing"))
    if role >= Role.ADMIN:
        sections.append(t("help-administering"))
    await show(update, context, escape("\n\n".join(sections)), await main_menu(context))


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
