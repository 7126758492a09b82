"""Lesson checks, final quizzes and /review: inline questions or native quiz polls."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import PollType
from telegram.ext import BaseHandler, CallbackQueryHandler, PollAnswerHandler

from bot.callback_data import (
    Choose,
    NextQuestion,
    OpenCourse,
    ShowCard,
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
from bot.i18n import Translator
from bot.keyboards import button, menu_button_row
from bot.services.quiz import Kind, Outcome, Refusal, Refused, Result, Step

LETTERS = "ABCDEFGHIJKL"
BUTTONS_PER_ROW = 6
MAX_POLL_QUESTION = 300
MAX_POLL_EXPLANATION = 200
QuizState = Step | Result | Refusal
# Refusals that only a stale or forged button can cause: the question on screen stays as it is.
FORGED_OR_STALE = (Refused.NOT_YOURS, Refused.FINISHED, Refused.NOT_CURRENT, Refused.BAD_OPTION)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("review", gated(_handle_review)),
        CallbackQueryHandler(
            gated(_handle_quiz_button),
            pattern=handles(StartCheck, StartFinal, StartReview, Choose, Submit, NextQuestion),
        ),
        PollAnswerHandler(_handle_poll_answer),
    ]


async def _handle_review(update: Update, context: CustomContext) -> None:
    assert context.officer is not None
    await _present(update, context, await context.services.quiz.start_review(context.db, context.officer))


async def _handle_quiz_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None and context.officer is not None
    quiz, officer, db = context.services.quiz, context.officer, context.db
    state: QuizState | Outcome
    match parse(query.data):
        case StartCheck() | StartFinal() as start:
            course = context.catalogue.course(start.course_id)
            lesson = start.lesson_id if isinstance(start, StartCheck) else None
            state = await quiz.start(db, officer, course, lesson) if course else Refusal(Refused.NOT_CURRENT)
        case StartReview():
            state = await quiz.start_review(db, officer)
        case Choose(attempt_id, position, option):
            current = await quiz.current(db, officer, attempt_id)
            if not isinstance(current, Step):
                state = current  # time ran out just now, or a stale button
            elif current.question.kind == "multiple":
                state = await quiz.toggle(db, officer, attempt_id, position, option)
            else:
                state = await quiz.answer(db, officer, attempt_id, position, {option})
        case Submit(attempt_id, position):
            current = await quiz.current(db, officer, attempt_id)
            if not isinstance(current, Step):
                state = current
            else:
                state = await quiz.answer(db, officer, attempt_id, position, set(current.selected))
        case NextQuestion(attempt_id):
            state = await quiz.current(db, officer, attempt_id)
        case _:
            state = Refusal(Refused.NOT_CURRENT)
    # An answer button of an attempt that is over (and not by running out of time just now) is stale.
    stale = isinstance(state, Result) and not state.timed_out and isinstance(parse(query.data), Choose | Submit)
    if stale or isinstance(state, Refusal) and state.reason in FORGED_OR_STALE:
        await query.answer(context.t("quiz-stale"))
        return
    await query.answer()
    if isinstance(state, Outcome):
        await show(update, context, _feedback_text(state, context.t), _feedback_keyboard(state, context.t))
        if state.result is not None and state.result.certificate is not None:
            await send_certificate(context, officer.telegram_id, state.result.certificate)
    else:
        await _present(update, context, state)


async def _handle_poll_answer(update: Update, context: CustomContext) -> None:
    """A quiz-poll answer: Telegram already showed right or wrong; record it and go on."""
    answer = update.poll_answer
    officer = context.officer
    if answer is None or officer is None or not await context.services.access.may_learn(context.db, officer):
        return
    state = await context.services.quiz.answer_poll(context.db, officer, answer.poll_id, list(answer.option_ids))
    if isinstance(state, Outcome):
        await _present(update, context, state.result or await context.services.quiz.current(
            context.db, officer, state.step.attempt.id or 0))
    elif isinstance(state, Result):
        await _present(update, context, state)


async def _present(update: Update, context: CustomContext, state: QuizState) -> None:
    t = context.t
    if isinstance(state, Refusal):
        await show(update, context, escape(_refusal_text(state, t)), await main_menu(context))
    elif isinstance(state, Result):
        await show(update, context, _result_text(state, context), _result_keyboard(state, context))
        if state.certificate is not None:
            assert update.effective_user is not None
            await send_certificate(context, update.effective_user.id, state.certificate)
    elif state.attempt.presentation == "poll":
        await _send_poll(update, context, state)
    else:
        await context.services.quiz.mark_shown(context.db, state)
        await show(update, context, _question_text(state, context), _question_keyboard(state, t))


async def _send_poll(update: Update, context: CustomContext, step: Step) -> None:
    t, question = context.t, step.question
    text = question.texts[t.locale]
    numbered = f"{step.answer.position + 1}/{step.attempt.question_count}. {text}"
    options = _option_texts(step, t)
    explanation = question.explanations[t.locale]
    assert context.officer is not None
    message = await context.bot.send_poll(
        context.officer.telegram_id,
        numbered if len(numbered) <= MAX_POLL_QUESTION else text,
        options,
        is_anonymous=False,
        type=PollType.QUIZ,
        allows_multiple_answers=question.kind == "multiple",
        correct_option_ids=list(step.correct_displayed),
        explanation=explanation if len(explanation) <= MAX_POLL_EXPLANATION else None,
    )
    assert message.poll is not None
    await context.services.quiz.mark_shown(context.db, step, poll_id=message.poll.id)
    if update.callback_query:
        await show(update, context, escape(t("quiz-poll-hint")))


def _option_texts(step: Step, t: Translator) -> list[str]:
    if step.question.kind == "truefalse":
        return [t("quiz-true"), t("quiz-false")]
    options = step.question.options[t.locale]
    return [options[original] for original in step.order]


def _title(step_or_result: Step | Result, context: CustomContext) -> str:
    attempt, t = step_or_result.attempt, context.t
    if attempt.kind == Kind.FINAL and attempt.course_id:
        course = context.catalogue.course(attempt.course_id)
        return t("quiz-title-final", course=course.titles[t.locale] if course else attempt.course_id)
    return t("quiz-title-review") if attempt.kind == Kind.REVIEW else t("quiz-title-lesson")


def _question_text(step: Step, context: CustomContext) -> str:
    t = context.t
    lines = [
        f"<b>{escape(_title(step, context))}</b>",
        f"<i>{escape(t('quiz-progress', number=step.answer.position + 1, total=step.attempt.question_count))}</i>",
        "",
        f"<b>{escape(step.question.texts[t.locale])}</b>",
    ]
    if step.question.kind != "truefalse":
        lines.append("")
        lines += [f"{LETTERS[i]}. {escape(option)}" for i, option in enumerate(_option_texts(step, t))]
    if step.question.kind == "multiple":
        lines += ["", f"<i>{escape(t('quiz-choose-several'))}</i>"]
    attempt = step.attempt
    if attempt.deadline_at is not None and step.answer.position == 0:
        minutes = round((attempt.deadline_at - attempt.started_at).total_seconds() / 60)
        lines += ["", f"⏱ {escape(t('quiz-time-limit', minutes=minutes))}"]
    return "\n".join(lines)


def _question_keyboard(step: Step, t: Translator) -> InlineKeyboardMarkup:
    attempt_id, position = step.attempt.id or 0, step.answer.position
    if step.question.kind == "truefalse":
        return InlineKeyboardMarkup([[button(label, Choose(attempt_id, position, i))
                                      for i, label in enumerate(_option_texts(step, t))]])
    labels = [f"☑️ {LETTERS[i]}" if i in step.selected else LETTERS[i] for i in range(len(step.order))]
    buttons = [button(label, Choose(attempt_id, position, i)) for i, label in enumerate(labels)]
    rows = [buttons[i:i + BUTTONS_PER_ROW] for i in range(0, len(buttons), BUTTONS_PER_ROW)]
    if step.question.kind == "multiple":
        rows.append([button(t("quiz-submit"), Submit(attempt_id, position))])
    return InlineKeyboardMarkup(rows)


def _feedback_text(outcome: Outcome, t: Translator) -> str:
    step = outcome.step
    options = _option_texts(step, t)
    right = [f"{LETTERS[i]}. {options[i]}" if step.question.kind != "truefalse" else options[i]
             for i in step.correct_displayed]
    lines = [
        escape(t("quiz-correct") if outcome.correct else t("quiz-wrong")),
        "",
        f"<b>{escape(step.question.texts[t.locale])}</b>",
        escape(t("quiz-answer-was")),
        *(f"• {escape(answer)}" for answer in right),
        "",
        escape(t("quiz-explanation", text=step.question.explanations[t.locale])),
    ]
    return "\n".join(lines)


def _feedback_keyboard(outcome: Outcome, t: Translator) -> InlineKeyboardMarkup:
    label = t("quiz-see-result") if outcome.result is not None else t("quiz-next")
    return InlineKeyboardMarkup([[button(label, NextQuestion(outcome.step.attempt.id or 0))]])


def _refusal_text(refusal: Refusal, t: Translator) -> str:
    if refusal.reason is Refused.COOLING_DOWN and refusal.until is not None:
        return t("quiz-retake-after", time=refusal.until.strftime("%Y-%m-%d %H:%M"))
    return {
        Refused.NO_ATTEMPTS_LEFT: t("quiz-no-attempts"),
        Refused.NOTHING_DUE: t("quiz-nothing-due"),
    }.get(refusal.reason, t("quiz-stale"))


def _result_text(result: Result, context: CustomContext) -> str:
    t, attempt = context.t, result.attempt
    lines = [f"<b>{escape(_title(result, context))}</b>", ""]
    if result.timed_out:
        lines += [escape(t("quiz-time-up")), ""]
    if attempt.kind == Kind.FINAL:
        course = context.catalogue.course(attempt.course_id or "")
        pass_mark = course.quiz.pass_mark if course else 0
        lines.append(escape(t("quiz-final-score", correct=attempt.correct_count, total=attempt.question_count,
                              percent=result.percent, **{"pass": pass_mark})))
        lines.append(escape(t("quiz-passed") if result.passed else t("quiz-failed")))
    elif attempt.kind == Kind.REVIEW:
        lines.append(escape(t("quiz-review-done", correct=attempt.correct_count, total=attempt.question_count)))
    else:
        lines.append(escape(t("quiz-lesson-result", correct=attempt.correct_count, total=attempt.question_count)))
    if result.missed and attempt.kind != Kind.REVIEW:
        lines += ["", escape(t("quiz-to-review"))]
        lines += [f"• {escape(_shorten(q.texts[t.locale]))}" for q in result.missed]
        lines.append(escape(t("quiz-review-later")))
    return "\n".join(lines)


def _result_keyboard(result: Result, context: CustomContext) -> InlineKeyboardMarkup:
    t, attempt = context.t, result.attempt
    rows = []
    course = context.catalogue.course(attempt.course_id) if attempt.course_id else None
    if attempt.kind == Kind.LESSON and course is not None and attempt.lesson_id:
        index = course.lesson_index(attempt.lesson_id)
        if index is not None and index + 1 < len(course.lessons):
            rows.append([button(t("card-next-lesson"), ShowCard(course.id, course.lessons[index + 1].id, 0))])
    if course is not None:
        rows.append([button(t("back-to-course"), OpenCourse(course.id))])
    rows.append(menu_button_row(t))
    return InlineKeyboardMarkup(rows)


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

