"""The approved-personnel list: upload, the chat's dry-run summary, Confirm or Cancel, and download."""

from __future__ import annotations

from aiohttp import web

from bot.handlers.manager import MAX_PROBLEMS_SHOWN
from bot.services.personnel import ImportPlan
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
    limit = services(request).personnel.limits.max_bytes // 2**20
    return render(request, "personnel.html", count=count, limit=limit, **context)


async def _upload(request: web.Request) -> web.Response:
    """Validated as the chat validates a list sent as a file; nothing changes before Confirm."""
    upload = (await request.post()).get("list")
    if not isinstance(upload, web.FileField) or not upload.filename.lower().endswith(".csv"):
        return await _personnel(request, problem="import-not-csv")
    app_services, session = services(request), unit(request).session
    max_bytes = app_services.personnel.limits.max_bytes
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        return await _personnel(request, problem="import-too-large")
    rows, problems = await app_services.personnel.parse(data, app_services.hasher)
    if problems:
        return await _personnel(request, problems=[str(problem) for problem in problems[:MAX_PROBLEMS_SHOWN]],
                                problem_count=len(problems))
    manager = await app_services.officers.by_telegram_id(session, user(request).telegram_id)
    plan = await app_services.personnel.plan(session, rows)
    pending = await app_services.personnel.hold(session, manager, rows)
    return render(request, "personnel_preview.html", pending=pending, counts=_counts(plan), plan=plan)


async def _decide(request: web.Request) -> web.Response:
    form = await request.post()
    pending = str(form.get("pending", ""))
    app_services, session = services(request), unit(request).session
    manager = await app_services.officers.by_telegram_id(session, user(request).telegram_id)
    if not pending.isdigit():
        return see_other("/personnel", notice="stale")
    if form.get("decision") != "confirm":
        cancelled = await app_services.personnel.cancel(session, manager, int(pending))
        return see_other("/personnel", notice="cancelled" if cancelled else "stale")
    plan = await app_services.personnel.confirm(session, manager, int(pending))  # re-planned against today's list
    if plan is None:
        return see_other("/personnel", notice="stale")
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
