"""How quizzes look: questions, feedback, rules, refusals and results as Telegram HTML and buttons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from telegram import InlineKeyboardMarkup

from bot.callback_data import BeginFinal, Choose, NextQuestion, OpenCourse, ShowCard, Submit
from bot.content import Catalogue, Question
from bot.formatting import escape
from bot.i18n import Translator
from bot.keyboards import button, menu_button_row
from bot.services.quiz import Answered, Attempt, Feedback, FinalRules, Kind, Outcome, Refusal, Refused, Result, Step

BUTTONS_PER_ROW = 6
MAX_POLL_QUESTION = 300
MAX_POLL_EXPLANATION = 200
# Feedback and the next question share one message unless together they outgrow a phone screen.
ONE_SCREEN = 1100
MAX_MESSAGE = 3800  # Telegram allows 4096; room for the right-to-left marks added to Arabic lines
SHORT_QUESTION = 110


class Screen(NamedTuple):
    html: str
    keyboard: InlineKeyboardMarkup | None = None


@dataclass(frozen=True, slots=True)
class PollSpec:
    """A question as a native poll: a quiz poll reveals the answer at once, a regular one does not."""

    question: str
    options: list[str]
    quiz: bool
    correct_option_ids: list[int]
    explanation: str | None
    multiple: bool


def letters(t: Translator) -> list[str]:
    """Option labels in the officer's alphabet (A B C…, أ ب ج…)."""
    return t("quiz-option-letters").split()


def option_texts(question: Question, order: tuple[int, ...], t: Translator) -> list[str]:
    if question.kind == "truefalse":
        return [t("quiz-true"), t("quiz-false")]
    options = question.options[t.locale]
    return [options[original] for original in order]


def labelled(question: Question, order: tuple[int, ...], shown: tuple[int, ...], t: Translator) -> list[str]:
    """The options at these displayed positions, as the officer saw them ("B. text", or "True")."""
    texts, marks = option_texts(question, order, t), letters(t)
    return [texts[i] if question.kind == "truefalse" else f"{marks[i]}. {texts[i]}" for i in shown]


def title(attempt: Attempt, catalogue: Catalogue, t: Translator) -> str:
    if attempt.kind is Kind.FINAL and attempt.course_id:
        course = catalogue.course(attempt.course_id)
        return t("quiz-title-final", course=course.titles[t.locale] if course else attempt.course_id)
    return t("quiz-title-review") if attempt.kind is Kind.REVIEW else t("quiz-title-lesson")


def question_screen(step: Step, catalogue: Catalogue, t: Translator) -> Screen:
    question, marks = step.question, letters(t)
    lines = [
        f"<b>{escape(title(step.attempt, catalogue, t))}</b>",
        f"<i>{escape(t('quiz-progress', number=step.position + 1, total=step.attempt.question_count))}</i>",
        "",
        f"<b>{escape(question.texts[t.locale])}</b>",
    ]
    if question.kind != "truefalse":
        lines.append("")
        lines += [f"{marks[i]}. {escape(option)}" for i, option in enumerate(option_texts(question, step.order, t))]
    if question.kind == "multiple":
        lines += ["", f"<i>{escape(t('quiz-choose-several'))}</i>"]
    if step.attempt.deadline_at is not None and step.position == 0:
        lines += ["", f"⏱ {escape(t('quiz-time-limit', minutes=step.attempt.time_limit_minutes))}"]
    return Screen("\n".join(lines), _question_keyboard(step, t))


def _question_keyboard(step: Step, t: Translator) -> InlineKeyboardMarkup:
    attempt_id, position = step.attempt.id, step.position
    if step.question.kind == "truefalse":
        return InlineKeyboardMarkup([[button(label, Choose(attempt_id, position, i))
                                      for i, label in enumerate(option_texts(step.question, step.order, t))]])
    marks = letters(t)
    labels = [f"☑️ {marks[i]}" if i in step.selected else marks[i] for i in range(len(step.order))]
    buttons = [button(label, Choose(attempt_id, position, i)) for i, label in enumerate(labels)]
    rows = [buttons[i:i + BUTTONS_PER_ROW] for i in range(0, len(buttons), BUTTONS_PER_ROW)]
    if step.question.kind == "multiple":
        rows.append([button(t("quiz-submit"), Submit(attempt_id, position))])
    return InlineKeyboardMarkup(rows)


