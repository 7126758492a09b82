"""Writing an announcement in the console: the text, the audience with its live count, the preview, then
Send now, Schedule or Discard — through the AnnouncementService the chat's /announce uses.

The form is re-rendered from what was typed (the Markdown is the manager's; the draft stores the
Telegram HTML made from it), and the first save starts a new draft, as /announce does. With scripts on,
the preview follows the typing (htmx posts the form to /announcements/preview, which saves nothing).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web
from multidict import MultiDictProxy

from bot.locales import SUPPORTED_LOCALES
from bot.services.announcements import AnnouncementView, Status, Submitted, chosen_start
from bot.services.audience import Audience, Completion
from bot.storage.models import Officer
from bot.views.announcements import COMPLETION_LABELS
from bot.web.console.bubble import from_markdown, message_html, reads_right_to_left
from bot.web.console.notices import notify_reviewers
from bot.web.console.site import render, see_other, services, translator, unit, user

QUICK_STARTS = ("1h", "t9")  # in one hour; tomorrow at 09:00 in the manager's time zone
MAX_MARKDOWN = 20_000  # far above what fits one message: the length itself is reported, the text kept


def routes() -> list[web.RouteDef]:
    return [
        web.get("/announcements/new", _new),
        web.post("/announcements/compose", _compose),
        web.post("/announcements/preview", _preview),
    ]


async def manager_and_zone(request: web.Request) -> tuple[Officer, str]:
    """The signed-in manager's account and time zone (the one their reminders use, as in the chat)."""
    app_services, session = services(request), unit(request).session
    manager = await app_services.officers.by_telegram_id(session, user(request).telegram_id)
    assert manager is not None, "a console session belongs to a known account"
    return manager, (await app_services.reminders.view(session, manager)).time_zone


async def _new(request: web.Request) -> web.Response:
    return await _page(request, {})


async def _preview(request: web.Request) -> web.Response:
    """The bubble and the count for the form as typed; nothing is saved."""
    form = await request.post()
    audience = await _audience(request, form)
    context = await _preview_context(request, str(form.get("text", ""))[:MAX_MARKDOWN], audience,
                                     form.get("acknowledge") == "1")
    return render(request, "announcement_preview.html", **context)


async def _compose(request: web.Request) -> web.Response:
    form = await request.post()
    app_services, session, actor = services(request), unit(request).session, user(request).actor
    manager, zone = await manager_and_zone(request)
    action, draft_id = str(form.get("action", "preview")), str(form.get("id", ""))
    if action == "discard":
        draft = await app_services.announcements.get(session, int(draft_id)) if draft_id.isdigit() else None
        if draft is not None and draft.author_id == manager.id and draft.status is Status.DRAFT:
            await app_services.announcements.cancel(session, draft.id, actor)  # as the chat's Discard does
        return see_other("/announcements", notice="discarded")
    audience = await _audience(request, form)
    text = str(form.get("text", ""))[:MAX_MARKDOWN]
    written = from_markdown(text)
    # Previewing an empty form is fine; sending it is not.
    problems = [problem for problem in written.problems
                if action != "preview" or problem[0] != "console-compose-problem-text"]
    if audience is None:
        problems.append(("console-compose-problem-choice", {}))
    if problems:
        return await _page(request, form, problems=problems)
    assert audience is not None
    draft = await _save(request, manager, draft_id, written.body, audience, form.get("acknowledge") == "1")
    if draft is None:
        return await _page(request, {**form, "id": ""}, problems=[("announce-stale", {})])
    if action == "preview":
        return await _page(request, {**form, "id": str(draft.id)})
    starts_at = None
    if action == "schedule" or action in QUICK_STARTS:
        starts_at = chosen_start(action if action in QUICK_STARTS else str(form.get("when", "")),
                                 app_services.clock(), zone)
        if starts_at is None:
            problem = ("console-compose-problem-when", {"zone": zone})
            return await _page(request, {**form, "id": str(draft.id)}, problems=[problem])
    outcome = await app_services.announcements.submit(session, draft.id, manager, actor, starts_at)
    if outcome is Submitted.EMPTY or outcome is Submitted.STALE:
        problem = "announce-empty" if outcome is Submitted.EMPTY else "announce-stale"
        return await _page(request, {**form, "id": str(draft.id)}, problems=[(problem, {})])
    if outcome is Submitted.AWAITING_APPROVAL:
        asked = await notify_reviewers(request, draft.id)
        return see_other("/announcement", id=draft.id, notice="awaiting", asked=asked)
    return see_other("/announcement", id=draft.id, notice="scheduled" if starts_at else "sending")


