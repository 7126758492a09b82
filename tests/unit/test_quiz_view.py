"""How quiz screens are put together: one edit per answer unless it outgrows a screen, results split to fit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.content import load_catalogue
from bot.formatting import escape
from bot.handlers.quiz_view import MAX_MESSAGE, ONE_SCREEN, outcome_screens, result_screens
from bot.i18n import I18n
from bot.services.quiz import Answered, Attempt, Feedback, Kind, Outcome, Result, Step
from bot.settings import PROJECT_ROOT

CATALOGUE = load_catalogue(PROJECT_ROOT / "content")
COURSE = CATALOGUE.courses[0]
I18N = I18n(PROJECT_ROOT / "locales")
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def attempt(kind: Kind = Kind.LESSON, feedback: Feedback = Feedback.EACH, count: int = 2) -> Attempt:
    return Attempt(1, kind, COURSE.id, None, "inline", feedback, count, 0, NOW, None)


def single(index: int = 0):
    return [q for q in COURSE.questions if q.kind == "single"][index]


def answered(question, chosen: int, position: int = 0) -> Answered:
    order = tuple(range(question.option_count))
    return Answered(position, question, order, (chosen,), chosen in question.correct)


def test_feedback_and_the_next_question_share_one_edit() -> None:
    t = I18N.translator("en")
    first, second = single(0), single(1)
    wrong = next(i for i in range(first.option_count) if i not in first.correct)
    following = Step(attempt(), 1, second, tuple(range(second.option_count)), frozenset())
    [screen] = outcome_screens(Outcome(answered(first, wrong), following), CATALOGUE, t)
    assert t("quiz-wrong") in screen.html and first.explanations["en"] in screen.html
    assert f"{t('quiz-your-answer')}\n• {'ABCD'[wrong]}. {escape(first.options['en'][wrong])}" in screen.html
    assert second.texts["en"] in screen.html, "the next question is in the same edit"
    assert len(screen.keyboard.inline_keyboard[0]) == second.option_count


def test_a_long_explanation_is_read_before_a_next_tap() -> None:
    t = I18N.translator("en")
    first, second = single(0), single(1)
    long_one = replace(first, explanations={"en": "Why it matters. " * 80})
    following = Step(attempt(), 1, second, tuple(range(second.option_count)), frozenset())
    [screen] = outcome_screens(Outcome(answered(long_one, 0), following), CATALOGUE, t)
    assert len(screen.html) <= ONE_SCREEN * 2 and second.texts["en"] not in screen.html
    assert [button.text for row in screen.keyboard.inline_keyboard for button in row] == [t("quiz-next")]


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_an_end_of_quiz_result_explains_every_answer_in_messages_that_fit(locale: str) -> None:
    t = I18N.translator(locale)
    questions = list(COURSE.questions)  # more than any final draws: the split is needed
    answers = tuple(answered(q, 0, n) for n, q in enumerate(questions))
    result = Result(attempt(Kind.FINAL, Feedback.END, len(questions)), 40, False, answers)
    screens = result_screens(result, CATALOGUE, t)
    assert all(len(t.block(screen.html)) <= 4096 for screen in screens) and len(screens) >= 2
    assert all(screen.keyboard is None for screen in screens[:-1]) and screens[-1].keyboard is not None
    text = "\n".join(screen.html for screen in screens)
    assert all(escape(q.explanations[locale]) in text for q in questions), "every answer explained"
    assert sum(len(s.html) for s in screens) > MAX_MESSAGE, "long enough to need splitting"
