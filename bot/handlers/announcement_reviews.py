"""/announcements with live counts; a second manager's approval; cancelling; recipients' acknowledgements."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession
from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import Acknowledge, AnnouncementButton, handles
from bot.context import CustomContext
from bot.delivery import Lane, lane_args
from bot.formatting import escape
from bot.handlers.common import show
from bot.i18n import Translator
from bot.services.announcements import AnnouncementView, Decision, Status
from bot.views.announcements import (
    ack_keyboard,
    approval_keyboard,
    audience_text,
    list_keyboard,
    list_text,
    send_announcement,
)
from bot.views.dates import moment
from bot.wiring import Services

RECENT = 8


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """Recipients' Acknowledge button (any officer: the service checks the copy was theirs)."""
    return [CallbackQueryHandler(_handle_acknowledge, pattern=handles(Acknowledge))]


async def list_announcements(update: Update, context: CustomContext) -> None:
    services, t, officer = context.services, context.t, context.officer
    assert officer is not None
    cohorts = await services.cohorts.cohorts(context.db)
    shown, buttons = [], []
    for announcement in await services.announcements.recent(context.db, RECENT):
        counts = await services.deliveries.counts(context.db, announcement.id)
        shown.append((announcement, counts, audience_text(announcement.audience, t, services.catalogue, cohorts)))
        buttons.append((announcement, announcement.status is Status.APPROVAL and announcement.author_id != officer.id))
    zone = (await services.reminders.view(context.db, officer)).time_zone
    await show(update, context, list_text(shown, t, zone), list_keyboard(buttons, t))


async def handle_review_button(update: Update, context: CustomContext, action: AnnouncementButton) -> None:
    """Approve, reject, cancel, show or refresh: any manager (the author cannot approve their own)."""
    query = update.callback_query
    services, t, officer = context.services, context.t, context.officer
    assert query is not None and officer is not None
    actor = services.access.actor(officer)
    announcement = await services.announcements.get(context.db, action.announcement_id)
    if action.op == "l":
        await query.answer()
        await list_announcements(update, context)
        return
    if announcement is None or action.op not in ("ok", "no", "c", "v"):
        await query.answer(t("announce-stale"))
        return
    if action.op == "v":
        await query.answer()
        assert update.effective_chat is not None
        await send_announcement(context.bot, update.effective_chat.id, announcement, t)
        return
    if action.op == "c":
        cancelled = await services.announcements.cancel(context.db, announcement.id, actor)
        await query.answer(t("announce-cancelled" if cancelled else "announce-stale", id=announcement.id))
        await list_announcements(update, context)
        return
    decision = await services.announcements.decide(context.db, announcement.id, officer, actor, action.op == "ok")
    if decision is Decision.OWN:
        await query.answer(t("announce-own"), show_alert=True)
        return
    if decision is Decision.STALE:
        await query.answer(t("announce-stale"))
        return
    await query.answer()
    decided = await services.announcements.get(context.db, announcement.id)
    assert decided is not None
    zone = (await services.reminders.view(context.db, officer)).time_zone
    await show(update, context, escape(decision_text(t, decided, zone)))
    await tell_author(context.bot, services, context.db, decided)


def decision_text(t: Translator, announcement: AnnouncementView, zone: str) -> str:
    if announcement.status is Status.REJECTED:
        return t("announce-rejected", id=announcement.id)
    assert announcement.starts_at is not None
    return t("announce-approved", id=announcement.id, count=announcement.recipients,
             when=moment(announcement.starts_at, zone, t.locale))


async def tell_author(bot: Bot, services: Services, session: AsyncSession, announcement: AnnouncementView) -> None:
    """The author learns in the chat that a second manager approved or rejected (from the chat or the console)."""
    author = await services.announcements.author(session, announcement.id)
    if author is None:
        return
    t = services.i18n.translator(services.i18n.negotiate(author.chosen_locale, author.telegram_locale))
    zone = (await services.reminders.view(session, author)).time_zone
    try:
        await bot.send_message(author.telegram_id, t.block(escape(decision_text(t, announcement, zone))),
                               parse_mode=ParseMode.HTML, rate_limit_args=lane_args(Lane.ANNOUNCEMENT))
    except TelegramError:
        pass  # the author sees it in /announcements


async def ask_reviewers(bot: Bot, services: Services, session: AsyncSession, announcement: AnnouncementView) -> int:
    """Ask every other manager in the chat to approve (the chat's /announce and the console); how many were asked."""
    reviewers = await services.announcements.reviewers(session, announcement.author_id)
    cohorts = await services.cohorts.cohorts(session)
    asked = 0
    for reviewer in reviewers:
        i18n = services.i18n
        t = i18n.translator(i18n.negotiate(reviewer.chosen_locale, reviewer.telegram_locale))
        text = t("announce-approval-request", id=announcement.id, count=announcement.recipients,
                 audience=audience_text(announcement.audience, t, services.catalogue, cohorts))
        try:
            await bot.send_message(reviewer.telegram_id, t.block(escape(text)), parse_mode=ParseMode.HTML,
                                   reply_markup=approval_keyboard(announcement, t),
                                   rate_limit_args=lane_args(Lane.ANNOUNCEMENT))
            asked += 1
        except TelegramError:
            continue
    return asked


async def _handle_acknowledge(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    action = Acknowledge.parse(query.data if query else None)
    assert query is not None and action is not None
    t = context.t
    acknowledged = None
    if context.officer is not None:
        acknowledged = await context.services.announcements.acknowledge(context.db, action.announcement_id,
                                                                        context.officer)
    if acknowledged is None:
        await query.answer(t("stale-button"))
        return
    await query.answer(t("announce-ack-thanks"))
    announcement = await context.services.announcements.get(context.db, action.announcement_id)
    if acknowledged and announcement is not None:
        try:
            await query.edit_message_reply_markup(ack_keyboard(announcement, t, done=True))
        except TelegramError:
            pass  # the acknowledgement is stored; the button's label is cosmetic
