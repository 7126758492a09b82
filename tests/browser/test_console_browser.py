"""A manager in a real browser: the link from the chat, the figures, a list upload, a revocation, Arabic."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox import BotApiSandbox
from bot.settings import Settings
from tests.integration.conftest import I18N, LISTED, MANAGERS, MovableClock, personnel_csv, verify
from tests.support.console import MANAGER, OFFICER, complete_lessons, console_bot, issue_certificate, link_from_chat

T = I18N.translator("en")
AR = I18N.translator("ar")
pytestmark = pytest.mark.timeout(120)


async def shoot(page: Any, folder: Path, name: str) -> None:
    """The whole page, or its first screens when it is long (a course's content)."""
    height = await page.evaluate("document.documentElement.scrollHeight")
    await page.screenshot(path=str(folder / f"{name}.png"), full_page=height <= 2400)


async def test_a_manager_uses_the_console_in_chromium(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox, browser: Any, screenshots: Path, tmp_path: Path
) -> None:
    async with console_bot(settings, clock) as application:
        readers = [OFFICER, LISTED[1], LISTED[2]]
        for reader in readers:
            await verify(sandbox.user(user_id=reader))
        course = application.services.catalogue.courses[0]
        await complete_lessons(application, OFFICER, len(course.lessons))
        await complete_lessons(application, LISTED[1], 1)
        code = await issue_certificate(application, OFFICER, percent=90)
        manager = sandbox.user(user_id=MANAGER)
        await verify(manager)
        link = await link_from_chat(manager)

        context = await browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 800})
        page = await context.new_page()
        await page.goto(link)
        await shoot(page, screenshots, "01-sign-in")
        await page.get_by_role("button", name=T("console-sign-in"), exact=True).click()
        await page.wait_for_url(re.compile(r"/console/$"))
        assert await page.locator("#figure-verified").inner_text() == "4"  # three readers and the manager
        assert await page.locator("#figure-lessons").inner_text() == str(len(course.lessons) + 1)
        row = page.locator(f'tr[data-course="{course.id}"] td')
        assert await row.nth(0).inner_text() == "2" and await row.nth(4).inner_text() == "1"
        await shoot(page, screenshots, "02-overview")

        await page.get_by_role("link", name=T("console-nav-officers"), exact=True).click()
        await page.get_by_label(T("console-search-officers")).fill(f"Officer {OFFICER}")
        await page.get_by_role("button", name=T("console-search"), exact=True).click()
        await shoot(page, screenshots, "03-officers")
        await page.get_by_role("link", name=f"Officer {OFFICER}", exact=True).click()
        await page.get_by_role("button", name=T("console-invite"), exact=True).click()
        assert re.fullmatch(r"IN-[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", await page.locator("#invite code").inner_text())
        await shoot(page, screenshots, "04-officer")

        new_list = tmp_path / "approved.csv"
        new_list.write_bytes(personnel_csv(LISTED + [7300, 7301], MANAGERS))
        await page.get_by_role("link", name=T("console-nav-personnel"), exact=True).click()
        limit = application.services.personnel.limits.max_bytes // 2**20
        await page.get_by_label(T("console-personnel-file", limit=limit)).set_input_files(str(new_list))
        await page.get_by_role("button", name=T("console-personnel-check"), exact=True).click()
        counts = {"added": 2, "updated": 0, "removed": 0, "unchanged": len(LISTED)}
        assert await page.locator("#preview").inner_text() == T("import-preview", **counts)
        await shoot(page, screenshots, "05-personnel-preview")
        await page.get_by_role("button", name=T("import-confirm"), exact=True).click()
        assert await page.get_by_role("status").inner_text() == T("import-done", **counts)
        assert await page.locator("#list-count").inner_text() == T("console-personnel-count", count=len(LISTED) + 2)
        await shoot(page, screenshots, "06-personnel-done")

        await page.get_by_role("link", name=T("console-nav-certificates"), exact=True).click()
        await page.get_by_label(T("console-search-certificates")).fill(code)
        await page.get_by_role("button", name=T("console-search"), exact=True).click()
        await page.get_by_role("link", name=T("console-revoke"), exact=True).click()
        await page.get_by_label(T("console-revoke-reason")).fill("Final quiz taken by another person")
        await shoot(page, screenshots, "07-certificate-revoke")
        await page.get_by_role("button", name=T("console-revoke-confirm"), exact=True).click()
        assert await page.get_by_role("status").inner_text() == T("revoke-certificate-done", code=code)
        assert "Final quiz taken by another person" in await page.locator(f'tr[data-code="{code}"]').inner_text()
        await shoot(page, screenshots, "08-certificates")
        checker = sandbox.user(user_id=7400)
        await checker.send(f"/verify {code}")
        issued = application.services.clock().strftime("%Y-%m-%d")
        assert (await checker.wait_reply()).text == T("verify-revoked", code=code, course=course.titles["en"], date=issued)

        await page.get_by_role("link", name=T("console-nav-content"), exact=True).click()
        await page.get_by_role("link", name=course.titles["en"], exact=True).click()
        assert await page.locator(".bubble").count() == sum(lesson.card_count for lesson in course.lessons)
        await shoot(page, screenshots, "09-content")
        await page.get_by_role("link", name=T("console-nav-audit"), exact=True).click()
        await page.get_by_label(T("console-audit-action")).select_option("certificate.revoke")
        await page.get_by_role("button", name=T("console-filter-apply"), exact=True).click()
        assert await page.locator("#audit tbody tr").count() == 1
        await shoot(page, screenshots, "10-audit")

        await page.get_by_label(T("console-language")).select_option("ar")
        await page.get_by_role("button", name=T("console-language-apply"), exact=True).click()
        await page.wait_for_function("document.documentElement.dir === 'rtl'")
        assert await page.locator("html").get_attribute("lang") == "ar"
        assert await page.locator("h1").inner_text() == AR("console-audit-title")
        await page.get_by_role("link", name=AR("console-nav-overview"), exact=True).click()
        header, main = page.locator("header.top"), page.locator("h1")
        assert await main.evaluate("element => getComputedStyle(element).direction") == "rtl"
        brand = await page.locator(".brand").bounding_box()
        assert brand is not None and brand["x"] > 640, "the console's name sits on the right in Arabic"
        assert await header.is_visible()
        await shoot(page, screenshots, "11-overview-ar")
        await page.get_by_role("link", name=AR("console-nav-content"), exact=True).click()
        await page.get_by_role("link", name=course.titles["ar"], exact=True).click()
        await shoot(page, screenshots, "12-content-ar")

        await page.set_viewport_size({"width": 390, "height": 844})
        await page.get_by_role("link", name=AR("console-nav-officers"), exact=True).click()
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "no sideways scrolling of the page on a phone (wide tables scroll inside their box)"
        await shoot(page, screenshots, "13-officers-phone-ar")
        await page.get_by_role("button", name=AR("console-sign-out"), exact=True).click()
        assert await page.locator("#why").get_attribute("data-why") == "signed-out"
        await context.close()


async def test_the_console_can_be_used_with_the_keyboard_alone(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox, browser: Any, screenshots: Path
) -> None:
    async with console_bot(settings, clock):
        manager = sandbox.user(user_id=MANAGER)
        await verify(manager)
        link = await link_from_chat(manager)
        context = await browser.new_context(locale="fr-FR")
        page = await context.new_page()
        await page.goto(link)
        assert await page.locator("html").get_attribute("lang") == "fr", "before signing in: the browser's language"
        await page.keyboard.press("Tab")
        assert await page.evaluate("document.activeElement.className") == "skip"
        await page.keyboard.press("Tab")
        await page.keyboard.press("Enter")  # past the skip link: the sign-in button
        await page.wait_for_url(re.compile(r"/console/$"))
        await page.keyboard.press("Tab")
        await page.keyboard.press("Enter")  # "skip to the content"
        focused = await page.evaluate("document.activeElement.id")
        assert focused == "main"
        await shoot(page, screenshots, "keyboard-overview")
        await context.close()
