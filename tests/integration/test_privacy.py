"""Officers see and delete what is stored about them; no clear phone number or email is kept or logged."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from bot.content import load_catalogue
from bot.logs import hold_back_library_loggers
from bot.sandbox import BotApiSandbox, SandboxMessage
from bot.services.audience import Audience
from bot.services.personal_data import section_of
from tests.integration.conftest import (
    I18N,
    LISTED,
    MANAGERS,
    open_course,
    personnel_csv,
    phone_of,
    quiz_content,
    settle,
    starter_course,
    verify,
)
from tests.integration.quiz_support import begin_final, run_quiz
from tests.integration.test_announcements import announce
from tests.support.console import ConsoleClient, link_from_chat

T = I18N.translator("en")
COURSE = starter_course()
QUIZ_COURSE = load_catalogue(quiz_content()).courses[0]


def document_bytes(sandbox: BotApiSandbox, message: SandboxMessage) -> bytes:
    assert message.document is not None
    return sandbox.bot_state().files[message.document["file_id"]].content


async def test_mydata_sends_everything_stored_and_no_phone(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=5005, language_code="fr")
    await verify(user)
    await open_course(user, COURSE, "fr")
    await user.press(I18N.format("fr", "course-start"))
    await user.wait_reply()
    await user.send("/mydata")
    reply = await user.wait_reply()
    assert reply.document is not None and reply.document["file_name"] == "learnbot-my-data.json"
    raw = document_bytes(sandbox, reply)
    data = json.loads(raw)
    assert data["account"]["telegram_user_id"] == 5005
    assert data["account"]["language_reported_by_telegram"] == "fr"
    assert data["verification"]["personnel_id"] == "P-5005"
    assert data["verification"]["display_name"] == "Officer 5005"
    assert data["lesson_progress"][0]["course_id"] == COURSE.id
    assert [entry["action"] for entry in data["audit_entries_about_you"]] == ["verify.ok"]
    assert phone_of(5005)[1:].encode() not in raw and b"officer5005@" not in raw


async def test_deleteme_erases_account_after_confirmation(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=5006, language_code="en")
    await verify(user)
    await user.send("/deleteme")
    question = await user.wait_reply()
    assert question.text == T("deleteme-confirm")
    await user.press(T("deleteme-no"))
    assert (await user.wait_reply()).text == T("deleteme-kept")
    await user.send("/deleteme")
    await user.wait_reply()
    await user.press(T("deleteme-yes"))
    assert (await user.wait_reply()).text == T("deleteme-done")
    await settle(bot)
    await user.send("/mydata")
    data = json.loads(document_bytes(sandbox, await user.wait_reply()))
    assert data["verification"] is None and data["lesson_progress"] == []
    actions = [entry["action"] for entry in data["audit_entries_about_you"]]
    assert actions == ["verify.ok", "account.delete"], "only the audit, keyed by a hash, remains"
    await user.send("/courses")
    assert (await user.wait_reply()).text == T("verify-needed"), "deleting the account ends the verification"


@pytest.fixture
def restore_logger_levels():
    names = ("httpx", "telegram")
    levels = {name: logging.getLogger(name).level for name in names}
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


async def test_no_clear_phone_or_email_in_logs_or_database(
    bot, sandbox: BotApiSandbox, settings, caplog, restore_logger_levels
) -> None:
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite":
        pytest.skip("the database file is scanned on SQLite")
    caplog.set_level(logging.DEBUG)
    hold_back_library_loggers("DEBUG")  # as `learnbot run` does; our own code logs at DEBUG
    manager = sandbox.user(user_id=MANAGERS[0], language_code="en")
    await verify(manager)
    await manager.send_document(file_name="list.csv", content=personnel_csv(LISTED, MANAGERS), mime_type="text/csv")
    await manager.wait_reply()
    await manager.press(T("import-confirm"))
    await manager.wait_reply()
    for user_id in (5007, 5008):
        user = sandbox.user(user_id=user_id, language_code="en")
        await verify(user)
    stranger = sandbox.user(user_id=7010, language_code="en")
    await stranger.send_contact(phone_number=phone_of(5009), user_id=5009)
    await stranger.wait_reply()
    await settle(bot)
    await bot.services.engine.dispose()  # flush SQLite's write-ahead log into the file

    database = Path(url.database or "").read_bytes()
    for extra in ("-wal", "-shm"):
        wal = Path(f"{url.database}{extra}")
        database += wal.read_bytes() if wal.exists() else b""
    logs = "\n".join(record.getMessage() for record in caplog.records)
    for user_id in LISTED:
        phone = phone_of(user_id)
        for form in (phone, phone[1:], phone[3:]):
            assert form.encode() not in database, f"clear phone number {form} stored"
            assert form not in logs, f"clear phone number {form} logged"
        email = f"officer{user_id}@police.example"
        assert email.encode() not in database and email not in logs


def tables_about_officers() -> set[str]:
    """Every table whose rows point at an officer, directly or through another such table (from the models)."""
    found: set[str] = set()
    targets = {"officer"}
    while targets:
        targets = {
            table.name for table in SQLModel.metadata.sorted_tables
            if table.name not in found and any(fk.column.table.name in targets for fk in table.foreign_keys)
        } - {"officer"}
        found |= targets
    return found


async def test_mydata_holds_every_row_of_every_table_about_the_officer(run_seeded_bot, sandbox: BotApiSandbox) -> None:
    async with run_seeded_bot(quiz_content(), web_port=0) as bot:
        manager = sandbox.user(user_id=MANAGERS[0], language_code="en")
        await verify(manager)
        console = ConsoleClient(bot)  # a console sign-in link, used: a session
        try:
            assert (await console.sign_in(await link_from_chat(manager))).status == 200
        finally:
            await console.close()
        await open_course(manager, QUIZ_COURSE)
        await manager.press(T("course-start"))
        await manager.wait_reply()
        await begin_final(manager)
        run = await run_quiz(manager, right=True)
        assert T("quiz-passed") in run.result.text
        [certificate] = run.documents
        code = certificate.document["file_name"].removeprefix("certificate-").removesuffix(".pdf")
        await manager.send_document(file_name="list.csv", content=personnel_csv(LISTED, MANAGERS))
        await manager.wait_reply()  # held, never confirmed
        other = sandbox.user(user_id=MANAGERS[1], language_code="en")
        await verify(other)
        await settle(bot)
        # An announcement the manager wrote, and one another manager sent to them (a delivery row).
        await announce(bot.services, "Draft that stays a draft", author=MANAGERS[0], send=False)
        await announce(bot.services, "Class on Monday", Audience(language="en"), author=MANAGERS[1])
        await bot.runtime.ticks.run_now("announcements")
        assert (await manager.wait_reply(timeout=10)).text.endswith("Class on Monday")
        await settle(bot)
        await manager.send("/mydata")
        data = json.loads(document_bytes(sandbox, await manager.wait_reply()))

    for table in tables_about_officers():
        assert data.get(section_of(table)), f"/mydata leaves out {table}"
    [attempt] = [row for row in data[section_of("quiz_attempt")] if row["kind"] == "final"]
    answers = [row for row in data[section_of("quiz_answer")] if row["attempt_id"] == attempt["id"]]
    assert len(answers) == attempt["question_count"] == attempt["correct_count"]
    assert {row["question_id"] for row in data[section_of("review_card")]} >= {row["question_id"] for row in answers}
    [held] = [row for row in data[section_of("certificate")] if row["code"] == code]
    assert (held["holder_name"], held["show_name"], held["score_percent"]) == (f"Officer {MANAGERS[0]}", False, 100)
    [upload] = data[section_of("pending_import")]
    assert upload["entries"] == len(LISTED)
    assert "P-5001" not in json.dumps(data), "an upload's entries describe other people: counted, not listed"
