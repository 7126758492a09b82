"""Certificates for passed final quizzes, verifiable by anyone with their short code."""

from __future__ import annotations

import calendar
import enum
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Course
from bot.services.access import INVITE_ALPHABET
from bot.services.audit import AuditLog
from bot.services.clock import Clock
from bot.services.privacy import IdentifierHasher
from bot.storage.models import Certificate, Officer, Personnel

CODE_PREFIX = "LB"
CODE_GROUPS = 2
CODE_GROUP_LENGTH = 5  # 50 random bits: unique without a retry in practice, short enough to type
# What /start carries in a certificate's verification link: t.me/<bot>?start=verify-LB-XXXXX-XXXXX
VERIFY_LINK_PREFIX = "verify-"
_CODE = re.compile(rf"^{CODE_PREFIX}-?[0-9A-Z]{{{CODE_GROUP_LENGTH}}}-?[0-9A-Z]{{{CODE_GROUP_LENGTH}}}$")
MAX_REASON_CHARS = 200


class Validity(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class IssuedCertificate:
    """A certificate as the bot shows, sends and verifies it."""

    id: int
    code: str
    course_id: str
    score_percent: int
    issued_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    delivered_at: datetime | None
    holder_name: str | None
    show_name: bool
    personnel_id: str | None = None  # the holder's list entry, for the PDF when settings print it

    def validity(self, now: datetime) -> Validity:
        if self.revoked_at is not None:
            return Validity.REVOKED
        if self.expires_at is not None and self.expires_at <= now:
            return Validity.EXPIRED
        return Validity.VALID

    @classmethod
    def of(cls, row: Certificate, personnel_id: str | None = None) -> IssuedCertificate:
        assert row.id is not None
        return cls(row.id, row.code, row.course_id, row.score_percent, row.issued_at, row.expires_at, row.revoked_at,
                   row.delivered_at, row.holder_name, row.show_name, personnel_id)


@dataclass(frozen=True, slots=True)
class Verification:
    """What /verify tells anyone: never the holder's name unless the holder allowed it."""

    validity: Validity
    certificate: IssuedCertificate | None = None

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


def looks_like_certificate_code(text: str) -> bool:
    return bool(_CODE.match(text.strip().upper()))


def add_months(moment: datetime, months: int) -> datetime:
    """The same day (or the month's last day) months later."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


class CertificateService:
    """Issues one valid certificate per officer and course, delivers, verifies and revokes them."""

    def __init__(self, clock: Clock, audit: AuditLog, hasher: IdentifierHasher) -> None:
        self._clock, self._audit, self._hasher = clock, audit, hasher

    async def issue(self, session: AsyncSession, officer: Officer, course: Course, percent: int) -> IssuedCertificate | None:
        """A new certificate for a passed final quiz; None when the officer already holds a valid one."""
        now = self._clock()
        if any(c.validity(now) is Validity.VALID for c in await self._rows(session, officer, course.id)):
            return None
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        assert officer.id is not None
        months = course.quiz.certificate_valid_months
        certificate = Certificate(
            code=self._new_code(), officer_id=officer.id, course_id=course.id, score_percent=percent,
            issued_at=now, expires_at=add_months(now, months) if months else None,
            holder_name=personnel.display_name if personnel else None,
        )
        session.add(certificate)
        await session.flush()
        self._audit.record(session, self._hasher.telegram_account(officer.telegram_id), "certificate.issue",
                           None, f"{course.id} {certificate.code}")
        return IssuedCertificate.of(certificate)

    async def held(self, session: AsyncSession, officer: Officer, course_id: str) -> IssuedCertificate | None:
        """The officer's latest certificate of a course that was not revoked (valid or expired)."""
        return next((c for c in await self._rows(session, officer, course_id) if c.revoked_at is None), None)

    async def undelivered(self, session: AsyncSession, officer: Officer, course_id: str) -> IssuedCertificate | None:
        held = await self.held(session, officer, course_id)
        return held if held is not None and held.delivered_at is None else None

    async def of_officer(self, session: AsyncSession, officer: Officer) -> list[IssuedCertificate]:
        """Every certificate the officer was issued, newest first."""
        return await self._rows(session, officer, None)

    async def with_personnel_id(self, session: AsyncSession, officer: Officer,
                                certificate: IssuedCertificate) -> IssuedCertificate:
        """The certificate with its holder's personnel id, for a PDF that prints it."""
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        return IssuedCertificate.of(await self._row(session, certificate.id),
                                    personnel.personnel_id if personnel else None)

    async def mark_delivered(self, session: AsyncSession, certificate_id: int) -> None:
        row = await self._row(session, certificate_id)
        row.delivered_at = self._clock()
        session.add(row)

    async def verify(self, session: AsyncSession, code: str) -> Verification:
        statement = select(Certificate).where(Certificate.code == normalise_code(code))
        row = (await session.exec(statement)).first()
        if row is None:
            return Verification(Validity.UNKNOWN)
        certificate = IssuedCertificate.of(row)
        return Verification(certificate.validity(self._clock()), certificate)

    @staticmethod
    async def set_name_shown(session: AsyncSession, officer: Officer, certificate_id: int,
                             shown: bool) -> IssuedCertificate | None:
        """The holder decides whether /verify shows their name."""
        row = await session.get(Certificate, certificate_id)
        if row is None or row.officer_id != officer.id:
            return None
        row.show_name = shown
        session.add(row)
        return IssuedCertificate.of(row)

    async def revoke(self, session: AsyncSession, code: str, actor: str, reason: str | None = None) -> bool:
        """Revoke a valid certificate; the reason (console) is kept with it and in the audit log."""
        row = (await session.exec(select(Certificate).where(Certificate.code == normalise_code(code)))).first()
        if row is None or row.revoked_at is not None:
            return False
        row.revoked_at = self._clock()
        row.revocation_reason = reason[:MAX_REASON_CHARS] if reason else None
        session.add(row)
        self._audit.record(session, actor, "certificate.revoke", None, f"{row.code} {reason}" if reason else row.code)
        return True

    @staticmethod
    async def _row(session: AsyncSession, certificate_id: int) -> Certificate:
        row = await session.get(Certificate, certificate_id)
        assert row is not None
        return row

    @staticmethod
    async def _rows(session: AsyncSession, officer: Officer, course_id: str | None) -> list[IssuedCertificate]:
        statement = select(Certificate).where(Certificate.officer_id == officer.id)
        if course_id is not None:
            statement = statement.where(Certificate.course_id == course_id)
        rows = (await session.exec(statement.order_by(col(Certificate.issued_at).desc(), col(Certificate.id).desc()))).all()
        return [IssuedCertificate.of(row) for row in rows]

    @staticmethod
    def _new_code() -> str:
        groups = ("".join(secrets.choice(INVITE_ALPHABET) for _ in range(CODE_GROUP_LENGTH)) for _ in range(CODE_GROUPS))
        return "-".join([CODE_PREFIX, *groups])
