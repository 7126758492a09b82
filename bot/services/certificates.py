"""Certificates for passed final quizzes, verifiable by anyone with their short code."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.access import INVITE_ALPHABET
from bot.services.audit import AuditLog
from bot.services.clock import Clock
from bot.services.privacy import IdentifierHasher
from bot.storage.models import Certificate, Officer, Personnel

CODE_PREFIX = "LB"
CODE_GROUPS = 2
CODE_GROUP_LENGTH = 5  # 50 random bits: unique without a retry in practice, short enough to type
MAX_REASON_CHARS = 200


class Validity(enum.Enum):
    VALID = "valid"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Verification:
    """What /verify tells anyone: never the holder's name unless the holder allowed it."""

    validity: Validity
    certificate: Certificate | None = None

    @property
    def holder_name(self) -> str | None:
        cert = self.certificate
        return cert.holder_name if cert is not None and cert.show_name else None


def normalise_code(code: str) -> str:
    """Accept lower case, missing dashes and stray spaces."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    if raw.startswith(CODE_PREFIX):
        raw = raw[len(CODE_PREFIX):]
    groups = [raw[i:i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH)]
    return "-".join([CODE_PREFIX, *groups])


class CertificateService:
    """Issues one certificate per officer and course, verifies and revokes them."""

    def __init__(self, clock: Clock, audit: AuditLog, hasher: IdentifierHasher) -> None:
        self._clock, self._audit, self._hasher = clock, audit, hasher

    async def issue(self, session: AsyncSession, officer: Officer, course_id: str, percent: int) -> Certificate:
        """The officer's valid certificate for the course, issued now if there is none."""
        existing = await self.held(session, officer, course_id)
        if existing is not None:
            return existing
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        assert officer.id is not None
        certificate = Certificate(
            code=self._new_code(), officer_id=officer.id, course_id=course_id, score_percent=percent,
            issued_at=self._clock(), holder_name=personnel.display_name if personnel else None,
        )
        session.add(certificate)
        await session.flush()
        self._audit.record(session, self._hasher.telegram_account(officer.telegram_id), "certificate.issue",
                           None, f"{course_id} {certificate.code}")
        return certificate

    @staticmethod
    async def held(session: AsyncSession, officer: Officer, course_id: str) -> Certificate | None:
        statement = select(Certificate).where(
            Certificate.officer_id == officer.id, Certificate.course_id == course_id,
            col(Certificate.revoked_at).is_(None),
        )
        return (await session.exec(statement)).first()

    @staticmethod
    async def verify(session: AsyncSession, code: str) -> Verification:
        statement = select(Certificate).where(Certificate.code == normalise_code(code))
        certificate = (await session.exec(statement)).first()
        if certificate is None:
            return Verification(Validity.UNKNOWN)
        return Verification(Validity.REVOKED if certificate.revoked_at else Validity.VALID, certificate)

    @staticmethod
    async def set_name_shown(session: AsyncSession, officer: Officer, certificate_id: int, shown: bool) -> Certificate | None:
        """The holder decides whether /verify shows their name."""
        certificate = await session.get(Certificate, certificate_id)
        if certificate is None or certificate.officer_id != officer.id:
            return None
        certificate.show_name = shown
        session.add(certificate)
        return certificate

    async def revoke(self, session: AsyncSession, code: str, actor: str, reason: str | None = None) -> bool:
        """Revoke a valid certificate; the reason (console) is kept with it and in the audit log."""
        certificate = (await self.verify(session, code)).certificate
        if certificate is None or certificate.revoked_at is not None:
            return False
        certificate.revoked_at = self._clock()
        certificate.revocation_reason = reason[:MAX_REASON_CHARS] if reason else None
        session.add(certificate)
        detail = f"{certificate.code} {reason}" if reason else certificate.code
        self._audit.record(session, actor, "certificate.revoke", None, detail)
        return True

    @staticmethod
    def _new_code() -> str:
        groups = ("".join(secrets.choice(INVITE_ALPHABET) for _ in range(CODE_GROUP_LENGTH)) for _ in range(CODE_GROUPS))
        return "-".join([CODE_PREFIX, *groups])

