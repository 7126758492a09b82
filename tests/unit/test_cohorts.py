"""The personnel list's cohort column, cohort membership, and assignments with due dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.audit import AuditLog
from bot.services.cohorts import CohortService, parse_cohort_cell
from bot.services.personnel import PersonnelService, parse_personnel_csv
from bot.services.privacy import IdentifierHasher
from bot.storage.models import Officer

HASHER = IdentifierHasher("k" * 40)
NOW = datetime(2027, 1, 10, 9, tzinfo=UTC)


def clock() -> datetime:
    return NOW


def listing(*rows: str, header: str = "personnel_id,country,cohort") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def test_cohort_cells_split_on_bars_and_tidy_spaces() -> None:
    assert parse_cohort_cell(" NCB Lyon —  2027 intake | Cyber  ") == (("NCB Lyon — 2027 intake", "Cyber"), None)
    assert parse_cohort_cell("A|A| |") == (("A",), None)
    assert parse_cohort_cell("") == ((), None)
    assert parse_cohort_cell("x" * 101)[1] == "a cohort name is longer than 100 characters"


def test_a_bad_cohort_cell_rejects_the_whole_file() -> None:
    rows, problems = parse_personnel_csv(listing("P-1,FR,Lyon", f"P-2,FR,{'y' * 101}"), HASHER)
    assert rows == [] and [str(p) for p in problems] == ["line 3: cohort: a cohort name is longer than 100 characters"]


async def test_imports_set_memberships_and_a_list_without_the_column_keeps_them(
        sessions: async_sessionmaker[AsyncSession]) -> None:
    personnel, service = PersonnelService(clock), CohortService(clock, AuditLog(clock))
    async with sessions() as session:
        rows, _ = parse_personnel_csv(listing("P-1,FR,Lyon 2027|Cyber", "P-2,ES,Lyon 2027", "P-3,FR,"), HASHER)
        await personnel.replace(session, rows)
        await session.commit()
        assert [(c.name, c.members) for c in await service.cohorts(session)] == [("Cyber", 1), ("Lyon 2027", 2)]
        rows, _ = parse_personnel_csv(listing("P-1,FR", "P-2,ES", "P-3,FR", header="personnel_id,country"), HASHER)
        await personnel.replace(session, rows)
        await session.commit()
        assert [(c.name, c.members) for c in await service.cohorts(session)] == [("Cyber", 1), ("Lyon 2027", 2)]
        rows, _ = parse_personnel_csv(listing("P-1,FR,", "P-3,FR,Cyber"), HASHER)
        await personnel.replace(session, rows)
        await session.commit()
        assert [(c.name, c.members) for c in await service.cohorts(session)] == [("Cyber", 1), ("Lyon 2027", 0)]


async def test_assignments_reach_the_officers_of_the_cohort(sessions: async_sessionmaker[AsyncSession]) -> None:
    personnel, service = PersonnelService(clock), CohortService(clock, AuditLog(clock))
    async with sessions() as session:
        rows, _ = parse_personnel_csv(listing("P-1,FR,Lyon|Cyber", "P-2,ES,Cyber"), HASHER)
        await personnel.replace(session, rows)
        entries = {entry.personnel_id: entry.id for entry in await personnel.entries(session)}
        officer = Officer(telegram_id=1, created_at=NOW, last_seen_at=NOW, personnel_ref=entries["P-1"], verified_at=NOW)
        session.add(officer)
        cohorts = {c.name: c.id for c in await service.cohorts(session)}
        assert await service.assign(session, cohorts["Lyon"], "course-a", date(2027, 3, 1), "manager")
        assert await service.assign(session, cohorts["Cyber"], "course-a", date(2027, 2, 1), "manager")
        assert await service.assign(session, cohorts["Cyber"], "course-b", date(2027, 4, 1), "manager")
        assert not await service.assign(session, cohorts["Cyber"], "course-b", date(2027, 5, 1), "manager"), "re-dated"
        assigned = await service.assigned_courses(session, officer)
        assert [(a.course_id, a.due_on) for a in assigned] == [("course-a", date(2027, 2, 1)), ("course-b", date(2027, 5, 1))]
        assert assigned[0].overdue(date(2027, 2, 2)) and not assigned[0].overdue(date(2027, 2, 1))
        assert await service.officer_ids(session, cohort_id=cohorts["Lyon"]) == {officer.id}
        assert await service.officer_ids(session, country="ES") == set()
        listed = await service.assignments(session)
        assert [(a.cohort, a.course_id) for a in listed] == [("Cyber", "course-a"), ("Lyon", "course-a"), ("Cyber", "course-b")]
        cancelled = await service.cancel(session, listed[0].id, "manager")
        assert cancelled is not None and cancelled.cohort == "Cyber"
        assert await service.cancel(session, listed[0].id, "manager") is None, "already gone"
        assert [(a.course_id, a.due_on) for a in await service.assigned_courses(session, officer)] == [
            ("course-a", date(2027, 3, 1)), ("course-b", date(2027, 5, 1))]
