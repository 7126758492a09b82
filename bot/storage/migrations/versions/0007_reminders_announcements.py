"""Cohorts and assignments, study reminders, announcements with one delivery row per recipient.

Revision ID: 0007
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0007"
down_revision = "0008"
branch_labels = None
depends_on = None


def _officer(column: str = "officer_id", **options: object) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(column, sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), **options)


def upgrade() -> None:
    with op.batch_alter_table("officer") as batch:
        batch.add_column(sa.Column("awaiting", sa.String(length=64), nullable=True))
    # A held list upload keeps each entry's cohorts ("A|B"; empty when the list had no cohort column).
    with op.batch_alter_table("pending_import_row") as batch:
        batch.add_column(sa.Column("cohorts", sa.String(length=2100), nullable=True))
    op.create_index("ix_review_card_due", "review_card", ["due"])
    op.create_table(
        "cohort",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=100), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "cohort_member",
        sa.Column("cohort_id", sa.Integer(), sa.ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("personnel_ref", sa.Integer(), sa.ForeignKey("personnel.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_cohort_member_personnel", "cohort_member", ["personnel_ref"])
    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cohort_id", sa.Integer(), sa.ForeignKey("cohort.id", ondelete="CASCADE"), nullable=False),
        sa.Column("course_id", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("cohort_id", "course_id", name="uq_assignment_cohort_course"),
    )
    op.create_table(
        "reminder",
        _officer(primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("at_minute", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("quiet_start", sa.Integer(), nullable=True),
        sa.Column("quiet_end", sa.Integer(), nullable=True),
        sa.Column("review_nudges", sa.Boolean(), nullable=False),
        sa.Column("paused_until", UTCDateTime(), nullable=True),
        sa.Column("interval_days", sa.Integer(), nullable=False),
        sa.Column("ignored", sa.Integer(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.Column("due_day", sa.Date(), nullable=True),
        sa.Column("last_sent_at", UTCDateTime(), nullable=True),
        sa.Column("next_due_at", UTCDateTime(), nullable=True),
        sa.Column("nudge_at", UTCDateTime(), nullable=True),
        sa.Column("claim", sa.String(length=32), nullable=True),
        sa.Column("introduced", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_reminder_next_due", "reminder", ["next_due_at"])
    op.create_index("ix_reminder_nudge_at", "reminder", ["nudge_at"])
    # Review cards that fell due up to this instant (UTC seconds) have been looked at for nudges.
    op.execute("INSERT INTO runtime_state (key, value) VALUES ('review_nudges', 0)")
    op.create_table(
        "announcement",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="SET NULL"), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column("media_kind", sa.String(length=8), nullable=True),
        sa.Column("media_file_id", sa.String(length=200), nullable=True),
        sa.Column("audience", sa.String(length=500), nullable=False),
        sa.Column("acknowledge", sa.Boolean(), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=True),
        sa.Column("requested_by", sa.String(length=64), nullable=True),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("reported_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_announcement_status_starts", "announcement", ["status", "starts_at"])
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("announcement_id", sa.Integer(), sa.ForeignKey("announcement.id", ondelete="CASCADE"),
                  nullable=False),
        _officer(nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.UniqueConstraint("announcement_id", "officer_id", name="uq_delivery_announcement_officer"),
    )
    op.create_index("ix_delivery_status_due", "delivery", ["status", "due_at"])


def downgrade() -> None:
    op.drop_table("delivery")
    op.drop_table("announcement")
    op.drop_table("reminder")
    op.execute("DELETE FROM runtime_state WHERE key = 'review_nudges'")
    op.drop_table("assignment")
    op.drop_table("cohort_member")
    op.drop_table("cohort")
    op.drop_index("ix_review_card_due", table_name="review_card")
    with op.batch_alter_table("officer") as batch:
        batch.drop_column("awaiting")
    with op.batch_alter_table("pending_import_row") as batch:
        batch.drop_column("cohorts")
