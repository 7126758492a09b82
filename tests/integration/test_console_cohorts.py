"""Cohorts in the console: the figures and the officers filtered by cohort, and the cohort column of the list."""

from __future__ import annotations

import csv
import io
import re

from bot.sandbox import BotApiSandbox
from bot.settings import Settings
from tests.integration.conftest import I18N, LISTED, MovableClock, seed_personnel, verify
from tests.support.console import (
    MANAGER,
    OFFICER,
    complete_lessons,
    console_bot,
    course_row,
    figure,
    listed_with_cohorts,
    rows_of,
    signed_in,
)

T = I18N.translator("en")


async def test_cohorts_filter_the_figures_and_the_officers_and_travel_with_the_list(
    settings: Settings, clock: MovableClock, sandbox: BotApiSandbox
) -> None:
    async with console_bot(settings, clock) as application:
        await seed_personnel(application, listed_with_cohorts({OFFICER: "Lyon 2027", LISTED[1]: "Lyon 2027 | Night shift"}))
        for reader in (OFFICER, LISTED[1], LISTED[2]):
            await verify(sandbox.user(user_id=reader))
        course = application.services.catalogue.courses[0]
        await complete_lessons(application, OFFICER, 2)
        async with application.services.unit_of_work() as unit:
            cohorts = {c.name: c.id for c in await application.services.cohorts.cohorts(unit.session)}
        async with signed_in(application, sandbox, MANAGER) as client:
            everyone = await client.get("/console/")
            assert figure(everyone.text, "verified") == 4 and f'<option value="{cohorts["Lyon 2027"]}">Lyon 2027 (2)' in everyone.text
            lyon = await client.get("/console/", cohort=cohorts["Lyon 2027"])
            assert (figure(lyon.text, "verified"), figure(lyon.text, "lessons")) == (2, 2)
            assert course_row(lyon.text, course.id)[0] == "1"
            night = await client.get("/console/", cohort=cohorts["Night shift"], country="FR")
            assert (figure(night.text, "verified"), figure(night.text, "lessons")) == (1, 0)
            assert f'value="{cohorts["Night shift"]}" selected' in night.text
            members = await client.get("/console/officers", cohort=cohorts["Lyon 2027"])
            assert members.shows(T("console-officers-count", count=2))
            assert members.text.count('href="/console/officer?id=') == 2 and "Lyon 2027, Night shift" in members.text
            page = await client.get("/console/officer", id=f"P-{LISTED[1]}")
            assert '<dd id="cohorts">Lyon 2027, Night shift</dd>' in page.text

            download = rows_of((await client.get("/console/personnel.csv")).body)
            by_id = {row[0]: row for row in download[1:]}
            assert by_id[f"P-{LISTED[1]}"][5] == "Lyon 2027 | Night shift" and by_id[f"P-{LISTED[2]}"][5] == ""
            by_id[f"P-{LISTED[2]}"][5] = "Night shift"  # edited in a spreadsheet, then uploaded again
            edited = io.StringIO()
            csv.writer(edited).writerows([download[0], *by_id.values()])
            preview = await client.upload("/console/personnel", everyone.csrf, "edited.csv", edited.getvalue().encode())
            pending = re.search(r'name="pending" value="(\d+)"', preview.text)
            assert pending, preview.text
            await client.post("/console/personnel/decision",
                              {"csrf": everyone.csrf, "pending": pending.group(1), "decision": "confirm"})
            night = await client.get("/console/", cohort=cohorts["Night shift"])
            assert figure(night.text, "verified") == 2
