"""`learnbot demo`: the real bot against the local sandbox, on SQLite in a temporary folder.

The person at the terminal plays an officer: typed text is sent as a message, a number presses
that button of the latest text message carrying buttons ("f" and a number: of the latest file),
and every message or edit the bot makes is printed as Telegram would show it: bold and italic as
terminal styles, buttons numbered, files saved under var/demo/ with their path and caption.
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
from bot.settings import PROJECT_ROOT, load_settings
from bot.storage.database import UnitOfWork

DEMO_USER_ID = 100001
DEMO_PHONE = "+33610100001"
PROMPT = "you> "
CONTACT_KEY = "c"
FILE_KEY = "f"
FILES_DIR = PROJECT_ROOT / "var" / "demo"
# Terminal styles for Telegram's entities: (start, end) escape sequences.
STYLES = {"bold": ("\033[1m", "\033[22m"), "italic": ("\033[3m", "\033[23m"),
          "underline": ("\033[4m", "\033[24m"), "strikethrough": ("\033[9m", "\033[29m")}


async def run_demo(language_code: str = "en", *, stdin: asyncio.StreamReader | None = None,
                   files_dir: Path = FILES_DIR) -> int:
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
                terminal = Terminal(sandbox, files_dir)
                print("learnbot demo: type a message, a number to press that button "
                      f"('{FILE_KEY}1' for a file's), '{CONTACT_KEY}' to share your phone number when asked, "
                      "'quit' to leave.")
                print(f"(you are {DEMO_USER_ID}, phone {DEMO_PHONE}, a course manager on the demo's approved list)")
                await user.send("/start")
                reply = await user.wait_reply(timeout=10)
                terminal.print_message(reply, edited=False)
                print(f"(first reply after {time.perf_counter() - started:.2f} s)")
                await _chat(user, terminal, stdin or await _stdin_reader())
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


async def _chat(user: SandboxUser, terminal: Terminal, reader: asyncio.StreamReader) -> None:
    printer = asyncio.create_task(_print_events(user, terminal))
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
    on_file = line[:1].lower() == FILE_KEY and line[1:].isdigit()
    if line.isdigit() or on_file:
        # A file's buttons (a certificate's) must not take the number keys from the text above it.
        latest = next((m for m in reversed(user.messages) if m.button_labels() and bool(m.document) == on_file), None)
        labels = latest.button_labels() if latest else []
        index = int(line[1:] if on_file else line) - 1
        if not 0 <= index < len(labels):
            print(f"(no button {line})")
            return
        answer = await user.press(labels[index])
        if answer.text:
            print(f"  [{answer.text}]")
        return
    await user.send(line)


async def _print_events(user: SandboxUser, terminal: Terminal) -> None:
    while True:
        try:
            event = await user.next_event(timeout=3600)
        except TimeoutError:
            continue
        if event.kind in {"message", "edit"} and event.message is not None:
            print()
            terminal.print_message(event.message, edited=event.kind == "edit")


class Terminal:
    """Prints the bot's messages as Telegram shows them, and keeps the files the bot sends."""

    def __init__(self, sandbox: BotApiSandbox, files_dir: Path) -> None:
        self._sandbox, self._files_dir = sandbox, files_dir

    def print_message(self, message: SandboxMessage, *, edited: bool) -> None:
        print("bot (edited)>" if edited else "bot>")
        if message.document:
            print(f"  📎 {self._save(message.document)}")
        body = styled(message.caption or "", message.caption_entities) if message.document else styled(
            message.text or "", message.entities)
        for line in body.splitlines():
            print(f"  {line}")
        key = FILE_KEY if message.document else ""
        number = 0
        for row in message.inline_buttons:
            cells = []
            for button in row:
                number += 1
                cells.append(f"[{key}{number}] {button['text']}")
            print("  " + "   ".join(cells))
        for row in message.reply_keyboard or []:
            for button in row:
                print(f"  [{CONTACT_KEY if button.get('request_contact') else 'type'}] {button['text']}")

    def _save(self, document: dict[str, object]) -> str:
        stored = self._sandbox.bot_state().files[str(document["file_id"])]
        name = Path(str(document.get("file_name") or stored.file_path)).name
        self._files_dir.mkdir(parents=True, exist_ok=True)
        path = self._files_dir / name
        path.write_bytes(stored.content)
        return str(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


def styled(text: str, entities: list[dict[str, object]]) -> str:
    """Text with Telegram's bold, italic, underline and strikethrough entities as terminal styles."""
    units = text.encode("utf-16-le")
    marks: dict[int, str] = {}
    for entity in entities:
        style = STYLES.get(str(entity.get("type")))
        if style is None:
            continue
        start, end = int(entity["offset"]), int(entity["offset"]) + int(entity["length"])  # type: ignore[call-overload]
        marks[start] = marks.get(start, "") + style[0]
        marks[end] = style[1] + marks.get(end, "")
    pieces, last = [], 0
    for offset in sorted(marks):
        pieces += [units[2 * last:2 * offset].decode("utf-16-le"), marks[offset]]
        last = offset
    pieces.append(units[2 * last:].decode("utf-16-le"))
    return "".join(pieces)
