"""Browser tests: Playwright for Python driving Debian's Chromium against the running bot's console.

Without /usr/bin/chromium a developer's run skips them with the reason; CI (CI=true, set by .ci/run,
which installs Chromium) fails instead, as tests/conftest.py does for PostgreSQL. Screenshots of every
page go to var/screenshots/<test>/ (or LEARNBOT_SCREENSHOTS), listed at the end of the run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.sandbox import BotApiSandbox
from bot.settings import PROJECT_ROOT, Settings
from tests.conftest import POSTGRES_REQUIRED as BROWSER_REQUIRED  # the same rule: CI=true
from tests.integration.conftest import MovableClock, settings_for

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(os.environ.get("LEARNBOT_SCREENSHOTS", PROJECT_ROOT / "var" / "screenshots"))
_taken: list[Path] = []


def _missing(reason: str) -> None:
    if BROWSER_REQUIRED:
        pytest.fail(f"{reason} (CI must run the browser tests: .ci/run installs Debian's chromium)")
    pytest.skip(reason)


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    if not CHROMIUM.exists():
        _missing(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (pip install -e '.[test]')")
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture
def screenshots(request: pytest.FixtureRequest) -> Path:
    """This test's folder of screenshots, emptied first."""
    folder = SCREENSHOTS / request.node.name.replace("[", "-").replace("]", "")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _taken.append(folder)
    return folder


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    async with BotApiSandbox() as server:
        yield server


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def settings(sandbox: BotApiSandbox, tmp_path: Path) -> Settings:
    """One database is enough here: the integration tests cover SQLite and PostgreSQL."""
    return settings_for(sandbox, f"sqlite+aiosqlite:///{tmp_path / 'learnbot.sqlite3'}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for folder in _taken:
        shots = sorted(folder.glob("*.png"))
        if shots:
            terminalreporter.write_line(f"console screenshots: {len(shots)} in {folder}")
