"""The certificate register managers search, export and revoke from (revocation: CertificateService)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.selection import Page, fetch_page
from bot.storage.models import Certificate, Officer, Personnel

EXPORT_COLUMNS = ("code", "course", "holder", "personnel_id", "score_percent", "issued_at", "status",
                  "revoked_at", "revocation_reason")


@dataclass(frozen=True, slots=True)
class CertificateEntry:
    code: str
    course_id: str
    score_percent: int
    issued_at: datetime
    holder_name: str | None
    personnel_id: str | None
    revoked_at: datetime | None
    revocation_reason: str | None

    @property
    def valid(self) -> bool:
        return self.revoked_at is None

    def export_row(self) -> list[object]:
        return [self.code, self.course_id, self.holder_name or "", self.personnel_id or "", self.score_percent,
                self.issued_at.isoformat(), "valid" if self.valid else "revoked",
                self.revoked_at.isoformat() if self.revoked_at else "", self.revocation_reason or ""]


class CertificateRegister:
    """Every certificate ever issued, newest first, with its holder as the list knows them."""

    async def search(self, session: AsyncSession, query: str = "", page: int = 1) -> Page[CertificateEntry]:
        rows, total, number = await fetch_page(session, _matching(query), page)
        return Page(tuple(_entry(*row) for row in rows), total, number)

    async def export(self, session: AsyncSession, query: str = "") -> list[CertificateEntry]:
        return [_entry(*row) for row in (await session.exec(_matching(query))).all()]  # type: ignore[call-overload]

    async def of_officer(self, session: AsyncSession, officer_id: int) -> tuple[CertificateEntry, ...]:
        statement = _matching("").where(Certificate.officer_id == officer_id)
        return tuple(_entry(*row) for row in (await session.exec(statement)).all())  # type: ignore[call-overload]


def _matching(query: str) -> Select[Any]:
    """By code (any part of it, dashes optional) or by the holder's name on the certificate or the list."""
    statement = (select(Certificate, Personnel.personnel_id, Personnel.display_name)
                 .join(Officer, col(Officer.id) == Certificate.officer_id)
                 .join(Personnel, col(Personnel.id) == Officer.personnel_ref, isouter=True)
                 .order_by(col(Certificate.issued_at).desc(), col(Certificate.id).desc()))
    text = query.strip()
    if text:
        code = "".join(ch for ch in text.upper() if ch.isalnum())
        conditions = [func.lower(col(Certificate.holder_name)).contains(text.lower(), autoescape=True),
                      func.lower(col(Personnel.display_name)).contains(text.lower(), autoescape=True),
                      col(Personnel.personnel_id).contains(text, autoescape=True)]
        if code:
            conditions.append(func.replace(col(Certificate.code), "-", "").contains(code, autoescape=True))
        statement = statement.where(or_(*conditions))
    return statement


def _entry(certificate: Certificate, personnel_id: str | None, display_name: str | None) -> CertificateEntry:
    return CertificateEntry(certificate.code, certificate.course_id, certificate.score_percent, certificate.issued_at,
                            certificate.holder_name or display_name, personnel_id, certificate.revoked_at,
                            certificate.revocation_reason)
