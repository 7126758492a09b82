"""Quizzes through the sandbox: lesson checks, a failed then passed final, review, certificates, forgeries."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

import pytest
from pypdf import PdfReader

from bot.content import Question
from bot.context import LearnbotApplication
from bot.sandbox import BotApiSandbox, SandboxMessage
from tests.integration.conftest import I18N, MovableClock, RunBot, open_course, quiz_content, settle, verify
from tests.integration.quiz_support import COURSE, FINAL_COUNT, answer, begin_final, buttons_for, question_on, run_quiz

T = I18N.translator("en")




@pytest.fixture
async def quiz_bot(run_seeded_bot: RunBot) -> AsyncIterator[LearnbotApplication]:
    async with run_seeded_bot(quiz_content()) as application:
        yield application


async def test_lesson_check_after_the_last_card(quiz_bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=5001, language_code="en")
    await verify(user)
    await open_course(user, COURSE)
    await user.press(T("course-start"))
    await user.wait_reply()
    first = COURSE.lessons[0]
    for _ in range(first.card_count - 1):
        await user.press(T("card-next"))
        await user.wait_reply()
    await user.press(T("lesson-check"))
    question = await user.wait_reply()
    assert T("quiz-progress", number=1, total=len(COURSE.lesson_check(first.id))) in question.text
    answer_key_leaked = [b for row in question.inline_buttons for b in row if "correct" in b.get("callback_data", "")]
    assert not answer_key_leaked
    run = await run_quiz(user, right=True)
    result = run.result
    total = len(COURSE.lesson_check(first.id))
    assert len(run.screens) == total, "one tap per answer: the feedback and the next question come in one edit"
    assert T("quiz-lesson-result", correct=total, total=total) in result.text
    await user.press(T("card-next-lesson"))
    assert COURSE.lessons[1].titles["en"] in (await user.wait_reply()).text


async def test_failed_then_passed_final_quiz_with_a_verifiable_certificate(
    quiz_bot, sandbox: BotApiSandbox, clock: MovableClock
) -> None:
    user = sandbox.user(user_id=5002, language_code="en")
    await verify(user)
    await begin_final(user)
    failed = (await run_quiz(user, right=False)).result
    total = FINAL_COUNT
    assert T("quiz-final-score", correct=0, total=total, percent=0, **{"pass": 80}) in failed.text
    assert T("quiz-failed") in failed.text and T("quiz-to-review") in failed.text

    await open_course(user, COURSE)
    await user.press(T("final-quiz"))
    refusal = await user.wait_reply()
    assert refusal.text.startswith(T("quiz-retake-after", time="X").split("X")[0])

    clock.advance(hours=24, minutes=1)
    await begin_final(user)
    outcomes = [True] * total
    outcomes[-1] = False  # one miss still passes at 80 % when there are at least 5 questions
    run = await run_quiz(user, right=outcomes)
    passed = run.result
    percent = (total - 1) * 100 // total
    assert T("quiz-final-score", correct=total - 1, total=total, percent=percent, **{"pass": 80}) in passed.text
    assert T("quiz-passed") in passed.text and T("quiz-certificate-follows") in passed.text

    [pdf_message] = run.documents
    assert pdf_message.document is not None and pdf_message.document["file_name"].endswith(".pdf")
    pdf = sandbox.bot_state().files[pdf_message.document["file_id"]].content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    code = pdf_message.document["file_name"].removeprefix("certificate-").removesuffix(".pdf")
    assert COURSE.titles["en"] in text and code in text and "Officer 5002" in text

    stranger = sandbox.user(user_id=7100, language_code="en")
    await stranger.send(f"/verify {code.lower()}")
    valid = await stranger.wait_reply()
    assert valid.text.startswith(T("verify-valid", code=code, course=COURSE.titles["en"], date="X").split("X")[0])
    assert "Officer 5002" not in valid.text, "the holder's name is hidden unless allowed"
    await user.press(T("certificate-show-name"))
    await settle(quiz_bot)
    await stranger.send(f"/verify {code}")
    assert T("verify-valid-holder", name="Officer 5002") in (await stranger.wait_reply()).text

    manager = sandbox.user(user_id=5010, language_code="en")
    await verify(manager)
    await manager.send(f"/revoke_certificate {code}")
    assert (await manager.wait_reply()).text == T("revoke-certificate-done", code=code)
    await settle(quiz_bot)
    await stranger.send(f"/verify {code}")
    assert (await stranger.wait_reply()).text.startswith("⚠️")
    await stranger.send("/verify LB-00000-00000")
    assert (await stranger.wait_reply()).text == T("verify-unknown", code="LB-00000-00000")


async def test_time_limit_is_shown_and_ends_the_final_quiz(quiz_bot, sandbox: BotApiSandbox, clock: MovableClock) -> None:
    user = sandbox.user(user_id=5011, language_code="en")
    await verify(user)
    rules = await begin_final(user)
    assert T("quiz-rules-time-limit", minutes=30) in rules.text
    first = user.last_message
    assert T("quiz-time-limit", minutes=30) in first.text
    clock.advance(minutes=31)
    await user.press(buttons_for(first, question_on(first), right=True)[0])
    result = await user.wait_reply()
    assert T("quiz-time-up") in result.text and T("quiz-failed") in result.text


async def test_missed_question_comes_back_for_review_the_next_day(quiz_bot, sandbox: BotApiSandbox, clock: MovableClock) -> None:
    user = sandbox.user(user_id=5003, language_code="en")
    await verify(user)
    lesson = COURSE.lessons[0]
    menu = await open_course(user, COURSE)
    await user.press_data(menu, f"k:{COURSE.id}:{lesson.id}")
    await user.wait_reply()
    await run_quiz(user, right=False)
    await user.send("/review")
    assert (await user.wait_reply()).text == T("quiz-nothing-due")

    clock.advance(days=1)
    await user.send("/start")
    start = await user.wait_reply()
    checks = len(COURSE.lesson_check(lesson.id))
    assert T("menu-review", count=checks) in start.button_labels()
    await user.press(T("menu-review", count=checks))
    first = await user.wait_reply()
    assert T("quiz-title-review") in first.text
    result = (await run_quiz(user, right=True)).result
    assert T("quiz-review-done", correct=checks, total=checks) in result.text
    await user.send("/review")
    assert (await user.wait_reply()).text == T("quiz-nothing-due"), "correct answers push the next review out"


async def test_forged_answers_are_refused(quiz_bot, sandbox: BotApiSandbox) -> None:
    owner = sandbox.user(user_id=5004, language_code="en")
    await verify(owner)
    menu = await open_course(owner, COURSE)
    await owner.press_data(menu, f"f:{COURSE.id}")
    await owner.wait_reply()
    await owner.press(T("quiz-begin"))
    question = await owner.wait_reply()
    while question_on(question).kind == "multiple":  # a question that one tap answers
        question = (await answer(owner, right=True))[1]
    data = question.inline_buttons[0][0]["callback_data"]
    _, attempt, position, _ = data.split(":")

    intruder = sandbox.user(user_id=5005, language_code="en")
    await verify(intruder)
    await intruder.send("/help")
    help_message = await intruder.wait_reply()
    assert (await intruder.press_data(help_message, data)).text == T("quiz-stale"), "another user's quiz"
    forged_next = f"a:{attempt}:{int(position) + 1}:0"
    assert (await owner.press_data(question, forged_next)).text == T("quiz-stale"), "another question"
    _, current = await answer(owner, right=True)
    assert (await owner.press_data(question, data)).text == T("quiz-stale"), "an answered question"
    assert (await owner.press_data(question, "a:999999:0:0")).text == T("quiz-stale"), "an attempt that does not exist"
    _, _, position, _ = current.inline_buttons[0][0]["callback_data"].split(":")
    assert (await owner.press_data(current, f"a:{attempt}:{position}:11")).text == T("quiz-stale"), "an option off screen"
    assert owner.last_message.text == current.text, "the question stays on screen"


async def test_quiz_entry_points_are_gated(quiz_bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=7200, language_code="en")
    await user.send("/review")
    assert (await user.wait_reply()).text == T("verify-needed")
    await user.send("/help")
    message = await user.wait_reply()
    for data in (f"f:{COURSE.id}", f"b:{COURSE.id}", f"k:{COURSE.id}:{COURSE.lessons[0].id}", "v", "a:1:0:0", "n:1"):
        await user.press_data(message, data)
        assert (await user.wait_reply()).text == T("verify-needed"), data


async def test_manager_statistics_and_export(quiz_bot, sandbox: BotApiSandbox) -> None:
    learner = sandbox.user(user_id=5006, language_code="en")
    await verify(learner)
    await begin_final(learner)
    await run_quiz(learner, right=True)
    await settle(quiz_bot)

    manager = sandbox.user(user_id=5010, language_code="en")
    await verify(manager)
    await manager.send("/stats")
    stats = await manager.wait_reply()
    assert COURSE.titles["en"] in stats.text
    hundred = T("stats-percent", value=100)
    assert T("stats-started", count=1) in stats.text and T("stats-completed", count=0) in stats.text
    assert T("stats-pass-rate", rate=hundred) in stats.text and T("stats-average-best", average=hundred) in stats.text
    await manager.send("/export")
    export = await manager.wait_reply()
    rows = list(csv.DictReader(io.StringIO(sandbox.bot_state().files[export.document["file_id"]].content.decode())))
    assert [(r["personnel_id"], r["country"], r["course"], r["best_final_score"]) for r in rows] == [
        ("P-5006", "FR", COURSE.id, "100")
    ]
    assert rows[0]["certificate"].startswith("LB-")

    officer = sandbox.user(user_id=5007, language_code="en")
    await verify(officer)
    await officer.send("/stats")
    assert (await officer.wait_reply()).text == T("role-required")


@pytest.fixture
async def poll_bot(run_seeded_bot: RunBot) -> AsyncIterator[LearnbotApplication]:
    async with run_seeded_bot(quiz_content("poll")) as application:
        yield application


def poll_choice(poll_message: SandboxMessage, *, right: bool) -> tuple[Question, list[int]]:
    """The question behind a poll and option ids for a right or wrong answer (read off the options)."""
    poll = poll_message.poll
    assert poll is not None and poll["is_anonymous"] is False
    question = next(q for q in COURSE.questions if poll["question"].endswith(q.texts["en"]))
    texts = [option["text"] for option in poll["options"]]
    if question.kind == "truefalse":
        truth = 0 in question.correct
        return question, [texts.index(T("quiz-true") if truth == right else T("quiz-false"))]
    wanted = {question.options["en"][i] for i in question.correct}
    chosen = [i for i, text in enumerate(texts) if (text in wanted) == right]
    return question, chosen if question.kind == "multiple" or right else chosen[:1]


async def test_quiz_as_native_polls(poll_bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=5008, language_code="en")
    await verify(user)
    menu = await open_course(user, COURSE)
    lesson = COURSE.lessons[0]
    await user.press_data(menu, f"k:{COURSE.id}:{lesson.id}")
    checks = COURSE.lesson_check(lesson.id)
    for number, _ in enumerate(checks):
        poll_message = await user.wait_reply()
        while poll_message.poll is None:  # the hint under the button comes first
            assert poll_message.text == T("quiz-poll-hint")
            poll_message = await user.wait_reply()
        question, option_ids = poll_choice(poll_message, right=number == 0)
        assert poll_message.poll["type"] == "quiz", "a lesson check's poll shows the right answer at once"
        sent = sandbox.calls_of("sendPoll")[-1].params
        displayed_correct = sent["correct_option_ids"]
        texts = [option["text"] for option in poll_message.poll["options"]]
        assert sorted(texts[i] for i in displayed_correct) == sorted(
            [T("quiz-true") if 0 in question.correct else T("quiz-false")] if question.kind == "truefalse"
            else [question.options["en"][i] for i in question.correct])
        assert sent["explanation"] == question.explanations["en"]
        await user.answer_poll(poll_message, option_ids)
    result = await user.wait_reply()
    assert T("quiz-lesson-result", correct=1, total=len(checks)) in result.text
    assert len(user.polls) == len(checks), "one poll per question, nothing after the result"


async def test_final_quiz_polls_reveal_nothing_before_the_end(run_seeded_bot: RunBot, sandbox: BotApiSandbox) -> None:
    async with run_seeded_bot(quiz_content("poll", 'final_feedback = "end"\ndraw = 3')):
        user = sandbox.user(user_id=5009, language_code="en")
        await verify(user)
        await open_course(user, COURSE)
        await user.press(T("final-quiz"))
        await user.wait_reply()
        await user.press(T("quiz-begin"))
        asked = []
        while len(asked) < 3:
            message = await user.wait_reply()
            if message.poll is None:
                continue
            assert message.poll["type"] == "regular", "a quiz poll would show the right answer at once"
            sent = sandbox.calls_of("sendPoll")[-1].params
            assert not sent.get("correct_option_ids") and not sent.get("explanation")
            question, option_ids = poll_choice(message, right=False)
            asked.append(question)
            await user.answer_poll(message, option_ids)
        result = await user.wait_reply()
        assert T("quiz-failed") in result.text and T("quiz-your-answers") in result.text
        assert all(question.explanations["en"] in result.text for question in asked), "explained at the end"
