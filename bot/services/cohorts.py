"""Cohorts (training groups from the personnel list) and the courses assigned to them with a due date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.audit import AuditLog
from bot.services.clock import Clock
from bot.storage.models import Assignment, Cohort, CohortMember, Officer, Personnel

SEPARATOR = "|"
MAX_NAME_CHARS = 100
MAX_PER_ENTRY = 20


def parse_cohort_cell(cell: str) -> tuple[tuple[str, ...], str | None]:
    """The cohort names of one personnel-list cell ("A | B"), or the problem with it."""
    names = tuple(dict.fromkeys(" ".join(part.split()) for part in cell.split(SEPARATOR) if part.strip()))
    if any(len(name) > MAX_NAME_CHARS for name in names):
        return (), f"a cohort name is longer than {MAX_NAME_CHARS} characters"
    if len(names) > MAX_PER_ENTRY:
        return (), f"more than {MAX_PER_ENTRY} cohorts"
    return names, None


async def apply_memberships(session: AsyncSession, cohorts_by_entry: Mapping[str, Sequence[str]], now: datetime) -> None:
    """Make the listed entries members of exactly their cohorts (a personnel import with a cohort column)."""
    if not cohorts_by_entry:
        return
    refs = dict((await session.exec(
        select(Personnel.personnel_id, Personnel.id).where(col(Personnel.personnel_id).in_(list(cohorts_by_entry)))
    )).all())
    wanted = {name for names in cohorts_by_entry.values() for name in names}
    known = dict((await session.exec(select(Cohort.name, Cohort.id))).all())
    for name in sorted(wanted - set(known)):
        cohort = Cohort(name=name, created_at=now)
        session.add(cohort)
        await session.flush()
        known[name] = cohort.id
    await session.exec(delete(CohortMember).where(col(CohortMember.personnel_ref).in_(list(refs.values()))))  # type: ignore[call-overload]
    session.add_all([CohortMember(cohort_id=known[name], personnel_ref=refs[entry])
                     for entry, names in cohorts_by_entry.items() if entry in refs for name in names])
    await session.flush()


@dataclass(frozen=True, slots=True)
class CohortInfo:
    id: int
    name: str
    members: int


@dataclass(frozen=True, slots=True)
class AssignmentInfo:
    id: int
    cohort_id: int
    cohort: str
    course_id: str
    due_on: date


@dataclass(frozen=True, slots=True)
class AssignedCourse:
    """A course an officer must finish, by the earliest due date among their cohorts."""

    course_id: str
    due_on: date

    def overdue(self, today: date) -> bool:
        return self.due_on < today


class CohortService:
    """Cohort membership (written by personnel imports), assignments, and who belongs where."""

    def __init__(self, clock: Clock, audit: AuditLog) -> None:
        self._clock, self._audit = clock, audit

    @staticmethod
    async def cohorts(session: AsyncSession) -> list[CohortInfo]:
        """Every cohort with its number of list entries, by name."""
        rows = (await session.exec(
            select(Cohort.id, Cohort.name, func.count(col(CohortMember.personnel_ref)))
            .join(CohortMember, col(CohortMember.cohort_id) == Cohort.id, isouter=True)
            .group_by(col(Cohort.id), col(Cohort.name)).order_by(col(Cohort.name))
        )).all()
        return [CohortInfo(cohort_id, name, members) for cohort_id, name, members in rows]

    async def cohort(self, session: AsyncSession, cohort_id: int) -> CohortInfo | None:
        return next((cohort for cohort in await self.cohorts(session) if cohort.id == cohort_id), None)

    async def assign(self, session: AsyncSession, cohort_id: int, course_id: str, due_on: date, actor: str) -> bool:
        """Assign a course to a cohort by a date (a new date replaces the old one); True when it is new."""
        existing = (await session.exec(
            select(Assignment).where(Assignment.cohort_id == cohort_id, Assignment.course_id == course_id)
        )).first()
        if existing is None:
            session.add(Assignment(cohort_id=cohort_id, course_id=course_id, due_on=due_on, created_by=actor,
                                   created_at=self._clock()))
        else:
            existing.due_on = due_on
        self._audit.record(session, actor, "assignment.set", None, f"cohort {cohort_id}, {course_id}, {due_on}")
        await session.flush()
        return existing is None

    async def cancel(self, session: AsyncSession, assignment_id: int, actor: str) -> AssignmentInfo | None:
        """Remove an assignment; the removed one, or None when it no longer exists."""
        found = [a for a in await self.assignments(session) if a.id == assignment_id]
        if not found:
            return None
        await session.exec(delete(Assignment).where(Assignment.id == assignment_id))  # type: ignore[call-overload]
        self._audit.record(session, actor, "assignment.cancel", None, f"cohort {found[0].cohort_id}, {found[0].course_id}")
        return found[0]

    @staticmethod
    async def assignments(session: AsyncSession) -> list[AssignmentInfo]:
        rows = (await session.exec(
            select(Assignment, Cohort.name).join(Cohort, col(Cohort.id) == Assignment.cohort_id)
            .order_by(col(Assignment.due_on), col(Cohort.name), col(Assignment.course_id))
        )).all()
        return [AssignmentInfo(a.id, a.cohort_id, name, a.course_id, a.due_on) for a, name in rows if a.id is not None]

    @staticmethod
    async def assigned_courses(session: AsyncSession, officer: Officer) -> list[AssignedCourse]:
        """The officer's assigned courses, soonest due first."""
        if officer.personnel_ref is None:
            return []
        rows = (await session.exec(
            select(Assignment.course_id, func.min(Assignment.due_on))
            .join(CohortMember, col(CohortMember.cohort_id) == Assignment.cohort_id)
            .where(CohortMember.personnel_ref == officer.personnel_ref)
            .group_by(col(Assignment.course_id))
        )).all()
        return sorted((AssignedCourse(course_id, due_on) for course_id, due_on in rows),
                      key=lambda course: (course.due_on, course.course_id))

    @staticmethod
    async def officer_ids(session: AsyncSession, *, cohort_id: int | None = None, country: str | None = None) -> set[int]:
        """Verified officers' ids in a cohort and/or a country of the list."""
        statement = select(Officer.id).join(Personnel, col(Personnel.id) == Officer.personnel_ref)
        if cohort_id is not None:
            statement = statement.join(CohortMember, col(CohortMember.personnel_ref) == Personnel.id).where(
                CohortMember.cohort_id == cohort_id)
        if country is not None:
            statement = statement.where(Personnel.country == country)
        return {officer_id for officer_id in (await session.exec(statement)).all() if officer_id is not None}

    @staticmethod
    async def countries(session: AsyncSession) -> list[str]:
        """The countries on the list, for filters."""
        rows = (await session.exec(select(Personnel.country).where(col(Personnel.country).is_not(None)).distinct())).all()
        return sorted(country for country in rows if country)
