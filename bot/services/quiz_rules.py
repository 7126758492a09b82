"""Final-quiz rules as pure functions: which questions an attempt draws, and when a retake is allowed."""

from __future__ import annotations

import enum
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.content import Question, QuizPolicy


def draw_questions(pool: Sequence[Question], count: int, seen: Counter[str], rng: random.Random) -> list[Question]:
    """count questions (0: all) spread evenly over the lessons they cover, those seen least often first.

    Questions without `covers` form one group of their own. Each group gets its share in turn (in a
    random order, so no lesson is always favoured); within a group the officer's least-seen questions
    come first, so a retake gets different questions wherever the pool has them.
    """
    if count <= 0 or count >= len(pool):
        return rng.sample(list(pool), len(pool))
    groups: dict[str | None, list[Question]] = {}
    for question in rng.sample(list(pool), len(pool)):
        groups.setdefault(question.covers, []).append(question)
    for questions in groups.values():
        questions.sort(key=lambda question: seen[question.id])  # stable: ties stay in random order
    queues = list(groups.values())
    rng.shuffle(queues)
    chosen: list[Question] = []
    while len(chosen) < count:
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    rng.shuffle(chosen)
    return chosen


class Wait(enum.Enum):
    """Why a new final attempt cannot start now."""

    COOLING_DOWN = "cooling-down"
    NO_ATTEMPTS_LEFT = "no-attempts-left"


@dataclass(frozen=True, slots=True)
class PastAttempt:
    """A finished final attempt, as the retake rule sees it."""

    started_at: datetime
    finished_at: datetime
    passed: bool


@dataclass(frozen=True, slots=True)
class RetakeState:
    """Whether a new attempt may start, and how many remain before a wait or the end (None: no limit)."""

    wait: Wait | None
    until: datetime | None
    attempts_left: int | None


def retake_state(policy: QuizPolicy, past: Sequence[PastAttempt], now: datetime) -> RetakeState:
    """Apply max_attempts (in all) and cooldown_after_attempts failures in a row, then retake_cooldown_hours.

    past is newest first. A series of failures ends with a pass, or with a gap of a whole cooldown.
    """
    total_left = policy.max_attempts - len(past) if policy.max_attempts else None
    if total_left is not None and total_left <= 0:
        return RetakeState(Wait.NO_ATTEMPTS_LEFT, None, 0)
    if not policy.retake_cooldown_hours:
        return RetakeState(None, None, total_left)
    cooldown = timedelta(hours=policy.retake_cooldown_hours)
    series = 0
    if past and now - past[0].finished_at < cooldown:
        for index, attempt in enumerate(past):
            if attempt.passed or index and past[index - 1].started_at - attempt.finished_at >= cooldown:
                break
            series += 1
    series_left = policy.cooldown_after_attempts - series
    if series_left <= 0:
        return RetakeState(Wait.COOLING_DOWN, past[0].finished_at + cooldown, 0)
    return RetakeState(None, None, series_left if total_left is None else min(series_left, total_left))
