"""Card-reading throughput, latency, CPU, SQL and memory: learnbot against a bare PTB bot, as ratios.

Both bots run as their own processes (`learnbot run`, and bench/baseline_bot.py, which makes the
same two Bot API calls per press: answerCallbackQuery and editMessageText) against one sandbox Bot
API server in this process, where scripted officers press Next as fast as the replies come. Rounds
alternate between the two bots, so both see the same machine. Per bot and round: presses per second,
press-to-reply latency, CPU time of the bot's process per update, getUpdates calls per update, and
for learnbot the SQL statements per press (from its /metrics) and its memory.

Configurations: SQLite (a temporary file) and PostgreSQL (LEARNBOT_DATABASE_URL when it names one,
which must be a scratch database: its personnel list is replaced; else a temporary database on the
local server, dropped afterwards), each without and with 50–100 ms of simulated Bot API latency.

    python bench/card_throughput.py [--officers 20] [--presses 50] [--rounds 5] [--runs 3] [--only sqlite]
                                    [--baseline-payload minimal|cards]

A round is officers × presses updates (1,000 by default, 4–8 s): rounds of 1 s, as first used,
moved the ratio by ±0.3 between runs on a shared two-core machine.

Prints one JSON object: per configuration and run the figures, then the median and range over runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.i18n import I18n  # noqa: E402
from bot.sandbox import BotApiSandbox, SandboxUser  # noqa: E402
from bot.settings import PROJECT_ROOT  # noqa: E402

T = I18n(PROJECT_ROOT / "locales").translator("en")
BASELINE_USERS, LEARNBOT_USERS = 900_000, 910_000
POSTGRES_ADMIN = os.environ.get("LEARNBOT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
LATENCY = (0.05, 0.10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@asynccontextmanager
async def database(kind: str, folder: Path) -> AsyncIterator[str]:
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / 'bench.sqlite3'}"
        return
    given = os.environ.get("LEARNBOT_DATABASE_URL", "")
    if given.startswith("postgresql"):
        yield given
        return
    name = f"learnbot_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(POSTGRES_ADMIN)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield POSTGRES_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + f"/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


class BotProcess:
    """A bot in its own process, measured from outside."""

    def __init__(self, name: str, process: asyncio.subprocess.Process, metrics_url: str | None = None) -> None:
        self.name, self.process, self.metrics_url = name, process, metrics_url
        self.ps = psutil.Process(process.pid)

    def cpu_seconds(self) -> float:
        times = self.ps.cpu_times()
        return times.user + times.system

    def rss_mib(self) -> float:
        return self.ps.memory_info().rss / 2**20

    async def metric(self, http: aiohttp.ClientSession, name: str, labels: str = "") -> float:
        assert self.metrics_url is not None
        async with http.get(self.metrics_url) as response:
            text = await response.text()
        wanted = f"{name}{{{labels}}}" if labels else name
        return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(wanted + " "))

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 30)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


def learnbot_env(sandbox: BotApiSandbox, token: str, database_url: str, folder: Path, port: int) -> dict[str, str]:
    config = folder / "empty.toml"
    config.touch()
    return {**{k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")},
            "LEARNBOT_CONFIG": str(config), "LEARNBOT_TOKEN": token, "LEARNBOT_SECRET_KEY": secrets.token_urlsafe(48),
            "LEARNBOT_API_BASE_URL": sandbox.base_url, "LEARNBOT_API_BASE_FILE_URL": sandbox.base_file_url,
            "LEARNBOT_DATABASE_URL": database_url, "LEARNBOT_WEB_PORT": str(port), "LEARNBOT_POLLING_TIMEOUT": "10",
            "LEARNBOT_LOG_LEVEL": "WARNING"}


async def start_learnbot(sandbox: BotApiSandbox, database_url: str, folder: Path, officers: int
                         ) -> tuple[BotProcess, str, dict[str, str]]:
    token = sandbox.register_bot(username="learnbot_bench_bot")
    port = free_port()
    env = learnbot_env(sandbox, token, database_url, folder, port)
    listing = folder / "list.csv"
    listing.write_text("personnel_id,phone\n" + "".join(f"B-{i},+3361{LEARNBOT_USERS + i:07d}\n" for i in range(officers)))
    subprocess.run([sys.executable, "-m", "bot", "personnel", "import", str(listing)], env=env, check=True,
                   capture_output=True, cwd=ROOT)
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env, cwd=ROOT)
    bot = BotProcess("learnbot", process, f"http://127.0.0.1:{port}/metrics")
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{port}/readyz") as response:
                    if response.status == 200:
                        return bot, token, env
            await asyncio.sleep(0.1)
    raise RuntimeError("learnbot did not become ready")


async def start_baseline(sandbox: BotApiSandbox, payload: str) -> tuple[BotProcess, str]:
    token = sandbox.register_bot(username="baseline_bench_bot")
    process = await asyncio.create_subprocess_exec(sys.executable, str(ROOT / "bench" / "baseline_bot.py"), token,
                                                   sandbox.base_url, "--payload", payload, cwd=ROOT)
    return BotProcess("baseline", process), token


async def prepare_learnbot_user(user: SandboxUser, course_title: str) -> None:
    await user.send_contact(phone_number=f"+3361{user.id:07d}", user_id=user.id)
    await user.wait_reply(timeout=30)
    await user.wait_reply(timeout=30)
    await user.send("/courses")
    await user.wait_reply(timeout=30)
    await user.press(course_title, timeout=30)
    await user.wait_reply(timeout=30)
    await user.press(T("course-start"), timeout=30)
    await user.wait_reply(timeout=30)


async def press_loop(user: SandboxUser, presses: int, learnbot: bool, latencies: list[float]) -> None:
    for _ in range(presses):
        label = "Next"
        if learnbot:
            labels = user.last_message.button_labels() if user.last_message else []
            label = T("card-next") if T("card-next") in labels else T("card-back")  # stay among the cards
        started = time.perf_counter()
        await user.press(label, timeout=60)
        await user.wait_reply(timeout=60)
        latencies.append(time.perf_counter() - started)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure_round(sandbox: BotApiSandbox, bot: BotProcess, users: list[SandboxUser], presses: int,
                        http: aiohttp.ClientSession) -> dict[str, float]:
    learnbot = bot.name == "learnbot"
    sql_before = await bot.metric(http, "learnbot_update_sql_statements_sum") if learnbot else 0.0
    calls_before = len(sandbox.calls)
    cpu_before = bot.cpu_seconds()
    latencies: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(press_loop(user, presses, learnbot, latencies) for user in users))
    elapsed = time.perf_counter() - started
    cpu = bot.cpu_seconds() - cpu_before
    updates = len(users) * presses
    polls = sum(1 for call in sandbox.calls[calls_before:] if call.method == "getUpdates" and call.result_or_error)
    figures = {
        "updates_per_s": updates / elapsed,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "cpu_ms_per_update": cpu * 1000 / updates,
        "get_updates_calls_per_update": polls / updates,
    }
    if learnbot:
        await asyncio.sleep(0.1)  # the last update's histogram observation
        figures["sql_statements_per_press"] = (await bot.metric(http, "learnbot_update_sql_statements_sum")
                                               - sql_before) / updates
    return figures


async def run_configuration(kind: str, latency: bool, officers: int, presses: int, rounds: int,
                            payload: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="learnbot-bench-") as tmp:
        folder = Path(tmp)
        async with database(kind, folder) as database_url, BotApiSandbox() as sandbox:
            learnbot, learnbot_token, _ = await start_learnbot(sandbox, database_url, folder, officers)
            baseline, baseline_token = await start_baseline(sandbox, payload)
            try:
                idle_rss = learnbot.rss_mib()
                from bot.content import load_catalogue

                course = load_catalogue(PROJECT_ROOT / "content").courses[0]
                learnbot_users = [sandbox.user(user_id=LEARNBOT_USERS + i, token=learnbot_token) for i in range(officers)]
                baseline_users = [sandbox.user(user_id=BASELINE_USERS + i, token=baseline_token) for i in range(officers)]
                await asyncio.gather(*(prepare_learnbot_user(user, course.titles["en"]) for user in learnbot_users))
                for user in baseline_users:
                    await user.send("/start")
                    await user.wait_reply(timeout=30)
                if latency:
                    sandbox.latency = LATENCY
                results: dict[str, list[dict[str, float]]] = {"baseline": [], "learnbot": []}
                async with aiohttp.ClientSession() as http:
                    for bot, users in ((baseline, baseline_users), (learnbot, learnbot_users)):
                        await measure_round(sandbox, bot, users, presses, http)  # warm-up, not counted
                    for number in range(rounds):
                        order = [(baseline, baseline_users), (learnbot, learnbot_users)]
                        for bot, users in order if number % 2 == 0 else reversed(order):
                            results[bot.name].append(await measure_round(sandbox, bot, users, presses, http))
                summary = {name: {key: round(statistics.median(r[key] for r in rounds_), 3) for key in rounds_[0]}
                           for name, rounds_ in results.items()}
                summary["learnbot"]["rss_mib_idle"] = round(idle_rss, 1)
                summary["learnbot"]["rss_mib_after"] = round(learnbot.rss_mib(), 1)
                summary["baseline"]["rss_mib_after"] = round(baseline.rss_mib(), 1)
            finally:
                await learnbot.stop()
                await baseline.stop()
    return {
        "database": kind,
        "latency_ms": [int(LATENCY[0] * 1000), int(LATENCY[1] * 1000)] if latency else None,
        "throughput_ratio": round(summary["learnbot"]["updates_per_s"] / summary["baseline"]["updates_per_s"], 3),
        "p99_vs_baseline": round(summary["learnbot"]["p99_ms"] / summary["baseline"]["p99_ms"], 2),
        "cpu_vs_baseline": round(summary["learnbot"]["cpu_ms_per_update"] / summary["baseline"]["cpu_ms_per_update"], 2),
        **summary,
    }


def spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


async def main(officers: int, presses: int, rounds: int, runs: int, only: str | None,
               payload: str) -> dict[str, Any]:
    configurations = [(kind, latency) for kind in ("sqlite", "postgresql") for latency in (False, True)
                      if only is None or kind == only]
    per_run = []
    for _ in range(runs):
        per_run.append([await run_configuration(kind, latency, officers, presses, rounds, payload)
                        for kind, latency in configurations])
    summary = []
    for index, (kind, _) in enumerate(configurations):
        results = [run[index] for run in per_run]
        summary.append({
            "database": kind, "latency_ms": results[0]["latency_ms"],
            **{key: spread([r[key] for r in results]) for key in ("throughput_ratio", "p99_vs_baseline", "cpu_vs_baseline")},
            "learnbot_cpu_ms_per_update": spread([r["learnbot"]["cpu_ms_per_update"] for r in results]),
            "baseline_cpu_ms_per_update": spread([r["baseline"]["cpu_ms_per_update"] for r in results]),
            "learnbot_p99_ms": spread([r["learnbot"]["p99_ms"] for r in results]),
            "baseline_p99_ms": spread([r["baseline"]["p99_ms"] for r in results]),
            "sql_statements_per_press": spread([r["learnbot"]["sql_statements_per_press"] for r in results]),
            "learnbot_get_updates_per_update": spread([r["learnbot"]["get_updates_calls_per_update"] for r in results]),
            "baseline_get_updates_per_update": spread([r["baseline"]["get_updates_calls_per_update"] for r in results]),
            "learnbot_rss_mib_idle": spread([r["learnbot"]["rss_mib_idle"] for r in results]),
            "learnbot_rss_mib_after": spread([r["learnbot"]["rss_mib_after"] for r in results]),
            "baseline_rss_mib_after": spread([r["baseline"]["rss_mib_after"] for r in results]),
        })
    return {"officers": officers, "presses_per_round": presses, "rounds_per_bot": rounds, "runs": runs,
            "baseline_payload": payload,
            "summary": summary, "runs_detail": per_run}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=20)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--baseline-payload", choices=("minimal", "cards"), default="minimal",
                        help="the baseline edits a one-line text (minimal) or learnbot's real cards (cards)")
    arguments = parser.parse_args()
    print(json.dumps(asyncio.run(main(arguments.officers, arguments.presses, arguments.rounds, arguments.runs,
                                      arguments.only, arguments.baseline_payload)), indent=2))
