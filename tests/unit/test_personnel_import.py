"""The personnel CSV: accepted forms, one fixture per kind of error, all-or-nothing plans."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select

from bot.__main__ import main
from bot.services.officers import OfficerService
from bot.services.personnel import CsvLimits, PersonnelService, parse_personnel_csv
from bot.services.privacy import IdentifierHasher
from bot.storage.database import UnitOfWork
from bot.storage.models import PendingImportRow
from tests.conftest import FixedClock

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "personnel"
HASHER = IdentifierHasher("k" * 40)


def parse(name: str):
    return parse_personnel_csv((FIXTURES / name).read_bytes(), HASHER)


def test_valid_file_is_parsed_and_personal_data_hashed() -> None:
    rows, problems = parse("valid.csv")
    assert problems == []
    assert [row.personnel_id for row in rows] == ["FR-0001", "ES-0002", "MA-0003", "KE-0004"]
    first = rows[0]
    assert first.phone_hash == HASHER.phone("+33612345678")
    assert first.email_hash == HASHER.email("amina.haddad@police.example")
    assert (first.country, first.role, first.expires) == ("FR", "officer", date(2030, 12, 31))
    assert rows[1].role == "manager" and rows[2].role == "officer" and rows[3].phone_hash is None
    assert "+33" not in repr(rows) and "amina.haddad" not in repr(rows)


def test_bom_semicolons_and_header_case_are_accepted() -> None:
    rows, problems = parse("bom_semicolon.csv")
    assert problems == []
    assert [(row.personnel_id, row.country, row.role) for row in rows] == [("FR-0001", "FR", "officer"), ("ES-0002", "ES", "manager")]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("bad_phone.csv", "line 2: phone: not an international number"),
        ("bad_country.csv", "line 2: country: unknown ISO 3166-1 alpha-2 country code"),
        ("duplicate_id.csv", "line 3: personnel_id: duplicate of line 2"),
        ("duplicate_phone.csv", "line 3: phone: same number as line 2"),
        ("bad_role.csv", "line 2: role: unknown role (expected officer or manager)"),
        ("bad_date.csv", "line 2: expires: not a date (write YYYY-MM-DD)"),
        ("missing_column.csv", "line 1: personnel_id: missing column"),
        ("bad_email.csv", "line 2: email: not a valid email address"),
        ("short_row.csv", "line 2: row: expected 3 fields, found 2"),
        ("unknown_column.csv", "line 1: nickname: unknown column"),
        ("not_utf8.csv", "line 2: file: not UTF-8 text"),
        ("empty_id.csv", "line 2: personnel_id: required"),
    ],
)
def test_each_kind_of_error_rejects_the_whole_file(fixture: str, expected: str) -> None:
    rows, problems = parse(fixture)
    assert rows == []
    assert any(str(problem).startswith(expected) for problem in problems), problems


def test_problems_never_echo_the_phone_number() -> None:
    _, problems = parse("bad_phone.csv")
    assert "06 12" not in " ".join(map(str, problems))


async def test_plan_reports_added_updated_removed_unchanged(sessions) -> None:
    service = PersonnelService(lambda: datetime(2026, 11, 29, tzinfo=UTC))
    rows, _ = parse("valid.csv")
    unit = UnitOfWork(sessions)
    plan = await service.plan(unit.session, rows)
    assert (plan.added, plan.updated, plan.removed, plan.unchanged) == (["FR-0001", "ES-0002", "MA-0003", "KE-0004"], [], [], [])
    assert (await service.replace(unit.session, rows)) == plan
    await unit.finish()

    second, _ = parse("bom_semicolon.csv")
    unit = UnitOfWork(sessions)
    plan = await service.replace(unit.session, second)
    assert plan.summary() == "added 0, updated 2, removed 2, unchanged 0"
    assert plan.removed == ["KE-0004", "MA-0003"]
    await unit.finish()

    unit = UnitOfWork(sessions)
    assert sorted(e.personnel_id for e in await service.entries(unit.session)) == ["ES-0002", "FR-0001"]
    plan = await service.plan(unit.session, second)
    assert plan.summary() == "added 0, updated 0, removed 0, unchanged 2"
    await unit.finish()


def test_a_cell_over_the_csv_field_limit_is_a_problem_not_a_crash() -> None:
    data = b"personnel_id,display_name\nFR-0001,Amina\nFR-0002," + b"x" * 200_000 + b"\n"
    rows, problems = parse_personnel_csv(data, HASHER)
    assert rows == []
    assert [str(problem) for problem in problems] == [f"line 3: cell too long (max {csv.field_size_limit()} characters)"]


def test_cli_import_of_a_huge_cell_answers_with_the_line(tmp_path: Path, monkeypatch, database_url: str, capsys) -> None:
    monkeypatch.setenv("LEARNBOT_DATABASE_URL", database_url)
    monkeypatch.setenv("LEARNBOT_SECRET_KEY", "s" * 40)
    path = tmp_path / "huge.csv"
    path.write_bytes(b"personnel_id,display_name\nFR-0001," + b"x" * 200_000 + b"\n")
    assert main(["personnel", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"huge.csv: line 2: cell too long (max {csv.field_size_limit()} characters)" in err
    assert "Traceback" not in err


def test_a_list_over_the_row_cap_or_the_size_cap_is_refused() -> None:
    data = b"personnel_id\n" + b"".join(f"P-{n}\n".encode() for n in range(4))
    rows, problems = parse_personnel_csv(data, HASHER, CsvLimits(max_rows=3))
    assert rows == [] and [str(p) for p in problems] == ["line 5: file: more than 3 entries"]
    rows, problems = parse_personnel_csv(data, HASHER, CsvLimits(max_rows=4))
    assert len(rows) == 4 and problems == []
    big = data + b"#" * (2**20 - len(data) + 1)
    rows, problems = parse_personnel_csv(big, HASHER, CsvLimits(max_bytes=2**20))
    assert rows == [] and [str(p) for p in problems] == ["line 1: file: larger than 1 MB"]


async def test_a_held_upload_is_one_row_per_entry_and_only_its_manager_decides(sessions) -> None:
    clock = FixedClock()
    service = PersonnelService(clock)
    rows, _ = parse("valid.csv")
    unit = UnitOfWork(sessions)
    manager = await OfficerService(clock).identify(unit.session, 1, "en")
    other = await OfficerService(clock).identify(unit.session, 2, "en")
    held = await service.hold(unit.session, manager, rows)
    staged = (await unit.session.exec(select(PendingImportRow).where(PendingImportRow.import_id == held))).all()
    assert sorted(row.personnel_id for row in staged) == sorted(row.personnel_id for row in rows)
    assert await service.confirm(unit.session, other, held) is None, "another manager's upload"
    assert await service.cancel(unit.session, other, held) is False
    plan = await service.confirm(unit.session, manager, held)
    assert plan is not None and plan.summary() == "added 4, updated 0, removed 0, unchanged 0"
    assert await service.confirm(unit.session, manager, held) is None, "applied once"
    assert (await unit.session.exec(select(func.count()).select_from(PendingImportRow))).one() == 0
    await unit.finish()


async def test_after_a_key_rotation_an_import_rehashes_entries_and_still_sees_real_changes(sessions) -> None:
    service = PersonnelService(FixedClock())
    old_rows, _ = parse_personnel_csv((FIXTURES / "valid.csv").read_bytes(), IdentifierHasher("1" * 40))
    unit = UnitOfWork(sessions)
    await service.replace(unit.session, old_rows)
    rotated = IdentifierHasher("2" * 40, "1" * 40)
    text = (FIXTURES / "valid.csv").read_text(encoding="utf-8").replace(",FR,", ",BE,")
    new_rows, problems = parse_personnel_csv(text.encode(), rotated)
    assert problems == []
    plan = await service.replace(unit.session, new_rows)
    assert (plan.updated, sorted(plan.rehashed), plan.unchanged) == (["FR-0001"], ["ES-0002", "KE-0004", "MA-0003"], [])
    assert plan.summary() == "added 0, updated 1, removed 0, unchanged 0, re-hashed 3"
    assert (await service.plan(unit.session, new_rows)).summary() == "added 0, updated 0, removed 0, unchanged 4"
    await unit.finish()


def test_direction_overrides_are_stripped_from_names_and_control_characters_refused() -> None:
    name = "\u202eAmina\u202c \u2067Haddad\u2069 \u202a\u202b\u202d\u2066\u2068x"
    rows, problems = parse_personnel_csv(f"personnel_id,display_name\nFR-0001,{name}\n".encode(), HASHER)
    assert problems == [] and rows[0].display_name == "Amina Haddad x"
    rows, problems = parse_personnel_csv(b"personnel_id,display_name\nFR-0001,Amina\x07Haddad\n", HASHER)
    assert [str(problem) for problem in problems] == ["line 2: display_name: contains control characters"]


def test_cli_refuses_a_file_over_the_size_limit_without_reading_it_all(
    tmp_path: Path, monkeypatch, database_url: str, capsys
) -> None:
    monkeypatch.setenv("LEARNBOT_DATABASE_URL", database_url)
    monkeypatch.setenv("LEARNBOT_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("LEARNBOT_PERSONNEL_MAX_FILE_MB", "1")
    path = tmp_path / "big.csv"
    path.write_bytes(b"personnel_id\n" + b"P-1\n" * 2**19)
    assert main(["personnel", "import", str(path)]) == 1
    assert "big.csv: line 1: file: larger than 1 MB" in capsys.readouterr().err


async def test_a_list_without_phone_or_email_columns_keeps_the_stored_hashes(sessions) -> None:
    """The console's download has no phone or email (only their hashes are stored): sent back, it loses nothing."""
    service = PersonnelService(lambda: datetime(2026, 11, 29, tzinfo=UTC))
    rows, _ = parse("valid.csv")
    unit = UnitOfWork(sessions)
    await service.replace(unit.session, rows)
    await unit.finish()
    download = ("personnel_id,country,role,display_name\nFR-0001,FR,officer,Amina Haddad-Renamed\n"
                "ES-0002,ES,manager,Javier Ortega\nMA-0003,MA,officer,Youssef Alami\nNEW-1,FR,officer,New Officer\n")
    edited, problems = parse_personnel_csv(download.encode(), HASHER)
    assert problems == []
    for staged in (False, True):  # straight from the CLI, and held for a manager's Confirm
        unit = UnitOfWork(sessions)
        if staged:
            manager = await OfficerService(FixedClock()).identify(unit.session, 77, "en")
            plan = await service.confirm(unit.session, manager, await service.hold(unit.session, manager, edited))
        else:
            plan = await service.replace(unit.session, edited)
        await unit.finish()
        assert plan is not None and plan.removed == ([] if staged else ["KE-0004"])
        assert plan.added == ([] if staged else ["NEW-1"])
        unit = UnitOfWork(sessions)
        entries = {e.personnel_id: e for e in await service.entries(unit.session)}
        await unit.finish()
        assert entries["FR-0001"].phone_hash == HASHER.phone("+33612345678"), "the phone hash is kept"
        assert entries["FR-0001"].email_hash == HASHER.email("amina.haddad@police.example")
        assert entries["FR-0001"].display_name == "Amina Haddad-Renamed"
        assert entries["NEW-1"].phone_hash is None and entries["NEW-1"].email_hash is None
    assert sorted(plan.unchanged) == ["ES-0002", "FR-0001", "MA-0003", "NEW-1"], "sent back as it was: nothing changes"
