"""The catalogue, course overviews and lesson cards, with /courses and /continue."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import Courses, OpenCourse, Resume, ShowCard, handles, parse
from bot.content import Course
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.assignments import assigned_first
from bot.handlers.common import command, gated, refuse_stale_button, show
from bot.i18n import Translator
from bot.keyboards import card_keyboard, catalogue_keyboard, course_keyboard
from bot.services.learning import CardPosition, CourseStatus
from bot.telegram_html import card_html


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        # Every entry point to course material passes the gate.
        command("courses", gated(_show_catalogue)),
        command("continue", gated(_resume)),
        CallbackQueryHandler(gated(_handle_lesson_button), pattern=handles(Courses, OpenCourse, ShowCard, Resume)),
    ]


async def _show_catalogue(update: Update, context: CustomContext) -> None:
    t = context.t
    if not context.catalogue.courses:
        await show(update, context, escape(t("catalogue-empty")))
        return
    first = await assigned_first(context)  # assigned courses on top, with their due dates
    await show(update, context, f"<b>{escape(t('catalogue-title'))}</b>", catalogue_keyboard(context.catalogue, t, first))


async def _resume(update: Update, context: CustomContext) -> None:
    assert context.officer is not None
    position = await context.services.learning.resume(context.db, context.officer)
    if position is None:
        t = context.t
        await show(update, context, escape(t("continue-nothing")), catalogue_keyboard(context.catalogue, t))
        return
    await _show_card(update, context, position)


async def _handle_lesson_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None and context.officer is not None
    action = parse(query.data)
    match action:
        case Courses():
            await query.answer()
            await _show_catalogue(update, context)
        case Resume():
            await query.answer()
            await _resume(update, context)
        case OpenCourse(course_id):
            course = context.catalogue.course(course_id)
            if course is None:
                await refuse_stale_button(update, context)
                return
            await query.answer()
            status = await context.services.learning.course_status(context.db, context.officer, course)
            certificate = await context.services.certificates.held(context.db, context.officer, course.id)
            keyboard = course_keyboard(status, context.t, has_certificate=certificate is not None)
            await show(update, context, _course_text(status, context.t), keyboard)
        case ShowCard(course_id, lesson_id, card):
            position = context.services.learning.locate(course_id, lesson_id, card)
            if position is None:
                await refuse_stale_button(update, context)
                return
            await query.answer()
            await _show_card(update, context, position)


async def _show_card(update: Update, context: CustomContext, position: CardPosition) -> None:
    assert context.officer is not None
    await context.services.learning.record_view(context.db, context.officer, position)
    await show(update, context, _card_text(position, context.t), card_keyboard(position, context.t))


def _card_text(position: CardPosition, t: Translator) -> str:
    course, lesson = position.course, position.lesson
    where = t(
        "card-position",
        lesson=position.lesson_index + 1,
        lessons=len(course.lessons),
        card=position.card_index + 1,
        cards=lesson.card_count,
    )
    card = lesson.cards[t.locale][position.card_index]
    return (
        f"<b>{escape(course.titles[t.locale])}</b>\n<i>{escape(lesson.titles[t.locale])}</i>\n\n"
        f"{card_html(card)}\n\n<i>{escape(where)}</i>"
    )


def _course_text(status: CourseStatus, t: Translator) -> str:
    course: Course = status.course
    lines = [
        f"<b>{escape(course.titles[t.locale])}</b>",
        escape(course.summaries[t.locale]),
        "",
        escape(t("course-progress", done=status.completed_count, total=len(course.lessons))),
    ]
    for lesson in course.lessons:
        key = "course-lesson-done" if lesson.id in status.completed_lessons else "course-lesson-todo"
        lines.append(escape(t(key, title=lesson.titles[t.locale])))
    if status.finished:
        lines += ["", escape(t("course-finished", course=course.titles[t.locale]))]
    return "\n".join(lines)
