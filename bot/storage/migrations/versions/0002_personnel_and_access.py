"""Approved-personnel list, verification, invites, failed attempts, audit log, pending imports.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personnel",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("personnel_id", sa.String(length=64), nullable=False, unique=True),
        sa.Column("phone_hash", sa.String(length=64), nullable=True),
        sa.Column("email_hash", sa.String(length=64), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("expires", sa.Date(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_personnel_phone_hash", "personnel", ["phone_hash"])
    with op.batch_alter_table("officer") as batch:
        batch.add_column(sa.Column("personnel_ref", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("verified_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("granted_role", sa.String(length=16), nullable=True))
        batch.create_foreign_key("fk_officer_personnel_ref", "personnel", ["personnel_ref"], ["id"], ondelete="SET NULL")
        batch.create_unique_constraint("uq_officer_personnel_ref", ["personnel_ref"])
    op.create_table(
        "invite",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code_hash", sa.String(length=64), nullable=False, unique=True),
        sa.Column("personnel_ref", sa.Integer(), sa.ForeignKey("personnel.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
    )
    op.create_table(
        "failed_attempt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_failed_attempt_officer_at", "failed_attempt", ["officer_id", "at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.String(length=500), nullable=False),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    op.create_table(
        "pending_import",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pending_import")
    op.drop_index("ix_audit_log_action", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_failed_attempt_officer_at", table_name="failed_attempt")
    op.drop_table("failed_attempt")
    op.drop_table("invite")
    with op.batch_alter_table("officer") as batch:
        batch.drop_constraint("uq_officer_personnel_ref", type_="unique")
        batch.drop_constraint("fk_officer_personnel_ref", type_="foreignkey")
        batch.drop_column("granted_role")
        batch.drop_column("verified_at")
        batch.drop_column("personnel_ref")
    op.drop_index("ix_personnel_phone_hash", table_name="personnel")
    op.drop_table("personnel")
