"""Cohorts in the chat: /assign with buttons and a date, assigned courses first in /courses, /assignments, /stats filters."""

from __future__ import annotations

from datetime import date, timedelta

from bot.sandbox import BotApiSandbox
from bot.storage.models import LessonProgress
from bot.views.dates import day
from tests.integration.conftest import I18N, RunBot, starter_course
from tests.integration.crowd import Member, crowd, seed_verified

T = I18N.translator("en")
MANAGER = 23_000


async def test_a_manager_assigns_a_course_and_its_cohort_sees_it_first_with_the_due_date(
        run_bot: RunBot, sandbox: BotApiSandbox) -> None:
    async with run_bot() as app:
        members = [Member(MANAGER, role="manager"), *crowd([23_001, 23_002], cohort="Lyon 2027|Cyber"),
                   *crowd([23_003], cohort="Cyber")]
        await seed_verified(app.services, sandbox, members)
        course = starter_course()
        today = app.services.clock().date()
        manager = sandbox.user(user_id=MANAGER)
        await manager.send("/assign")
        choose = await manager.wait_reply()
        assert choose.text == T("assign-choose-cohort") and choose.button_labels() == ["Cyber (3)", "Lyon 2027 (2)"]
        await manager.press("Lyon 2027 (2)")
        assert (await manager.wait_reply()).text == T("assign-choose-course", cohort="Lyon 2027")
        await manager.press(course.titles["en"])
        await manager.wait_reply()
        await manager.send(f"{today:%Y-%m-%d}")
        assert (await manager.wait_reply()).text == T("assign-bad-date"), "not in the past, not today"
        due = today + timedelta(days=10)
        await manager.send(f"{due:%Y-%m-%d}")
        assert (await manager.wait_reply()).text == T("assign-done", course=course.titles["en"], cohort="Lyon 2027",
                                                       members=2, date=day(due, "en"))

        member, other = sandbox.user(user_id=23_001), sandbox.user(user_id=23_003)
        await member.send("/courses")
        labels = (await member.wait_reply()).button_labels()
        assert labels[0] == T("catalogue-due", course=course.titles["en"], date=day(due, "en"))
        await other.send("/courses")
        assert (await other.wait_reply()).button_labels()[0] != labels[0], "not in that cohort"

        await manager.send("/assign")
        await manager.wait_reply()
        await manager.press("Cyber (3)")
        await manager.wait_reply()
        await manager.press(course.titles["en"])
        await manager.wait_reply()
        await manager.press(T("assign-in-weeks", weeks=2))
        assert T("assign-done", course=course.titles["en"], cohort="Cyber", members=3,
                 date=day(today + timedelta(weeks=2), "en")) == (await manager.wait_reply()).text
        await member.send("/courses")
        labels = (await member.wait_reply()).button_labels()
        assert labels[0] == T("catalogue-due", course=course.titles["en"], date=day(due, "en")), "the earliest date"

        await manager.send("/assignments")
        listing = await manager.wait_reply()
        assert T("assignments-line", cohort="Lyon 2027", course=course.titles["en"], date=day(due, "en")) in listing.text
        await manager.press(T("assignments-cancel-button", cohort="Lyon 2027", course=course.titles["en"][:30]))
        after = await manager.wait_reply()
        assert "Lyon 2027" not in after.text and "Cyber" in after.text
        await member.send("/help")
        forged = await member.wait_reply()
        await member.press_data(forged, "D:x:0:2")
        assert (await member.wait_reply()).text == T("role-required"), "an officer cannot cancel assignments"
        await manager.send("/assignments")
        assert "Cyber" in (await manager.wait_reply()).text


async def test_an_overdue_assignment_is_marked_and_stats_filter_by_cohort_and_country(
        run_bot: RunBot, sandbox: BotApiSandbox) -> None:
    async with run_bot() as app:
        members = [Member(MANAGER, role="manager"), *crowd([23_101], cohort="Lyon 2027"),
                   *crowd([23_102], country="ES")]
        await seed_verified(app.services, sandbox, members)
        course = starter_course()
        async with app.services.unit_of_work() as unit:
            [cohort] = await app.services.cohorts.cohorts(unit.session)
            await app.services.cohorts.assign(unit.session, cohort.id, course.id, date(2020, 1, 31), "manager")
            for user_id in (23_101, 23_102):  # both have read the first lesson
                officer_row = await app.services.officers.by_telegram_id(unit.session, user_id)
                assert officer_row is not None and officer_row.id is not None
                unit.session.add(LessonProgress(officer_id=officer_row.id, course_id=course.id,
                                                lesson_id=course.lessons[0].id, updated_at=app.services.clock(),
                                                completed_at=app.services.clock()))
        officer = sandbox.user(user_id=23_101)
        await officer.send("/courses")
        assert (await officer.wait_reply()).button_labels()[0] == T(
            "catalogue-overdue", course=course.titles["en"], date=day(date(2020, 1, 31), "en"))

        manager = sandbox.user(user_id=MANAGER)
        await manager.send("/stats")
        await manager.wait_reply()
        await manager.press(T("stats-by-country"))
        assert (await manager.wait_reply()).button_labels() == ["ES", "FR", T("stats-everyone")]
        await manager.press("ES")
        assert T("stats-filtered", filter=T("stats-filter-country", country="ES")) in (await manager.wait_reply()).text
        await manager.press(T("stats-by-cohort"))
        await manager.wait_reply()
        await manager.press("Lyon 2027 (1)")
        assert T("stats-filtered", filter=T("stats-filter-cohort", name="Lyon 2027")) in (await manager.wait_reply()).text
        await manager.press(T("stats-export-these"))
        export = await manager.wait_reply()
        assert export.document is not None
        rows = sandbox.bot_state().files[export.document["file_id"]].content.decode().splitlines()
        assert [row.split(",")[0] for row in rows[1:]] == ["P-23101"], "the cohort's learners only"
