"""Announcements in the console over real HTTP: the preview and the count, Send now, Schedule, the
two-person rule across two managers' sessions, cancelling, and what officers then get in the chat."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import select

from bot.sandbox import BotApiSandbox
from bot.settings import Settings
from bot.storage.models import AuditEntry
from bot.views.dates import moment
from tests.integration.conftest import (
    ADMIN_ID,
    I18N,
    LISTED,
    MANAGERS,
    MovableClock,
    personnel_csv,
    seed_personnel,
    verify,
)
from tests.integration.crowd import copies
from tests.support.console import MANAGER, OFFICER, ConsoleClient, console_bot, run_announcements, signed_in

T = I18N.translator("en")
QUIET = {"announcement_tick_seconds": 3600}  # the dispatcher runs when a test says so
COMPOSE, PREVIEW = "/console/announcements/compose", "/console/announcements/preview"
SPAIN = LISTED[21]


def form(csrf: str, text: str, action: str = "preview", **fields: str) -> dict[str, str]:
    return {"csrf": csrf, "text": text, "action": action, **fields}


def draft_number(page_text: str) -> str:
    found = re.search(r'name="id" value="(\d+)"', page_text)
    assert found, "no draft number on the page"
    return found.group(1)


def number_in(location: str) -> str:
    found = re.search(r"id=(\d+)", location)
    assert found, location
    return found.group(1)


def figures(page_text: str, number: str) -> dict[str, int]:
    row = re.search(rf'<(tr|ul)(?: class="[^"]*")?(?: id="\w+")? data-announcement="{number}">(.*?)</\1>', page_text, re.S)
    assert row, f"no row for announcement {number}"
    return {name: int(value) for name, value in re.findall(r'data-figure="(\w+)">(\d+)<', row.group(2))}


async def actions(application: object) -> list[tuple[str, str]]:
    async with application.services.unit_of_work() as unit:  # type: ignore[attr-defined]
        return [(entry.action, entry.actor) for entry in (await unit.session.exec(select(AuditEntry))).all()]


async def test_a_manager_previews_counts_and_sends_an_announcement_that_officers_receive(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock, **QUIET) as application:
        lines = [line.replace(",FR,", ",ES,") if line.startswith(f"P-{SPAIN},") else line
                 for line in personnel_csv(LISTED, MANAGERS).decode().splitlines()]
        await seed_personnel(application, ("\n".join(lines) + "\n").encode())
        for reader in (OFFICER, LISTED[1], SPAIN):
            await verify(sandbox.user(user_id=reader))
        async with signed_in(application, sandbox, MANAGER) as client:
            new = await client.get("/console/announcements/new")
            assert new.status == 200 and new.shows(T("announce-panel-count", count=4))
            assert new.shows(T("announce-panel-approval")), "everyone: the two-person rule applies"
            assert 'src="/console/static/htmx.min.js"' in new.text
            text = "**Range day** moved to _Friday_. Map: [range](https://example.org/range) <b>not a tag</b>"
            preview = await client.post(PREVIEW, form(new.csrf, text, country="FR"))
            assert preview.status == 200 and '<section id="preview"' in preview.text and "<html" not in preview.text
            assert "<b>Range day</b>" in preview.text and "<i>Friday</i>" in preview.text
            assert 'href="https://example.org/range"' in preview.text and "&lt;b&gt;not a tag&lt;/b&gt;" in preview.text
            assert preview.shows(T("announce-panel-count", count=3)) and not preview.shows(T("announce-panel-approval"))
            arabic = await client.post(PREVIEW, form(new.csrf, "**تنبيه:** تغيّر موعد التدريب إلى يوم الجمعة"))
            assert 'id="message" dir="rtl"' in arabic.text and "<b>تنبيه:</b>" in arabic.text
            assert 'id="message" dir="ltr"' in preview.text

            saved = await client.post(COMPOSE, form(new.csrf, text, country="FR", acknowledge="1"))
            number = draft_number(saved.text)
            assert saved.status == 200 and saved.shows(text), "the text as typed stays in the form"
            assert saved.shows(T("announce-acknowledge")), "the phone shows the Acknowledge button"
            await run_announcements(application)
            assert copies(sandbox, OFFICER, "Range day") == 0, "a draft goes nowhere"

            sent = await client.post(COMPOSE, form(new.csrf, text, "send", id=number, country="FR", acknowledge="1"))
            assert sent.status == 303 and sent.location == f"/console/announcement?id={number}&notice=sending"
            going = await client.get(sent.location)
            assert going.shows(T("console-notice-sending", count=3)) and 'hx-trigger="every 5s"' in going.text
            await run_announcements(application)

            received = sandbox.user(user_id=OFFICER).last_message
            assert received is not None and received.text == "Range day moved to Friday. Map: range <b>not a tag</b>"
            assert {entity["type"] for entity in received.entities} == {"bold", "italic", "text_link"}
            assert received.button_labels() == [T("announce-acknowledge")]
            assert copies(sandbox, LISTED[1], "Range day") == 1 and copies(sandbox, SPAIN, "Range day") == 0
            await sandbox.user(user_id=OFFICER).press(T("announce-acknowledge"))
            report = await client.get(f"/console/announcement?id={number}")
            assert figures(report.text, number) == {"recipients": 3, "sent": 3, "pending": 0, "failed": 0,
                                                    "unreachable": 0, "unconfirmed": 0, "acknowledged": 1}
            assert report.shows(T("announcement-status-done")) and "hx-trigger" not in report.text, "over: no refresh"
            listing = await client.get("/console/announcements")
            assert figures(listing.text, number)["sent"] == 3
        manager_hash = application.services.hasher.telegram_account(MANAGER)
        assert ("announcement.schedule", manager_hash) in await actions(application)


async def test_the_two_person_rule_across_two_managers_sessions(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock, **QUIET) as application:
        await verify(sandbox.user(user_id=OFFICER))
        async with signed_in(application, sandbox, MANAGER) as author, \
                signed_in(application, sandbox, MANAGERS[1]) as second:
            page = await author.get("/console/announcements/new")
            sent = await author.post(COMPOSE, form(page.csrf, "Exam room changed", "send"))
            number = number_in(sent.location)
            assert sent.location == f"/console/announcement?id={number}&notice=awaiting&asked=1"
            waiting = await author.get(sent.location)
            assert waiting.shows(T("console-notice-awaiting", count=3, asked=1))
            assert waiting.shows(T("console-announcement-waiting-own")) and 'value="approve"' not in waiting.text
            request = await sandbox.user(user_id=MANAGERS[1]).wait_reply()
            assert T("announce-approval-request", id=int(number), count=3,
                     audience=T("announce-audience-everyone")) in request.text, "asked in the chat too"
            await run_announcements(application)
            assert copies(sandbox, OFFICER, "Exam room") == 0, "nothing goes out before the approval"

            own = await author.post("/console/announcement/decide", {"csrf": page.csrf, "id": number, "decision": "approve"})
            assert own.location == f"/console/announcement?id={number}&notice=own"
            assert (await author.get(own.location)).shows(T("announce-own"))
            listing = await second.get("/console/announcements")
            assert f'<li data-announcement="{number}">' in listing.text and 'value="approve"' in listing.text
            approved = await second.post("/console/announcement/decide",
                                         {"csrf": listing.csrf, "id": number, "decision": "approve"})
            assert approved.location == f"/console/announcement?id={number}&notice=approved"
            told = await sandbox.user(user_id=MANAGER).wait_reply()
            assert told.text.startswith(f"Announcement #{number} is approved"), "the author hears it in the chat"
            await run_announcements(application)
            assert [copies(sandbox, user, "Exam room changed") for user in (OFFICER, MANAGER, MANAGERS[1])] == [1, 1, 1]

            other = await author.post(COMPOSE, form(page.csrf, "Second notice", "send"))
            rejected = await second.post("/console/announcement/decide",
                                         {"csrf": listing.csrf, "id": number_in(other.location), "decision": "reject"})
            assert (await second.get(rejected.location)).shows(T("announcement-status-rejected"))
            await run_announcements(application)
            assert copies(sandbox, OFFICER, "Second notice") == 0
        hashes = {user: application.services.hasher.telegram_account(user) for user in (MANAGER, MANAGERS[1])}
        audited = await actions(application)
        assert ("announcement.request", hashes[MANAGER]) in audited and ("announcement.refused", hashes[MANAGER]) in audited
        assert ("announcement.approve", hashes[MANAGERS[1]]) in audited
        assert ("announcement.reject", hashes[MANAGERS[1]]) in audited


async def test_a_scheduled_and_a_running_announcement_are_cancelled_and_never_arrive(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock, **QUIET) as application:
        await verify(sandbox.user(user_id=OFFICER))
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/announcements/new")
            later = await client.post(COMPOSE, form(page.csrf, "Briefing moved", "1h", country="FR"))
            number = number_in(later.location)
            assert later.location == f"/console/announcement?id={number}&notice=scheduled"
            scheduled = await client.get(later.location)
            when = moment(application.services.clock() + timedelta(hours=1), "Europe/Paris", "en")
            assert scheduled.shows(T("console-notice-scheduled", count=2, when=when)), "in the manager's time zone"
            assert T("console-announcement-cancel") in scheduled.text
            assert "hx-trigger" not in scheduled.text, "nothing to refresh for an hour"
            cancelled = await client.post("/console/announcement/cancel", {"csrf": page.csrf, "id": number})
            assert cancelled.location == f"/console/announcement?id={number}&notice=cancelled"
            shown = await client.get(cancelled.location)
            assert shown.shows(T("announce-cancelled", id=int(number))) and shown.shows(T("announcement-status-cancelled"))
            assert T("console-announcement-cancel") not in shown.text
            again = await client.post("/console/announcement/cancel", {"csrf": page.csrf, "id": number})
            assert again.location.endswith("notice=stale")
            clock.advance(hours=1, minutes=1)
            await run_announcements(application)
            assert copies(sandbox, OFFICER, "Briefing moved") == 0

            now = await client.post(COMPOSE, form(page.csrf, "Range closed", "send", country="FR"))
            running = number_in(now.location)
            services = application.services
            async with services.unit_of_work() as unit:  # the dispatcher's first step, before any copy leaves
                assert await services.deliveries.start_due(unit.session, services.clock()) == [int(running)]
            going = await client.get(f"/console/announcement?id={running}")
            assert going.shows(T("announcement-status-sending")) and figures(going.text, running)["pending"] == 2
            assert 'hx-trigger="every 5s"' in going.text and going.shows(T("console-report-live"))
            stopped = await client.post("/console/announcement/cancel", {"csrf": page.csrf, "id": running})
            assert stopped.location.endswith("notice=cancelled")
            await run_announcements(application)
            assert copies(sandbox, OFFICER, "Range closed") == 0
            final = await client.get(f"/console/announcement?id={running}")
            assert figures(final.text, running) == {"recipients": 2, "sent": 0, "pending": 0, "failed": 0,
                                                   "unreachable": 0, "unconfirmed": 0, "acknowledged": 0}
        assert ("announcement.cancel", services.hasher.telegram_account(MANAGER)) in await actions(application)


async def test_bad_input_gets_a_clear_answer_and_keeps_the_text(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock, **QUIET) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/announcements/new")
            empty = await client.post(COMPOSE, form(page.csrf, "  ", "send"))
            assert empty.status == 200 and empty.shows(T("console-compose-problem-text"))
            long_text = "x" * 4097
            too_long = await client.post(COMPOSE, form(page.csrf, long_text, "send"))
            assert too_long.shows(T("console-compose-problem-long", length=4097, limit=4096)) and long_text in too_long.text
            link = await client.post(COMPOSE, form(page.csrf, "See [this](javascript:alert(1))", "send"))
            assert link.shows(T("console-compose-problem-link", url="javascript:alert(1)"))
            forged = await client.post(COMPOSE, form(page.csrf, "Hello cohort", "send", cohort_id="999"))
            assert forged.shows(T("console-compose-problem-choice")) and forged.shows("Hello cohort")
            past = await client.post(COMPOSE, form(page.csrf, "Old news", "schedule", country="FR", when="2020-01-01T09:00"))
            assert past.shows(T("console-compose-problem-when", zone="Europe/Paris")) and past.shows("Old news")
            number = draft_number(past.text)
            sent = await client.post(COMPOSE, form(page.csrf, "Old news", "send", id=number, country="FR"))
            assert sent.location.endswith("notice=sending")
            twice = await client.post(COMPOSE, form(page.csrf, "Old news", "send", id=number, country="FR"))
            assert twice.status == 200 and twice.shows(T("announce-stale"))
            assert 'name="id" value=""' in twice.text, "a second press of Send does not send it again"
            nobody = await client.post(COMPOSE, form(page.csrf, "Nobody here", "send", language="ar"))
            assert nobody.shows(T("announce-empty"))
            discarded = await client.post(COMPOSE, form(page.csrf, "", "discard", id=draft_number(nobody.text)))
            assert discarded.location == "/console/announcements?notice=discarded"
            assert (await client.get(discarded.location)).shows(T("announce-discarded"))
            assert (await client.get("/console/announcement", id=draft_number(nobody.text))).shows(
                T("announcement-status-cancelled"))
            assert (await client.get("/console/announcement", id="999")).status == 404
            await client.post(COMPOSE, form(page.csrf, "", "discard", id=number))
            assert not (await client.get("/console/announcement", id=number)).shows(T("announcement-status-cancelled")), \
                "Discard drops a draft only, never an announcement already on its way"


async def test_a_forged_csrf_token_changes_no_announcement_and_an_administrator_may_approve(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock, **QUIET) as application:
        await verify(sandbox.user(user_id=OFFICER))
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/announcements/new")
            sent = await client.post(COMPOSE, form(page.csrf, "Vote today", "send"))
            number = number_in(sent.location)
            for path, data in ((COMPOSE, form("forged", "Forged", "send")), (PREVIEW, form("forged", "x")),
                               ("/console/announcement/cancel", {"csrf": "forged", "id": number}),
                               ("/console/announcement/decide", {"id": number, "decision": "approve"})):
                refused = await client.post(path, data)
                assert refused.status == 403 and refused.shows(T("console-error-csrf")), path
            assert (await client.get(sent.location)).shows(T("announcement-status-approval"))
        async with signed_in(application, sandbox, ADMIN_ID, verified=False) as admin:
            listing = await admin.get("/console/announcements")
            assert listing.status == 200 and 'value="approve"' in listing.text
            approved = await admin.post("/console/announcement/decide",
                                        {"csrf": listing.csrf, "id": number, "decision": "approve"})
            assert approved.location.endswith("notice=approved")
        await run_announcements(application)
        assert copies(sandbox, OFFICER, "Vote today") == 1
        anonymous = ConsoleClient(application)
        try:
            assert (await anonymous.get(f"/console/announcement?id={number}")).location.startswith("/console/signed-out")
        finally:
            await anonymous.close()
