"""A manager in a real browser: the link from the chat, the figures, a list upload, a revocation, an
announcement that a sandbox officer receives, Arabic."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox import BotApiSandbox
from bot.settings import Settings
from tests.integration.conftest import I18N, LISTED, MANAGERS, MovableClock, personnel_csv, seed_personnel, verify
from tests.integration.crowd import copies
from tests.support.console import (
    MANAGER,
    OFFICER,
    complete_lessons,
    console_bot,
    issue_certificate,
    link_from_chat,
    listed_with_cohorts,
    run_announcements,
)

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
        await seed_personnel(application, listed_with_cohorts({OFFICER: "Lyon 2027"}))
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
        await page.get_by_label(T("console-filter-cohort")).select_option(label="Lyon 2027 (1)")
        await page.get_by_role("button", name=T("console-filter-apply"), exact=True).click()
        assert await page.locator("#figure-verified").inner_text() == "1", "the cohort's figures only"
        assert await page.locator("#figure-lessons").inner_text() == str(len(course.lessons))
        await shoot(page, screenshots, "02-overview-cohort")

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


async def test_a_manager_composes_an_announcement_that_a_sandbox_officer_receives(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox, browser: Any, screenshots: Path
) -> None:
    from playwright.async_api import expect  # installed with the tests; the browser fixture skips without it

    async with console_bot(settings, clock, announcement_tick_seconds=3600) as application:
        await seed_personnel(application, listed_with_cohorts({OFFICER: "Lyon 2027", LISTED[1]: "Lyon 2027"}))
        for reader in (OFFICER, LISTED[1], LISTED[2]):
            await verify(sandbox.user(user_id=reader))
        manager = sandbox.user(user_id=MANAGER)
        await verify(manager)
        context = await browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        page = await context.new_page()
        errors: list[str] = []  # a script refused by the Content-Security-Policy, or failing, shows here
        page.on("console", lambda message: errors.append(f"{message.text} {message.location.get('url')}")
                if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico") else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        await page.goto(await link_from_chat(manager))
        await page.get_by_role("button", name=T("console-sign-in"), exact=True).click()
        await page.get_by_role("link", name=T("console-nav-announcements"), exact=True).click()
        await page.get_by_role("link", name=T("console-announcements-new"), exact=True).click()
        officer = sandbox.user(user_id=OFFICER)

        async def compose(t: Any, text: str, name: str) -> None:
            """Type, narrow to the cohort and watch the preview follow (htmx), then Send now and watch the report."""
            await expect(page.locator("#count")).to_have_text(t("announce-panel-count", count=4))
            await expect(page.locator("#approval")).to_be_visible()
            await page.get_by_label(t("console-compose-text")).fill(text)
            await page.get_by_label(t("console-filter-cohort")).select_option(label="Lyon 2027 (2)")
            await page.get_by_label(t("console-compose-acknowledge")).check()
            await expect(page.locator("#count")).to_have_text(t("announce-panel-count", count=2))
            await expect(page.locator("#approval")).to_have_count(0)
            await expect(page.locator("#message b")).to_have_count(1)
            await expect(page.locator(".phone .inline-button")).to_have_text(t("announce-acknowledge"))
            await shoot(page, screenshots, f"{name}-compose")
            await page.get_by_role("button", name=t("console-compose-send"), exact=True).click()
            await expect(page.get_by_role("status")).to_have_text(t("console-notice-sending", count=2))
            await run_announcements(application)
            await expect(page.locator('[data-figure="sent"]')).to_have_text("2", timeout=15_000)  # refreshed by itself
            await expect(page.locator("#status")).to_have_text(t("announcement-status-done"))
            await shoot(page, screenshots, f"{name}-report")

        await compose(T, "**Range day** moved to _Friday_. Details: [range map](https://example.org/range)", "14")
        assert await page.locator("#message").get_attribute("dir") == "ltr"
        received = officer.last_message
        assert received is not None and received.text == "Range day moved to Friday. Details: range map"
        assert {entity["type"] for entity in received.entities} == {"bold", "italic", "text_link"}
        assert received.button_labels() == [T("announce-acknowledge")]
        assert copies(sandbox, LISTED[2], "Range day") == 0, "not in the cohort"

        await page.get_by_label(T("console-language")).select_option("ar")
        await page.get_by_role("button", name=T("console-language-apply"), exact=True).click()
        await page.wait_for_function("document.documentElement.dir === 'rtl'")
        await page.get_by_role("link", name=AR("console-back-to-announcements"), exact=True).click()
        await page.get_by_role("link", name=AR("console-announcements-new"), exact=True).click()
        await compose(AR, "**تنبيه:** نُقل يوم الرماية إلى _الجمعة_. التفاصيل: [الخريطة](https://example.org/range)", "15-ar")
        assert await page.locator("#message").get_attribute("dir") == "rtl"
        arabic = officer.last_message
        assert arabic is not None and arabic.text == "تنبيه: نُقل يوم الرماية إلى الجمعة. التفاصيل: الخريطة"
        await page.get_by_role("link", name=AR("console-back-to-announcements"), exact=True).click()
        assert await page.locator("#announcements tbody tr").count() == 2
        await shoot(page, screenshots, "16-ar-announcements")
        assert errors == []
        await context.close()

