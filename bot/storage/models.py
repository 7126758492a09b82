"""SQLModel tables. The schema itself is owned by the Alembic migrations in migrations/versions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, Date, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.storage.types import UTCDateTime


class Personnel(SQLModel, table=True):
    """An entry of the approved-personnel list. Phone and email exist only as keyed hashes."""

    __tablename__ = "personnel"

    id: int | None = Field(default=None, primary_key=True)
    personnel_id: str = Field(max_length=64, unique=True)
    phone_hash: str | None = Field(default=None, max_length=64, index=True)
    email_hash: str | None = Field(default=None, max_length=64)
    country: str | None = Field(default=None, max_length=2)
    role: str = Field(default="officer", max_length=16)
    display_name: str | None = Field(default=None, max_length=200)
    expires: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class Officer(SQLModel, table=True):
    """A Telegram account that has talked to the bot. No name or phone number is kept here."""

    __tablename__ = "officer"
    __table_args__ = (UniqueConstraint("personnel_ref", name="uq_officer_personnel_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    chosen_locale: str | None = Field(default=None, max_length=8)
    telegram_locale: str | None = Field(default=None, max_length=16)
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    last_seen_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    # The list entry this account proved to be; removing the entry ends the binding.
    personnel_ref: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("personnel.id", ondelete="SET NULL", name="fk_officer_personnel_ref"), nullable=True
        ),
    )
    verified_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    granted_role: str | None = Field(default=None, max_length=16)


class LessonProgress(SQLModel, table=True):
    """Where an officer stands in one lesson: the card last shown, and when the lesson was finished."""

    __tablename__ = "lesson_progress"
    __table_args__ = (Index("ix_lesson_progress_officer_updated", "officer_id", "updated_at"),)

    officer_id: int = Field(
        sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True)
    )
    course_id: str = Field(primary_key=True, max_length=32)
    lesson_id: str = Field(primary_key=True, max_length=32)
    card_index: int = Field(default=0, ge=0)
    completed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class Invite(SQLModel, table=True):
    """A single-use invite code for one list entry; only its keyed hash is stored."""

    __tablename__ = "invite"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    personnel_ref: int = Field(sa_column=Column(Integer, ForeignKey("personnel.id", ondelete="CASCADE"), nullable=False))
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))


class FailedAttempt(SQLModel, table=True):
    """A failed verification, counted per account for the brute-force limit."""

    __tablename__ = "failed_attempt"
    __table_args__ = (Index("ix_failed_attempt_officer_at", "officer_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=False))
    at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class AuditEntry(SQLModel, table=True):
    """Who did what, when; identifiers are keyed hashes, never clear personal data."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False, index=True))
    actor: str = Field(max_length=64)
    action: str = Field(max_length=32, index=True)
    subject: str | None = Field(default=None, max_length=64)
    detail: str = Field(default="", max_length=500)


class PendingImport(SQLModel, table=True):
    """A manager's uploaded list awaiting Confirm: the validated rows, already hashed."""

    __tablename__ = "pending_import"

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=False))
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    rows: str = Field(sa_column=Column(Text, nullable=False))
