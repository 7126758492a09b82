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
    # Since when Telegram answers 403 for this chat (blocked or deactivated); cleared when they write again.
    unreachable_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    # What the bot waits for this person to type next (a reminder time, an announcement…), or None.
    awaiting: str | None = Field(default=None, max_length=64)


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


class Attempt(SQLModel, table=True):
    """An attempt a rate limit counts (a failed verification, a certificate lookup).

    Keyed by the hashed Telegram account rather than the officer, so /deleteme does not reset a
    limit; it holds no personal data and is deleted after a day.
    """

    __tablename__ = "attempt"
    __table_args__ = (Index("ix_attempt_account_at", "account_hash", "at"), Index("ix_attempt_kind_at", "kind", "at"))

    id: int | None = Field(default=None, primary_key=True)
    account_hash: str = Field(max_length=64)
    kind: str = Field(max_length=16)
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
    """A manager's uploaded list awaiting Confirm; its entries are PendingImportRow rows."""

    __tablename__ = "pending_import"
    # Never reuse an id: a forgotten Confirm button must not apply a later upload.
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    # None while `learnbot personnel import` applies a list within one transaction.
    officer_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=True)
    )
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False, index=True))
    entries: int


class PendingImportRow(SQLModel, table=True):
    """One validated entry of a held upload, phone and email already hashed."""

    __tablename__ = "pending_import_row"

    import_id: int = Field(
        sa_column=Column(Integer, ForeignKey("pending_import.id", ondelete="CASCADE"), primary_key=True)
    )
    personnel_id: str = Field(primary_key=True, max_length=64)
    phone_hash: str | None = Field(default=None, max_length=64)
    email_hash: str | None = Field(default=None, max_length=64)
    country: str | None = Field(default=None, max_length=2)
    role: str = Field(max_length=16)
    display_name: str | None = Field(default=None, max_length=200)
    expires: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    cohorts: str | None = Field(default=None, max_length=2100)  # "A|B"; None when the list had no cohort column


class QuizAttempt(SQLModel, table=True):
    """One run through a lesson check, a final quiz or a review session."""

    __tablename__ = "quiz_attempt"
    __table_args__ = (Index("ix_quiz_attempt_officer_course", "officer_id", "course_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=False))
    kind: str = Field(max_length=8)  # lesson | final | review
    course_id: str | None = Field(default=None, max_length=32)
    lesson_id: str | None = Field(default=None, max_length=32)
    presentation: str = Field(default="inline", max_length=8)
    feedback: str = Field(default="each", max_length=8)  # each: explained after every answer; end: at the end
    question_count: int
    correct_count: int = 0
    started_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    deadline_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    passed: bool | None = None


class QuizAnswer(SQLModel, table=True):
    """One question of an attempt: its shuffled options, and the officer's answer once given."""

    __tablename__ = "quiz_answer"

    attempt_id: int = Field(
        sa_column=Column(Integer, ForeignKey("quiz_attempt.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(primary_key=True)
    course_id: str = Field(max_length=32)
    question_id: str = Field(max_length=32)
    option_order: str = Field(max_length=64)  # JSON: original option index for each displayed position
    selected: str = Field(default="[]", max_length=64)  # JSON: displayed positions ticked so far
    chosen: str | None = Field(default=None, max_length=64)  # JSON: original indexes answered
    correct: bool | None = None
    shown_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    answered_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    poll_id: str | None = Field(default=None, max_length=64, unique=True)


class ReviewCard(SQLModel, table=True):
    """A question in the officer's spaced-repetition deck (FSRS state as JSON)."""

    __tablename__ = "review_card"
    __table_args__ = (Index("ix_review_card_officer_due", "officer_id", "due"), Index("ix_review_card_due", "due"))

    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True))
    course_id: str = Field(primary_key=True, max_length=32)
    question_id: str = Field(primary_key=True, max_length=32)
    due: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    fsrs_state: str = Field(sa_column=Column(Text, nullable=False))
    reviews: int = 0
    lapses: int = 0


class Certificate(SQLModel, table=True):
    """Proof of a passed final quiz, checked by anyone with /verify CODE."""

    __tablename__ = "certificate"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True)
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=False))
    course_id: str = Field(max_length=32)
    score_percent: int
    issued_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    holder_name: str | None = Field(default=None, max_length=200)
    show_name: bool = False
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    expires_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    # When the PDF reached the officer; a failed send leaves it empty, and the bot sends it again later.
    delivered_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    revocation_reason: str | None = Field(default=None, max_length=200)


