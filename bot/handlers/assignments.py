"""/assign (a course to a cohort, by a date: cohort and course with buttons, then the date) and /assignments."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import AssignButton, handles
from bot.context import CustomContext
from bot.formatting import clean_input, escape
from bot.handlers.awaiting import Answer, done, expect
from bot.handlers.common import command, requires, show
from bot.keyboards import button, menu_button_row
from bot.services.access import Role
from bot.views.dates import day

QUICK_WEEKS = (2, 4, 8)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    manager = requires(Role.MANAGER)
    return [
        command("assign", manager(_handle_assign)),
        command("assignments", manager(_handle_assignments)),
        CallbackQueryHandler(manager(_handle_button), pattern=handles(AssignButton)),
    ]


async def _handle_assign(update: Update, context: CustomContext) -> None:
    t = context.t
    cohorts = await context.services.cohorts.cohorts(context.db)
    if not cohorts:
        await show(update, context, escape(t("assign-no-cohorts")))
        return
    buttons = [[button(f"{c.name[:50]} ({c.members})", AssignButton("c", c.id))] for c in cohorts]
    await show(update, context, escape(t("assign-choose-cohort")), InlineKeyboardMarkup(buttons))


async def _handle_assignments(update: Update, context: CustomContext) -> None:
    t = context.t
    assignments = await context.services.cohorts.assignments(context.db)
    if not assignments:
        await show(update, context, escape(t("assignments-none")))
        return
    today = context.services.clock().date()
    lines, buttons = [f"<b>{escape(t('assignments-title'))}</b>"], []
    for a in assignments:
        course = _course_title(context, a.course_id)
        key = "assignments-line-overdue" if a.due_on < today else "assignments-line"
        lines.append("• " + escape(t(key, cohort=a.cohort, course=course, date=day(a.due_on, t.locale))))
        buttons.append([button(t("assignments-cancel-button", cohort=a.cohort[:30], course=course[:30]),
                                 AssignButton("x", 0, str(a.id)))])
    await show(update, context, "\n".join(lines), InlineKeyboardMarkup([*buttons, menu_button_row(t)]))


def _course_title(context: CustomContext, course_id: str) -> str:
    course = context.catalogue.course(course_id)
    return course.titles[context.t.locale] if course else course_id


async def _handle_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    action = AssignButton.parse(query.data if query else None)
    assert query is not None and action is not None and context.officer is not None
    services, t = context.services, context.t
    cohort = await services.cohorts.cohort(context.db, action.cohort_id) if action.cohort_id else None
    done(context)
    if action.op == "x" and action.value.isdigit():
        cancelled = await services.cohorts.cancel(context.db, int(action.value), services.access.actor(context.officer))
        await query.answer(t("assignments-cancelled") if cancelled else t("stale-button"))
        await _handle_assignments(update, context)
        return
    if cohort is None:
        await query.answer(t("stale-button"))
        return
    await query.answer()
    if action.op == "c":
        buttons = [[button(course.titles[t.locale][:60], AssignButton("u", cohort.id, course.id))]
                   for course in context.catalogue.courses]
        await show(update, context, escape(t("assign-choose-course", cohort=cohort.name)), InlineKeyboardMarkup(buttons))
    elif action.op == "u" and context.catalogue.course(action.value) is not None:
        expect(context, "assign-date", f"{cohort.id}:{action.value}")
        today = services.clock().date()
        quick = [button(t("assign-in-weeks", weeks=weeks),
                          AssignButton("d", cohort.id, f"{action.value}.{today + timedelta(weeks=weeks):%Y%m%d}"))
                 for weeks in QUICK_WEEKS]
        await show(update, context, escape(t("assign-choose-date", cohort=cohort.name,
                                             course=_course_title(context, action.value))), InlineKeyboardMarkup([quick]))
    elif action.op == "d" and (chosen := _quick_choice(action.value)) is not None:
        await _assign(update, context, cohort.id, cohort.name, *chosen)
    else:
        await show(update, context, escape(t("stale-button")))


def _quick_choice(value: str) -> tuple[str, date] | None:
    course_id, _, stamp = value.rpartition(".")
    try:
        return course_id, datetime.strptime(stamp, "%Y%m%d").date()
    except ValueError:
        return None


async def _answer_date(update: Update, context: CustomContext, argument: str) -> None:
    cohort_id, _, course_id = argument.partition(":")
    message = update.effective_message
    assert message is not None
    services, t = context.services, context.t
    try:
        due_on = datetime.strptime(clean_input(message.text or ""), "%Y-%m-%d").date()
    except ValueError:
        due_on = None
    if due_on is None or due_on <= services.clock().date():
        await show(update, context, escape(t("assign-bad-date")))
        return
    done(context)
    cohort = await services.cohorts.cohort(context.db, int(cohort_id)) if cohort_id.isdigit() else None
    if cohort is None or context.catalogue.course(course_id) is None:
        await show(update, context, escape(t("stale-button")))
        return
    await _assign(update, context, cohort.id, cohort.name, course_id, due_on)


async def _assign(update: Update, context: CustomContext, cohort_id: int, cohort: str, course_id: str,
                  due_on: date) -> None:
    services, t = context.services, context.t
    assert context.officer is not None
    if context.catalogue.course(course_id) is None or due_on <= services.clock().date():
        await show(update, context, escape(t("assign-bad-date")))
        return
    new = await services.cohorts.assign(context.db, cohort_id, course_id, due_on, services.access.actor(context.officer))
    members = await services.cohorts.officer_ids(context.db, cohort_id=cohort_id)
    await services.reminders.reschedule(context.db, sorted(members))
    key = "assign-done" if new else "assign-updated"
    await show(update, context, escape(t(key, cohort=cohort, course=_course_title(context, course_id),
                                         date=day(due_on, t.locale), members=len(members))))


ANSWERS: dict[str, Answer] = {"assign-date": _answer_date}


async def assigned_first(context: CustomContext) -> list[tuple[str, str]]:
    """The officer's unfinished assigned courses, soonest due first, labelled with their due date (for /courses)."""
    officer, t = context.officer, context.t
    if officer is None:
        return []
    services = context.services
    today = await services.reminders.today(context.db, officer)
    labels = []
    for assigned in await services.reminders.open_assignments(context.db, officer):
        key = "catalogue-overdue" if assigned.overdue(today) else "catalogue-due"
        labels.append((assigned.course_id, t(key, course=_course_title(context, assigned.course_id),
                                             date=day(assigned.due_on, t.locale))))
    return labels
