"""Administrator tools behind the CLI: personnel import and invites, audit export, secret-key status."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.content import Catalogue
from bot.services.access import AccessService
from bot.services.audit import CLI_ACTOR, AuditLog
from bot.services.clock import utc_now
from bot.services.keys import key_usage
from bot.services.personnel import PersonnelService
from bot.services.privacy import LEGACY, IdentifierHasher
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
    async with tools(settings) as admin:
        try:
            with path.open("rb") as handle:  # one byte over the limit is enough for the parser to refuse it
                data = handle.read(admin.personnel.limits.max_bytes + 1)
        except OSError as error:
            print(f"{path}: {error.strerror}", file=sys.stderr)
            return 1
        rows, problems = await admin.personnel.parse(data, admin.hasher)
        if problems:
            for problem in problems:
                print(f"{path}: {problem}", file=sys.stderr)
            print(f"{path}: rejected, nothing changed ({len(problems)} problem(s))", file=sys.stderr)
            return 1
        personnel = admin.personnel
        plan = await (personnel.plan if dry_run else personnel.replace)(admin.unit.session, rows)
        for label, ids in (("added", plan.added), ("updated", plan.updated), ("removed", plan.removed)):
            for personnel_id in ids:
                print(f"{label}: {personnel_id}")
        if dry_run:
            print(f"dry run, nothing changed: would have {plan.summary()}")
            return 0
        admin.audit.record(admin.unit.session, CLI_ACTOR, "personnel.import", None, plan.summary())
        print(f"imported: {plan.summary()}")
    return 0


async def create_invite(settings: Settings, personnel_id: str) -> int:
    async with tools(settings) as admin:
        created = await admin.access.create_invite(admin.unit.session, personnel_id, CLI_ACTOR)
        if created is None:
            print(f"no entry {personnel_id} on the approved-personnel list", file=sys.stderr)
            return 1
        code, expires = created
        print(f"invite code for {personnel_id}: {code} (single use, valid until {expires:%Y-%m-%d %H:%M} UTC)")
    return 0


async def export_audit(settings: Settings, path: Path) -> int:
    async with tools(settings) as admin:
        count = await admin.audit.export(admin.unit.session, path)
    print(f"wrote {count} audit entries to {path}")
    return 0


async def keys_status(settings: Settings) -> int:
    """How many stored hashes each secret key made, and which rows still need an older key."""
    async with tools(settings) as admin:
        usages = await key_usage(admin.unit.session, utc_now())
    ring = admin.hasher.key_ids
    current, older = ring[0], ring[1:]

    def key_name(kid: str) -> str:
        if kid == LEGACY:
            return "a key from before key ids"
        return "the current key" if kid == current else f"older key {kid}" if kid in ring else f"key {kid} (not configured)"

    def rank(kid: str) -> tuple[int, str]:
        return (ring.index(kid), kid) if kid in ring else (len(ring) + (kid != LEGACY), kid)

    print(f"current key: {current}" + (f"; older keys: {', '.join(older)}" if older else ""))
    for usage in usages:
        counts = [f"{usage.by_key[kid]} under {key_name(kid)}" for kid in sorted(usage.by_key, key=rank)]
        print(f"{usage.label}: {', '.join(counts) or 'none'}")
    needed = [usage for usage in usages if usage.needed_for_lookups]
    stale = sum(usage.not_under(current) for usage in needed)
    if stale:
        detail = ", ".join(f"{usage.label}: {usage.not_under(current)}" for usage in needed if usage.not_under(current))
        print(f"still under an older key: {stale} ({detail}); the next `learnbot personnel import` re-hashes "
              "every entry, and invites keep their key until they expire")
    else:
        print("every personnel entry and open invite uses the current key: older keys can be removed")
    missing = sorted({kid for usage in needed for kid in usage.by_key if kid not in ring and kid != LEGACY})
    if missing:
        print(f"warning: rows hashed under {', '.join(missing)}, which is no longer configured, cannot be matched: "
              "put the key back in LEARNBOT_SECRET_KEYS or import the list again")
    return 0
