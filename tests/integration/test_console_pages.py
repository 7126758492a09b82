"""The console's pages over real HTTP against the running bot: figures, officers, the list, certificates, content."""

from __future__ import annotations

import re

from bot.sandbox import BotApiSandbox
from bot.settings import Settings
from bot.telegram_html import card_html
from tests.integration.conftest import I18N, LISTED, MANAGERS, MovableClock, personnel_csv, seed_personnel, verify
from tests.support.console import (
    MANAGER,
    OFFICER,
    ConsoleClient,
    complete_lessons,
    console_bot,
    course_row,
    figure,
    issue_certificate,
    rows_of,
    signed_in,
)

T = I18N.translator("en")


async def test_the_overview_counts_verified_active_officers_lessons_and_course_results_by_country(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        readers = [LISTED[0], LISTED[1], LISTED[21]]
        for reader in readers:
            await verify(sandbox.user(user_id=reader))
        course = application.services.catalogue.courses[0]
        await complete_lessons(application, readers[0], len(course.lessons))
        await complete_lessons(application, readers[1], 2)
        code = await issue_certificate(application, readers[0])
        # Entries 6000–6019 move to Spain; their bindings stay (same personnel ids).
        lines = [line.replace(",FR,", ",ES,") if line.startswith("P-60") else line
                 for line in personnel_csv(LISTED, MANAGERS).decode().splitlines()]
        await seed_personnel(application, ("\n".join(lines) + "\n").encode())
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/")
            assert figure(page.text, "verified") == 4  # the three readers and the manager
            assert figure(page.text, "active") == 4
            assert figure(page.text, "lessons") == len(course.lessons) + 2
            started, completed, takers, rate, certificates = course_row(page.text, course.id)
            assert (started, completed, takers, certificates) == ("2", "1", "0", "1")
            assert rate == T("console-none")
            bars = re.findall(r'<rect class="bar"[^>]*height="([\d.]+)"', page.text)
            assert len(bars) == 12 and float(bars[-1]) > 0 and all(float(bar) == 0 for bar in bars[:-1])
            assert f": {len(course.lessons) + 2}</title>" in page.text
            spain = await client.get("/console/", country="ES")
            assert figure(spain.text, "verified") == 1 and figure(spain.text, "lessons") == 0
            assert course_row(spain.text, course.id)[0] == "0"
            assert 'value="ES" selected' in spain.text
            register = await client.get("/console/certificates", q=code)
            assert code in register.text


async def test_officers_are_searchable_paginated_and_each_has_a_page_with_progress_and_certificates(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        await seed_personnel(application, personnel_csv(list(range(5000, 5120)), MANAGERS))
        await verify(sandbox.user(user_id=OFFICER))
        await complete_lessons(application, OFFICER, 1)
        code = await issue_certificate(application, OFFICER, percent=85)
        async with signed_in(application, sandbox, MANAGER) as client:
            first = await client.get("/console/officers")
            assert first.shows(T("console-officers-count", count=120)) and first.shows(T("console-page-of", number=1, pages=3))
            last = await client.get("/console/officers", page=3)
            assert last.text.count('href="/console/officer?id=') == 20
            assert (await client.get("/console/officers", page=99)).shows(T("console-page-of", number=3, pages=3))
            found = await client.get("/console/officers", q=f"officer {OFFICER}")
            assert found.text.count('href="/console/officer?id=') == 1
            course = application.services.catalogue.courses[0]
            progress = T("console-course-progress", course=course.titles["en"], done=1, total=len(course.lessons))
            assert found.shows(progress)
            assert (await client.get("/console/officers", q="no such officer")).shows(T("console-nothing-found"))
            page = await client.get("/console/officer", id=f"P-{OFFICER}")
            assert page.shows(f"Officer {OFFICER}") and page.shows(progress) and code in page.text
            assert (await client.get("/console/officer", id="P-nobody")).status == 404


async def test_an_invite_code_made_in_the_console_verifies_an_officer_in_the_chat(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/officer", id=f"P-{OFFICER}")
            made = await client.post("/console/officer/invite", {"id": f"P-{OFFICER}", "csrf": page.csrf})
            assert made.status == 200
            code = re.search(r'<p class="code" dir="ltr"><code>([A-Z0-9-]+)</code>', made.text)
            assert code, made.text
        newcomer = sandbox.user(user_id=7001)  # not on the list by phone: the code is their way in
        await newcomer.send(code.group(1))
        assert (await newcomer.wait_reply()).text == T("verify-success")
        async with signed_in(application, sandbox, MANAGERS[1]) as client:
            page = await client.get("/console/officer", id=f"P-{OFFICER}")
            assert not page.shows(T("console-not-verified"))


async def test_a_list_upload_shows_problems_or_a_preview_and_changes_only_on_confirm(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/personnel")
            assert page.shows(T("console-personnel-count", count=len(LISTED)))
            broken = b"personnel_id,phone,country\nP-1,+33612345678,FR\nP-2,not a phone,XX\n"
            rejected = await client.upload("/console/personnel", page.csrf, "list.csv", broken)
            assert rejected.shows(T("import-rejected", count=2))
            assert rejected.shows("line 3: phone: not an international number") and rejected.shows("line 3: country:")
            not_csv = await client.upload("/console/personnel", page.csrf, "list.txt", broken)
            assert not_csv.shows(T("import-not-csv"))
            smaller = personnel_csv(LISTED[:30] + [7100, 7101], MANAGERS)
            preview = await client.upload("/console/personnel", page.csrf, "new.csv", smaller)
            counts = {"added": 2, "updated": 0, "removed": 10, "unchanged": 30}
            assert preview.shows(T("import-preview", **counts))
            pending = re.search(r'name="pending" value="(\d+)"', preview.text)
            assert pending
            unchanged = await client.get("/console/personnel")
            assert unchanged.shows(T("console-personnel-count", count=len(LISTED))), "nothing changes before Confirm"
            done = await client.post("/console/personnel/decision",
                                     {"csrf": page.csrf, "pending": pending.group(1), "decision": "confirm"})
            assert done.shows(T("import-done", **counts)) and done.shows(T("console-personnel-count", count=32))
            again = await client.post("/console/personnel/decision",
                                      {"csrf": page.csrf, "pending": pending.group(1), "decision": "confirm"})
            assert again.location == "/console/personnel?notice=stale"
            preview = await client.upload("/console/personnel", page.csrf, "x.csv", personnel_csv([7200]))
            pending = re.search(r'name="pending" value="(\d+)"', preview.text)
            assert pending
            cancelled = await client.post("/console/personnel/decision",
                                          {"csrf": page.csrf, "pending": pending.group(1), "decision": "cancel"})
            assert cancelled.location == "/console/personnel?notice=cancelled"
            assert (await client.get(cancelled.location)).shows(T("console-personnel-count", count=32))
            audit = await client.get("/console/audit", action="personnel.import")
            assert audit.shows(T("console-audit-count", count=1))


async def test_the_list_download_has_no_phones_and_neutralises_formulas(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        hostile = personnel_csv(LISTED, MANAGERS).decode().replace(f"Officer {OFFICER}", "=HYPERLINK(\"x\")", 1)
        await seed_personnel(application, hostile.replace(f"Officer {LISTED[1]}", "@SUM(1)", 1).encode())
        async with signed_in(application, sandbox, MANAGER) as client:
            download = await client.get("/console/personnel.csv")
            assert download.headers["Content-Type"].startswith("text/csv")
            assert "attachment" in download.headers["Content-Disposition"]
            rows = rows_of(download.body)
            assert rows[0] == ["personnel_id", "country", "role", "display_name", "expires", "cohort"]
            by_id = {row[0]: row for row in rows[1:]}
            assert len(by_id) == len(LISTED)
            assert by_id[f"P-{OFFICER}"][3] == "'=HYPERLINK(\"x\")" and by_id[f"P-{LISTED[1]}"][3] == "'@SUM(1)"
            assert "+336" not in download.text and "police.example" not in download.text
            assert (await client.get("/console/audit", action="console.export")).shows("personnel")


async def test_an_oversized_upload_gets_a_clear_answer(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/personnel")
            limit_mb = application.services.personnel.limits.max_bytes // 2**20
            huge = b"personnel_id\n" + b"P-1\n" * ((limit_mb + 1) * 2**18)
            answer = await client.upload("/console/personnel", page.csrf, "big.csv", huge)
            assert answer.status == 413 and answer.shows(T("console-error-too-large", limit=limit_mb))
            assert (await client.get("/console/personnel")).shows(T("console-personnel-count", count=len(LISTED)))


async def test_a_certificate_revoked_with_a_reason_is_reported_revoked_in_the_chat_and_in_the_export(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        holder = sandbox.user(user_id=OFFICER)
        await verify(holder)
        code = await issue_certificate(application, OFFICER)
        await verify(sandbox.user(user_id=MANAGERS[1]))
        other = await issue_certificate(application, MANAGERS[1])
        async with signed_in(application, sandbox, MANAGER) as client:
            by_code = await client.get("/console/certificates", q=code.lower().replace("-", ""))
            assert code in by_code.text and other not in by_code.text
            by_name = await client.get("/console/certificates", q=f"officer {OFFICER}")
            assert code in by_name.text and other not in by_name.text
            form = await client.get("/console/certificates", q=code, code=code)
            assert 'id="revoke"' in form.text
            no_reason = await client.post("/console/certificates/revoke", {"csrf": form.csrf, "code": code, "reason": " "})
            assert (await client.get(no_reason.location)).shows(T("console-revoke-reason-needed"))
            reason = "=Exam taken by someone else"
            revoked = await client.post("/console/certificates/revoke", {"csrf": form.csrf, "code": code, "reason": reason})
            shown = await client.get(revoked.location)
            assert shown.shows(T("revoke-certificate-done", code=code)) and shown.shows(reason)
            twice = await client.post("/console/certificates/revoke", {"csrf": form.csrf, "code": code, "reason": "x"})
            assert (await client.get(twice.location)).shows(T("revoke-certificate-unknown", code=code))
            export = rows_of((await client.get("/console/certificates.csv")).body)
            row = next(row for row in export[1:] if row[0] == code)
            assert row[6] == "revoked" and row[8] == "'" + reason
            audit = await client.get("/console/audit", action="certificate.revoke")
            assert audit.shows(f"{code} {reason}")
            assert application.services.hasher.telegram_account(MANAGER)[:12] in audit.text
        await holder.send(f"/verify {code}")
        course = application.services.catalogue.courses[0]
        issued = application.services.clock().strftime("%Y-%m-%d")
        assert (await holder.wait_reply()).text == T("verify-revoked", code=code, course=course.titles["en"], date=issued)


async def test_the_content_browser_shows_cards_as_officers_see_them_and_the_answer_key(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        course = application.services.catalogue.courses[0]
        async with signed_in(application, sandbox, MANAGER) as client:
            index = await client.get("/console/content")
            assert index.shows(course.titles["en"])
            for locale in ("en", "ar"):
                page = await client.get("/console/content", course=course.id, lang=locale)
                assert page.status == 200
                block = re.search(r'<div class="as-officers" lang="(\w+)" dir="(\w+)">', page.text)
                assert block and block.groups() == (locale, "rtl" if locale == "ar" else "ltr")
                lesson = course.lessons[0]
                for card in lesson.cards[locale]:
                    assert card_html(card) in page.text
                question = course.final_quiz[0]
                assert page.shows(question.texts[locale])
                keys = page.text.count('class="correct"')
                assert keys == sum(len(q.correct) for q in course.questions)
            assert page.shows(I18N.format("ar", "card-position", lesson=1, lessons=len(course.lessons), card=1,
                                          cards=course.lessons[0].card_count))


async def test_the_audit_log_filters_by_action_and_date_and_exports_what_it_shows(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            today = application.services.clock().date().isoformat()
            everything = await client.get("/console/audit")
            assert 'value="verify.ok"' in everything.text and 'value="console.sign-in"' in everything.text
            signins = await client.get("/console/audit", action="console.sign-in", **{"from": today, "to": today})
            assert signins.shows(T("console-audit-count", count=1))
            tomorrow = await client.get("/console/audit", action="console.sign-in", **{"from": "2999-01-01"})
            assert tomorrow.shows(T("console-audit-count", count=0))
            export = rows_of((await client.get("/console/audit.csv", action="verify.ok")).body)
            assert export[0] == ["at", "actor", "action", "subject", "detail"]
            assert {row[2] for row in export[1:]} == {"verify.ok"} and len(export) == 2
            exported = await client.get("/console/audit", action="console.export")
            assert exported.shows("audit")


async def test_the_console_speaks_the_chosen_language_and_arabic_reads_right_to_left(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        async with signed_in(application, sandbox, MANAGER) as client:
            page = await client.get("/console/officers", q="x")
            switched = await client.post("/console/language", {"csrf": page.csrf, "locale": "ar",
                                                               "back": "/console/officers?q=x"})
            assert switched.location == "/console/officers?q=x"
            arabic = await client.get(switched.location)
            assert '<html lang="ar" dir="rtl">' in arabic.text
            assert arabic.shows(I18N.format("ar", "console-officers-title"))
            away = await client.post("/console/language", {"csrf": page.csrf, "locale": "fr", "back": "//evil.example/"})
            assert away.location == "/console/"
            assert '<html lang="fr" dir="ltr">' in (await client.get("/console/")).text
        anonymous = ConsoleClient(application)
        try:
            explanation = await anonymous.get("/console/signed-out", lang="es")
            assert explanation.shows(I18N.format("es", "console-how-to-sign-in"))
        finally:
            await anonymous.close()
