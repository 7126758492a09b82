"""Who may do what changes rarely: sessions notice it and bump a shared version that caches follow.

Every session made by `tracked_sessions` watches its flushes and bulk statements. When officers or
the personnel list change in a way that matters to access (anything but last-seen times and the
language Telegram reports), the commit also increments `runtime_state.officer_epoch` in the same
transaction, and after the commit tells this process which officers to forget (or all of them).
Other instances read the counter every second and forget everything when it moved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event, inspect, update
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.orm import ORMExecuteState, Session
from sqlmodel import Session as SQLModelSession
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import Officer, Personnel, RuntimeState

OFFICER_EPOCH = "officer_epoch"
# Written often and irrelevant to access decisions: they never invalidate a cache.
QUIET_OFFICER_COLUMNS = frozenset({"last_seen_at", "telegram_locale"})
WATCHED_TABLES = frozenset({Officer.__tablename__, Personnel.__tablename__})
EVERYONE = "everyone"
_CHANGED = "learnbot.changed_officers"
_LISTENER = "learnbot.on_officers_changed"

# Called after a commit with the Telegram ids of the officers that changed (or EVERYONE) and the
# shared version that commit wrote; after a rollback with EVERYONE and None.
ChangeListener = Callable[[set[int] | str, int | None], None]
_EPOCH_WRITTEN = "learnbot.epoch_written"


class TrackedSession(SQLModelSession):
    """SQLModel's session (so .exec works) with the change tracking below."""


def tracked_sessions(engine: AsyncEngine, on_change: ChangeListener | None = None) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit and report access-relevant changes."""
    return async_sessionmaker(engine, class_=AsyncSession, sync_session_class=TrackedSession,
                              expire_on_commit=False, info={_LISTENER: on_change})


async def read_epoch(session: AsyncSession) -> int:
    """The shared version of officers and personnel."""
    value = (await session.exec(select(RuntimeState.value).where(RuntimeState.key == OFFICER_EPOCH))).first()
    return int(value or 0)


def _note(session: Session, telegram_ids: set[int] | str) -> None:
    current = session.info.get(_CHANGED)
    if current == EVERYONE or telegram_ids == EVERYONE:
        session.info[_CHANGED] = EVERYONE
    else:
        session.info[_CHANGED] = (current or set()) | telegram_ids  # type: ignore[operator]


def _loud_officer_change(officer: Officer) -> bool:
    state = inspect(officer)
    changed = {attr.key for attr in state.attrs if attr.history.has_changes()}
    return bool(changed - QUIET_OFFICER_COLUMNS)


@event.listens_for(TrackedSession, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    for instance in [*session.new, *session.deleted]:
        if isinstance(instance, Personnel):
            _note(session, EVERYONE)
        elif isinstance(instance, Officer):
            _note(session, {instance.telegram_id})
    for instance in session.dirty:
        if isinstance(instance, Personnel) and session.is_modified(instance):
            _note(session, EVERYONE)
        elif isinstance(instance, Officer) and _loud_officer_change(instance):
            _note(session, {instance.telegram_id})


@event.listens_for(TrackedSession, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    # Bulk INSERT/UPDATE/DELETE bypass the flush; any of them on the watched tables counts.
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", None) in WATCHED_TABLES:
            _note(state.session, EVERYONE)


@event.listens_for(TrackedSession, "before_commit")
def _bump_epoch(session: Session) -> None:
    session.flush()  # the commit would flush after this hook; changes must be seen before deciding
    if session.info.get(_CHANGED):
        bump = (update(RuntimeState).where(RuntimeState.key == OFFICER_EPOCH)  # type: ignore[arg-type]
                .values(value=RuntimeState.value + 1).returning(RuntimeState.value))
        session.info[_EPOCH_WRITTEN] = session.execute(bump).scalar_one()


@event.listens_for(TrackedSession, "after_commit")
def _tell_listener(session: Session) -> None:
    changed = session.info.pop(_CHANGED, None)
    epoch = session.info.pop(_EPOCH_WRITTEN, None)
    listener = session.info.get(_LISTENER)
    if changed and listener is not None:
        listener(changed, epoch)


@event.listens_for(TrackedSession, "after_rollback")
def _forget_on_rollback(session: Session) -> None:
    # A rollback expires every object of the session, cached officers included: they must be reloaded.
    session.info.pop(_CHANGED, None)
    session.info.pop(_EPOCH_WRITTEN, None)
    listener = session.info.get(_LISTENER)
    if listener is not None:
        listener(EVERYONE, None)
