"""Final-quiz rules without a database: balanced draws from a pool, and the retake policy."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

import pytest

from bot.content import Question, QuizPolicy
from bot.services.quiz_rules import PastAttempt, RetakeState, Wait, draw_questions, retake_state

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def question(number: int, covers: str | None) -> Question:
    text = MappingProxyType({"en": f"q{number}"})
    return Question(f"q{number}", None, "truefalse", frozenset({0}), text, MappingProxyType({"en": ()}), text, covers)


# 15 questions: 6 on lesson a, 6 on lesson b, 3 on lesson c.
POOL = [question(n, "a") for n in range(6)] + [question(n, "b") for n in range(6, 12)] + [question(n, "c") for n in range(12, 15)]


def test_the_whole_pool_when_draw_is_zero_or_larger() -> None:
    for count in (0, 15, 40):
        drawn = draw_questions(POOL, count, Counter(), random.Random(1))
        assert sorted(q.id for q in drawn) == sorted(q.id for q in POOL)


@pytest.mark.parametrize("seed", range(20))
def test_a_draw_is_balanced_across_the_lessons_it_covers(seed: int) -> None:
    drawn = draw_questions(POOL, 9, Counter(), random.Random(seed))
    assert len({q.id for q in drawn}) == 9
    assert Counter(q.covers for q in drawn) == {"a": 3, "b": 3, "c": 3}
    # 10 cannot split evenly: one lesson gets a fourth question, never at the cost of another.
    assert sorted(Counter(q.covers for q in draw_questions(POOL, 10, Counter(), random.Random(seed))).values()) == [3, 3, 4]


def test_a_small_lesson_gives_its_share_to_the_others() -> None:
    drawn = draw_questions(POOL, 12, Counter(), random.Random(3))
    assert Counter(q.covers for q in drawn) == {"a": 5, "b": 4, "c": 3} or Counter(q.covers for q in drawn) == {
        "a": 4, "b": 5, "c": 3}


@pytest.mark.parametrize("seed", range(20))
def test_a_retake_draws_the_questions_not_seen_yet(seed: int) -> None:
    rng = random.Random(seed)
    first = draw_questions(POOL, 6, Counter(), rng)
    second = draw_questions(POOL, 6, Counter(q.id for q in first), rng)
    assert Counter(q.covers for q in second) == {"a": 2, "b": 2, "c": 2}, "balance holds on a retake"
    repeated = {q.id for q in first} & {q.id for q in second}
    assert len(repeated) == 1 and {q.covers for q in second if q.id in repeated} == {"c"}, (
        "only lesson c, with 3 questions, cannot give two new ones")
    third = draw_questions(POOL, 6, Counter(q.id for q in first + second), rng)
    unseen = {q.id for q in POOL} - {q.id for q in first + second}
    assert unseen <= {q.id for q in third}, "the questions never drawn come first"


def test_questions_without_covers_are_one_group() -> None:
    untagged = [question(n, None) for n in range(20, 26)]
    drawn = draw_questions([*POOL[:6], *untagged], 6, Counter(), random.Random(5))
    assert Counter(q.covers for q in drawn) == {"a": 3, None: 3}


THREE_THEN_A_DAY = QuizPolicy(max_attempts=0, retake_cooldown_hours=24, cooldown_after_attempts=3)


def failed(started_hours_ago: float, minutes: float = 10, *, passed: bool = False) -> PastAttempt:
    started = NOW - timedelta(hours=started_hours_ago)
    return PastAttempt(started, started + timedelta(minutes=minutes), passed)


@pytest.mark.parametrize(
    ("past", "expected"),
    [
        ([], RetakeState(None, None, 3)),
        ([failed(1)], RetakeState(None, None, 2)),
        ([failed(1), failed(2)], RetakeState(None, None, 1)),
        ([failed(1), failed(2), failed(3)], RetakeState(Wait.COOLING_DOWN, failed(1).finished_at + 24 * HOUR, 0)),
        # The day has passed since the third failure: a new series of three.
        ([failed(25), failed(26), failed(27)], RetakeState(None, None, 3)),
        # Two failures today after a series that ended with a full day's wait: one left.
        ([failed(1), failed(2), failed(40), failed(41), failed(42)], RetakeState(None, None, 1)),
        # A pass ends a series.
        ([failed(1), failed(2, passed=True), failed(3), failed(4)], RetakeState(None, None, 2)),
    ],
)
def test_three_attempts_then_a_day_of_waiting(past: list[PastAttempt], expected: RetakeState) -> None:
    assert retake_state(THREE_THEN_A_DAY, past, NOW) == expected


def test_a_wait_after_each_failure_and_a_cap_in_all() -> None:
    policy = QuizPolicy(max_attempts=3, retake_cooldown_hours=24)
    assert retake_state(policy, [failed(1)], NOW) == RetakeState(Wait.COOLING_DOWN, failed(1).finished_at + 24 * HOUR, 0)
    assert retake_state(policy, [failed(25)], NOW) == RetakeState(None, None, 1)
    assert retake_state(policy, [failed(25), failed(50)], NOW) == RetakeState(None, None, 1)
    assert retake_state(policy, [failed(25), failed(50), failed(75)], NOW) == RetakeState(Wait.NO_ATTEMPTS_LEFT, None, 0)


def test_no_rules_means_no_limit() -> None:
    assert retake_state(QuizPolicy(), [failed(1)] * 10, NOW) == RetakeState(None, None, None)
