"""The catalogue, course overviews and lesson cards, with /courses and /continue."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import Courses, OpenCourse, Resume, ShowCard, handles, parse
from bot.content import Course
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.assignments import assigned_first
from bot.handlers.common import command, gated, refuse_stale_button, show
from bot.i18n import Translator
from bot.keyboards import card_keyboard, catalogue_keyboard, course_keyboard
from bot.services.learning import CardPosition, CourseStatus, study_minutes
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
    """Go on: the next unfinished lesson of the course studied last, or that course's overview once it is done."""
    assert context.officer is not None
    position = await context.services.learning.resume(context.db, context.officer)
    if position is None:
        t = context.t
        await show(update, context, escape(t("continue-nothing")), catalogue_keyboard(context.catalogue, t))
    elif isinstance(position, CourseStatus):
        await _show_course(update, context, position)
    else:
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
            await _show_course(update, context, await context.services.learning.course_status(
                context.db, context.officer, course))
        case ShowCard(course_id, lesson_id, card):
            position = context.services.learning.locate(course_id, lesson_id, card)
            if position is None:
                await refuse_stale_button(update, context)
                return
            await query.answer()
            await _show_card(update, context, position)


async def _show_course(update: Update, context: CustomContext, status: CourseStatus) -> None:
    assert context.officer is not None
    certificate = await context.services.certificates.held(context.db, context.officer, status.course.id)
    keyboard = course_keyboard(status, context.t, has_certificate=certificate is not None)
    await show(update, context, _course_text(status, context.t), keyboard)


async def _show_card(update: Update, context: CustomContext, position: CardPosition) -> None:
    assert context.officer is not None
    await context.services.learning.record_view(context.db, context.officer, position)
    await show(update, context, *_card_view(position, context))


def _card_view(position: CardPosition, context: CustomContext) -> tuple[str, InlineKeyboardMarkup]:
    """A card's text and buttons depend only on the card and the language: rendered once, then reused."""
    key = ("card", position.course.id, position.lesson_index, position.card_index, context.t.locale)
    views = context.application.views
    view = views.get(key)
    if view is None:
        view = views[key] = (_card_text(position, context.t), card_keyboard(position, context.t))
    return view


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
        escape(t("course-length", lessons=len(course.lessons), minutes=study_minutes(course))),
        escape(t("course-progress", done=status.completed_count, total=len(course.lessons))),
    ]
    if course.final_quiz:
        lines += ["", escape(_final_quiz_policy(course, t))]
    if status.finished:
        lines += ["", escape(t("course-finished", course=course.titles[t.locale]))]
    return "\n".join(lines)


def _final_quiz_policy(course: Course, t: Translator) -> str:
    """The course intro states the final quiz's rules and what the certificate is worth."""
    policy = course.quiz
    questions = min(policy.draw or len(course.final_quiz), len(course.final_quiz))
    parts = [t("course-final-quiz", count=questions, percent=policy.pass_mark)]
    if policy.require_lessons:
        parts.append(t("course-final-after-lessons"))
    if policy.retake_cooldown_hours:
        parts.append(t("course-final-retakes", count=policy.cooldown_after_attempts, hours=policy.retake_cooldown_hours))
    if policy.certificate_valid_months:
        parts.append(t("course-certificate-valid", months=policy.certificate_valid_months))
    return " ".join(parts)
