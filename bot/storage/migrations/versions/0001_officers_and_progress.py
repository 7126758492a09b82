"""Officers and lesson progress.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "officer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("telegram_id", sa.BigInteger(), nullable=False, unique=True),
        sa.Column("chosen_locale", sa.String(length=8), nullable=True),
        sa.Column("telegram_locale", sa.String(length=16), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "lesson_progress",
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("course_id", sa.String(length=32), primary_key=True),
        sa.Column("lesson_id", sa.String(length=32), primary_key=True),
        sa.Column("card_index", sa.Integer(), nullable=False),
        sa.Column("completed_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_lesson_progress_officer_updated", "lesson_progress", ["officer_id", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_lesson_progress_officer_updated", table_name="lesson_progress")
    op.drop_table("lesson_progress")
    op.drop_table("officer")
