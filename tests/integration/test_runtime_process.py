"""`learnbot run` as a process: a drain that loses nothing, and start-up failures said in one line."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.sandbox import BotApiSandbox, SandboxUser
from tests.integration.conftest import I18N, journey_content, personnel_csv, phone_of, starter_course
from tests.integration.test_cli_run import environment

T = I18N.translator("en")
COURSE = starter_course()


async def start_bot(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)


async def stop_bot(process: asyncio.subprocess.Process) -> tuple[int, str]:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    try:
        code = await asyncio.wait_for(process.wait(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    output = (await process.stdout.read()).decode() if process.stdout else ""
    return code, output


async def read_to_card(user: SandboxUser, cards: int) -> None:
    await user.send_contact(phone_number=phone_of(user.id), user_id=user.id)
    await user.wait_reply(timeout=30)
    await user.wait_reply(timeout=30)
    await user.send("/courses")
    await user.wait_reply(timeout=30)
    await user.press(COURSE.titles["en"], timeout=30)
    await user.wait_reply(timeout=30)
    await user.press(T("course-start"), timeout=30)
    await user.wait_reply(timeout=30)
    for _ in range(cards - 1):
        await user.press(T("card-next"), timeout=30)
        await user.wait_reply(timeout=30)


async def test_sigterm_finishes_updates_in_flight_and_keeps_the_reading_position(
    sandbox: BotApiSandbox, tmp_path: Path
) -> None:
    env = environment(sandbox, tmp_path, journey_content())
    listing = tmp_path / "list.csv"
    listing.write_bytes(personnel_csv([5000]))
    imported = subprocess.run([sys.executable, "-m", "bot", "personnel", "import", str(listing)], env=env,
                              capture_output=True, text=True, timeout=60)
    assert imported.returncode == 0, imported.stderr
    reader = sandbox.user(user_id=5000)
    process = await start_bot(env)
    try:
        await read_to_card(reader, 3)  # card 3's position is only held back in memory now
        askers = [sandbox.user(user_id=7400 + i) for i in range(8)]
        sandbox.faults.add("slow", method="sendMessage", delay=1.5)
        for asker in askers:
            await asker.send("/help")
        while len([c for c in sandbox.calls_of("getUpdates") if c.ok and c.result_or_error]) == 0:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # fetched and being answered (slowly)
    finally:
        code, output = await stop_bot(process)
    assert code == 0, output
    for asker in askers:
        assert (await asker.wait_reply(timeout=5)).text == T("help"), "a /help in flight at SIGTERM is answered"
    sandbox.faults.clear()

    process = await start_bot(env)
    try:
        await reader.send("/continue")
        card = await reader.wait_reply(timeout=30)
    finally:
        await stop_bot(process)
    lesson = COURSE.lessons[0]
    assert T("card-position", lesson=1, lessons=len(COURSE.lessons), card=3, cards=lesson.card_count) in card.text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"LEARNBOT_DATABASE_URL": "postgresql+asyncpg://learnbot@127.0.0.1:9/learnbot"},
         "learnbot: cannot reach the database at postgresql+asyncpg://learnbot@127.0.0.1:9/learnbot "
         "(LEARNBOT_DATABASE_URL): "),
        ({"LEARNBOT_API_BASE_URL": "http://127.0.0.1:9/bot"},
         "learnbot: cannot reach the Bot API at http://127.0.0.1:9/bot (LEARNBOT_API_BASE_URL): "),
        ({"LEARNBOT_TOKEN": "123456:not-a-token-this-sandbox-knows"},
         "learnbot: the Bot API rejected the token (LEARNBOT_TOKEN): "),
    ],
    ids=["database", "bot-api", "token"],
)
async def test_a_start_up_failure_is_one_line_naming_the_setting(
    sandbox: BotApiSandbox, tmp_path: Path, change: dict[str, str], expected: str
) -> None:
    env = environment(sandbox, tmp_path, journey_content()) | change | {"LEARNBOT_STARTUP_RETRY_SECONDS": "1.5"}
    process = await start_bot(env)
    try:
        code = await asyncio.wait_for(process.wait(), timeout=60)  # it gives up by itself
    finally:
        _, output = await stop_bot(process)
    assert code == 1, output
    problems = [line for line in output.splitlines() if line.startswith("learnbot: ")]
    assert len(problems) == 1 and problems[0].startswith(expected), output
    assert "Traceback" not in output
    retries = [line for line in output.splitlines() if "trying again" in line or " retry " in line]
    assert bool(retries) == (change.get("LEARNBOT_TOKEN") is None), "unreachable: retried; rejected token: not"


def _printed_by(program: str) -> str:
    """What a fresh interpreter prints running program from the project's root (it must succeed)."""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_services_and_the_content_load_no_telegram_module() -> None:
    program = (
        "import importlib, pkgutil, sys\n"
        "import bot.services, bot.content, bot.wiring, bot.storage.database, bot.scheduling\n"
        "for module in pkgutil.iter_modules(bot.services.__path__):\n"
        "    importlib.import_module(f'bot.services.{module.name}')\n"
        "loaded = sorted(name for name in sys.modules if name == 'telegram' or name.startswith('telegram.'))\n"
        "print(loaded)\n"
    )
    assert _printed_by(program) == "[]"


def test_the_running_bot_leaves_migrations_certificates_and_qr_codes_unimported() -> None:
    """Alembic (with Mako and Pygments), fpdf2 and segno cost memory a running bot rarely needs: they load on use."""
    program = (
        "import sys\n"
        "import bot.__main__, bot.runner, bot.app, bot.lifecycle, bot.storage.backup\n"
        "heavy = ('alembic', 'mako', 'pygments', 'fpdf', 'segno')\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & set(heavy)))\n"
    )
    assert _printed_by(program) == "[]"
