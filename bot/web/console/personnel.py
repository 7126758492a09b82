"""The approved-personnel list: upload, the chat's dry-run summary, Confirm or Cancel, and download."""

from __future__ import annotations

from aiohttp import web

from bot.handlers.manager import MAX_LIST_BYTES, MAX_PROBLEMS_SHOWN
from bot.services.personnel import ImportPlan, parse_personnel_csv
from bot.services.roster import EXPORT_COLUMNS
from bot.web.console.downloads import csv_download
from bot.web.console.site import render, see_other, services, unit, user

NOTICES = ("imported", "cancelled", "stale")


def routes() -> list[web.RouteDef]:
    return [
        web.get("/personnel", _personnel),
        web.post("/personnel", _upload),
        web.post("/personnel/decision", _decide),
        web.get("/personnel.csv", _download),
    ]


async def _personnel(request: web.Request, **context: object) -> web.Response:
    notice = request.query.get("notice")
    count = len(await services(request).personnel.entries(unit(request).session))
    context.setdefault("notice", notice if notice in NOTICES else None)
    for name, empty in (("problem", None), ("problems", []), ("problem_count", 0), ("counts", {})):
        context.setdefault(name, empty)
    return render(request, "personnel.html", count=count, limit=MAX_LIST_BYTES // (1024 * 1024), **context)


async def _upload(request: web.Request) -> web.Response:
    """Validated as the chat validates a list sent as a file; nothing changes before Confirm."""
    upload = (await request.post()).get("list")
    if not isinstance(upload, web.FileField) or not upload.filename.lower().endswith(".csv"):
        return await _personnel(request, problem="import-not-csv")
    data = upload.file.read(MAX_LIST_BYTES + 1)
    if len(data) > MAX_LIST_BYTES:
        return await _personnel(request, problem="import-too-large")
    app_services, session = services(request), unit(request).session
    rows, problems = parse_personnel_csv(data, app_services.hasher)
    if problems:
        return await _personnel(request, problems=[str(problem) for problem in problems[:MAX_PROBLEMS_SHOWN]],
                                problem_count=len(problems))
    manager = await app_services.officers.by_telegram_id(session, user(request).telegram_id)
    plan = await app_services.personnel.plan(session, rows)
    pending = await app_services.personnel.hold(session, manager, plan)
    return render(request, "personnel_preview.html", pending=pending, counts=_counts(plan), plan=plan)


async def _decide(request: web.Request) -> web.Response:
    form = await request.post()
    pending = str(form.get("pending", ""))
    app_services, session = services(request), unit(request).session
    manager = await app_services.officers.by_telegram_id(session, user(request).telegram_id)
    plan = await app_services.personnel.release(session, manager, int(pending)) if pending.isdigit() else None
    if plan is None:
        return see_other("/personnel", notice="stale")
    if form.get("decision") != "confirm":
        return see_other("/personnel", notice="cancelled")
    plan = await app_services.personnel.replace(session, plan.rows)  # re-planned: the list may have changed
    app_services.audit.record(session, user(request).actor, "personnel.import", None, plan.summary())
    return await _personnel(request, notice="imported", counts=_counts(plan))


async def _download(request: web.Request) -> web.Response:
    """The list as it is, without phone numbers or emails: only their keyed hashes are stored."""
    app_services, session = services(request), unit(request).session
    entries = await app_services.roster.export(session)
    app_services.audit.record(session, user(request).actor, "console.export", None, "personnel")
    stamp = app_services.clock().strftime("%Y%m%d")
    return csv_download(f"learnbot-personnel-{stamp}.csv", EXPORT_COLUMNS, (entry.export_row() for entry in entries))


def _counts(plan: ImportPlan) -> dict[str, int]:
    return {"added": len(plan.added), "updated": len(plan.updated),
            "removed": len(plan.removed), "unchanged": len(plan.unchanged)}
