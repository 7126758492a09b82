"""Claiming due rows (reminders, announcement copies) so that each is sent once, with several instances.

Choice: row locks, `SELECT … FOR UPDATE SKIP LOCKED`, on PostgreSQL. Each instance takes the due rows
no other transaction holds, in due order, and in the same short transaction turns them into claims:
a random claim token, and the due column moved `lease` seconds ahead. The claims are committed before
anything is sent, so no transaction stays open across a Bot API call and the other instances move on
to other rows. (An advisory lock would serialise the instances instead of letting them share the work.)

Just before a message leaves, its claim is confirmed with a conditional UPDATE (… WHERE claim =
token): if the lease ran out and another instance claimed the row meanwhile, the confirmation fails
and the first instance does not send. A claim whose instance died is picked up again when its lease
runs out: nothing claimed is lost, and nothing confirmed is sent twice.

SQLite renders no FOR UPDATE; one instance at a time is assumed there (the lifecycle says so at start).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement
from sqlmodel import SQLModel, select
from sqlmodel.sql.expression import SelectOfScalar

Row = TypeVar("Row", bound=SQLModel)


def new_claim() -> str:
    """A token naming one dispatcher run's claims."""
    return secrets.token_hex(8)


def due_rows(model: type[Row], due: Any, now: datetime, limit: int, *where: ColumnElement[bool]) -> SelectOfScalar[Row]:
    """The oldest due rows (then in key order) that no other instance is claiming right now (locked until commit)."""
    key = model.__table__.primary_key.columns  # type: ignore[attr-defined]
    return (select(model).where(due <= now, *where).order_by(due, *key).limit(limit)
            .with_for_update(skip_locked=True, of=model))  # type: ignore[arg-type]
