"""Administrator tools behind the CLI: personnel import and invites, audit export."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.content import Catalogue
from bot.services.access import AccessService
from bot.services.audit import CLI_ACTOR, AuditLog
from bot.services.personnel import PersonnelService, parse_personnel_csv
from bot.services.privacy import IdentifierHasher
from bot.settings import Settings
from bot.storage.database import UnitOfWork, upgrade_database
from bot.wiring import open_services


@dataclass(frozen=True, slots=True)
class Tools:
    """The services an administrator's command needs, without the bot."""

    unit: UnitOfWork
    hasher: IdentifierHasher
    audit: AuditLog
    personnel: PersonnelService
    access: AccessService


@asynccontextmanager
async def tools(settings: Settings) -> AsyncIterator[Tools]:
    """An up-to-date database and one unit of work, committed when the command succeeds."""
    # The personnel and audit commands never show a lesson: no need to load (or validate) the content.
    async with open_services(settings, catalogue=Catalogue(())) as services:
        await upgrade_database(services.engine)
        async with services.unit_of_work() as unit:
            yield Tools(unit, services.hasher, services.audit, services.personnel, services.access)


async def import_personnel(settings: Settings, path: Path, *, dry_run: bool) -> int:
    """Validate the whole file, print the plan, and replace the list unless dry_run."""
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"{path}: {error.strerror}", file=sys.stderr)
        return 1
    async with tools(settings) as t:
        rows, problems = parse_personnel_csv(data, t.hasher)
        if problems:
            for problem in problems:
                print(f"{path}: {problem}", file=sys.stderr)
            print(f"{path}: rejected, nothing changed ({len(problems)} problem(s))", file=sys.stderr)
            return 1
        plan = await t.personnel.plan(t.unit.session, rows)
        for label, ids in (("added", plan.added), ("updated", plan.updated), ("removed", plan.removed)):
            for personnel_id in ids:
                print(f"{label}: {personnel_id}")
        if dry_run:
            print(f"dry run, nothing changed: would have {plan.summary()}")
            return 0
        await t.personnel.apply(t.unit.session, plan)
        t.audit.record(t.unit.session, CLI_ACTOR, "personnel.import", None, plan.summary())
        print(f"imported: {plan.summary()}")
    return 0


async def create_invite(settings: Settings, personnel_id: str) -> int:
    async with tools(settings) as t:
        created = await t.access.create_invite(t.unit.session, personnel_id, CLI_ACTOR)
        if created is None:
            print(f"no entry {personnel_id} on the approved-personnel list", file=sys.stderr)
            return 1
        code, expires = created
        print(f"invite code for {personnel_id}: {code} (single use, valid until {expires:%Y-%m-%d %H:%M} UTC)")
    return 0


async def export_audit(settings: Settings, path: Path) -> int:
    async with tools(settings) as t:
        count = await t.audit.export(t.unit.session, path)
    print(f"wrote {count} audit entries to {path}")
    return 0
