"""Quiz attempts and answers, spaced-review cards, certificates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quiz_attempt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("course_id", sa.String(length=32), nullable=True),
        sa.Column("lesson_id", sa.String(length=32), nullable=True),
        sa.Column("presentation", sa.String(length=8), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("correct_count", sa.Integer(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("deadline_at", UTCDateTime(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
    )
    op.create_index("ix_quiz_attempt_officer_course", "quiz_attempt", ["officer_id", "course_id", "kind"])
    op.create_table(
        "quiz_answer",
        sa.Column("attempt_id", sa.Integer(), sa.ForeignKey("quiz_attempt.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("course_id", sa.String(length=32), nullable=False),
        sa.Column("question_id", sa.String(length=32), nullable=False),
        sa.Column("option_order", sa.String(length=64), nullable=False),
        sa.Column("selected", sa.String(length=64), nullable=False),
        sa.Column("chosen", sa.String(length=64), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.Column("shown_at", UTCDateTime(), nullable=True),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.Column("poll_id", sa.String(length=64), nullable=True, unique=True),
    )
    op.create_table(
        "review_card",
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("course_id", sa.String(length=32), primary_key=True),
        sa.Column("question_id", sa.String(length=32), primary_key=True),
        sa.Column("due", UTCDateTime(), nullable=False),
        sa.Column("fsrs_state", sa.Text(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
    )
    op.create_index("ix_review_card_officer_due", "review_card", ["officer_id", "due"])
    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=16), nullable=False, unique=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("course_id", sa.String(length=32), nullable=False),
        sa.Column("score_percent", sa.Integer(), nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=False),
        sa.Column("holder_name", sa.String(length=200), nullable=True),
        sa.Column("show_name", sa.Boolean(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("certificate")
    op.drop_index("ix_review_card_officer_due", table_name="review_card")
    op.drop_table("review_card")
    op.drop_table("quiz_answer")
    op.drop_index("ix_quiz_attempt_officer_course", table_name="quiz_attempt")
    op.drop_table("quiz_attempt")
