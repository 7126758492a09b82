"""`learnbot run` at DEBUG with JSON logs, as an operator runs it: one JSON object per line, and not one
phone number, email, name or personnel id through verifications and a personnel import."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from bot.sandbox import BotApiSandbox
from tests.integration.conftest import I18N, LISTED, MANAGERS, journey_content, personnel_csv, phone_of
from tests.integration.test_backup import learnbot_run
from tests.integration.test_cli_run import environment

T = I18N.translator("en")
NEWCOMER = 6100  # added by the import made in the chat


def personal_data(user_ids: list[int]) -> list[str]:
    """Everything the list and Telegram know about these people, in the forms a log could show it."""
    found = []
    for user_id in user_ids:
        phone = phone_of(user_id)
        found += [phone, phone[1:], "0" + phone[3:], f"officer{user_id}@police.example",
                  f"Officer {user_id}", f"P-{user_id}"]
    return found + ["Amina", "Haddad"]


async def test_debug_json_logs_hold_no_personal_data(sandbox: BotApiSandbox, tmp_path: Path) -> None:
    env = environment(sandbox, tmp_path, journey_content()) | {"LEARNBOT_LOG_LEVEL": "DEBUG",
                                                                "LEARNBOT_LOG_FORMAT": "json"}
    first_list = tmp_path / "personnel.csv"
    first_list.write_bytes(personnel_csv(LISTED, MANAGERS))
    imported = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "personnel", "import", str(first_list), env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, import_errors = await asyncio.wait_for(imported.communicate(), timeout=60)
    assert imported.returncode == 0, import_errors.decode()

    log_file = tmp_path / "run.log"
    with log_file.open("wb") as output:
        async with learnbot_run(env, stdout=output, stderr=output):
            manager = sandbox.user(user_id=MANAGERS[0], language_code="en", first_name="Amina", last_name="Haddad")
            await manager.send_contact(phone_number=phone_of(manager.id).lstrip("+"), user_id=manager.id)
            assert (await manager.wait_reply(timeout=30)).text == T("verify-success")
            await manager.wait_reply()
            await manager.send_document(file_name="list.csv", content=personnel_csv([*LISTED, NEWCOMER], MANAGERS),
                                        mime_type="text/csv")
            await manager.wait_reply(timeout=10)
            await manager.press(T("import-confirm"))
            done = await manager.wait_reply(timeout=10)
            assert done.text == T("import-done", added=1, updated=0, removed=0, unchanged=len(LISTED))
            officer = sandbox.user(user_id=NEWCOMER, language_code="en")
            await officer.send_contact(phone_number=phone_of(NEWCOMER), user_id=NEWCOMER)
            assert (await officer.wait_reply(timeout=10)).text == T("verify-success")
            stranger = sandbox.user(user_id=7020, language_code="en")
            await stranger.send_contact(phone_number=phone_of(LISTED[0]).lstrip("+"), user_id=LISTED[0])
            await stranger.wait_reply(timeout=10)

    lines = log_file.read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in entries)
    assert any(entry["level"] == "DEBUG" for entry in entries), "the run logged at DEBUG"
    captured = "\n".join(lines) + import_errors.decode()
    for value in personal_data([*LISTED, NEWCOMER]):
        assert value not in captured, f"{value!r} reached the logs"
