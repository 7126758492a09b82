"""Hardening: rate-limit attempts keyed by the hashed account; held list uploads one row per entry.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

The old failed_attempt rows (keyed by officer) only mattered for an hour and cannot be re-keyed
without the secret key, so they are dropped; so are uploads awaiting Confirm (one JSON blob each):
their managers upload them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0005"
down_revision = "0004"
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
    op.drop_table("pending_import")
    op.create_table(
        "pending_import",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sqlite_autoincrement=True,  # never reuse an id: a forgotten Confirm button must not apply a later upload
    )
    op.create_index("ix_pending_import_created_at", "pending_import", ["created_at"])
    op.create_table(
        "pending_import_row",
        sa.Column("import_id", sa.Integer(), sa.ForeignKey("pending_import.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("personnel_id", sa.String(length=64), primary_key=True),
        sa.Column("phone_hash", sa.String(length=64), nullable=True),
        sa.Column("email_hash", sa.String(length=64), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("expires", sa.Date(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("pending_import_row")
    op.drop_index("ix_pending_import_created_at", table_name="pending_import")
    op.drop_table("pending_import")
    op.create_table(
        "pending_import",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
    )
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
