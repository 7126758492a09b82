"""The console's door: one-time links from the chat, sessions, CSRF, and who may see what."""

from __future__ import annotations

from sqlmodel import select

from bot.sandbox import BotApiSandbox
from bot.settings import Settings
from bot.storage.models import AuditEntry, Officer
from tests.integration.conftest import (
    ADMIN_ID,
    I18N,
    LISTED,
    MANAGERS,
    MovableClock,
    in_users_language,
    personnel_csv,
    seed_personnel,
    verify,
)
from tests.support.console import (
    MANAGER,
    OFFICER,
    ConsoleClient,
    console_bot,
    link_from_chat,
    signed_in,
)

T = I18N.translator("en")
GET_PAGES = ["/console/", "/console/officers", f"/console/officer?id=P-{OFFICER}", "/console/personnel",
             "/console/personnel.csv", "/console/certificates", "/console/certificates.csv", "/console/content",
             "/console/content?course=interpol-at-a-glance", "/console/audit", "/console/audit.csv", "/console/roles",
             "/console/announcements", "/console/announcements/new", "/console/announcement?id=1"]
POST_ACTIONS = ["/console/officer/unbind", "/console/officer/invite", "/console/officer/role", "/console/personnel",
                "/console/personnel/decision", "/console/certificates/revoke", "/console/language", "/console/sign-out",
                "/console/announcements/compose", "/console/announcements/preview", "/console/announcement/cancel",
                "/console/announcement/decide"]


