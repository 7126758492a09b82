"""`learnbot demo` shows what Telegram would: styled text, numbered buttons, and the files the bot sends."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.demo import run_demo

BOLD, NORMAL = "\033[1m", "\033[22m"


async def test_the_demo_styles_text_and_keeps_the_files_the_bot_sends(tmp_path: Path, capsys) -> None:
    reader = asyncio.StreamReader()

    async def type_lines() -> None:
        for line, pause in (("c", 1.0), ("/courses", 1.0), ("/mydata", 2.0)):
            reader.feed_data(f"{line}\n".encode())
            await asyncio.sleep(pause)
        reader.feed_data(b"quit\n")

    typing = asyncio.create_task(type_lines())
    assert await run_demo("en", stdin=reader, files_dir=tmp_path / "demo") == 0
    await typing
    output = capsys.readouterr().out
    assert f"{BOLD}Courses{NORMAL}" in output, "bold shows as a terminal style"
    [saved] = list((tmp_path / "demo").iterdir())
    assert saved.stat().st_size > 0 and f"📎 {saved}" in output, "the file is saved and its path printed"
    caption = output[output.index(f"📎 {saved}"):].splitlines()[1].strip()
    assert caption, "the caption follows the path"
