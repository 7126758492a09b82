"""What every feature's handlers share: the officer, the gates, and showing a screen."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import DBAPIError
from telegram import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, CommandHandler, filters

from bot.commands import show_commands_in_chat
from bot.context import CustomContext
from bot.formatting import escape
from bot.keyboards import menu_keyboard
from bot.services.access import Access, Role

log = logging.getLogger(__name__)
Callback = Callable[[Update, CustomContext], Awaitable[Any]]
PRIVATE_MESSAGES = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
_UNEDITABLE = ("message to edit not found", "message can't be edited", "there is no text in the message to edit")


def command(name: str, callback: Callback) -> CommandHandler:  # type: ignore[type-arg]
    """A command in a private chat; edited commands are left to the fallback handler."""
    return CommandHandler(name, callback, filters=PRIVATE_MESSAGES)


async def identify_officer(update: Update, context: CustomContext) -> None:
    """Group -1: load (or register) the officer behind every update from a person.

    When the database cannot be reached, the person gets one "try again" message and no handler
    runs (each would fail the same way and answer again).
    """
    user = update.effective_user
    if user is None or user.is_bot:
        return
    try:
        context.officer = await context.services.officers.identify(context.db, user.id, user.language_code)
    except (OSError, DBAPIError, TimeoutError) as error:
        context.unit_of_work.failed = True
        log.warning("update %s: the database cannot be reached (%s)", update.update_id, type(error).__name__)
        if update.callback_query:
            await update.callback_query.answer()
        chat = update.effective_chat
        if chat is not None and chat.type == chat.PRIVATE:
            await context.bot.send_message(chat.id, context.t.block(escape(context.t("error-unavailable"))),
                                           parse_mode=ParseMode.HTML)
        raise ApplicationHandlerStop from None


def gated(callback: Callback) -> Callback:
    """The one check every lesson and quiz entry point passes through."""

    @functools.wraps(callback)
    async def wrapper(update: Update, context: CustomContext) -> Any:
        officer = context.officer
        access = await context.services.access.check(context.db, officer) if officer else Access.UNVERIFIED
        if access is Access.GRANTED:
            return await callback(update, context)
        if update.callback_query:
            await update.callback_query.answer()
        await ask_to_verify(update, context, access)
        return None

    return wrapper


def requires(role: Role) -> Callable[[Callback], Callback]:
    """Manager and admin commands: refused politely to everyone below the role."""

    def decorate(callback: Callback) -> Callback:
        @functools.wraps(callback)
        async def wrapper(update: Update, context: CustomContext) -> Any:
            officer = context.officer
            if officer is None or await context.services.access.role(context.db, officer) < role:
                if officer is not None:
                    context.services.audit.record(context.db, context.services.access.actor(officer),
                                                  "command.refused", None, callback.__name__.strip("_"))
                if update.callback_query:
                    await update.callback_query.answer()
                refusal = "admin-required" if role is Role.ADMIN else "role-required"
                await show(update, context, escape(context.t(refusal)))
                return None
            return await callback(update, context)

        return wrapper

    return decorate


async def ask_to_verify(update: Update, context: CustomContext, access: Access, intro: str = "") -> None:
    """Explain how to verify (after intro, if any), with a button that shares the officer's own phone number."""
    chat = update.effective_chat
    if chat is None:
        return
    t = context.t
    if access is Access.EXPIRED:
        text = "\n\n".join(filter(None, [intro, t("verify-expired")]))
        await context.bot.send_message(chat.id, t.block(escape(text)), parse_mode=ParseMode.HTML)
        return
    explanation = {
        Access.WITHDRAWN: t("verify-withdrawn", contact=context.settings.access_contact or t("access-contact-default")),
        Access.LAPSED: f"{t('verify-lapsed')}\n\n{t('verify-needed')}",
    }.get(access, t("verify-needed"))
    text = "\n\n".join(filter(None, [intro, explanation]))
    await context.bot.send_message(chat.id, t.block(escape(text)), parse_mode=ParseMode.HTML,
                                   reply_markup=share_phone_keyboard(context))


def share_phone_keyboard(context: CustomContext) -> ReplyKeyboardMarkup:
    """The button that shares the officer's own number: the only proof that a phone number is theirs."""
    return ReplyKeyboardMarkup([[KeyboardButton(context.t("verify-share-phone"), request_contact=True)]],
                               resize_keyboard=True, one_time_keyboard=True)


async def main_menu(context: CustomContext) -> InlineKeyboardMarkup:
    """The main menu, showing how many reviews are due for a verified officer."""
    officer = context.officer
    due = 0
    if officer is not None and officer.id is not None and await context.services.access.may_learn(context.db, officer):
        due = await context.services.reviews.count_due(context.db, officer.id, context.services.clock())
    return menu_keyboard(context.t, due)


async def refresh_command_menu(context: CustomContext, telegram_id: int) -> None:
    """Give a chat the command menu of its officer's language and role."""
    officer = context.officer
    if officer is None or officer.telegram_id != telegram_id:
        return
    role = await context.services.access.role(context.db, officer)
    await show_commands_in_chat(context.bot, context.i18n, telegram_id, context.locale, role)


async def show(
    update: Update, context: CustomContext, html: str, keyboard: InlineKeyboardMarkup | None = None
) -> None:
    """Edit the message whose button was pressed, or send a new message when there is none."""
    text = context.t.block(html)
    query = update.callback_query
    if query is not None and query.message is not None and query.message.is_accessible:
        try:
            await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
            return
        except BadRequest as error:
            reason = error.message.lower()
            if "message is not modified" in reason:
                return
            if not any(part in reason for part in _UNEDITABLE):
                raise
    # Poll answers carry no chat: the answer goes to the person's private chat, whose id is theirs.
    chat_id = update.effective_chat.id if update.effective_chat else update.effective_user.id if update.effective_user else None
    if chat_id is None:
        return
    await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=keyboard)


async def refuse_stale_button(update: Update, context: CustomContext) -> None:
    """A button whose data is malformed, forged or points at content that no longer exists."""
    query = update.callback_query
    assert query is not None
    t = context.t
    await query.answer(t("stale-button"), show_alert=False)
    await show(update, context, escape(t("menu-title")), await main_menu(context))