def poll_spec(step: Step, t: Translator) -> PollSpec:
    question = step.question
    text = question.texts[t.locale]
    numbered = f"{step.position + 1}/{step.attempt.question_count}. {text}"
    explanation = question.explanations[t.locale]
    reveal = step.attempt.feedback is Feedback.EACH
    return PollSpec(
        numbered if len(numbered) <= MAX_POLL_QUESTION else text, option_texts(question, step.order, t), reveal,
        list(step.correct_displayed) if reveal else [],
        explanation if reveal and len(explanation) <= MAX_POLL_EXPLANATION else None, question.kind == "multiple",
    )


def feedback_lines(answer: Answered, t: Translator) -> list[str]:
    """Right or wrong, the option chosen, the right one when it was missed, and why."""
    lines = [escape(t("quiz-correct") if answer.correct else t("quiz-wrong")), "",
             f"<b>{escape(answer.question.texts[t.locale])}</b>", escape(t("quiz-your-answer"))]
    lines += [f"• {escape(text)}" for text in labelled(answer.question, answer.order, answer.chosen, t)]
    if not answer.correct:
        lines.append(escape(t("quiz-answer-was")))
        lines += [f"• {escape(text)}" for text in labelled(answer.question, answer.order, answer.correct_displayed, t)]
    return [*lines, "", escape(t("quiz-explanation", text=answer.question.explanations[t.locale]))]


def outcome_screens(outcome: Outcome, catalogue: Catalogue, t: Translator) -> list[Screen]:
    """One edit after a tap: the feedback (or, for end-of-quiz feedback, a receipt) and what follows."""
    following, answer = outcome.following, outcome.answer
    if following.attempt.feedback is Feedback.END:
        receipt = escape(t("quiz-answer-recorded", answer=", ".join(labelled(answer.question, answer.order,
                                                                               answer.chosen, t))))
        head = f"<i>{receipt}</i>"
    else:
        head = "\n".join(feedback_lines(answer, t))
    after = question_screen(following, catalogue, t) if isinstance(following, Step) else None
    if after is None:
        first, *rest = result_screens(following, catalogue, t)  # type: ignore[arg-type]
        return [Screen(f"{head}\n\n{first.html}", first.keyboard), *rest]
    if len(head) + len(after.html) > ONE_SCREEN:
        # A long explanation is read first; the next question waits for a tap.
        return [Screen(head, InlineKeyboardMarkup([[button(t("quiz-next"), NextQuestion(following.attempt.id))]]))]
    return [Screen(f"{head}\n\n{after.html}", after.keyboard)]


def rules_screen(rules: FinalRules, t: Translator) -> Screen:
    """The final quiz's rules, before the first question."""
    course = rules.course
    lines = [f"<b>{escape(t('quiz-title-final', course=course.titles[t.locale]))}</b>", "",
             escape(t("quiz-rules-questions", count=rules.questions, pool=rules.pool) if rules.questions < rules.pool
                    else t("quiz-rules-questions-all", count=rules.questions)),
             escape(t("quiz-rules-pass-mark", percent=rules.pass_mark))]
    lines.append(escape(t("quiz-rules-time-limit", minutes=rules.time_limit_minutes) if rules.time_limit_minutes
                        else t("quiz-rules-no-time-limit")))
    if rules.attempts_left is not None:
        lines.append(escape(t("quiz-rules-attempts-left", count=rules.attempts_left)))
    lines.append(escape(t("quiz-rules-feedback-end") if rules.feedback is Feedback.END else t("quiz-rules-feedback-each")))
    keyboard = InlineKeyboardMarkup([[button(t("quiz-begin"), BeginFinal(course.id))],
                                     [button(t("back-to-course"), OpenCourse(course.id)), *menu_button_row(t)]])
    return Screen("\n".join(lines), keyboard)


