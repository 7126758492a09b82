"""Feedback mode of a quiz attempt; certificate expiry and delivery.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quiz_attempt") as table:
        table.add_column(sa.Column("feedback", sa.String(length=8), nullable=False, server_default="each"))
    with op.batch_alter_table("certificate") as table:
        table.add_column(sa.Column("expires_at", UTCDateTime(), nullable=True))
        table.add_column(sa.Column("delivered_at", UTCDateTime(), nullable=True))
    # Certificates issued before delivery was recorded were sent with the result: count them as delivered.
    op.execute("UPDATE certificate SET delivered_at = issued_at")


def downgrade() -> None:
    with op.batch_alter_table("certificate") as table:
        table.drop_column("delivered_at")
        table.drop_column("expires_at")
    with op.batch_alter_table("quiz_attempt") as table:
        table.drop_column("feedback")
