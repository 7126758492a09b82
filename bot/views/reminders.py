"""The /reminders screen and the reminder messages themselves."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import ReminderButton, ShowCard, StartReview
from bot.content import Catalogue
from bot.daytime import QuietHours
from bot.formatting import escape
from bot.i18n import Translator
from bot.keyboards import button, menu_button_row
from bot.services.due_reminders import ReminderJob
from bot.services.reminders import ReminderView
from bot.services.zones import city_of, utc_offset
from bot.views.dates import clock, day

PRESET_TIMES = (7 * 60, 8 * 60, 12 * 60 + 30, 18 * 60, 20 * 60)
PRESET_QUIET = (QuietHours(21 * 60, 7 * 60), QuietHours(22 * 60, 6 * 60), QuietHours(20 * 60, 8 * 60),
                QuietHours(23 * 60, 7 * 60))
PRESET_PAUSES = (1, 3, 7, 14)


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}{minute % 60:02d}"


def zone_label(zone: str, t: Translator, now: datetime) -> str:
    return f"{city_of(zone, t.locale)}, {utc_offset(zone, now)}"


def quiet_label(quiet: QuietHours, t: Translator) -> str:
    return f"{clock(quiet.start, t.locale)}–{clock(quiet.end, t.locale)}"


def panel_text(view: ReminderView, t: Translator, now: datetime) -> str:
    lines = [f"<b>{escape(t('reminders-title'))}</b>"]
    if not view.enabled:
        lines.append(escape(t("reminders-state-off")))
    else:
        lines.append(escape(t("reminders-state-on", time=clock(view.at_minute, t.locale),
                              zone=zone_label(view.time_zone, t, now))))
        if view.interval_days > 1:
            lines.append(escape(t("reminders-every", days=view.interval_days)))
    if view.paused_until is not None and view.paused_until > now:
        lines.append(escape(t("reminders-state-paused", date=day(view.paused_until.date(), t.locale))))
    lines.append(escape(t("reminders-quiet", hours=quiet_label(view.quiet, t)) if view.quiet
                        else t("reminders-quiet-none")))
    lines.append(escape(t("reminders-nudges-on" if view.review_nudges else "reminders-nudges-off")))
    return "\n".join(lines)


def panel_keyboard(view: ReminderView, t: Translator) -> InlineKeyboardMarkup:
    times = [button(clock(minute, t.locale), ReminderButton("t", hhmm(minute))) for minute in PRESET_TIMES
             if minute != view.at_minute and not (view.quiet and view.quiet.contains(minute))]
    rows = [
        [button(t("reminders-turn-off") if view.enabled else t("reminders-turn-on"),
                  ReminderButton("off" if view.enabled else "on"))],
        times[:3], [*times[3:], button(t("reminders-other-time"), ReminderButton("tt"))],
        [button(t("reminders-zone-button"), ReminderButton("z")), button(t("reminders-quiet-button"), ReminderButton("q"))],
        [button(t("reminders-nudges-disable") if view.review_nudges else t("reminders-nudges-enable"),
                  ReminderButton("n0" if view.review_nudges else "n1"))],
        [button(t("reminders-pause-button"), ReminderButton("s"))],
        menu_button_row(t),
    ]
    return InlineKeyboardMarkup([row for row in rows if row])


def zone_keyboard(zones: list[str], t: Translator, now: datetime) -> InlineKeyboardMarkup:
    ordered = sorted(zones, key=lambda zone: (utc_offset(zone, now), city_of(zone, t.locale)))
    buttons = [button(zone_label(zone, t, now), ReminderButton("z", zone)) for zone in ordered]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup([*rows, [button(t("reminders-zone-type-button"), ReminderButton("zt"))], _back(t)])


def quiet_keyboard(t: Translator) -> InlineKeyboardMarkup:
    presets = [button(quiet_label(quiet, t), ReminderButton("q", f"{hhmm(quiet.start)}-{hhmm(quiet.end)}"))
               for quiet in PRESET_QUIET]
    return InlineKeyboardMarkup([presets[:2], presets[2:], [button(t("reminders-quiet-off"), ReminderButton("qn")),
                                 button(t("reminders-other-hours"), ReminderButton("qt"))], _back(t)])


def pause_keyboard(view: ReminderView, t: Translator, now: datetime) -> InlineKeyboardMarkup:
    rows = [[button(t("reminders-pause-days", days=days), ReminderButton("s", str(days))) for days in PRESET_PAUSES],
            [button(t("reminders-pause-other"), ReminderButton("st"))]]
    if view.paused_until is not None and view.paused_until > now:
        rows.append([button(t("reminders-resume"), ReminderButton("r"))])
    return InlineKeyboardMarkup([*rows, _back(t)])


def _back(t: Translator) -> list[InlineKeyboardButton]:
    return [button(t("reminders-back"), ReminderButton("p"))]


def reminder_text(job: ReminderJob, t: Translator, catalogue: Catalogue) -> str:
    """A daily reminder or a review nudge, in the officer's language."""
    digest = job.digest
    if job.kind == "nudge":
        return escape(t("nudge-text", count=digest.reviews_due))
    lines = [f"<b>{escape(t('reminder-title'))}</b>"]
    for soon in digest.due_soon:
        course = catalogue.course(soon.course_id)
        title = course.titles[t.locale] if course else soon.course_id
        key = "reminder-overdue" if soon.days_left < 0 else "reminder-due"
        lines.append("• " + escape(t(key, course=title, date=day(soon.due_on, t.locale), days=max(soon.days_left, 0))))
    if digest.reviews_due:
        lines.append("• " + escape(t("reminder-reviews", count=digest.reviews_due)))
    if digest.next_lesson is not None:
        course = catalogue.course(digest.next_lesson.course_id)
        lesson = course.lessons[course.lesson_index(digest.next_lesson.lesson_id) or 0] if course else None
        if course is not None and lesson is not None:
            lines.append("• " + escape(t("reminder-next-lesson", lesson=lesson.titles[t.locale],
                                              course=course.titles[t.locale])))
    if digest.streak:
        lines.append(escape(t("reminder-streak", days=digest.streak)))
    if job.slowed_to:
        lines += ["", escape(t("reminder-slowed", days=job.slowed_to))]
    elif job.introduce:
        lines += ["", escape(t("reminder-intro"))]
    return "\n".join(lines)


def reminder_keyboard(job: ReminderJob, t: Translator) -> InlineKeyboardMarkup:
    rows = []
    if job.digest.reviews_due:
        rows.append([button(t("menu-review", count=job.digest.reviews_due), StartReview())])
    lesson = job.digest.next_lesson
    if job.kind == "daily" and lesson is not None:
        rows.append([button(t("reminder-open-lesson"), ShowCard(lesson.course_id, lesson.lesson_id, 0))])
    rows.append([button(t("reminders-settings-button"), ReminderButton("p"))])
    return InlineKeyboardMarkup(rows)
