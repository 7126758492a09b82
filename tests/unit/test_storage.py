"""Migrations and models agree, on SQLite and PostgreSQL; the schema upgrade is idempotent."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from bot.storage.database import create_engine, current_revision, head_revision, shipped_head, upgrade_database


async def test_upgrade_reaches_head_twice_and_matches_models(empty_database_url: str) -> None:
    engine = create_engine(empty_database_url)
    try:
        assert await current_revision(engine) is None
        await upgrade_database(engine)
        await upgrade_database(engine)
        assert await current_revision(engine) == head_revision() == shipped_head()
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), SQLModel.metadata)
            )
        assert diff == []
    finally:
        await engine.dispose()
