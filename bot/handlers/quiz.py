"""Lesson checks, final quizzes and /review: the buttons and polls, connected to the quiz service and its view."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode, PollType
from telegram.ext import BaseHandler, CallbackQueryHandler, PollAnswerHandler

from bot.callback_data import (
    Action,
    BeginFinal,
    Choose,
    NextQuestion,
    OpenCourse,
    StartCheck,
    StartFinal,
    StartReview,
    Submit,
    handles,
    parse,
)
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.certificates import send_certificate
from bot.handlers.common import command, gated, main_menu, show
from bot.handlers.quiz_view import (
    Screen,
    outcome_screens,
    poll_spec,
    question_screen,
    refusal_text,
    result_screens,
    rules_screen,
)
from bot.keyboards import button, menu_button_row
from bot.services.quiz import FinalRules, Outcome, Refusal, Refused, Result, Step

QuizState = FinalRules | Step | Outcome | Result | Refusal
# Refusals that only a stale or forged button can cause: the question on screen stays as it is.
FORGED_OR_STALE = (Refused.NOT_YOURS, Refused.FINISHED, Refused.NOT_CURRENT, Refused.BAD_OPTION)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("review", gated(_handle_review)),
        CallbackQueryHandler(
            gated(_handle_quiz_button),
            pattern=handles(StartCheck, StartFinal, BeginFinal, StartReview, Choose, Submit, NextQuestion),
        ),
        PollAnswerHandler(_handle_poll_answer),
    ]


async def _handle_review(update: Update, context: CustomContext) -> None:
    assert context.officer is not None
    await _present(update, context, await context.services.quiz.start_review(context.db, context.officer))


async def _handle_quiz_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None
    state = await _act(parse(query.data), context)
    if isinstance(state, Refusal) and state.reason in FORGED_OR_STALE:
        await query.answer(context.t("quiz-stale"))
        return
    await query.answer()
    await _present(update, context, state)


async def _act(action: Action | None, context: CustomContext) -> QuizState:
    quiz, officer, db = context.services.quiz, context.officer, context.db
    assert officer is not None
    match action:
        case StartCheck(course_id, lesson_id) if course := context.catalogue.course(course_id):
            return await quiz.start_check(db, officer, course, lesson_id)
        case StartFinal(course_id) if course := context.catalogue.course(course_id):
            return await quiz.open_final(db, officer, course)
        case BeginFinal(course_id) if course := context.catalogue.course(course_id):
            return await quiz.begin_final(db, officer, course)
        case StartReview():
            return await quiz.start_review(db, officer)
        case Choose(attempt_id, position, option):
            return await quiz.choose(db, officer, attempt_id, position, option)
        case Submit(attempt_id, position):
            return await quiz.submit(db, officer, attempt_id, position)
        case NextQuestion(attempt_id):
            return await quiz.advance(db, officer, attempt_id)
    return Refusal(Refused.NOT_CURRENT)


async def _handle_poll_answer(update: Update, context: CustomContext) -> None:
    """A poll answer: a quiz poll already showed right or wrong; record it and go on."""
    answer = update.poll_answer
    officer = context.officer
    if answer is None or officer is None or not await context.services.access.may_learn(context.db, officer):
        return
    state = await context.services.quiz.answer_poll(context.db, officer, answer.poll_id, list(answer.option_ids))
    if isinstance(state, Outcome | Result):
        await _present(update, context, state)


async def _present(update: Update, context: CustomContext, state: QuizState) -> None:
    t, catalogue = context.t, context.catalogue
    match state:
        case Refusal():
            await show(update, context, escape(refusal_text(state, t)), await _refusal_keyboard(state, context))
        case FinalRules():
            await _show_screens(update, context, [rules_screen(state, t)])
        case Outcome() if state.following.attempt.presentation == "poll":
            await _present(update, context, state.following)
        case Outcome():
            await _show_screens(update, context, outcome_screens(state, catalogue, t))
            if isinstance(state.following, Result):
                await _deliver_certificate(context, state.following)
        case Result():
            await _show_screens(update, context, result_screens(state, catalogue, t))
            await _deliver_certificate(context, state)
        case Step() if state.attempt.presentation == "poll":
            await _send_poll(update, context, state)
        case Step():
            await _show_screens(update, context, [question_screen(state, catalogue, t)])


async def _show_screens(update: Update, context: CustomContext, screens: list[Screen]) -> None:
    """The first screen replaces the message whose button was pressed; any further ones follow it."""
    first, *rest = screens
    await show(update, context, first.html, first.keyboard)
    chat = update.effective_chat.id if update.effective_chat else update.effective_user.id if update.effective_user else 0
    for screen in rest:
        await context.bot.send_message(chat, context.t.block(screen.html), parse_mode=ParseMode.HTML,
                                       reply_markup=screen.keyboard)


async def _refusal_keyboard(refusal: Refusal, context: CustomContext) -> InlineKeyboardMarkup:
    """A final quiz that cannot start leads back to its course (whose overview opens the lessons left)."""
    if refusal.course_id is None:
        return await main_menu(context)
    t = context.t
    return InlineKeyboardMarkup([[button(t("back-to-course"), OpenCourse(refusal.course_id))], menu_button_row(t)])


async def _deliver_certificate(context: CustomContext, result: Result) -> None:
    """After the result screen: the certificate just earned, or one that has not reached the officer yet."""
    if result.certificate is not None:
        await send_certificate(context, result.certificate)


async def _send_poll(update: Update, context: CustomContext, step: Step) -> None:
    assert context.officer is not None
    spec = poll_spec(step, context.t)
    message = await context.bot.send_poll(
        context.officer.telegram_id, spec.question, spec.options, is_anonymous=False,
        type=PollType.QUIZ if spec.quiz else PollType.REGULAR, allows_multiple_answers=spec.multiple,
        correct_option_ids=spec.correct_option_ids or None, explanation=spec.explanation,
    )
    assert message.poll is not None
    await context.services.quiz.attach_poll(context.db, step, message.poll.id)
    if update.callback_query:
        await show(update, context, escape(context.t("quiz-poll-hint")))

