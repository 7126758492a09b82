"""Card positions written behind, lesson completions written through.

Reading a lesson is the bot's hottest path: every Next press records the card shown. Writing that
row at once would cost a transaction per press (and, on SQLite, the single write lock). Instead the
position is noted here and `flush` writes all pending positions in one statement, every half
second and when the bot stops. What a crash can lose: the card positions of the last flush interval
(an officer resumes up to that many cards earlier). Completing a lesson is never held back: it is
written in the update's own transaction, before the reply leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from cachetools import LRUCache
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import LessonProgress
from bot.storage.repositories import ProgressRepository, ProgressWrite

Key = tuple[str, str]  # (course id, lesson id)


@dataclass(frozen=True, slots=True)
class LessonPlace:
    """Where an officer stands in one lesson, as stored or as noted since the last flush."""

    course_id: str
    lesson_id: str
    card_index: int
    updated_at: datetime
    completed_at: datetime | None = None


class ProgressLog:
    """Pending card positions per officer, newest wins."""

    def __init__(self) -> None:
        self._pending: dict[int, dict[Key, ProgressWrite]] = {}
        # Lessons known to be completed (written or read here), per officer recently seen: coming back to
        # their last card is a mere position. Forgetting one only costs a write that changes nothing.
        self._completed: LRUCache[int, set[Key]] = LRUCache(maxsize=20_000)

    def __len__(self) -> int:
        return sum(len(places) for places in self._pending.values())

    def note(self, write: ProgressWrite) -> None:
        self._pending.setdefault(write.officer_id, {})[(write.course_id, write.lesson_id)] = write

    def known_completed(self, officer_id: int, course_id: str, lesson_id: str) -> bool:
        return (course_id, lesson_id) in self._completed.get(officer_id, ())

    def completed(self, officer_id: int, course_id: str, lesson_id: str) -> None:
        known = self._completed.get(officer_id)
        if known is None:
            known = self._completed[officer_id] = set()
        known.add((course_id, lesson_id))

    def discard(self, officer_id: int, course_id: str, lesson_id: str) -> None:
        places = self._pending.get(officer_id)
        if places is not None:
            places.pop((course_id, lesson_id), None)
            if not places:
                del self._pending[officer_id]

    def overlay(self, officer_id: int, rows: Iterable[LessonProgress], course_id: str | None = None) -> list[LessonPlace]:
        """The stored rows with this officer's pending positions applied (read your own writes)."""
        places = {(row.course_id, row.lesson_id): LessonPlace(row.course_id, row.lesson_id, row.card_index,
                                                                row.updated_at, row.completed_at) for row in rows}
        for place in places.values():
            if place.completed_at is not None:
                self.completed(officer_id, place.course_id, place.lesson_id)
        for key, write in self._pending.get(officer_id, {}).items():
            if course_id is not None and key[0] != course_id:
                continue
            stored = places.get(key)
            if stored is None:
                places[key] = LessonPlace(write.course_id, write.lesson_id, write.card_index, write.at)
            elif write.at >= stored.updated_at:
                places[key] = replace(stored, card_index=write.card_index, updated_at=write.at)
        return list(places.values())

    def latest(self, officer_id: int) -> ProgressWrite | None:
        return max(self._pending.get(officer_id, {}).values(), key=lambda write: write.at, default=None)

    def take(self, officer_id: int | None = None) -> list[ProgressWrite]:
        """What is pending (everyone's, or one officer's), removed from the log; `restore` gives it back."""
        if officer_id is not None:
            self._completed.pop(officer_id, None)
            return list(self._pending.pop(officer_id, {}).values())
        taken = [write for places in self._pending.values() for write in places.values()]
        self._pending.clear()
        return taken

    def restore(self, writes: Sequence[ProgressWrite]) -> None:
        """Put back writes that could not be flushed, unless a newer position was noted meanwhile."""
        for write in writes:
            current = self._pending.get(write.officer_id, {}).get((write.course_id, write.lesson_id))
            if current is None or current.at < write.at:
                self.note(write)

    async def flush(self, session: AsyncSession, officer_id: int | None = None) -> int:
        """Write the pending positions (everyone's, or one officer's) in one statement; how many were written."""
        writes = self.take(officer_id)
        if not writes:
            return 0
        try:
            return await ProgressRepository(session).write_many(writes)
        except BaseException:
            self.restore(writes)
            raise
