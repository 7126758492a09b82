"""/reminders: daily study reminders on or off, their time, time zone, quiet hours, pauses, review nudges."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import ReminderButton, handles
from bot.context import CustomContext
from bot.daytime import QuietHours, parse_clock, parse_quiet_hours
from bot.formatting import clean_input, escape
from bot.handlers.awaiting import Answer, done, expect
from bot.handlers.common import command, gated, main_menu, refuse_stale_button, show
from bot.keyboards import button
from bot.services.reminders import ReminderView
from bot.services.zones import find_zone
from bot.views.dates import clock
from bot.views.reminders import (
    panel_keyboard,
    panel_text,
    pause_keyboard,
    quiet_keyboard,
    quiet_label,
    zone_keyboard,
    zone_label,
)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("reminders", gated(_handle_reminders)),
        CallbackQueryHandler(gated(_handle_button), pattern=handles(ReminderButton)),
    ]


async def _handle_reminders(update: Update, context: CustomContext) -> None:
    assert context.officer is not None
    await _show_panel(update, context, await context.services.reminders.view(context.db, context.officer))


async def _show_panel(update: Update, context: CustomContext, view: ReminderView, note: str | None = None) -> None:
    text = panel_text(view, context.t, context.services.clock())
    await show(update, context, f"{escape(note)}\n\n{text}" if note else text, panel_keyboard(view, context.t))


async def _handle_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None and context.officer is not None
    action = ReminderButton.parse(query.data)
    assert action is not None
    reminders, session, officer, t = context.services.reminders, context.db, context.officer, context.t
    now = context.services.clock()
    done(context)
    view: ReminderView | None = None
    match action.op, action.value:
        case ("on" | "off") as switch, "":
            view = await reminders.switch(session, officer, switch == "on")
        case ("n1" | "n0") as nudges, "":
            view = await reminders.set_nudges(session, officer, nudges == "n1")
        case "t", value if (minute := _minute(value)) is not None:
            view = await reminders.set_time(session, officer, minute)
            if view is None:
                await query.answer()
                await _refuse_quiet_time(update, context, minute)
                return
        case "tt", "":
            return await _ask(update, context, "reminder-time", "reminders-type-time")
        case "z", "":
            await query.answer()
            zones = await reminders.zone_choices(session, officer)
            if not zones:
                return await _ask(update, context, "reminder-zone", "reminders-zone-type", answered=True)
            return await show(update, context, escape(t("reminders-zone-choose")), zone_keyboard(zones, t, now))
        case "z", zone:
            view = await reminders.set_zone(session, officer, zone)
        case "zt", "":
            return await _ask(update, context, "reminder-zone", "reminders-zone-type")
        case "q", "":
            await query.answer()
            return await show(update, context, escape(t("reminders-quiet-choose")), quiet_keyboard(t))
        case "q", value if (quiet := parse_quiet_hours(value.replace("-", " - "))) is not None:
            view = await _set_quiet(update, context, quiet)
            if view is None:
                return
        case "qn", "":
            view = await reminders.set_quiet(session, officer, None)
        case "qt", "":
            return await _ask(update, context, "reminder-quiet", "reminders-quiet-type")
        case "s", "":
            await query.answer()
            current = await reminders.view(session, officer)
            return await show(update, context, escape(t("reminders-pause-choose")), pause_keyboard(current, t, now))
        case "s", days if days.isdigit():
            view = await reminders.pause(session, officer, int(days))
        case "st", "":
            return await _ask(update, context, "reminder-pause", "reminders-pause-prompt")
        case "r", "":
            view = await reminders.pause(session, officer, 0)
        case "p", "":
            view = await reminders.view(session, officer)
    if view is None:
        await refuse_stale_button(update, context)
        return
    await query.answer()
    await _show_panel(update, context, view)


def _minute(value: str) -> int | None:
    return parse_clock(f"{value[:2]}:{value[2:]}") if len(value) == 4 and value.isdigit() else None


async def _ask(update: Update, context: CustomContext, kind: str, prompt: str, *, answered: bool = False) -> None:
    if update.callback_query is not None and not answered:
        await update.callback_query.answer()
    expect(context, kind)
    await show(update, context, escape(context.t(prompt)))


async def _refuse_quiet_time(update: Update, context: CustomContext, minute: int) -> None:
    assert context.officer is not None
    view = await context.services.reminders.view(context.db, context.officer)
    assert view.quiet is not None
    note = context.t("reminders-time-in-quiet", time=clock(minute, context.t.locale), hours=quiet_label(view.quiet, context.t))
    await _show_panel(update, context, view, note)


async def _set_quiet(update: Update, context: CustomContext, quiet: QuietHours | None) -> ReminderView | None:
    assert context.officer is not None
    view = await context.services.reminders.set_quiet(context.db, context.officer, quiet)
    if view is None:
        if update.callback_query is not None:
            await update.callback_query.answer()
        current = await context.services.reminders.view(context.db, context.officer)
        note = context.t("reminders-quiet-contains", time=clock(current.at_minute, context.t.locale))
        await _show_panel(update, context, current, note)
    return view


async def _typed_time(update: Update, context: CustomContext, _: str) -> None:
    minute = parse_clock(clean_input(_text(update)))
    if minute is None:
        await show(update, context, escape(context.t("reminders-bad-time")))
        return
    assert context.officer is not None
    done(context)
    view = await context.services.reminders.set_time(context.db, context.officer, minute)
    if view is None:
        await _refuse_quiet_time(update, context, minute)
        return
    await _show_panel(update, context, view)


async def _typed_zone(update: Update, context: CustomContext, _: str) -> None:
    text = clean_input(_text(update))
    zone = find_zone(text)
    if zone is None:
        await show(update, context, escape(context.t("reminders-zone-unknown", text=text[:60])))
        return
    assert context.officer is not None
    done(context)
    view = await context.services.reminders.set_zone(context.db, context.officer, zone)
    assert view is not None
    await _show_panel(update, context, view)


async def _typed_quiet(update: Update, context: CustomContext, _: str) -> None:
    quiet = parse_quiet_hours(clean_input(_text(update)))
    if quiet is None:
        await show(update, context, escape(context.t("reminders-quiet-bad")), quiet_keyboard(context.t))
        return
    done(context)
    view = await _set_quiet(update, context, quiet)
    if view is not None:
        await _show_panel(update, context, view)


async def _typed_pause(update: Update, context: CustomContext, _: str) -> None:
    text = clean_input(_text(update))
    assert context.officer is not None
    view = await context.services.reminders.pause(context.db, context.officer, int(text)) if text.isdigit() else None
    if view is None or not int(text):
        await show(update, context, escape(context.t("reminders-pause-bad")))
        return
    done(context)
    await _show_panel(update, context, view)


def _text(update: Update) -> str:
    message = update.effective_message
    return message.text if message is not None and message.text else ""


ANSWERS: dict[str, Answer] = {
    "reminder-time": _typed_time, "reminder-zone": _typed_zone, "reminder-quiet": _typed_quiet,
    "reminder-pause": _typed_pause,
}


async def menu_after_verification(update: Update, context: CustomContext) -> None:
    """The menu, opened by the news that daily reminders are on (said once), with a time-zone button
    when the officer's country has several zones."""
    officer = context.officer
    assert officer is not None
    t, now = context.t, context.services.clock()
    text, menu = escape(t("menu-title")), await main_menu(context)
    enrolled = await context.services.reminders.enrol(context.db, officer, introduced=True)
    if enrolled is not None:
        view, zones = enrolled
        quiet = t("reminders-intro-quiet", hours=quiet_label(view.quiet, t)) if view.quiet else ""
        intro = t("reminders-intro", time=clock(view.at_minute, t.locale), zone=zone_label(view.time_zone, t, now),
                  quiet=quiet)
        text = f"{escape(intro)}\n\n{text}"
        if zones:
            choose = button(t("reminders-zone-button"), ReminderButton("z"))
            menu = InlineKeyboardMarkup([*menu.inline_keyboard, [choose]])
    await show(update, context, text, menu)
