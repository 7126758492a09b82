"""The officers managers look after: the approved list with each entry's account, progress and results."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, case, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue, Course
from bot.services.access import AccessService, Role
from bot.services.cohorts import SEPARATOR as COHORT_SEPARATOR
from bot.services.register import CertificateEntry, CertificateRegister
from bot.services.selection import OfficerFilter, Page, fetch_page
from bot.storage.models import Cohort, CohortMember, LessonProgress, Officer, Personnel, QuizAttempt

MAX_QUERY_CHARS = 100
EXPORT_COLUMNS = ("personnel_id", "country", "role", "display_name", "expires", "cohort")
# Above this many entries, every membership is read at once rather than the entries' own (a whole-list export).
MEMBERSHIPS_BY_ID = 500


@dataclass(frozen=True, slots=True)
class CourseProgress:
    course: Course
    completed: int

    @property
    def total(self) -> int:
        return len(self.course.lessons)

    @property
    def percent(self) -> int:
        return self.completed * 100 // self.total if self.total else 0


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One entry of the list, with what its bound account (if any) did."""

    personnel_id: str
    display_name: str | None
    country: str | None
    list_role: str
    expires: date | None
    verified_at: datetime | None
    language: str | None
    last_active: datetime | None
    progress: tuple[CourseProgress, ...]
    cohorts: tuple[str, ...] = ()

    @property
    def verified(self) -> bool:
        return self.verified_at is not None

    def export_row(self) -> list[object]:
        """A line of the personnel CSV (its cohort column too), so the download can be edited and imported again."""
        return [self.personnel_id, self.country or "", self.list_role, self.display_name or "",
                self.expires.isoformat() if self.expires else "", f" {COHORT_SEPARATOR} ".join(self.cohorts)]


@dataclass(frozen=True, slots=True)
class AttemptEntry:
    kind: str
    course_id: str | None
    lesson_id: str | None
    question_count: int
    correct_count: int
    started_at: datetime
    finished_at: datetime | None
    passed: bool | None

    @property
    def percent(self) -> int:
        return self.correct_count * 100 // self.question_count if self.question_count else 0


@dataclass(frozen=True, slots=True)
class OfficerRecord:
    """An officer's page: the entry, their account's role and reachability, quiz attempts, certificates."""

    entry: RosterEntry
    bound_account: int | None  # the Telegram id, for an administrator's role changes; never shown
    role: Role | None
    granted_manager: bool
    unreachable_since: datetime | None
    attempts: tuple[AttemptEntry, ...]
    certificates: tuple[CertificateEntry, ...]


@dataclass(frozen=True, slots=True)
class ManagerEntry:
    entry: RosterEntry
    by_list: bool  # the list names them manager: only a new list changes that
    granted: bool  # an administrator granted the role to their account


