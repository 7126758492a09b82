"""/stats on a seeded cohort, against figures worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.context import LearnbotApplication
from bot.sandbox import BotApiSandbox
from bot.storage.database import UnitOfWork
from bot.storage.models import LessonProgress, Officer, QuizAnswer, QuizAttempt
from tests.integration.conftest import I18N, RunBot, quiz_content, verify
from tests.integration.quiz_support import COURSE

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def seed_cohort(bot: LearnbotApplication) -> None:
    """Six officers of the starter course (7 lessons):

    A  every lesson; finals 40 % (failed) then 90 % (passed)    B  every lesson; final 60 % (failed)
    C  3 lessons, a fourth under way                            D  no lesson; a lesson check
    E  every lesson, no final                                   F  a final under way, not finished
    So: 6 started, 3 completed, 2 took the final, 1 passed (50 %), best scores 90 and 60 (average 75).
    Answers: q1 6 (2 right: 33 %), q2 5 (all right), q3 4 (none right, too few), q4 5 (4 right: 80 %).
    """
    lessons = [lesson.id for lesson in COURSE.lessons]
    unit = UnitOfWork(bot.services.sessions)
    session = unit.session
    officers = {}
    for number, name in enumerate("ABCDEF"):
        officer = Officer(telegram_id=8100 + number, created_at=NOW, last_seen_at=NOW)
        session.add(officer)
        await session.flush()
        officers[name] = officer.id
    for name, done in (("A", 7), ("B", 7), ("C", 3), ("E", 7)):
        for index, lesson in enumerate(lessons[:done]):
            session.add(LessonProgress(officer_id=officers[name], course_id=COURSE.id, lesson_id=lesson, card_index=0,
                                       completed_at=NOW + timedelta(minutes=index), updated_at=NOW))
    session.add(LessonProgress(officer_id=officers["C"], course_id=COURSE.id, lesson_id=lessons[3], card_index=1,
                               updated_at=NOW))

    def attempt(name: str, kind: str, correct: int, passed: bool | None, finished: bool = True) -> QuizAttempt:
        row = QuizAttempt(officer_id=officers[name], kind=kind, course_id=COURSE.id, question_count=10,
                          correct_count=correct, started_at=NOW, finished_at=NOW if finished else None, passed=passed)
        session.add(row)
        return row

    attempt("A", "final", 4, False)
    attempt("A", "final", 9, True)
    attempt("B", "final", 6, False)
    check = attempt("D", "lesson", 1, None)
    attempt("F", "final", 0, None, finished=False)
    await session.flush()
    position = 0
    for question, answered, right in zip(COURSE.final_quiz[:4], (6, 5, 4, 5), (2, 5, 0, 4), strict=True):
        for index in range(answered):
            session.add(QuizAnswer(attempt_id=check.id, position=position, course_id=COURSE.id, question_id=question.id,
                                   option_order="[0, 1]", chosen="[0]", correct=index < right))
            position += 1
    await unit.finish()


@pytest.mark.parametrize(("manager_id", "locale"), [(5010, "en"), (6010, "ar")])
async def test_stats_on_a_seeded_cohort(run_seeded_bot: RunBot, sandbox: BotApiSandbox, manager_id: int, locale: str) -> None:
    t = I18N.translator(locale)
    async with run_seeded_bot(quiz_content()) as bot:
        await seed_cohort(bot)
        manager = sandbox.user(user_id=manager_id, language_code=locale)
        await verify(manager)
        await manager.send("/stats")
        stats = (await manager.wait_reply()).text.replace("\u200f", "")

    def preview(index: int) -> str:
        text = COURSE.final_quiz[index].texts[locale]
        return text if len(text) <= 80 else text[:79] + "…"

    percent = lambda value: t("stats-percent", value=value)  # noqa: E731
    expected = "\n".join([
        COURSE.titles[locale],
        f"{t('stats-started', count=6)} · {t('stats-completed', count=3)}",
        f"{t('stats-attempted', count=2)} · {t('stats-passed', count=1)} · {t('stats-pass-rate', rate=percent(50))}",
        t("stats-average-best", average=percent(75)),
        t("stats-hardest"),
        "• " + t("stats-hard-question", percent=33, answered=6, text=preview(0)),
        "• " + t("stats-hard-question", percent=80, answered=5, text=preview(3)),
    ])
    assert stats == expected
    if locale == "en":
        assert "6 officers started · 3 completed every lesson" in stats and "(6 answers)" in stats
