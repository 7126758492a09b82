"""SQLModel tables. The schema itself is owned by the Alembic migrations in migrations/versions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel

from bot.storage.types import UTCDateTime


class Officer(SQLModel, table=True):
    """A Telegram account that has talked to the bot. No name or phone number is kept here."""

    __tablename__ = "officer"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    chosen_locale: str | None = Field(default=None, max_length=8)
    telegram_locale: str | None = Field(default=None, max_length=16)
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    last_seen_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


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
