"""What is stored about an officer, shown to them on request, and erased on request."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.audit import AuditLog
from bot.services.privacy import IdentifierHasher
from bot.services.reminders import personal_records
from bot.storage.models import AuditEntry, FailedAttempt, LessonProgress, Officer, Personnel


class PersonalDataService:
    """The officer's right to see and to delete their data."""

    def __init__(self, hasher: IdentifierHasher, audit: AuditLog) -> None:
        self._hasher, self._audit = hasher, audit

    async def describe(self, session: AsyncSession, officer: Officer) -> dict[str, Any]:
        """Everything stored about the officer, as plain data."""
        assert officer.id is not None
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        progress = (await session.exec(select(LessonProgress).where(LessonProgress.officer_id == officer.id))).all()
        failures = (await session.exec(
            select(func.count()).select_from(FailedAttempt).where(FailedAttempt.officer_id == officer.id)
        )).one()
        audit = (await session.exec(
            select(AuditEntry).where(AuditEntry.actor == self._hasher.telegram_account(officer.telegram_id))
            .order_by(col(AuditEntry.at))
        )).all()
        return {
            "account": {
                "telegram_user_id": officer.telegram_id,
                "language_chosen": officer.chosen_locale,
                "language_reported_by_telegram": officer.telegram_locale,
                "first_contact": officer.created_at.isoformat(),
                "last_contact": officer.last_seen_at.isoformat(),
                "granted_role": officer.granted_role,
            },
            "verification": None if personnel is None else {
                "personnel_id": personnel.personnel_id,
                "display_name": personnel.display_name,
                "country": personnel.country,
                "role": personnel.role,
                "list_entry_expires": personnel.expires.isoformat() if personnel.expires else None,
                "verified_at": officer.verified_at.isoformat() if officer.verified_at else None,
                "phone_and_email": "stored only as keyed hashes, which cannot be read back",
            },
            "lesson_progress": [
                {
                    "course": row.course_id,
                    "lesson": row.lesson_id,
                    "card": row.card_index + 1,
                    "completed_at": row.completed_at.isoformat() if row.completed_at else None,
                    "updated_at": row.updated_at.isoformat(),
                }
                for row in progress
            ],
            "failed_verification_attempts": failures,
            "audit_entries_about_your_actions": [
                {"at": entry.at.isoformat(), "action": entry.action, "detail": entry.detail} for entry in audit
            ],
            **await personal_records(session, officer),
        }

    async def erase(self, session: AsyncSession, officer: Officer) -> None:
        """Delete the account with its progress and answers; the audit keeps only hashed identifiers."""
        self._audit.record(session, self._hasher.telegram_account(officer.telegram_id), "account.delete")
        await session.delete(officer)
        await session.flush()
