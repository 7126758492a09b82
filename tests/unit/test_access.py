"""Access rules: verification by own contact or invite, brute-force limit, bindings, lapse, roles."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.services.access import Access, AccessService, Role, RoleChange, Verification, normalise_invite
from bot.services.audit import AuditLog
from bot.services.officers import OfficerService
from bot.services.personnel import PersonnelService, parse_personnel_csv
from bot.services.privacy import IdentifierHasher
from bot.storage.database import UnitOfWork, create_engine, session_factory, upgrade_database
from tests.conftest import FixedClock

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "personnel"
HASHER = IdentifierHasher("k" * 40)
ADMIN = 999


@pytest.fixture
async def world(database_url: str) -> AsyncIterator:
    engine = create_engine(database_url)
    await upgrade_database(engine)
    sessions = session_factory(engine)
    clock = FixedClock()
    unit = UnitOfWork(sessions)
    rows, _ = parse_personnel_csv((FIXTURES / "valid.csv").read_bytes(), HASHER)
    personnel = PersonnelService(clock)
    await personnel.replace(unit.session, rows)
    await unit.finish()
    access = AccessService(HASHER, AuditLog(clock), clock, frozenset({ADMIN}))
    yield sessions, clock, access, OfficerService(clock)
    await engine.dispose()


async def test_own_contact_verifies_and_foreign_contact_is_refused(world) -> None:
    sessions, clock, access, officers = world
    unit = UnitOfWork(sessions)
    officer = await officers.identify(unit.session, 1, "fr")
    assert await access.check(unit.session, officer) is Access.UNVERIFIED
    assert await access.verify_contact(unit.session, officer, 2, "+33612345678") is Verification.FOREIGN_CONTACT
    assert await access.verify_contact(unit.session, officer, 1, "33612345678") is Verification.VERIFIED
    assert await access.check(unit.session, officer) is Access.GRANTED
    assert await access.role(unit.session, officer) is Role.OFFICER
    actions = [(e.action, e.detail) for e in await AuditLog.entries(unit.session)]
    assert actions == [("verify.refused", "foreign-contact"), ("verify.ok", "phone")]
    await unit.finish()


async def test_unknown_number_is_refused(world) -> None:
    sessions, _, access, officers = world
    unit = UnitOfWork(sessions)
    officer = await officers.identify(unit.session, 1, "en")
    assert await access.verify_contact(unit.session, officer, 1, "+33699999999") is Verification.NOT_ON_LIST
    assert await access.verify_contact(unit.session, officer, 1, "garbage") is Verification.NOT_ON_LIST
    await unit.finish()


async def test_invite_works_once_and_expires(world) -> None:
    sessions, clock, access, officers = world
    unit = UnitOfWork(sessions)
    created = await access.create_invite(unit.session, "KE-0004", "cli")
    assert created is not None
    code, expires_at = created
    assert expires_at == clock.now + timedelta(days=7)
    assert len(normalise_invite(code).replace("-", "")) == 16
    late = await access.create_invite(unit.session, "MA-0003", "cli")
    assert await access.create_invite(unit.session, "NOPE", "cli") is None
    first = await officers.identify(unit.session, 1, "en")
    second = await officers.identify(unit.session, 2, "en")
    assert await access.redeem_invite(unit.session, first, code.lower().replace("-", " ")) is Verification.VERIFIED
    assert await access.redeem_invite(unit.session, second, code) is Verification.INVALID_CODE
    clock.now += timedelta(days=8)
    assert await access.redeem_invite(unit.session, second, late[0]) is Verification.INVALID_CODE
    await unit.finish()


async def test_five_failures_an_hour_then_cool_down(world) -> None:
    sessions, clock, access, officers = world
    unit = UnitOfWork(sessions)
    officer = await officers.identify(unit.session, 1, "en")
    for _ in range(5):
        assert await access.redeem_invite(unit.session, officer, "AAAA-BBBB-CCCC-DDDD") is Verification.INVALID_CODE
        clock.now += timedelta(minutes=1)
    assert await access.verify_contact(unit.session, officer, 1, "+33612345678") is Verification.COOLING_DOWN
    until = await access.cooling_down_until(unit.session, officer)
    assert until == datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    clock.now = until + timedelta(seconds=1)
    assert await access.verify_contact(unit.session, officer, 1, "+33612345678") is Verification.VERIFIED
    await unit.finish()


async def test_one_entry_binds_one_account_until_unbound(world) -> None:
    sessions, _, access, officers = world
    unit = UnitOfWork(sessions)
    first = await officers.identify(unit.session, 1, "en")
    second = await officers.identify(unit.session, 2, "en")
    assert await access.verify_contact(unit.session, first, 1, "+33612345678") is Verification.VERIFIED
    assert await access.verify_contact(unit.session, second, 2, "+33612345678") is Verification.CONFLICT
    assert await access.conflicts(unit.session) == ["FR-0001"]
    assert await access.unbind(unit.session, "FR-0001", "manager") is True
    assert await access.check(unit.session, first) is Access.UNVERIFIED
    assert await access.verify_contact(unit.session, second, 2, "+33612345678") is Verification.VERIFIED
    await unit.finish()


async def test_verification_lapses_and_list_expiry_is_honoured(world) -> None:
    sessions, clock, access, officers = world
    unit = UnitOfWork(sessions)
    officer = await officers.identify(unit.session, 1, "en")
    await access.verify_contact(unit.session, officer, 1, "+33612345678")
    clock.now += timedelta(days=181)
    assert await access.check(unit.session, officer) is Access.LAPSED
    assert await access.verify_contact(unit.session, officer, 1, "+33612345678") is Verification.VERIFIED
    clock.now = datetime(2031, 1, 1, tzinfo=UTC)
    assert await access.check(unit.session, officer) is Access.EXPIRED
    await unit.finish()


async def test_roles_from_list_grant_and_settings(world) -> None:
    sessions, _, access, officers = world
    unit = UnitOfWork(sessions)
    manager = await officers.identify(unit.session, 1, "es")
    await access.verify_contact(unit.session, manager, 1, "+34612345678")
    assert await access.role(unit.session, manager) is Role.MANAGER
    admin = await officers.identify(unit.session, ADMIN, "en")
    assert await access.role(unit.session, admin) is Role.ADMIN
    assert await access.check(unit.session, admin) is Access.GRANTED
    officer = await officers.identify(unit.session, 3, "en")
    await access.verify_contact(unit.session, officer, 3, "+212612345678")
    assert await access.role(unit.session, officer) is Role.OFFICER
    assert await access.set_manager(unit.session, 3, True, "admin") is RoleChange.DONE
    assert await access.role(unit.session, officer) is Role.MANAGER
    assert await access.set_manager(unit.session, 12345, True, "admin") is RoleChange.UNKNOWN_ACCOUNT
    assert await access.set_manager(unit.session, ADMIN, False, "admin") is RoleChange.ADMINISTRATOR
    assert await access.role(unit.session, admin) is Role.ADMIN
    await unit.finish()


async def claimed_at_once(sessions, officers, claim) -> tuple[Verification, Verification]:
    """Accounts 1 and 2 claim; the second claim reaches the database while the first is still uncommitted."""
    first, second = UnitOfWork(sessions), UnitOfWork(sessions)
    one = await officers.by_telegram_id(first.session, 1)
    two = await officers.by_telegram_id(second.session, 2)
    winner = await claim(first.session, one)
    racing = asyncio.create_task(claim(second.session, two))
    await asyncio.sleep(0.3)
    await first.finish()
    loser = await asyncio.wait_for(racing, timeout=10)
    await second.finish()  # commits cleanly: nothing left for a failing commit to undo
    return winner, loser


async def test_two_accounts_claiming_one_entry_at_the_same_moment(world) -> None:
    sessions, _, access, officers = world
    setup = UnitOfWork(sessions)
    for account in (1, 2):
        await officers.identify(setup.session, account, "en")
    await setup.finish()

    async def claim(session, officer):
        return await access.verify_contact(session, officer, officer.telegram_id, "+33612345678")

    assert await claimed_at_once(sessions, officers, claim) == (Verification.VERIFIED, Verification.CONFLICT)
    unit = UnitOfWork(sessions)
    assert await access.conflicts(unit.session) == ["FR-0001"], "the loser's claim is audited for /conflicts"
    assert await access.check(unit.session, await officers.by_telegram_id(unit.session, 2)) is Access.UNVERIFIED
    await unit.finish()


async def test_one_invite_redeemed_by_two_accounts_at_the_same_moment(world) -> None:
    sessions, _, access, officers = world
    setup = UnitOfWork(sessions)
    for account in (1, 2):
        await officers.identify(setup.session, account, "en")
    created = await access.create_invite(setup.session, "KE-0004", "cli")
    assert created is not None
    await setup.finish()

    async def claim(session, officer):
        return await access.redeem_invite(session, officer, created[0])

    outcomes = await claimed_at_once(sessions, officers, claim)
    assert outcomes == (Verification.VERIFIED, Verification.INVALID_CODE), "the second as if it came later"


async def test_certificate_lookups_per_account_and_minute(world) -> None:
    sessions, clock, access, officers = world
    unit = UnitOfWork(sessions)
    officer = await officers.identify(unit.session, 1, "en")
    other = await officers.identify(unit.session, 2, "en")
    allowed = [await access.may_look_up_certificate(unit.session, officer) for _ in range(11)]
    assert allowed == [True] * 10 + [False]
    assert await access.may_look_up_certificate(unit.session, other) is True
    clock.now += timedelta(seconds=61)
    assert await access.may_look_up_certificate(unit.session, officer) is True
    await unit.finish()