def refusal_text(refusal: Refusal, t: Translator) -> str:
    if refusal.reason is Refused.COOLING_DOWN and refusal.until is not None:
        return t("quiz-retake-after", time=refusal.until.strftime("%Y-%m-%d %H:%M"))
    if refusal.reason is Refused.LESSONS_REMAINING:
        return t("quiz-lessons-first", count=refusal.remaining)
    return {
        Refused.NO_ATTEMPTS_LEFT: t("quiz-no-attempts"),
        Refused.NOTHING_DUE: t("quiz-nothing-due"),
    }.get(refusal.reason, t("quiz-stale"))


def result_screens(result: Result, catalogue: Catalogue, t: Translator) -> list[Screen]:
    """The score, then (for feedback at the end) every answer explained, in as many messages as needed."""
    attempt = result.attempt
    lines = [f"<b>{escape(title(attempt, catalogue, t))}</b>", ""]
    if result.timed_out:
        lines += [escape(t("quiz-time-up")), ""]
    if attempt.kind is Kind.FINAL:
        course = catalogue.course(attempt.course_id or "")
        lines.append(escape(t("quiz-final-score", correct=attempt.correct_count, total=attempt.question_count,
                              percent=result.percent, **{"pass": course.quiz.pass_mark if course else 0})))
        if result.passed:
            lines.append(escape(t("quiz-passed")))
            lines.append(escape(t("quiz-certificate-follows" if result.certificate else "quiz-certificate-held")))
        else:
            lines.append(escape(t("quiz-failed")))
    elif attempt.kind is Kind.REVIEW:
        lines.append(escape(t("quiz-review-done", correct=attempt.correct_count, total=attempt.question_count)))
    else:
        lines.append(escape(t("quiz-lesson-result", correct=attempt.correct_count, total=attempt.question_count)))
    blocks = ["\n".join(lines)]
    if attempt.feedback is Feedback.END:
        blocks.append(escape(t("quiz-your-answers")))
        blocks += [_review_item(answer, t) for answer in result.answers]
    elif result.missed and attempt.kind is not Kind.REVIEW:
        blocks.append("\n".join([escape(t("quiz-to-review")), *(f"• {escape(_shorten(q.texts[t.locale]))}"
                                                                 for q in result.missed)]))
    if result.missed and attempt.kind is not Kind.REVIEW:
        blocks.append(escape(t("quiz-review-later")))
    messages = _pack(blocks)
    return [Screen(html) for html in messages[:-1]] + [Screen(messages[-1], _result_keyboard(result, catalogue, t))]


def _review_item(answer: Answered, t: Translator) -> str:
    mark = "✅" if answer.correct else "❌"
    lines = [f"{mark} <b>{answer.position + 1}. {escape(_shorten(answer.question.texts[t.locale], SHORT_QUESTION))}</b>"]
    chosen = labelled(answer.question, answer.order, answer.chosen, t)
    lines.append(escape(t("quiz-review-chosen", answer=", ".join(chosen)) if chosen else t("quiz-review-unanswered")))
    if not answer.correct:
        right = labelled(answer.question, answer.order, answer.correct_displayed, t)
        lines.append(escape(t("quiz-review-right", answer=", ".join(right))))
    lines.append(f"<i>{escape(answer.question.explanations[t.locale])}</i>")
    return "\n".join(lines)


def _pack(blocks: list[str]) -> list[str]:
    """Blocks joined by blank lines into messages that each fit Telegram's limit."""
    messages = [blocks[0]]
    for block in blocks[1:]:
        if len(messages[-1]) + 2 + len(block) > MAX_MESSAGE:
            messages.append(block)
        else:
            messages[-1] += "\n\n" + block
    return messages


def _result_keyboard(result: Result, catalogue: Catalogue, t: Translator) -> InlineKeyboardMarkup:
    attempt, rows = result.attempt, []
    course = catalogue.course(attempt.course_id) if attempt.course_id else None
    if attempt.kind is Kind.LESSON and course is not None and attempt.lesson_id:
        index = course.lesson_index(attempt.lesson_id)
        if index is not None and index + 1 < len(course.lessons):
            rows.append([button(t("card-next-lesson"), ShowCard(course.id, course.lessons[index + 1].id, 0))])
    if course is not None:
        rows.append([button(t("back-to-course"), OpenCourse(course.id))])
    rows.append(menu_button_row(t))
    return InlineKeyboardMarkup(rows)


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
