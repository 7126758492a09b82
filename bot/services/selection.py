"""Which officers a manager's figures and lists cover, and one page of a long result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import CohortMember, Personnel

T = TypeVar("T")
PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class OfficerFilter:
    """A subset of the approved list; every field left empty means everyone.

    Figures and lists take one of these, so a new criterion is one field here and one condition in
    `conditions`, not a change to every query.
    """

    country: str | None = None
    cohort_id: int | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        """Conditions on the Personnel table."""
        found: list[ColumnElement[bool]] = []
        if self.country:
            found.append(Personnel.country == self.country)  # type: ignore[arg-type]
        if self.cohort_id is not None:
            members = select(CohortMember.personnel_ref).where(CohortMember.cohort_id == self.cohort_id)
            found.append(col(Personnel.id).in_(members))
        return found

    @property
    def active(self) -> bool:
        return bool(self.conditions())


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """Items of one page (numbered from 1) out of `total`."""

    items: tuple[T, ...]
    total: int
    number: int
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


async def fetch_page(session: AsyncSession, statement: Select[Any], number: int,
                     size: int = PAGE_SIZE) -> tuple[Sequence[Any], int, int]:
    """The rows of page `number` (clamped to the last page) of an ordered statement, the total and the page."""
    counted = select(func.count()).select_from(statement.order_by(None).subquery())
    total = (await session.exec(counted)).one()  # type: ignore[call-overload]
    pages = max(1, -(-int(total) // size))
    number = min(max(1, number), pages)
    rows = (await session.exec(statement.limit(size).offset((number - 1) * size))).all()  # type: ignore[call-overload]
    return rows, int(total), number
