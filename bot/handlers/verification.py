"""Verification in the chat: the officer's own contact, or a manager's invite code."""

from __future__ import annotations

import re

from telegram import Message, ReplyKeyboardRemove, Update
from telegram.constants import ParseMode
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.context import CustomContext
from bot.formatting import clean_input, escape
from bot.handlers.common import main_menu, refresh_command_menu, share_phone_keyboard, show
from bot.handlers.reminders import menu_after_verification
from bot.services.access import Verification

INVITE_PATTERN = re.compile(r"^(?:IN[- ]?)?[0-9A-Za-z]{4}(?:[- ]?[0-9A-Za-z]{4}){3}$", re.IGNORECASE)
# "+33 6 10 10 00 01", "0033 (6) 10-10-00-01": what a person types when asked for a phone number.
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ().\-/]{5,22}[0-9]$")
_PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE


class _InviteCode(filters.MessageFilter):
    """Text that has the shape of an invite code (bidi marks from copying are ignored)."""

    def filter(self, message: Message) -> bool:
        return message.text is not None and looks_like_invite(message.text)


class _TypedPhone(filters.MessageFilter):
    """Text that looks like a phone number typed by hand."""

    def filter(self, message: Message) -> bool:
        return message.text is not None and looks_like_phone(message.text)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        MessageHandler(_PRIVATE & filters.CONTACT, _handle_contact),
        MessageHandler(_PRIVATE & filters.TEXT & ~filters.COMMAND & _InviteCode(), _handle_invite_code),
        MessageHandler(_PRIVATE & filters.TEXT & ~filters.COMMAND & _TypedPhone(), _handle_typed_phone),
    ]


def looks_like_invite(text: str) -> bool:
    return bool(INVITE_PATTERN.match(clean_input(text)))


def looks_like_phone(text: str) -> bool:
    text = clean_input(text)
    return bool(PHONE_PATTERN.match(text)) and 7 <= sum(ch.isdigit() for ch in text) <= 15


async def _handle_typed_phone(update: Update, context: CustomContext) -> None:
    """A typed number proves nothing (anyone can type anyone's): point at the Share button."""
    assert context.officer is not None
    t = context.t
    if await context.services.access.may_learn(context.db, context.officer):
        await show(update, context, escape(t("verify-already")), await main_menu(context))
        return
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_message(chat.id, t.block(escape(t("verify-typed-phone"))), parse_mode=ParseMode.HTML,
                                   reply_markup=share_phone_keyboard(context))


async def _handle_contact(update: Update, context: CustomContext) -> None:
    message = update.effective_message
    assert message is not None and message.contact is not None and context.officer is not None
    contact = message.contact
    outcome = await context.services.access.verify_contact(
        context.db, context.officer, contact.user_id, contact.phone_number
    )
    await report_verification(update, context, outcome)


async def _handle_invite_code(update: Update, context: CustomContext) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None and context.officer is not None
    await redeem(update, context, message.text)


async def redeem(update: Update, context: CustomContext, code: str) -> None:
    """Redeem an invite code typed in the chat or carried by a /start link."""
    assert context.officer is not None
    outcome = await context.services.access.redeem_invite(context.db, context.officer, clean_input(code))
    await report_verification(update, context, outcome)


async def report_verification(update: Update, context: CustomContext, outcome: Verification) -> None:
    """Tell the officer the outcome; on success remove the contact button and open the menu."""
    t = context.t
    chat = update.effective_chat
    assert chat is not None and context.officer is not None
    if outcome is Verification.VERIFIED:
        await context.bot.send_message(
            chat.id, t.block(escape(t("verify-success"))), parse_mode=ParseMode.HTML, reply_markup=ReplyKeyboardRemove()
        )
        await refresh_command_menu(context, context.officer.telegram_id)
        await menu_after_verification(update, context)
        return
    if outcome in (Verification.COOLING_DOWN, Verification.INVITES_PAUSED):
        until = await context.services.access.retry_after(context.db, context.officer, outcome)
        text = t(f"verify-{outcome.value}", time=until.strftime("%H:%M") if until else "")
    else:
        text = t(f"verify-{outcome.value}")
    await show(update, context, escape(text))