async def test_a_manager_signs_in_with_the_link_from_the_chat_and_sees_the_overview(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        manager = sandbox.user(user_id=MANAGER)
        await verify(manager)
        link = await link_from_chat(manager)
        assert in_users_language(manager, "console-link", minutes=10) in manager.last_message.text
        client = ConsoleClient(application)
        try:
            opened = await client.get(link)
            assert opened.status == 200 and opened.shows(T("console-sign-in"))
            used = await client.post(link, {})
            assert used.status == 303 and used.location == "/console/"
            cookie = used.headers["Set-Cookie"]
            assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/console" in cookie
            assert "Secure" not in cookie  # plain HTTP on the loopback in this test
            overview = await client.get("/console/")
            assert overview.status == 200 and overview.shows(T("console-overview-title"))
            assert "default-src 'none'" in overview.headers["Content-Security-Policy"]
            assert overview.headers["Cache-Control"] == "no-store"
            missing = await client.get("/console/no-such-page")
            assert missing.status == 404 and missing.shows(T("console-error-not-found"))
        finally:
            await client.close()


async def test_every_page_and_action_without_a_session_leads_to_the_explanation(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        client = ConsoleClient(application)
        try:
            for path in GET_PAGES:
                answer = await client.get(path)
                assert (answer.status, answer.location) == (303, "/console/signed-out?why=missing"), path
            for path in POST_ACTIONS:
                answer = await client.post(path, {"id": f"P-{OFFICER}", "csrf": "x"})
                assert (answer.status, answer.location) == (303, "/console/signed-out?why=missing"), path
            assert (await client.get("/console")).location == "/console/"
            unknown = await client.get("/console/no-such-page")
            assert (unknown.status, unknown.location) == (303, "/console/signed-out?why=missing")
            explanation = await client.get("/console/signed-out?why=missing")
            assert explanation.status == 401
            assert explanation.shows(T("console-why-missing")) and explanation.shows(T("console-how-to-sign-in"))
            assert 'href="/console/officers"' not in explanation.text, "no navigation without a session"
        finally:
            await client.close()


async def test_a_used_an_expired_and_a_forged_link_each_get_a_clear_page(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        manager = sandbox.user(user_id=MANAGER)
        await verify(manager)
        first = ConsoleClient(application)
        second = ConsoleClient(application)
        try:
            link = await link_from_chat(manager)
            await first.sign_in(link)
            for attempt in (second.get(link), second.post(link, {})):
                used = await attempt
                assert used.status == 410 and used.shows(T("console-link-used"))
                assert "Set-Cookie" not in used.headers
            late = await link_from_chat(manager)
            clock.advance(minutes=10, seconds=1)
            for attempt in (second.get(late), second.post(late, {})):
                expired = await attempt
                assert expired.status == 410 and expired.shows(T("console-link-expired"))
            forged = late[:-4] + ("AAAA" if not late.endswith("AAAA") else "BBBB")
            for attempt in (second.get(forged), second.post(forged, {}), second.get("/console/sign-in/x%00y")):
                unknown = await attempt
                assert unknown.status == 404 and unknown.shows(T("console-link-unknown"))
            assert (await second.get("/console/")).status == 303, "none of them signed the second browser in"
            assert (await first.get("/console/")).status == 200
        finally:
            await first.close()
            await second.close()


async def test_officers_get_no_link_and_a_link_is_bound_to_the_account_that_asked(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        officer = sandbox.user(user_id=OFFICER)
        await verify(officer)
        await officer.send("/console")
        assert (await officer.wait_reply()).text == in_users_language(officer, "role-required")
        async with signed_in(application, sandbox, MANAGER) as client:
            audit = await client.get("/console/audit", action="console.sign-in")
            manager_hash = application.services.hasher.telegram_account(MANAGER)
            assert manager_hash[:12] in audit.text and T("console-audit-count", count=1) in audit.text


async def test_a_forged_or_missing_csrf_token_is_refused_with_403_and_changes_nothing(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        await verify(sandbox.user(user_id=OFFICER))
        async with signed_in(application, sandbox, MANAGER) as client, \
                signed_in(application, sandbox, MANAGERS[1]) as other:
            page = await client.get("/console/officer", id=f"P-{OFFICER}")
            foreign = (await other.get("/console/")).csrf
            assert foreign != page.csrf, "each session has its own token"
            for data in ({"id": f"P-{OFFICER}"}, {"id": f"P-{OFFICER}", "csrf": "forged"},
                         {"id": f"P-{OFFICER}", "csrf": foreign}):
                refused = await client.post("/console/officer/unbind", data)
                assert refused.status == 403 and refused.shows(T("console-error-csrf"))
            async with application.services.unit_of_work() as unit:
                bound = (await unit.session.exec(select(Officer).where(Officer.telegram_id == OFFICER))).one()
                refusals = (await unit.session.exec(select(AuditEntry).where(AuditEntry.action == "console.refused"))).all()
            assert bound.personnel_ref is not None, "the officer is still bound"
            assert len(refusals) == 3 and {entry.detail for entry in refusals} == {"csrf"}
            done = await client.post("/console/officer/unbind", {"id": f"P-{OFFICER}", "csrf": page.csrf})
            assert done.status == 303 and done.location == f"/console/officer?id=P-{OFFICER}&notice=unbound"
            shown = await client.get(done.location)
            assert shown.shows(T("unbind-done", personnel=f"P-{OFFICER}"))
            async with application.services.unit_of_work() as unit:
                entry = (await unit.session.exec(select(AuditEntry).where(AuditEntry.action == "binding.remove"))).one()
            assert entry.actor == application.services.hasher.telegram_account(MANAGER)


async def test_a_manager_may_not_manage_roles_and_an_administrator_may(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        promoted = sandbox.user(user_id=OFFICER)
        await verify(promoted)
        async with signed_in(application, sandbox, MANAGER) as manager:
            overview = await manager.get("/console/")
            assert 'href="/console/roles"' not in overview.text
            assert (await manager.get("/console/roles")).status == 403
            page = await manager.get("/console/officer", id=f"P-{OFFICER}")
            assert T("console-role-grant") not in page.text
            refused = await manager.post("/console/officer/role", {"id": f"P-{OFFICER}", "granted": "1", "csrf": page.csrf})
            assert refused.status == 403 and refused.shows(T("console-error-forbidden"))
        async with signed_in(application, sandbox, ADMIN_ID, verified=False) as admin:
            roles = await admin.get("/console/roles")
            assert roles.status == 200 and f"P-{MANAGERS[0]}" in roles.text and f"P-{OFFICER}" not in roles.text
            page = await admin.get("/console/officer", id=f"P-{OFFICER}")
            granted = await admin.post("/console/officer/role", {"id": f"P-{OFFICER}", "granted": "1", "csrf": page.csrf})
            assert granted.location == f"/console/officer?id=P-{OFFICER}&notice=role-granted"
            assert f"P-{OFFICER}" in (await admin.get("/console/roles")).text
        # The new manager can now open the console themselves.
        link = await link_from_chat(promoted)
        client = ConsoleClient(application)
        try:
            assert (await client.sign_in(link)).status == 200
        finally:
            await client.close()


async def test_losing_the_manager_role_ends_the_session_at_the_next_request(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            cookie = client.session_cookie()
            await seed_personnel(application, personnel_csv(LISTED, ()))  # the new list names no managers
            ended = await client.get("/console/officers")
            assert ended.location == "/console/signed-out?why=role"
            explanation = await client.get(ended.location)
            assert explanation.shows(T("console-why-role"))
            await seed_personnel(application, personnel_csv(LISTED, MANAGERS))
            assert (await client.get("/console/")).location == "/console/signed-out?why=missing", "the cookie is gone"
            replayed = await client.get("/console/", cookie=cookie)
            assert replayed.location == "/console/signed-out?why=role", "and the session is ended for good"


async def test_removal_from_the_list_ends_the_session_and_a_late_link_is_refused(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        manager = sandbox.user(user_id=MANAGER)
        async with signed_in(application, sandbox, MANAGER) as client:
            unused = await link_from_chat(manager)
            await seed_personnel(application, personnel_csv([user for user in LISTED if user != MANAGER], MANAGERS))
            assert (await client.get("/console/")).location == "/console/signed-out?why=role"
            other = ConsoleClient(application)
            try:
                refused = await other.post(unused, {})
                assert refused.status == 403 and refused.shows(T("console-link-not-manager"))
            finally:
                await other.close()


async def test_eight_idle_hours_end_a_session_and_signing_out_ends_it_at_once(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            clock.advance(hours=7, minutes=59)
            assert (await client.get("/console/")).status == 200, "activity keeps the session open"
            clock.advance(hours=7, minutes=59)
            assert (await client.get("/console/officers")).status == 200
            clock.advance(hours=8, minutes=1)
            idle = await client.get("/console/")
            assert idle.location == "/console/signed-out?why=idle"
            assert (await client.get(idle.location)).shows(T("console-why-idle", hours=8))
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/")
            out = await client.post("/console/sign-out", {"csrf": page.csrf})
            assert out.location == "/console/signed-out?why=signed-out"
            assert (await client.get("/console/")).location == "/console/signed-out?why=missing", "the cookie is gone"


async def test_an_https_console_address_makes_the_cookie_secure_and_the_link_uses_it(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock, console_base_url="https://training.example.org/") as application:
        manager = sandbox.user(user_id=MANAGER)
        await verify(manager)
        link = await link_from_chat(manager)
        assert link.startswith("https://training.example.org/console/sign-in/")
        client = ConsoleClient(application)
        try:
            used = await client.post(link.replace("https://training.example.org", client.base), {})
            assert used.status == 303 and "Secure" in used.headers["Set-Cookie"]
        finally:
            await client.close()


async def test_without_a_web_server_console_says_it_is_not_enabled(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock, web_port=None):
        manager = sandbox.user(user_id=MANAGER)
        await verify(manager)
        await manager.send("/console")
        assert (await manager.wait_reply()).text == in_users_language(manager, "console-unavailable")
