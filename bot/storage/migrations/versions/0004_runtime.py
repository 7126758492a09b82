"""Runtime: unreachable officers, and the shared version counter that in-memory caches follow.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officer") as batch:
        batch.add_column(sa.Column("unreachable_at", UTCDateTime(), nullable=True))
    op.create_table(
        "runtime_state",
        sa.Column("key", sa.String(length=32), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.execute("INSERT INTO runtime_state (key, value) VALUES ('officer_epoch', 0)")


def downgrade() -> None:
    op.drop_table("runtime_state")
    with op.batch_alter_table("officer") as batch:
        batch.drop_column("unreachable_at")
