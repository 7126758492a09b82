"""Hardening: rate-limit attempts keyed by the hashed account (they survive /deleteme).

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01

The old failed_attempt rows (keyed by officer) only mattered for an hour and cannot be re-keyed
without the secret key, so they are dropped.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_failed_attempt_officer_at", table_name="failed_attempt")
    op.drop_table("failed_attempt")
    op.create_table(
        "attempt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_attempt_account_at", "attempt", ["account_hash", "at"])
    op.create_index("ix_attempt_kind_at", "attempt", ["kind", "at"])


def downgrade() -> None:
    op.drop_index("ix_attempt_kind_at", table_name="attempt")
    op.drop_index("ix_attempt_account_at", table_name="attempt")
    op.drop_table("attempt")
    op.create_table(
        "failed_attempt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_failed_attempt_officer_at", "failed_attempt", ["officer_id", "at"])
