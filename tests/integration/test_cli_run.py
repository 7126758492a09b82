"""`learnbot run` as a real process: it migrates, answers over the sandbox, and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.sandbox import BotApiSandbox
from tests.integration.conftest import I18N, journey_content

T = I18N.translator("en")


def environment(sandbox: BotApiSandbox, tmp_path: Path, content: Path) -> dict[str, str]:
    empty_config = tmp_path / "learnbot.toml"
    empty_config.touch()
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")},
        "LEARNBOT_CONFIG": str(empty_config),
        "LEARNBOT_TOKEN": sandbox.register_bot(username="learnbot_cli_bot"),
        "LEARNBOT_SECRET_KEY": secrets.token_urlsafe(48),
        "LEARNBOT_API_BASE_URL": sandbox.base_url,
        "LEARNBOT_API_BASE_FILE_URL": sandbox.base_file_url,
        "LEARNBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'run.sqlite3'}",
        "LEARNBOT_CONTENT_DIR": str(content),
        "LEARNBOT_POLLING_TIMEOUT": "1",
    }


async def test_run_answers_and_stops_cleanly_on_sigterm(sandbox: BotApiSandbox, tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=environment(sandbox, tmp_path, journey_content()),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    try:
        user = sandbox.user(user_id=7300, language_code="en")
        await user.send("/help")
        reply = await user.wait_reply(timeout=30)
        assert reply.text == T("help")
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=20)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    output = (await process.stdout.read()).decode() if process.stdout else ""
    assert code == 0, output
    assert (tmp_path / "run.sqlite3").exists(), "migrated on start"
    assert sandbox.bot_state().token not in output, "the token never reaches the logs"


async def test_run_refuses_invalid_content_and_names_the_file(sandbox: BotApiSandbox, tmp_path: Path) -> None:
    broken = tmp_path / "content"
    course = broken / "broken-course"
    (course / "en").mkdir(parents=True)
    (course / "course.toml").write_text("order = 1\n")
    (course / "en" / "01-intro.md").write_text("no title here\n")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=environment(sandbox, tmp_path, broken),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 1
    message = stderr.decode()
    assert "refusing to start" in message and "broken-course/en/01-intro.md:1" in message


@pytest.mark.parametrize("missing", ["LEARNBOT_TOKEN", "LEARNBOT_SECRET_KEY"])
async def test_run_names_a_missing_secret(sandbox: BotApiSandbox, tmp_path: Path, missing: str) -> None:
    env = environment(sandbox, tmp_path, journey_content())
    del env[missing]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 2
    assert stderr.decode().strip().splitlines() == [
        f"learnbot: setting {missing} ({missing.removeprefix('LEARNBOT_').lower()}): is required to run the bot"
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_webhook_mode_answers_and_rejects_requests_without_the_secret(sandbox: BotApiSandbox, tmp_path: Path) -> None:
    port = free_port()
    env = environment(sandbox, tmp_path, journey_content())
    env |= {
        "LEARNBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
        "LEARNBOT_WEBHOOK_SECRET": secrets.token_urlsafe(24),
        "LEARNBOT_WEB_HOST": "127.0.0.1",
        "LEARNBOT_WEB_PORT": str(port),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    try:
        user = sandbox.user(user_id=7301, language_code="en")
        await user.send("/help")
        assert (await user.wait_reply(timeout=30)).text == T("help")
        assert sandbox.calls_of("setWebhook")[-1].params["secret_token"] == env["LEARNBOT_WEBHOOK_SECRET"]
        forged = {"update_id": 999999, "message": {"message_id": 1, "date": 0, "chat": {"id": 7301, "type": "private"},
                                                    "from": {"id": 7301, "is_bot": False, "first_name": "X"}, "text": "/help"}}
        async with aiohttp.ClientSession() as session:
            async with session.post(f"http://127.0.0.1:{port}/telegram", json=forged) as response:
                assert response.status == 403
            async with session.post(f"http://127.0.0.1:{port}/telegram", json=forged,
                                    headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as response:
                assert response.status == 403
        await user.expect_silence(0.5)
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
