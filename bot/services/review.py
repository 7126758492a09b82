"""Spaced review of answered questions with FSRS: missed questions come back soon, known ones later."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from fsrs import Card, Rating, Scheduler
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import ReviewCard

# Answer time decides how well a correct answer was known.
EASY_SECONDS = 10
GOOD_SECONDS = 45


def rating_for(correct: bool, seconds: float | None) -> Rating:
    """FSRS rating from correctness and answer time: wrong is Again, fast is Easy, slow is Hard."""
    if not correct:
        return Rating.Again
    if seconds is None or seconds <= GOOD_SECONDS:
        return Rating.Easy if seconds is not None and seconds <= EASY_SECONDS else Rating.Good
    return Rating.Hard


class ReviewService:
    """Keeps one FSRS card per officer and question; the due column drives /review."""

    def __init__(self) -> None:
        # No fuzzing: the same answers give the same schedule, which officers and tests can rely on.
        self._scheduler = Scheduler(enable_fuzzing=False)

    async def record(self, session: AsyncSession, officer_id: int, course_id: str, question_id: str,
                     correct: bool, seconds: float | None, now: datetime) -> ReviewCard:
        """Schedule the question's next review after an answer given at `now`."""
        row = await session.get(ReviewCard, (officer_id, course_id, question_id))
        card = Card.from_dict(json.loads(row.fsrs_state)) if row else Card(due=now)
        card, _ = self._scheduler.review_card(card, rating_for(correct, seconds), review_datetime=now)
        if row is None:
            row = ReviewCard(officer_id=officer_id, course_id=course_id, question_id=question_id,
                             due=card.due, fsrs_state="")
            session.add(row)
        row.due = card.due
        row.fsrs_state = json.dumps(card.to_dict())
        row.reviews += 1
        row.lapses += 0 if correct else 1
        return row

    @staticmethod
    async def due(session: AsyncSession, officer_id: int, now: datetime, limit: int) -> Sequence[ReviewCard]:
        """The officer's due cards, most overdue first, across all courses."""
        statement = (
            select(ReviewCard)
            .where(ReviewCard.officer_id == officer_id, col(ReviewCard.due) <= now)
            .order_by(col(ReviewCard.due))
            .limit(limit)
        )
        return (await session.exec(statement)).all()

    @staticmethod
    async def count_due(session: AsyncSession, officer_id: int, now: datetime) -> int:
        statement = select(func.count()).select_from(ReviewCard).where(
            ReviewCard.officer_id == officer_id, col(ReviewCard.due) <= now
        )
        return (await session.exec(statement)).one()