class RuntimeState(SQLModel, table=True):
    """Small counters every instance reads, e.g. the version of officers and personnel that caches follow."""

    __tablename__ = "runtime_state"

    key: str = Field(primary_key=True, max_length=32)
    value: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))


class ConsoleLink(SQLModel, table=True):
    """A one-time sign-in link to the managers' console, sent in the chat; only its keyed hash is kept."""

    __tablename__ = "console_link"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=False))
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))


class ConsoleSession(SQLModel, table=True):
    """A signed-in console browser: the cookie holds the token, the database its keyed hash."""

    __tablename__ = "console_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=False))
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    last_seen_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    ended_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    end_reason: str | None = Field(default=None, max_length=16)  # signed-out | idle | role
    locale: str | None = Field(default=None, max_length=8)
class Cohort(SQLModel, table=True):
    """A training group, e.g. "NCB Lyon — 2027 intake"; members come from the personnel list's cohort column."""

    __tablename__ = "cohort"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class CohortMember(SQLModel, table=True):
    """A list entry in a cohort."""

    __tablename__ = "cohort_member"
    __table_args__ = (Index("ix_cohort_member_personnel", "personnel_ref"),)

    cohort_id: int = Field(sa_column=Column(Integer, ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True))
    personnel_ref: int = Field(
        sa_column=Column(Integer, ForeignKey("personnel.id", ondelete="CASCADE"), primary_key=True)
    )


class Assignment(SQLModel, table=True):
    """A course a cohort must finish by a date."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("cohort_id", "course_id", name="uq_assignment_cohort_course"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(sa_column=Column(Integer, ForeignKey("cohort.id", ondelete="CASCADE"), nullable=False))
    course_id: str = Field(max_length=32)
    due_on: date = Field(sa_column=Column(Date, nullable=False))
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class Reminder(SQLModel, table=True):
    """An officer's study-reminder settings and when the next one is due (next_due_at drives the scan)."""

    __tablename__ = "reminder"
    __table_args__ = (Index("ix_reminder_next_due", "next_due_at"), Index("ix_reminder_nudge_at", "nudge_at"))

    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True))
    enabled: bool = True
    at_minute: int = Field(default=18 * 60, ge=0, lt=24 * 60)  # local time, minutes after midnight
    time_zone: str = Field(default="UTC", max_length=64)
    quiet_start: int | None = Field(default=None, ge=0, lt=24 * 60)
    quiet_end: int | None = Field(default=None, ge=0, lt=24 * 60)
    review_nudges: bool = False
    paused_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    interval_days: int = Field(default=1, ge=1)
    ignored: int = 0  # reminders in a row after which the officer did not study
    last_day: date | None = Field(default=None, sa_column=Column(Date, nullable=True))  # local day last handled
    due_day: date | None = Field(default=None, sa_column=Column(Date, nullable=True))  # local day of next_due_at
    last_sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    next_due_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    nudge_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    claim: str | None = Field(default=None, max_length=32)  # the dispatcher run that holds it (see services/claims.py)
    introduced: bool = False  # the officer has been told reminders exist and how to change them


class Announcement(SQLModel, table=True):
    """A course manager's message to many officers: draft, approval, schedule, delivery and report."""

    __tablename__ = "announcement"
    __table_args__ = (Index("ix_announcement_status_starts", "status", "starts_at"),)

    id: int | None = Field(default=None, primary_key=True)
    author_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("officer.id", ondelete="SET NULL"), nullable=True)
    )
    status: str = Field(default="draft", max_length=16)
    body: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))  # Telegram HTML
    media_kind: str | None = Field(default=None, max_length=8)  # photo | document
    media_file_id: str | None = Field(default=None, max_length=200)
    audience: str = Field(default="{}", max_length=500)  # JSON filters, see services/audience.py
    acknowledge: bool = False
    recipients: int = 0
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    starts_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    requested_by: str | None = Field(default=None, max_length=64)
    approved_by: str | None = Field(default=None, max_length=64)
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    reported_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))


class Delivery(SQLModel, table=True):
    """One recipient's copy of an announcement; (status, due_at) drives the scan."""

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("announcement_id", "officer_id", name="uq_delivery_announcement_officer"),
        Index("ix_delivery_status_due", "status", "due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    announcement_id: int = Field(
        sa_column=Column(Integer, ForeignKey("announcement.id", ondelete="CASCADE"), nullable=False)
    )
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="CASCADE"), nullable=False))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    locale: str = Field(default="en", max_length=8)
    status: str = Field(default="queued", max_length=12)
    due_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    claim: str | None = Field(default=None, max_length=32)
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    error: str | None = Field(default=None, max_length=200)
    acknowledged_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
