"""`learnbot demo`: the real bot against the local sandbox, on SQLite in a temporary folder.

The person at the terminal plays an officer: typed text is sent as a message, a number presses
that button of the latest message carrying buttons, and every message or edit the bot makes is
printed with its numbered buttons.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import sys
import tempfile
import time
from pathlib import Path

from bot.app import build_application
from bot.content import ContentError
from bot.context import LearnbotApplication
from bot.lifecycle import running
from bot.sandbox import BotApiSandbox, SandboxMessage, SandboxUser
from bot.services.personnel import parse_personnel_csv
from bot.settings import load_settings
from bot.storage.database import UnitOfWork

DEMO_USER_ID = 100001
DEMO_PHONE = "+33610100001"
PROMPT = "you> "
CONTACT_KEY = "c"


async def run_demo(language_code: str = "en", *, stdin: asyncio.StreamReader | None = None) -> int:
    """Start the sandbox and the bot, then chat until end of input or 'quit'."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="learnbot-demo-") as folder:
        async with BotApiSandbox() as sandbox:
            token = sandbox.register_bot(username="learnbot_demo_bot", first_name="learnbot")
            settings = load_settings(
                token=token,
                api_base_url=sandbox.base_url,
                api_base_file_url=sandbox.base_file_url,
                database_url=f"sqlite+aiosqlite:///{Path(folder) / 'demo.sqlite3'}",
                secret_key=secrets.token_urlsafe(48),
            )
            try:
                application = build_application(settings)
            except ContentError as error:
                print(f"learnbot: the content has problems:\n{error}", file=sys.stderr)
                return 1
            async with running(application, polling_timeout=1):
                await _seed_demo_list(application)
                user = sandbox.user(user_id=DEMO_USER_ID, language_code=language_code, first_name="Demo")
                print("learnbot demo: type a message, a number to press that button, "
                      f"'{CONTACT_KEY}' to share your phone number when asked, 'quit' to leave.")
                print(f"(you are {DEMO_USER_ID}, phone {DEMO_PHONE}, a course manager on the demo's approved list)")
                await user.send("/start")
                reply = await user.wait_reply(timeout=10)
                _print_message(reply, edited=False)
                print(f"(first reply after {time.perf_counter() - started:.2f} s)")
                await _chat(user, stdin or await _stdin_reader())
    return 0


async def _seed_demo_list(application: LearnbotApplication) -> None:
    """The demo's approved-personnel list: the person at the terminal, as a course manager."""
    services = application.services
    csv_data = f"personnel_id,phone,country,role,display_name\nDEMO-1,{DEMO_PHONE},FR,manager,Demo Officer\n"
    rows, problems = parse_personnel_csv(csv_data.encode(), services.hasher)
    assert not problems, problems
    unit = UnitOfWork(services.sessions)
    await services.personnel.replace(unit.session, rows)
    await unit.finish()


async def _stdin_reader() -> asyncio.StreamReader:
    reader = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader


async def _chat(user: SandboxUser, reader: asyncio.StreamReader) -> None:
    printer = asyncio.create_task(_print_events(user))
    try:
        while True:
            print(PROMPT, end="", flush=True)
            line = (await reader.readline()).decode("utf-8", "replace")
            if not line or line.strip().lower() in {"quit", "exit"}:
                print()
                return
            await _act(user, line.strip())
            await asyncio.sleep(0.3)  # let the bot's answer print before the next prompt
    finally:
        printer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await printer


async def _act(user: SandboxUser, line: str) -> None:
    if not line:
        return
    if line.lower() == CONTACT_KEY:
        await user.send_contact(phone_number=DEMO_PHONE, first_name="Demo", user_id=user.id)
        return
    latest = next((m for m in reversed(user.messages) if m.button_labels()), None)
    if line.isdigit() and latest is not None:
        labels = latest.button_labels()
        index = int(line) - 1
        if not 0 <= index < len(labels):
            print(f"(no button {line}; choose 1–{len(labels)})")
            return
        answer = await user.press(labels[index])
        if answer.text:
            print(f"  [{answer.text}]")
        return
    await user.send(line)


async def _print_events(user: SandboxUser) -> None:
    while True:
        try:
            event = await user.next_event(timeout=3600)
        except TimeoutError:
            continue
        if event.kind in {"message", "edit"} and event.message is not None:
            print()
            _print_message(event.message, edited=event.kind == "edit")


def _print_message(message: SandboxMessage, *, edited: bool) -> None:
    print("bot (edited)>" if edited else "bot>")
    for line in (message.text or "").splitlines():
        print(f"  {line}")
    number = 0
    for row in message.inline_buttons:
        cells = []
        for button in row:
            number += 1
            cells.append(f"[{number}] {button['text']}")
        print("  " + "   ".join(cells))
    for row in message.reply_keyboard or []:
        for button in row:
            key = CONTACT_KEY if button.get("request_contact") else "type"
            print(f"  [{key}] {button['text']}")
    if message.document:
        print(f"  (file: {message.document.get('file_name', 'document')})")
