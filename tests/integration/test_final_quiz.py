"""The shipped final-quiz policy through the sandbox: lessons first, rules first, a pool, feedback at the end, retakes."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from bot.content import Course, load_catalogue
from bot.sandbox import BotApiSandbox, SandboxMessage, SandboxUser
from bot.services.learning import study_minutes
from tests.integration.conftest import (
    I18N,
    STARTER_COURSE,
    MovableClock,
    RunBot,
    open_course,
    plain_words,
    settle,
    shipped_content,
    verify,
)
from tests.integration.quiz_support import answer, is_result, question_on


def shipped_course(draw: int | None = None) -> Course:
    course = load_catalogue(shipped_content(draw)).course(STARTER_COURSE)
    assert course is not None
    return course


async def read_every_lesson(user: SandboxUser, course: Course, overview: SandboxMessage) -> None:
    """Open each lesson's last card, as reading it through would; that completes the lesson."""
    for lesson in course.lessons:
        await user.press_data(overview, f"l:{course.id}:{lesson.id}:{lesson.card_count - 1}")
        await user.wait_reply()


async def take_final(user: SandboxUser, course: Course, locale: str, *, right: bool) -> tuple[SandboxMessage, list]:
    """Final quiz from the overview: read the rules, begin, answer everything; returns the rules and the screens
    (the first question, then what each answer brought)."""
    t = I18N.translator(locale)
    await open_course(user, course, locale)
    await user.press(t("final-quiz"))
    rules = await user.wait_reply()
    await user.press(t("quiz-begin"))
    first = await user.wait_reply()
    screens = [(question_on(first, locale), first)]
    while True:
        question, screen = await answer(user, right=right, locale=locale)
        screens.append((question, screen))
        if is_result(screen, locale):
            return rules, screens


@pytest.mark.parametrize("locale", ["en", "ar"])
async def test_shipped_final_quiz_waits_for_the_lessons_and_explains_only_at_the_end(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox, locale: str
) -> None:
    t = I18N.translator(locale)
    course = shipped_course()
    policy, pool = course.quiz, len(course.final_quiz)
    drawn = min(policy.draw or pool, pool)
    async with run_seeded_bot(shipped_content()):
        user = sandbox.user(user_id=5018 if locale == "en" else 6011, language_code=locale)
        await verify(user)
        overview = await open_course(user, course, locale)
        intro = t("course-final-quiz", count=drawn, percent=80)
        assert intro in overview.text and t("course-final-retakes", count=3, hours=24) in overview.text
        assert t("course-certificate-valid", months=24) in overview.text, "the course intro states the policy"

        await user.press(t("final-quiz"))
        refused = await user.wait_reply()
        assert refused.text.replace("\u200f", "") == t("quiz-lessons-first", count=len(course.lessons))
        assert t("back-to-course") in refused.button_labels()
        await read_every_lesson(user, course, refused)

        rules, screens = await take_final(user, course, locale, right=False)
        questions = (t("quiz-rules-questions", count=drawn, pool=pool) if drawn < pool
                     else t("quiz-rules-questions-all", count=drawn))
        for expected in (questions, t("quiz-rules-pass-mark", percent=80),
                         t("quiz-rules-time-limit", minutes=20), t("quiz-rules-attempts-left", count=3),
                         t("quiz-rules-feedback-end")):
            assert expected in rules.text
        (first_question, first), answered = screens[0], screens[1:]
        assert len(answered) == drawn
        for _, screen in [screens[0], *answered[:-1]]:
            assert not any(q.explanations[locale] in screen.text for q, _ in screens), "no explanation before the end"
            assert t("quiz-wrong") not in screen.text and t("quiz-correct") not in screen.text
        assert all(t("quiz-answer-recorded", answer="X").split("X")[0] in s.text for _, s in answered)
        await settle_results(user)
        result = answered[-1][1]
        results = "\n".join(m.text for m in user.messages if m.message_id >= result.message_id and m.text)
        assert t("quiz-failed") in results and t("quiz-your-answers") in results
        for question, _ in answered:
            assert question.explanations[locale] in results, "every explanation at the end"
        if first_question.kind != "truefalse":
            assert first.button_labels()[:2] == t("quiz-option-letters").split()[:2]
            if locale == "ar":
                assert first.button_labels()[:4] == ["أ", "ب", "ج", "د"][: len(first.button_labels()[:4])]


async def settle_results(user: SandboxUser) -> None:
    """Wait until the bot has sent every part of the result."""
    while True:
        try:
            await user.wait_reply(timeout=0.5)
        except TimeoutError:
            return


async def test_a_retake_draws_other_questions_and_three_failures_mean_a_day_of_waiting(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox, clock: MovableClock
) -> None:
    t = I18N.translator("en")
    course = shipped_course(draw=5)
    async with run_seeded_bot(shipped_content(draw=5)) as bot:
        user = sandbox.user(user_id=5019, language_code="en")
        await verify(user)
        await read_every_lesson(user, course, await open_course(user, course))
        drawn = []
        for attempts_left in (3, 2, 1):
            rules, screens = await take_final(user, course, "en", right=False)
            assert t("quiz-rules-attempts-left", count=attempts_left) in rules.text
            assert t("quiz-rules-questions", count=5, pool=len(course.final_quiz)) in rules.text
            drawn.append({question.id for question, _ in screens[1:]})
            await settle_results(user)
        first, second, third = drawn
        assert all(len(ids) == 5 and ids <= {q.id for q in course.final_quiz} for ids in drawn)
        assert len(second - first) >= 3, f"a retake draws other questions from the pool: {first} then {second}"
        assert len(third - first - second) >= 1

        await settle(bot)
        await open_course(user, course)
        await user.press(t("final-quiz"))
        wait = await user.wait_reply()
        assert wait.text.startswith(t("quiz-retake-after", time="X").split("X")[0]), "three failures, then a day"
        clock.advance(hours=24, minutes=1)
        rules, _ = await take_final(user, course, "en", right=True)
        assert t("quiz-rules-attempts-left", count=3) in rules.text, "a new series of three after the day"
        certificate = await user.wait_reply(timeout=10)
        pdf = sandbox.bot_state().files[certificate.document["file_id"]].content
        words = plain_words(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
        expected = t("certificate-achievement", lessons=len(course.lessons), percent=100, **{"pass": 80})
        assert plain_words(expected) in words, "the shipped course certifies its lessons and the assessment"
        minutes = t("certificate-course", course=course.titles["en"], minutes=study_minutes(course))
        assert plain_words(minutes) in words
