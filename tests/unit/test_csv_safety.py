"""Every CSV the project writes is safe to open in a spreadsheet; personnel ids keep to a safe alphabet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bot.content import load_catalogue
from bot.services.audit import AuditLog
from bot.services.csv_safety import neutralise
from bot.services.personnel import parse_personnel_csv
from bot.services.privacy import IdentifierHasher
from bot.services.stats import StatsService
from bot.storage.database import UnitOfWork
from bot.storage.models import LessonProgress, Officer, Personnel
from tests.conftest import FixedClock
from tests.support.content import write_course

HASHER = IdentifierHasher("k" * 40)
# What the adversarial review imported, and what came back verbatim in the export.
FORMULAS = ('=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3", "\t=1+1", "\r=1+1")


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_that_a_spreadsheet_would_evaluate_is_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["FR-0001", "Amina Haddad", "", "'quoted", 42, -3, None])
def test_other_cells_are_left_alone(cell: object) -> None:
    assert neutralise(cell) == cell


async def test_progress_export_neutralises_every_formula(sessions, tmp_path: Path) -> None:
    write_course(tmp_path / "content")
    catalogue = load_catalogue(tmp_path / "content")
    clock = FixedClock()
    unit = UnitOfWork(sessions)
    for number, formula in enumerate(FORMULAS, start=1):
        # Written straight to the table: a list imported before personnel ids were restricted.
        entry = Personnel(personnel_id=formula, country="FR", updated_at=clock())
        unit.session.add(entry)
        await unit.session.flush()
        officer = Officer(telegram_id=number, created_at=clock(), last_seen_at=clock(), personnel_ref=entry.id,
                          verified_at=clock())
        unit.session.add(officer)
        await unit.session.flush()
        assert officer.id is not None
        unit.session.add(LessonProgress(officer_id=officer.id, course_id="test-course", lesson_id="lesson-1",
                                        updated_at=clock()))
    await unit.session.flush()
    exported = await StatsService(catalogue).export_csv(unit.session)
    await unit.finish()
    cells = [row[0] for row in csv.reader(io.StringIO(exported.decode()))][1:]
    assert sorted(cells) == sorted("'" + formula for formula in FORMULAS)


async def test_audit_export_neutralises_every_formula(sessions, tmp_path: Path) -> None:
    clock = FixedClock()
    audit = AuditLog(clock)
    unit = UnitOfWork(sessions)
    for formula in FORMULAS:
        audit.record(unit.session, "cli", "personnel.import", None, formula)
    await unit.session.flush()
    path = tmp_path / "audit.csv"
    assert await audit.export(unit.session, path) == len(FORMULAS)
    await unit.finish()
    with path.open(newline="", encoding="utf-8") as handle:
        details = [row["detail"] for row in csv.DictReader(handle)]
    assert details == ["'" + formula for formula in FORMULAS]


@pytest.mark.parametrize("personnel_id", [*FORMULAS, "FR 0001", "FR,0001;x", "Ü-1", "-1234", "/start", "a\u202eb"])
def test_personnel_ids_outside_the_safe_alphabet_are_rejected(personnel_id: str) -> None:
    quoted = '"' + personnel_id.replace('"', '""') + '"'
    rows, problems = parse_personnel_csv(f"personnel_id,country\n{quoted},FR\n".encode(), HASHER)
    assert rows == []
    assert [str(problem) for problem in problems] == [
        "line 2: personnel_id: use only letters A-Z or a-z, digits, '.', '_', '-' and '/', "
        "starting with a letter or a digit"
    ]


def test_personnel_ids_in_the_safe_alphabet_are_accepted() -> None:
    rows, problems = parse_personnel_csv(b"personnel_id\nFR-0001\nes.madrid/2024_07\n9\n", HASHER)
    assert problems == []
    assert [row.personnel_id for row in rows] == ["FR-0001", "es.madrid/2024_07", "9"]
