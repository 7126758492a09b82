"""What is stored about an officer, shown to them on request, and erased on request.

/mydata walks the models: every table whose rows point at an officer (directly or through another
such table) is shown, so a table added later cannot be forgotten. Rows that describe other
people but hang off the officer's own (the entries of a list they uploaded) are counted, not listed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Table, or_
from sqlmodel import SQLModel, col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.access import VERIFICATION_FAILURES
from bot.services.audit import AuditLog
from bot.services.privacy import IdentifierHasher, Kind
from bot.services.reminders import personal_records
from bot.storage.models import Attempt, AuditEntry, Invite, Officer, Personnel

# How /mydata names each table that refers to officers; any other such table appears under its own name.
SHOWN_AS = {
    "quiz_attempt": "quiz_attempts",
    "quiz_answer": "quiz_answers",
    "review_card": "review_cards",
    "certificate": "certificates",
    "pending_import": "personnel_list_uploads_awaiting_confirmation",
    "pending_import_row": "personnel_list_uploads_awaiting_confirmation",  # counted as "entries", not listed
}
COUNTED_ONLY = frozenset({"pending_import_row"})


def section_of(table: str) -> str:
    """The /mydata section that holds a table's rows about the officer."""
    return SHOWN_AS.get(table, table)


def officer_tables() -> dict[Table, list[ForeignKey]]:
    """Every table that refers to officers, with the foreign keys that lead from it to officer.id."""
    officer = Officer.__table__  # type: ignore[attr-defined]
    chains: dict[Table, list[ForeignKey]] = {officer: []}
    grown = True
    while grown:
        grown = False
        for table in SQLModel.metadata.sorted_tables:
            # A row's own officer first (a delivery's recipient, not its announcement's author), then a parent's.
            links = sorted((fk for fk in table.foreign_keys if fk.column.table in chains),
                           key=lambda fk: (fk.column.table is not officer, fk.parent.name))
            link = links[0] if links else None
            if table not in chains and link is not None:
                chains[table] = [link, *chains[link.column.table]]
                grown = True
    del chains[officer]
    return chains


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


class PersonalDataService:
    """The officer's right to see and to delete their data."""

    def __init__(self, hasher: IdentifierHasher, audit: AuditLog) -> None:
        self._hasher, self._audit = hasher, audit

    async def describe(self, session: AsyncSession, officer: Officer) -> dict[str, Any]:
        """Everything stored about the officer, as plain data."""
        assert officer.id is not None
        account = self._hasher.forms(Kind.TELEGRAM, str(officer.telegram_id))
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        mine = (*account, *(self._hasher.forms(Kind.PERSONNEL, personnel.personnel_id) if personnel else ()))
        failures = (await session.exec(
            select(func.count()).select_from(Attempt).where(
                col(Attempt.account_hash).in_(account), col(Attempt.kind).in_(VERIFICATION_FAILURES))
        )).one()
        audit = (await session.exec(
            select(AuditEntry).where(or_(col(AuditEntry.actor).in_(account), col(AuditEntry.subject).in_(mine)))
            .order_by(col(AuditEntry.at), col(AuditEntry.id))
        )).all()
        data: dict[str, Any] = {
            "account": {
                "telegram_user_id": officer.telegram_id,
                "language_chosen": officer.chosen_locale,
                "language_reported_by_telegram": officer.telegram_locale,
                "first_contact": officer.created_at.isoformat(),
                "last_contact": officer.last_seen_at.isoformat(),
                "granted_role": officer.granted_role,
            },
            "verification": None if personnel is None else await self._verification(session, officer, personnel),
            "failed_verification_attempts": failures,
            "audit_entries_about_you": [
                {"at": entry.at.isoformat(), "action": entry.action, "detail": entry.detail,
                 "by_you": entry.actor in account} for entry in audit
            ],
            **await personal_records(session, officer),
        }
        for table, chain in officer_tables().items():
            if table.name not in COUNTED_ONLY:
                data[section_of(table.name)] = await self._rows(session, table, chain, officer.id)
        return data

    @staticmethod
    async def _verification(session: AsyncSession, officer: Officer, personnel: Personnel) -> dict[str, Any]:
        invites = (await session.exec(select(Invite).where(Invite.personnel_ref == personnel.id))).all()
        return {
            "personnel_id": personnel.personnel_id,
            "display_name": personnel.display_name,
            "country": personnel.country,
            "role": personnel.role,
            "list_entry_expires": _plain(personnel.expires),
            "verified_at": _plain(officer.verified_at),
            "phone_and_email": "stored only as keyed hashes, which cannot be read back",
            "invites_for_your_entry": [
                {"created_at": _plain(i.created_at), "expires_at": _plain(i.expires_at), "used_at": _plain(i.used_at)}
                for i in invites
            ],
        }

    @staticmethod
    async def _rows(session: AsyncSession, table: Table, chain: list[ForeignKey], officer_id: int) -> list[dict[str, Any]]:
        statement = select(*table.columns)
        for link in chain[:-1]:
            statement = statement.join(link.column.table, link.parent == link.column)
        statement = statement.where(chain[-1].parent == officer_id).order_by(*table.primary_key.columns)
        return [{name: _plain(value) for name, value in row._mapping.items()} for row in (await session.exec(statement)).all()]

    async def erase(self, session: AsyncSession, officer: Officer) -> None:
        """Delete the account with its progress and answers; the audit keeps only hashed identifiers."""
        self._audit.record(session, self._hasher.telegram_account(officer.telegram_id), "account.delete")
        await session.delete(officer)
        await session.flush()
