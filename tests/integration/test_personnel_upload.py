"""A manager's list upload that is malformed, huge or forgotten: clear answers, and nobody else waits."""

from __future__ import annotations

import csv

from bot.sandbox import BotApiSandbox
from tests.integration.conftest import I18N, MANAGERS, verify

T = I18N.translator("en")
MANAGER = MANAGERS[0]


async def test_a_cell_over_the_csv_field_limit_is_answered_with_its_line(bot, sandbox: BotApiSandbox) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    content = b"personnel_id,display_name\nP-5010,Manager\nP-5011," + b"x" * 200_000 + b"\n"
    await manager.send_document(file_name="list.csv", content=content, mime_type="text/csv")
    reply = await manager.wait_reply()
    assert reply.text.splitlines() == [
        T("import-rejected", count=1), f"line 3: cell too long (max {csv.field_size_limit()} characters)"
    ]
