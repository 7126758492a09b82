"""Only approved personnel get in: the gate, verification, invites, bindings, roles, re-imports."""

from __future__ import annotations

import re

from sqlmodel import select

from bot.context import LearnbotApplication
from bot.sandbox import BotApiSandbox, SandboxMessage, SandboxUser
from bot.settings import PROJECT_ROOT
from bot.storage.database import UnitOfWork
from bot.storage.models import AuditEntry, Personnel
from tests.integration.conftest import (
    ADMIN_ID,
    I18N,
    LISTED,
    MovableClock,
    personnel_csv,
    phone_of,
    seed_personnel,
    settle,
    starter_course,
    verify,
)

T = I18N.translator("en")
COURSE = starter_course()
MANAGER = 5010
INVITE = re.compile(r"IN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


def asks_to_verify(message: SandboxMessage) -> bool:
    buttons = [button for row in (message.reply_keyboard or []) for button in row]
    return message.text == T("verify-needed") and any(button.get("request_contact") for button in buttons)


def course_text_shown(sandbox: BotApiSandbox) -> bool:
    texts = " ".join(str(call.params.get("text", "")) for call in sandbox.calls if call.method in {"sendMessage", "editMessageText"})
    return any(lesson.titles["en"] in texts for lesson in COURSE.lessons)


async def audit_actions(bot: LearnbotApplication) -> list[tuple[str, str]]:
    unit = UnitOfWork(bot.services.sessions)
    rows = (await unit.session.exec(select(AuditEntry))).all()
    await unit.finish()
    return [(row.action, row.detail) for row in rows]


async def invite_for(bot: LearnbotApplication, manager: SandboxUser, personnel_id: str) -> str:
    await manager.send(f"/invite {personnel_id}")
    reply = await manager.wait_reply()
    match = INVITE.search(reply.text)
    assert match, reply.text
    await settle(bot)
    return match.group(0)


async def test_unverified_user_is_gated_at_every_entry_point(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=7001, language_code="en")
    for command in ("/courses", "/continue"):
        await user.send(command)
        assert asks_to_verify(await user.wait_reply()), command
    await user.send("/start")
    welcome = await user.wait_reply()
    assert welcome.text == T("welcome", name=user.profile.first_name) + "\n\n" + T("verify-needed")
    assert [b.get("request_contact") for row in welcome.reply_keyboard for b in row] == [True], "Share is right there"
    await user.send("/help")
    menu = await user.wait_reply()
    for label in (T("menu-courses"), T("menu-continue")):
        await user.press(label)
        assert asks_to_verify(await user.wait_reply()), label
    first = COURSE.lessons[0]
    for forged in (f"l:{COURSE.id}:{first.id}:0", f"o:{COURSE.id}", "c", "r"):
        await user.press_data(menu, forged)
        assert asks_to_verify(await user.wait_reply()), forged
    assert not course_text_shown(sandbox)


async def test_own_contact_verifies_and_someone_elses_is_refused(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=5011, language_code="en")
    await user.send_contact(phone_number=phone_of(5012), first_name="Colleague", user_id=5012)
    assert (await user.wait_reply()).text == T("verify-foreign-contact")
    await user.send_contact(phone_number=phone_of(5011), first_name="Forwarded")  # no user_id: typed or forwarded
    assert (await user.wait_reply()).text == T("verify-foreign-contact")
    await user.send("/courses")
    assert asks_to_verify(await user.wait_reply())
    await verify(user)
    await user.send("/courses")
    assert COURSE.titles["en"] in (await user.wait_reply()).button_labels()
    assert ("verify.refused", "foreign-contact") in await audit_actions(bot)
    assert ("verify.ok", "phone") in await audit_actions(bot)


async def test_a_number_not_on_the_list_is_refused(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=7002, language_code="en")
    await user.send_contact(phone_number=phone_of(7002), user_id=7002)
    assert (await user.wait_reply()).text == T("verify-not-on-list")


async def test_invite_code_works_once_expires_and_failures_are_counted(bot, sandbox: BotApiSandbox, clock: MovableClock) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    code = await invite_for(bot, manager, "P-5015")
    newcomer = sandbox.user(user_id=7003, language_code="en")
    await newcomer.send(code.lower().replace("-", " "))
    assert (await newcomer.wait_reply()).text == T("verify-success")
    await newcomer.wait_reply()

    other = sandbox.user(user_id=7004, language_code="en")
    await other.send(code)
    assert (await other.wait_reply()).text == T("verify-invalid-code"), "a code works once"

    late_code = await invite_for(bot, manager, "P-5016")
    clock.advance(days=7, minutes=1)
    late = sandbox.user(user_id=7005, language_code="en")
    await late.send(late_code)
    assert (await late.wait_reply()).text == T("verify-invalid-code"), "codes expire after 7 days"

    for attempt in range(4):
        await late.send(f"AAAA-BBBB-CCCC-{attempt:04d}")
        assert (await late.wait_reply()).text == T("verify-invalid-code")
    await late.send_contact(phone_number=phone_of(5017), user_id=7005)
    cooling = await late.wait_reply()
    assert re.fullmatch(re.escape(T("verify-cooling-down", time="HH:MM")).replace("HH:MM", r"\d\d:\d\d"), cooling.text)
    clock.advance(hours=1, minutes=1)
    await late.send(await invite_for(bot, manager, "P-5016"))
    assert (await late.wait_reply()).text == T("verify-success"), "the cool-down ends after an hour"


async def test_invite_as_a_start_link(bot, sandbox: BotApiSandbox) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    code = await invite_for(bot, manager, "P-5018")
    user = sandbox.user(user_id=7006, language_code="en")
    await user.send(f"/start {code}")
    assert (await user.wait_reply()).text == T("verify-success")


async def test_reimport_revokes_access_at_the_next_interaction(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=5013, language_code="en")
    await verify(user)
    await user.send("/courses")
    assert COURSE.titles["en"] in (await user.wait_reply()).button_labels()
    await seed_personnel(bot, personnel_csv([uid for uid in LISTED if uid != 5013]))
    await user.send("/courses")
    withdrawn = await user.wait_reply()
    assert withdrawn.text == T("verify-withdrawn", contact=T("access-contact-default")), "told why, and whom to ask"
    assert [b.get("request_contact") for row in withdrawn.reply_keyboard for b in row] == [True]


async def test_binding_conflict_is_refused_shown_and_resolved(bot, sandbox: BotApiSandbox) -> None:
    owner = sandbox.user(user_id=5014, language_code="en")
    await verify(owner)
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    claimant = sandbox.user(user_id=7007, language_code="en")
    await claimant.send(await invite_for(bot, manager, "P-5014"))
    assert (await claimant.wait_reply()).text == T("verify-conflict")

    await manager.send("/conflicts")
    listing = await manager.wait_reply()
    assert listing.text.splitlines() == [T("conflicts-list"), "• P-5014"]
    await manager.send("/unbind P-5014")
    assert (await manager.wait_reply()).text == T("unbind-done", personnel="P-5014")
    await settle(bot)
    await owner.send("/courses")
    assert asks_to_verify(await owner.wait_reply())
    await claimant.send(await invite_for(bot, manager, "P-5014"))
    assert (await claimant.wait_reply()).text == T("verify-success")


async def test_manager_commands_are_refused_to_officers_and_absent_from_their_menu(bot, sandbox: BotApiSandbox) -> None:
    officer = sandbox.user(user_id=5019, language_code="en")
    await verify(officer)
    for command in ("/invite P-5001", "/unbind P-5001", "/conflicts"):
        await officer.send(command)
        assert (await officer.wait_reply()).text == T("role-required")
    await officer.send("/grant_manager 5019")
    assert (await officer.wait_reply()).text == T("admin-required")
    await settle(bot)
    refusals = [detail for action, detail in await audit_actions(bot) if action == "command.refused"]
    assert refusals == ["handle_invite", "handle_unbind", "handle_conflicts", "handle_grant"]

    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    menus = {}
    for call in sandbox.calls_of("setMyCommands"):
        scope = call.params.get("scope") or {}
        if scope.get("type") == "chat":
            menus[scope["chat_id"]] = [command["command"] for command in call.params["commands"]]
    assert "invite" not in menus[5019] and "grant_manager" not in menus[5019]
    assert {"invite", "unbind", "conflicts"} <= set(menus[MANAGER]) and "grant_manager" not in menus[MANAGER]


async def test_admins_menu_is_published_on_start(bot, sandbox: BotApiSandbox) -> None:
    admin = sandbox.user(user_id=ADMIN_ID, language_code="en")
    await admin.send("/start")
    await admin.wait_reply()
    scoped = [c for c in sandbox.calls_of("setMyCommands") if (c.params.get("scope") or {}).get("chat_id") == ADMIN_ID]
    assert scoped and {"grant_manager", "revoke_manager", "invite"} <= {c["command"] for c in scoped[0].params["commands"]}


async def test_admin_grants_and_revokes_the_manager_role(bot, sandbox: BotApiSandbox) -> None:
    officer = sandbox.user(user_id=5002, language_code="en")
    await verify(officer)
    admin = sandbox.user(user_id=ADMIN_ID, language_code="en")
    await admin.send("/grant_manager 5002")
    assert (await admin.wait_reply()).text == T("role-granted", account="5002")
    await settle(bot)
    await officer.send("/conflicts")
    assert (await officer.wait_reply()).text == T("conflicts-none")
    await admin.send("/revoke_manager 5002")
    assert (await admin.wait_reply()).text == T("role-revoked", account="5002")
    await settle(bot)
    await officer.send("/conflicts")
    assert (await officer.wait_reply()).text == T("role-required")
    assert [action for action, _ in await audit_actions(bot) if action.startswith("role.")] == ["role.grant", "role.revoke"]


async def test_manager_uploads_a_list_with_dry_run_then_confirms(bot, sandbox: BotApiSandbox) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    new_list = personnel_csv([MANAGER, 5001, 8001], managers=(MANAGER,))
    await manager.send_document(file_name="list.csv", content=new_list, mime_type="text/csv")
    preview = await manager.wait_reply()
    removed = len(LISTED) - 2
    assert preview.text == T("import-preview", added=1, updated=0, removed=removed, unchanged=2)
    assert preview.button_labels() == [T("import-confirm"), T("import-cancel")]
    await manager.press(T("import-confirm"))
    done = await manager.wait_reply()
    assert done.text == T("import-done", added=1, updated=0, removed=removed, unchanged=2)
    await settle(bot)
    unit = UnitOfWork(bot.services.sessions)
    ids = sorted(p.personnel_id for p in (await unit.session.exec(select(Personnel))).all())
    await unit.finish()
    assert ids == ["P-5001", "P-5010", "P-8001"]
    again = await manager.press_data(preview, preview.inline_buttons[0][0]["callback_data"])
    assert again.text == T("stale-button"), "a confirmed upload cannot be applied twice"


async def test_manager_can_cancel_an_upload(bot, sandbox: BotApiSandbox) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    await manager.send_document(file_name="list.csv", content=personnel_csv([MANAGER], managers=(MANAGER,)))
    await manager.wait_reply()
    await manager.press(T("import-cancel"))
    assert (await manager.wait_reply()).text == T("import-cancelled")
    await manager.send("/courses")
    assert COURSE.titles["en"] in (await manager.wait_reply()).button_labels(), "still on the list"


async def test_malformed_upload_is_rejected_with_line_numbers(bot, sandbox: BotApiSandbox) -> None:
    manager = sandbox.user(user_id=MANAGER, language_code="en")
    await verify(manager)
    bad = (PROJECT_ROOT / "tests" / "fixtures" / "personnel" / "duplicate_id.csv").read_bytes()
    await manager.send_document(file_name="bad.csv", content=bad, mime_type="text/csv")
    reply = await manager.wait_reply()
    assert reply.text.splitlines() == [T("import-rejected", count=1), "line 3: personnel_id: duplicate of line 2"]
    assert reply.button_labels() == []
    await manager.send_document(file_name="list.pdf", content=b"%PDF-1.4")
    assert (await manager.wait_reply()).text == T("import-not-csv")


async def test_officers_file_is_just_an_unsupported_message(bot, sandbox: BotApiSandbox) -> None:
    officer = sandbox.user(user_id=5003, language_code="en")
    await verify(officer)
    await officer.send_document(file_name="list.csv", content=personnel_csv([5003]))
    assert (await officer.wait_reply()).text == T("unsupported-media")
