"""/announce (also /broadcast): write an announcement, choose its audience, preview it, send or schedule it."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import AnnouncementButton, handles
from bot.context import CustomContext
from bot.formatting import clean_input, escape
from bot.handlers.announcement_reviews import ask_reviewers, handle_review_button, list_announcements
from bot.handlers.awaiting import Answer, done, expect
from bot.handlers.common import command, requires, show
from bot.keyboards import button
from bot.locales import SUPPORTED_LOCALES
from bot.services.access import Role
from bot.services.announcements import AnnouncementView, Submitted, chosen_start
from bot.services.audience import Audience, Completion
from bot.views.announcements import (
    audience_keyboard,
    audience_text,
    choices_keyboard,
    completion_choices,
    panel_keyboard,
    panel_text,
    schedule_keyboard,
    send_announcement,
)
from bot.views.dates import moment

# Ops of the draft panel; the others (approve, reject, cancel, list, show) are reviews.
DRAFT_OPS = frozenset({"x", "a", "ac", "au", "an", "al", "ap", "ae", "b", "k", "s", "w", "wt"})
FILTERS = {"ac": "cohort_id", "au": "course_id", "an": "country", "al": "language", "ap": "completion"}


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    manager = requires(Role.MANAGER)
    return [
        command("announce", manager(_handle_announce)),
        command("broadcast", manager(_handle_announce)),
        command("announcements", manager(list_announcements)),
        CallbackQueryHandler(manager(_handle_button), pattern=handles(AnnouncementButton)),
    ]


async def _handle_announce(update: Update, context: CustomContext) -> None:
    assert context.officer is not None
    draft = await context.services.announcements.draft(context.db, context.officer)
    expect(context, "announce-body", str(draft.id))
    discard = button(context.t("announce-button-discard"), AnnouncementButton(draft.id, "x"))
    await show(update, context, escape(context.t("announce-prompt-body")), InlineKeyboardMarkup([[discard]]))


async def _answer_body(update: Update, context: CustomContext, argument: str) -> None:
    message = update.effective_message
    assert message is not None and context.officer is not None
    if message.photo:
        fields = {"body": message.caption_html or "", "media_kind": "photo", "media_file_id": message.photo[-1].file_id}
    elif message.document:
        fields = {"body": message.caption_html or "", "media_kind": "document", "media_file_id": message.document.file_id}
    elif message.text:
        fields = {"body": message.text_html}
    else:
        await show(update, context, escape(context.t("announce-unsupported-body")))
        return
    done(context)
    draft = await context.services.announcements.compose(context.db, int(argument or 0), context.officer, **fields)
    if draft is None:
        await show(update, context, escape(context.t("announce-stale")))
        return
    await _preview(update, context, draft)
    await _show_panel(update, context, draft, new_message=True)


async def _preview(update: Update, context: CustomContext, announcement: AnnouncementView) -> None:
    chat = update.effective_chat
    assert chat is not None
    await send_announcement(context.bot, chat.id, announcement, context.t)


async def _show_panel(update: Update, context: CustomContext, draft: AnnouncementView, note: str | None = None,
                      *, new_message: bool = False) -> None:
    services, t = context.services, context.t
    count = await services.announcements.count(context.db, draft.audience)
    needs = services.announcements.needs_approval(draft.audience, count)
    described = audience_text(draft.audience, t, services.catalogue, await services.cohorts.cohorts(context.db))
    text = panel_text(draft, count, needs, t, described)
    if note:
        text = f"{escape(note)}\n\n{text}"
    if new_message:
        chat = update.effective_chat
        assert chat is not None
        await context.bot.send_message(chat.id, t.block(text), parse_mode=ParseMode.HTML,
                                       reply_markup=panel_keyboard(draft, t))
        return
    await show(update, context, text, panel_keyboard(draft, t))


async def _handle_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    action = AnnouncementButton.parse(query.data if query else None)
    assert query is not None and action is not None and context.officer is not None
    if action.op not in DRAFT_OPS:
        await handle_review_button(update, context, action)
        return
    services, t, officer = context.services, context.t, context.officer
    draft = await services.announcements.get(context.db, action.announcement_id)
    if draft is None or draft.author_id != officer.id or draft.status.value != "draft":
        await query.answer(t("announce-stale"))
        return
    await query.answer()
    done(context)
    match action.op, action.value:
        case "x", _:
            await services.announcements.cancel(context.db, draft.id, services.access.actor(officer))
            await show(update, context, escape(t("announce-discarded")))
        case "a", _:
            await show(update, context, escape(t("announce-audience-title")), audience_keyboard(draft, t))
        case "b", _:
            await _show_panel(update, context, draft)
        case op, "" if op in FILTERS:
            await show(update, context, escape(t("announce-audience-title")),
                       choices_keyboard(draft, op, await _choices(context, op), t))
        case op, value if op in FILTERS:
            await _narrow(update, context, draft, op, value)
        case "ae", _:
            await _apply(update, context, draft, Audience())
        case "k", _:
            toggled = await services.announcements.toggle_acknowledge(context.db, draft.id, officer)
            assert toggled is not None
            await _show_panel(update, context, toggled)
        case "s", _:
            await _submit(update, context, draft, None)
        case "w", "":
            await show(update, context, escape(t("announce-schedule-title")), schedule_keyboard(draft, t))
        case "w", ("1h" | "t9") as when:
            zone = (await services.reminders.view(context.db, officer)).time_zone
            await _submit(update, context, draft, chosen_start(when, services.clock(), zone))
        case "wt", _:
            expect(context, "announce-when", str(draft.id))
            zone = (await services.reminders.view(context.db, officer)).time_zone
            await show(update, context, escape(t("announce-type-when", zone=zone)))


async def _choices(context: CustomContext, op: str) -> list[tuple[str, str]]:
    services, t = context.services, context.t
    if op == "ac":
        return [(c.name[:60], str(c.id)) for c in await services.cohorts.cohorts(context.db)]
    if op == "au":
        return [(course.titles[t.locale][:60], course.id) for course in services.catalogue.courses]
    if op == "an":
        return [(country, country) for country in await services.cohorts.countries(context.db)]
    if op == "al":
        return [(t(f"language-name-{locale}"), locale) for locale in SUPPORTED_LOCALES]
    return completion_choices(t)


async def _narrow(update: Update, context: CustomContext, draft: AnnouncementView, op: str, value: str) -> None:
    field = FILTERS[op]
    if value == "-":
        chosen: object = Completion.ANY if op == "ap" else None
    elif op == "ac" and value.isdigit():
        chosen = int(value)
    elif op == "ap" and value in {state.value for state in Completion}:
        chosen = Completion(value)
    elif (op, value) in {(op, choice) for _, choice in await _choices(context, op)}:
        chosen = value
    else:
        await show(update, context, escape(context.t("announce-stale")))
        return
    await _apply(update, context, draft, draft.audience.but(**{field: chosen}))


async def _apply(update: Update, context: CustomContext, draft: AnnouncementView, audience: Audience) -> None:
    assert context.officer is not None
    narrowed = await context.services.announcements.narrow(context.db, draft.id, context.officer, audience)
    assert narrowed is not None
    await _show_panel(update, context, narrowed)


async def _submit(update: Update, context: CustomContext, draft: AnnouncementView, starts_at: datetime | None) -> None:
    services, t, officer = context.services, context.t, context.officer
    assert officer is not None
    outcome = await services.announcements.submit(context.db, draft.id, officer, services.access.actor(officer), starts_at)
    if outcome is Submitted.EMPTY:
        await _show_panel(update, context, draft, t("announce-empty"))
        return
    if outcome is Submitted.STALE:
        await show(update, context, escape(t("announce-stale")))
        return
    submitted = await services.announcements.get(context.db, draft.id)
    assert submitted is not None
    zone = (await services.reminders.view(context.db, officer)).time_zone
    if outcome is Submitted.AWAITING_APPROVAL:
        asked = await ask_reviewers(context.bot, services, context.db, submitted)
        await show(update, context, escape(t("announce-awaiting-approval", id=draft.id, count=submitted.recipients,
                                             reviewers=asked)))
    elif starts_at is None:
        await show(update, context, escape(t("announce-sending", id=draft.id, count=submitted.recipients)))
    else:
        await show(update, context, escape(t("announce-scheduled", id=draft.id, count=submitted.recipients,
                                             when=moment(starts_at, zone, t.locale))))


async def _answer_when(update: Update, context: CustomContext, argument: str) -> None:
    message = update.effective_message
    assert message is not None and context.officer is not None
    zone_name = (await context.services.reminders.view(context.db, context.officer)).time_zone
    starts_at = chosen_start(clean_input(message.text or ""), context.services.clock(), zone_name)
    if starts_at is None:
        await show(update, context, escape(context.t("announce-bad-when", zone=zone_name)))
        return
    done(context)
    draft = await context.services.announcements.get(context.db, int(argument or 0))
    if draft is None or draft.author_id != context.officer.id:
        await show(update, context, escape(context.t("announce-stale")))
        return
    await _submit(update, context, draft, starts_at)


ANSWERS: dict[str, Answer] = {"announce-body": _answer_body, "announce-when": _answer_when}