async def _save(request: web.Request, manager: Officer, draft_id: str, body: str, audience: Audience,
                acknowledge: bool) -> AnnouncementView | None:
    """The manager's draft as typed (a new one on the first save); None when it is no longer a draft."""
    announcements, session = services(request).announcements, unit(request).session
    number = int(draft_id) if draft_id.isdigit() else (await announcements.draft(session, manager)).id
    draft = await announcements.compose(session, number, manager, body=body)
    if draft is None:
        return None
    draft = await announcements.narrow(session, number, manager, audience)
    if draft is not None and draft.acknowledge != acknowledge:
        draft = await announcements.toggle_acknowledge(session, number, manager)
    return draft


async def _audience(request: web.Request, form: MultiDictProxy[Any]) -> Audience | None:
    """The filters chosen in the form; None when one is not among the choices offered (stale or forged)."""
    choices = await audience_choices(request)
    chosen: dict[str, Any] = {}
    for field, offered in (("cohort_id", [str(c.id) for c in choices["cohorts"]]),
                           ("course_id", [course.id for course in choices["courses"]]),
                           ("completion", [state.value for state in Completion]),
                           ("country", choices["countries"]), ("language", list(SUPPORTED_LOCALES))):
        value = str(form.get(field, ""))
        if value and value not in offered:
            return None
        if value:
            chosen[field] = int(value) if field == "cohort_id" else Completion(value) if field == "completion" else value
    return Audience().but(**chosen)


async def audience_choices(request: web.Request) -> dict[str, Any]:
    app_services, session = services(request), unit(request).session
    t = translator(request)
    return {"cohorts": await app_services.cohorts.cohorts(session), "courses": app_services.catalogue.courses,
            "countries": await app_services.cohorts.countries(session), "languages": SUPPORTED_LOCALES,
            "completions": [(state.value, t(label)) for state, label in COMPLETION_LABELS.items()]}


async def _preview_context(request: web.Request, text: str, audience: Audience | None,
                           acknowledge: bool) -> dict[str, Any]:
    """What the preview shows: the message as recipients get it, how many they are, whether approval is needed."""
    announcements, session = services(request).announcements, unit(request).session
    body = from_markdown(text).body
    count = await announcements.count(session, audience) if audience is not None else None
    return {"bubble": message_html(body), "bubble_rtl": reads_right_to_left(body) or translator(request).rtl,
            "acknowledge": acknowledge, "count": count, "media": None,
            "needs_approval": audience is not None and count is not None and announcements.needs_approval(audience, count)}


async def _page(request: web.Request, form: Any, *, problems: list[tuple[str, dict[str, object]]] | None = None,
                ) -> web.Response:
    """The compose page with what was typed (or empty), its preview and any problems."""
    _, zone = await manager_and_zone(request)
    audience = await _audience(request, form) if form else Audience()
    text = str(form.get("text", ""))[:MAX_MARKDOWN] if form else ""
    acknowledge = bool(form) and form.get("acknowledge") == "1"
    fields = {name: str(form.get(name, "")) for name in ("id", "cohort_id", "course_id", "completion", "country",
                                                          "language", "when")} if form else {}
    return render(request, "announcement_compose.html", text=text, fields=fields, zone=zone,
                  problems=problems or [], approval_above=services(request).announcements.approval_above,
                  **await audience_choices(request), **await _preview_context(request, text, audience, acknowledge))