class RosterService:
    """Searches the list and gathers one officer's record; never more than a few queries per page."""

    def __init__(self, catalogue: Catalogue, access: AccessService, register: CertificateRegister) -> None:
        self._catalogue, self._access, self._register = catalogue, access, register

    async def search(self, session: AsyncSession, query: str, selected: OfficerFilter,
                     page: int = 1) -> Page[RosterEntry]:
        rows, total, number = await fetch_page(session, _matching(query, selected), page)
        return Page(await self._entries(session, rows), total, number)

    async def export(self, session: AsyncSession) -> list[RosterEntry]:
        """The whole list (phones and emails are not stored, so they are not in it)."""
        rows = (await session.exec(_matching("", OfficerFilter()))).all()  # type: ignore[call-overload]
        return list(await self._entries(session, rows, with_progress=False))

    async def record(self, session: AsyncSession, personnel_id: str) -> OfficerRecord | None:
        statement = _matching("", OfficerFilter()).where(Personnel.personnel_id == personnel_id)
        row = (await session.exec(statement)).first()  # type: ignore[call-overload]
        if row is None:
            return None
        (entry,) = await self._entries(session, [row])
        officer: Officer | None = row[1]
        if officer is None or officer.id is None:
            return OfficerRecord(entry, None, None, False, None, (), ())
        attempts = (await session.exec(
            select(QuizAttempt).where(QuizAttempt.officer_id == officer.id)
            .order_by(col(QuizAttempt.started_at).desc(), col(QuizAttempt.id).desc())
        )).all()
        return OfficerRecord(
            entry, officer.telegram_id, await self._access.role(session, officer), officer.granted_role == "manager",
            officer.unreachable_at,
            tuple(AttemptEntry(a.kind, a.course_id, a.lesson_id, a.question_count, a.correct_count, a.started_at,
                               a.finished_at, a.passed) for a in attempts),
            await self._register.of_officer(session, officer.id),
        )

    async def managers(self, session: AsyncSession) -> tuple[ManagerEntry, ...]:
        """Entries that make their account a manager, by the list or by an administrator's grant."""
        statement = _matching("", OfficerFilter()).where(
            or_(Personnel.role == "manager", Officer.granted_role == "manager"))
        rows = (await session.exec(statement)).all()  # type: ignore[call-overload]
        entries = await self._entries(session, rows, with_progress=False)
        return tuple(ManagerEntry(entry, personnel.role == "manager", officer is not None and officer.granted_role == "manager")
                     for entry, (personnel, officer) in zip(entries, rows, strict=True))

    async def _entries(self, session: AsyncSession, rows: Any, *, with_progress: bool = True) -> tuple[RosterEntry, ...]:
        officer_ids = [officer.id for _, officer in rows if officer is not None]
        completed: dict[int, dict[str, int]] = defaultdict(dict)
        if with_progress and officer_ids:
            for officer_id, course_id, count in (await session.exec(
                select(LessonProgress.officer_id, LessonProgress.course_id,
                       func.count(case((col(LessonProgress.completed_at).is_not(None), 1))))
                .where(col(LessonProgress.officer_id).in_(officer_ids))
                .group_by(col(LessonProgress.officer_id), col(LessonProgress.course_id))
            )).all():
                completed[officer_id][course_id] = int(count)
        cohorts = await _memberships(session, [personnel.id for personnel, _ in rows])
        entries = []
        for personnel, officer in rows:
            done = completed.get(officer.id, {}) if officer is not None else {}
            progress = tuple(CourseProgress(course, min(done.get(course.id, 0), len(course.lessons)))
                             for course in self._catalogue.courses if course.id in done)
            entries.append(RosterEntry(
                personnel.personnel_id, personnel.display_name, personnel.country, personnel.role, personnel.expires,
                officer.verified_at if officer else None,
                (officer.chosen_locale or officer.telegram_locale) if officer else None,
                officer.last_seen_at if officer else None, progress, tuple(cohorts.get(personnel.id, ())),
            ))
        return tuple(entries)


async def _memberships(session: AsyncSession, refs: list[int]) -> dict[int, list[str]]:
    """The cohort names of these list entries, by entry, each in name order."""
    statement = (select(CohortMember.personnel_ref, Cohort.name).join(Cohort, col(Cohort.id) == CohortMember.cohort_id)
                 .order_by(col(Cohort.name)))
    if len(refs) <= MEMBERSHIPS_BY_ID:
        statement = statement.where(col(CohortMember.personnel_ref).in_(refs))
    names: dict[int, list[str]] = defaultdict(list)
    for ref, name in (await session.exec(statement)).all():
        names[ref].append(name)
    return names


def _matching(query: str, selected: OfficerFilter) -> Select[Any]:
    """List entries with their bound account, by name or personnel id, in name order."""
    statement = (select(Personnel, Officer)
                 .join(Officer, col(Officer.personnel_ref) == Personnel.id, isouter=True)
                 .where(*selected.conditions())
                 .order_by(func.lower(func.coalesce(col(Personnel.display_name), "")), col(Personnel.personnel_id)))
    text = query.strip()[:MAX_QUERY_CHARS].lower()
    if text:
        statement = statement.where(or_(
            func.lower(col(Personnel.display_name)).contains(text, autoescape=True),
            func.lower(col(Personnel.personnel_id)).contains(text, autoescape=True),
        ))
    return statement
