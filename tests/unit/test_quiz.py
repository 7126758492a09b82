"""Quiz service: scoring, shuffling, retake policy, lessons first, forged answers, and FSRS review scheduling."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from bot.content import load_catalogue
from bot.services.audit import AuditLog
from bot.services.certificates import CertificateService, Validity, normalise_code
from bot.services.learning import LearningService
from bot.services.officers import OfficerService
from bot.services.privacy import IdentifierHasher
from bot.services.quiz import Feedback, FinalRules, Outcome, QuizService, Refusal, Refused, Result, Step
from bot.services.review import ReviewService, rating_for
from bot.storage.database import UnitOfWork, create_engine, session_factory, upgrade_database
from tests.conftest import FixedClock
from tests.support.content import write_course, write_quiz


@pytest.fixture
def catalogue(tmp_path: Path):
    course = write_course(tmp_path / "content")
    write_quiz(course)
    toml = course / "course.toml"
    toml.write_text(toml.read_text().replace("order = 1", "order = 1\n\n[quiz]\npass_mark = 50\nmax_attempts = 3\nretake_cooldown_hours = 24\ntime_limit_minutes = 30\nrequire_lessons = false\ncertificate_valid_months = 12"))
    return load_catalogue(tmp_path / "content")


@pytest.fixture
async def world(database_url: str, catalogue) -> AsyncIterator:
    engine = create_engine(database_url)
    await upgrade_database(engine)
    clock = FixedClock()
    hasher = IdentifierHasher("k" * 40)
    certificates = CertificateService(clock, AuditLog(clock), hasher)
    quiz = QuizService(catalogue, clock, ReviewService(), certificates, random.Random(7))
    unit = UnitOfWork(session_factory(engine))
    officers = OfficerService(clock)
    yield unit, clock, quiz, officers, catalogue.course("test-course"), certificates
    await unit.finish()
    await engine.dispose()


async def answer(quiz: QuizService, unit, officer, step: Step, shown: set[int]):
    """Tap the options (ticking them first for a several-answers question, then submitting)."""
    if step.question.kind != "multiple":
        [option] = shown
        return await quiz.choose(unit.session, officer, step.attempt.id, step.position, option)
    for option in shown:
        step = await quiz.choose(unit.session, officer, step.attempt.id, step.position, option)
        assert isinstance(step, Step)
    return await quiz.submit(unit.session, officer, step.attempt.id, step.position)


async def answer_all(quiz: QuizService, unit, officer, step, *, right: bool) -> Result:
    while isinstance(step, Step):
        wrong = [i for i in range(len(step.order)) if i not in step.correct_displayed]
        outcome = await answer(quiz, unit, officer, step, set(step.correct_displayed) if right else {wrong[0]})
        assert isinstance(outcome, Outcome) and outcome.correct is right
        step = outcome.following
    assert isinstance(step, Result)
    return step


def test_rating_follows_correctness_and_time() -> None:
    assert rating_for(False, 2) is Rating.Again
    assert rating_for(True, 5) is Rating.Easy
    assert rating_for(True, 30) is Rating.Good
    assert rating_for(True, 120) is Rating.Hard
    assert rating_for(True, None) is Rating.Good


async def test_lesson_check_scores_and_keeps_the_key_server_side(world) -> None:
    unit, _, quiz, officers, course, _ = world
    officer = await officers.identify(unit.session, 1, "en")
    step = await quiz.start_check(unit.session, officer, course, "lesson-1")
    assert isinstance(step, Step) and step.question.id == "q-single" and step.attempt.feedback is Feedback.EACH
    assert sorted(step.order) == [0, 1, 2]
    result = await answer_all(quiz, unit, officer, step, right=True)
    assert (result.percent, result.passed, result.missed) == (100, None, ())
    assert [(a.question.id, a.correct) for a in result.answers] == [("q-single", True)]


async def test_options_are_shuffled_per_attempt(world) -> None:
    unit, _, quiz, officers, course, _ = world
    orders = set()
    for telegram_id in range(10, 30):
        officer = await officers.identify(unit.session, telegram_id, "en")
        step = await quiz.begin_final(unit.session, officer, course)
        assert isinstance(step, Step) and step.attempt.feedback is Feedback.END
        multiple = step if step.question.id == "q-multiple" else None
        if multiple:
            orders.add(multiple.order)
    assert len(orders) > 3


async def test_multiple_choice_needs_exactly_the_correct_set(world) -> None:
    unit, _, quiz, officers, course, _ = world
    officer = await officers.identify(unit.session, 2, "en")
    step = await quiz.begin_final(unit.session, officer, course)
    while isinstance(step, Step) and step.question.id != "q-multiple":
        step = (await answer(quiz, unit, officer, step, set(step.correct_displayed))).following
    assert isinstance(step, Step)
    ticked = await quiz.choose(unit.session, officer, step.attempt.id, step.position, step.correct_displayed[0])
    assert isinstance(ticked, Step) and ticked.selected == {step.correct_displayed[0]}
    outcome = await quiz.submit(unit.session, officer, step.attempt.id, step.position)
    assert isinstance(outcome, Outcome) and outcome.correct is False
    assert outcome.answer.chosen == (step.correct_displayed[0],), "the feedback can repeat the option chosen"


async def test_failed_then_passed_final_with_cooldown_and_attempt_limit(world) -> None:
    unit, clock, quiz, officers, course, certificates = world
    officer = await officers.identify(unit.session, 3, "en")
    rules = await quiz.open_final(unit.session, officer, course)
    assert isinstance(rules, FinalRules) and (rules.questions, rules.pass_mark, rules.attempts_left) == (2, 50, 1)
    failed = await answer_all(quiz, unit, officer, await quiz.begin_final(unit.session, officer, course), right=False)
    assert (failed.percent, failed.passed, failed.certificate) == (0, False, None)
    assert {q.id for q in failed.missed} == {"q-multiple", "q-truefalse"}
    refusal = await quiz.begin_final(unit.session, officer, course)
    assert refusal == Refusal(Refused.COOLING_DOWN, clock.now + timedelta(hours=24), course_id=course.id)
    assert await quiz.open_final(unit.session, officer, course) == refusal
    clock.now += timedelta(hours=24, seconds=1)
    passed = await answer_all(quiz, unit, officer, await quiz.begin_final(unit.session, officer, course), right=True)
    assert passed.passed is True and passed.certificate is not None and passed.certificate.delivered_at is None
    assert passed.certificate.expires_at == clock.now.replace(year=clock.now.year + 1), "valid for 12 months"
    verification = await certificates.verify(unit.session, passed.certificate.code.lower().replace("-", ""))
    assert verification.validity is Validity.VALID and verification.holder_name is None
    again = await answer_all(quiz, unit, officer, await quiz.begin_final(unit.session, officer, course), right=True)
    assert again.certificate == passed.certificate, "one certificate per course, offered again until delivered"
    await certificates.mark_delivered(unit.session, passed.certificate.id)
    shown_again = await quiz.advance(unit.session, officer, again.attempt.id)
    assert isinstance(shown_again, Result) and shown_again.certificate is None, "a delivered certificate is not resent"
    assert await quiz.begin_final(unit.session, officer, course) == Refusal(Refused.NO_ATTEMPTS_LEFT, course_id=course.id)
    clock.now += timedelta(days=366)
    assert (await certificates.verify(unit.session, passed.certificate.code)).validity is Validity.EXPIRED


async def test_final_quiz_waits_for_every_lesson(world, catalogue, tmp_path: Path) -> None:
    unit, clock, quiz, officers, _, _ = world
    toml = tmp_path / "content" / "test-course" / "course.toml"
    toml.write_text(toml.read_text().replace("require_lessons = false", "require_lessons = true"))
    course = load_catalogue(tmp_path / "content").course("test-course")
    officer = await officers.identify(unit.session, 30, "en")
    learning = LearningService(load_catalogue(tmp_path / "content"), clock)
    refusal = Refusal(Refused.LESSONS_REMAINING, remaining=2, course_id=course.id)
    assert await quiz.open_final(unit.session, officer, course) == refusal
    assert await quiz.begin_final(unit.session, officer, course) == refusal
    await learning.record_view(unit.session, officer, learning.locate(course.id, "lesson-1", 2))
    assert (await quiz.begin_final(unit.session, officer, course)).remaining == 1
    await learning.record_view(unit.session, officer, learning.locate(course.id, "lesson-2", 2))
    assert isinstance(await quiz.open_final(unit.session, officer, course), FinalRules)


async def test_time_limit_ends_the_attempt(world) -> None:
    unit, clock, quiz, officers, course, _ = world
    officer = await officers.identify(unit.session, 4, "en")
    step = await quiz.begin_final(unit.session, officer, course)
    clock.now += timedelta(minutes=31)
    late = await quiz.choose(unit.session, officer, step.attempt.id, step.position, step.correct_displayed[0])
    assert isinstance(late, Result) and late.timed_out and late.percent == 0 and late.passed is False
    again = await quiz.choose(unit.session, officer, step.attempt.id, step.position, step.correct_displayed[0])
    assert again == Refusal(Refused.FINISHED)


async def test_forged_answers_are_refused(world) -> None:
    unit, _, quiz, officers, course, _ = world
    owner = await officers.identify(unit.session, 5, "en")
    intruder = await officers.identify(unit.session, 6, "en")
    step = await quiz.begin_final(unit.session, owner, course)
    while step.question.kind == "multiple":  # a one-answer question, so that a tap answers it
        step = (await answer(quiz, unit, owner, step, set(step.correct_displayed))).following
    attempt, position = step.attempt.id, step.position
    assert await quiz.choose(unit.session, intruder, attempt, position, 0) == Refusal(Refused.NOT_YOURS)
    assert await quiz.choose(unit.session, owner, attempt, position + 1, 0) == Refusal(Refused.NOT_CURRENT)
    assert await quiz.choose(unit.session, owner, attempt, position, 9) == Refusal(Refused.BAD_OPTION)
    assert await quiz.submit(unit.session, owner, attempt, position) == Refusal(Refused.BAD_OPTION), "nothing ticked"
    await quiz.choose(unit.session, owner, attempt, position, 0)
    assert await quiz.choose(unit.session, owner, attempt, position, 0) in (
        Refusal(Refused.NOT_CURRENT), Refusal(Refused.FINISHED)), "answered already"
    assert await quiz.choose(unit.session, owner, 999999, 0, 0) == Refusal(Refused.NOT_YOURS)


async def test_review_intervals_grow_after_correct_answers_and_shrink_after_lapses(world) -> None:
    unit, clock, quiz, officers, course, _ = world
    officer = await officers.identify(unit.session, 7, "en")
    reviews = ReviewService()
    intervals = []
    for _ in range(4):
        card = await reviews.record(unit.session, officer.id, course.id, "q-single", True, 20, clock.now)
        intervals.append(card.due - clock.now)
        clock.now = card.due
    assert intervals == sorted(intervals) and intervals[-1] > intervals[0] * 4, intervals
    lapse = await reviews.record(unit.session, officer.id, course.id, "q-single", False, 20, clock.now)
    assert lapse.due - clock.now < intervals[-1] and lapse.lapses == 1


async def test_missed_question_is_due_the_next_day_and_served_by_review(world) -> None:
    unit, clock, quiz, officers, course, _ = world
    officer = await officers.identify(unit.session, 8, "en")
    await answer_all(quiz, unit, officer, await quiz.start_check(unit.session, officer, course, "lesson-1"), right=False)
    assert await quiz.start_review(unit.session, officer) == Refusal(Refused.NOTHING_DUE)
    clock.now += timedelta(days=1)
    step = await quiz.start_review(unit.session, officer)
    assert isinstance(step, Step) and step.question.id == "q-single"
    result = await answer_all(quiz, unit, officer, step, right=True)
    assert result.attempt.kind == "review"


def test_certificate_codes_are_normalised() -> None:
    assert normalise_code("lb-abcde-12345") == "LB-ABCDE-12345"
    assert normalise_code(" LBABCDE12345 ") == "LB-ABCDE-12345"
