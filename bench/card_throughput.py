"""Card-reading throughput and memory, as ratios against a bare PTB bot in the same run.

Both bots run against the same sandbox Bot API server with the same scripted officers pressing
an inline button over and over. The baseline bot answers the callback and edits the message with
a fixed text (no database, no content); learnbot does what it does for real (gate, progress row,
rendering, i18n) on SQLite. The ratio says what learnbot's own work costs per update.

    python bench/card_throughput.py [--officers 20] [--presses 15]

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_application  # noqa: E402
from bot.i18n import I18n  # noqa: E402
from bot.lifecycle import running  # noqa: E402
from bot.sandbox import BotApiSandbox, SandboxUser  # noqa: E402
from bot.services.personnel import parse_personnel_csv  # noqa: E402
from bot.settings import PROJECT_ROOT, load_settings  # noqa: E402
from bot.storage.database import UnitOfWork  # noqa: E402

FIRST_USER = 900000
T = I18n(PROJECT_ROOT / "locales").translator("en")


async def _baseline_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data="n:0")]])
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, "card 0", reply_markup=keyboard)


async def _baseline_next(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    number = int(query.data.split(":")[1]) + 1
    await query.answer()
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data=f"n:{number}")]])
    await query.edit_message_text(f"<b>card</b> {number}", parse_mode="HTML", reply_markup=keyboard)


async def _press_loop(user: SandboxUser, label: str, presses: int) -> None:
    for _ in range(presses):
        await user.press(label, timeout=30)
        await user.wait_reply(timeout=30)


async def measure_baseline(sandbox: BotApiSandbox, officers: int, presses: int) -> float:
    token = sandbox.register_bot(username="baseline_bot")
    application = (ApplicationBuilder().token(token).base_url(sandbox.base_url)
                   .base_file_url(sandbox.base_file_url).concurrent_updates(64).build())
    application.add_handler(CommandHandler("start", _baseline_start))
    application.add_handler(CallbackQueryHandler(_baseline_next))
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=1)
    try:
        users = [sandbox.user(user_id=FIRST_USER + i, language_code="en", token=token) for i in range(officers)]
        for user in users:
            await user.send("/start")
            await user.wait_reply()
        started = time.perf_counter()
        await asyncio.gather(*(_press_loop(user, "Next", presses) for user in users))
        return officers * presses / (time.perf_counter() - started)
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


async def measure_learnbot(sandbox: BotApiSandbox, folder: Path, officers: int, presses: int) -> tuple[float, int]:
    token = sandbox.register_bot(username="learnbot_bench_bot")
    settings = load_settings(token=token, api_base_url=sandbox.base_url, api_base_file_url=sandbox.base_file_url,
                             database_url=f"sqlite+aiosqlite:///{folder / 'bench.sqlite3'}",
                             secret_key=secrets.token_urlsafe(48))
    application = build_application(settings)
    course = application.services.catalogue.courses[1]
    async with running(application, polling_timeout=1):
        phones = [f"+3361{FIRST_USER + i:07d}" for i in range(officers)]
        listing = "personnel_id,phone\n" + "".join(f"B-{i},{phone}\n" for i, phone in enumerate(phones))
        rows, problems = parse_personnel_csv(listing.encode(), application.services.hasher)
        assert not problems
        unit = UnitOfWork(application.services.sessions)
        await application.services.personnel.replace(unit.session, rows)
        await unit.finish()
        users = [sandbox.user(user_id=FIRST_USER + i, language_code="en", token=token) for i in range(officers)]
        for user, phone in zip(users, phones, strict=True):
            await user.send_contact(phone_number=phone, user_id=user.id)
            await user.wait_reply()
            menu = await user.wait_reply()
            await user.press_data(menu, f"l:{course.id}:{course.lessons[0].id}:0")
            await user.wait_reply()
        started = time.perf_counter()
        await asyncio.gather(*(_press_loop_learnbot(user, presses) for user in users))
        elapsed = time.perf_counter() - started
        # A second, traced round for memory: tracing slows Python down, so it is not timed.
        tracemalloc.start()
        await asyncio.gather(*(_press_loop_learnbot(user, presses) for user in users))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return officers * presses / elapsed, peak


async def _press_loop_learnbot(user: SandboxUser, presses: int) -> None:
    for _ in range(presses):
        labels = user.last_message.button_labels() if user.last_message else []
        forward = next(label for label in (T("card-next"), T("card-next-lesson"), T("lesson-check")) if label in labels)
        if forward == T("lesson-check"):
            await user.press(T("card-back"), timeout=30)  # stay among the cards
        else:
            await user.press(forward, timeout=30)
        await user.wait_reply(timeout=30)


async def main(officers: int, presses: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="learnbot-bench-") as folder:
        async with BotApiSandbox() as sandbox:
            baseline = await measure_baseline(sandbox, officers, presses)
            learnbot, peak = await measure_learnbot(sandbox, Path(folder), officers, presses)
    return {
        "officers": officers,
        "presses_per_officer": presses,
        "baseline_updates_per_s": round(baseline, 1),
        "learnbot_updates_per_s": round(learnbot, 1),
        "learnbot_vs_baseline_throughput": round(learnbot / baseline, 3),
        "learnbot_peak_traced_kib_while_reading": round(peak / 1024, 1),
        "learnbot_peak_kib_per_officer": round(peak / 1024 / officers, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=20)
    parser.add_argument("--presses", type=int, default=15)
    arguments = parser.parse_args()
    print(json.dumps(asyncio.run(main(arguments.officers, arguments.presses)), indent=2))
