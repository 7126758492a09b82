"""Announcements in the console: recent ones with live counts, one announcement's page and delivery report,
a second manager's approval or rejection, and cancelling — the services the chat's /announcements uses.

The report refreshes itself while an announcement is open (htmx fetches the page again and keeps its
report); without scripts the page's Refresh link does the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.services.announcements import AnnouncementView, Decision, Status
from bot.services.deliveries import Counts
from bot.views.announcements import audience_text, status_text
from bot.views.dates import moment
from bot.web.console.bubble import message_html, reads_right_to_left
from bot.web.console.compose import manager_and_zone
from bot.web.console.notices import notify_author
from bot.web.console.site import render, see_other, services, translator, unit, user

RECENT = 20
NOTICES = ("sending", "scheduled", "awaiting", "approved", "rejected", "cancelled", "own", "stale", "discarded")
REFRESH_SECONDS = 5
# The delivery report's figures: status counts of Counts, and the three it computes.
FIGURES = (("recipients", "console-column-recipients"), ("sent", "console-column-sent"),
           ("pending", "console-column-pending"), ("failed", "console-column-failed"),
           ("unreachable", "console-column-unreachable"), ("unconfirmed", "console-column-unconfirmed"),
           ("acknowledged", "console-column-acknowledged"))


@dataclass(frozen=True, slots=True)
class Shown:
    """An announcement as the console lists it."""

    announcement: AnnouncementView
    counts: Counts
    audience: str
    status: str
    own: bool
    # Going out (or due to): its figures change by the second. Not while it waits for a person or a
    # later date, so that an open page neither polls for days nor keeps its session from idling out.
    live: bool

    @property
    def may_decide(self) -> bool:
        return self.announcement.status is Status.APPROVAL and not self.own

    @property
    def figures(self) -> list[tuple[str, str, int]]:
        """(name, label, value) of each figure of the report."""
        computed = {"recipients": self.announcement.recipients, "pending": self.counts.pending,
                    "acknowledged": self.counts.acknowledged}
        return [(name, label, computed.get(name, self.counts[name])) for name, label in FIGURES]


def routes() -> list[web.RouteDef]:
    return [
        web.get("/announcements", _announcements),
        web.get("/announcement", _announcement),
        web.post("/announcement/cancel", _cancel),
        web.post("/announcement/decide", _decide),
    ]


async def _shown(request: web.Request, announcements: list[AnnouncementView], zone: str) -> list[Shown]:
    app_services, session, t = services(request), unit(request).session, translator(request)
    cohorts, now = await app_services.cohorts.cohorts(session), app_services.clock()
    return [Shown(announcement, await app_services.deliveries.counts(session, announcement.id),
                  audience_text(announcement.audience, t, app_services.catalogue, cohorts),
                  status_text(announcement, t, zone), announcement.author_id == user(request).officer_id,
                  announcement.status is Status.SENDING or announcement.status is Status.SCHEDULED
                  and announcement.starts_at is not None and announcement.starts_at <= now)
            for announcement in announcements]


async def _announcements(request: web.Request) -> web.Response:
    app_services, session = services(request), unit(request).session
    _, zone = await manager_and_zone(request)
    awaiting = await _shown(request, await app_services.announcements.awaiting_approval(session), zone)
    recent = await _shown(request, await app_services.announcements.recent(session, RECENT), zone)
    return render(request, "announcements.html", awaiting=awaiting, recent=recent, notice=_notice(request),
                  live=any(item.live for item in recent), refresh=REFRESH_SECONDS, figure_labels=FIGURES)


async def _announcement(request: web.Request) -> web.Response:
    number = _number(request.query.get("id", ""))
    announcement = await services(request).announcements.get(unit(request).session, number) if number else None
    if announcement is None or announcement.status is Status.DRAFT:
        return render(request, "error.html", status=404, status_code=404)
    _, zone = await manager_and_zone(request)
    (shown,) = await _shown(request, [announcement], zone)
    return render(request, "announcement.html", item=shown, refresh=REFRESH_SECONDS, **_detail(request, shown, zone))


def _detail(request: web.Request, shown: Shown, zone: str) -> dict[str, Any]:
    announcement, t = shown.announcement, translator(request)
    return {
        "notice": _notice(request), "asked": _number(request.query.get("asked", "")),
        "starts": moment(announcement.starts_at, zone, t.locale) if announcement.starts_at else None,
        "created": moment(announcement.created_at, zone, t.locale), "zone": zone,
        "bubble": message_html(announcement.body), "acknowledge": announcement.acknowledge,
        "bubble_rtl": reads_right_to_left(announcement.body) or t.rtl, "media": announcement.media_kind,
    }


async def _cancel(request: web.Request) -> web.Response:
    """Any manager may stop an announcement that has not ended (as in the chat); copies not sent are never sent."""
    number = _number(str((await request.post()).get("id", "")))
    if not number:
        return see_other("/announcements", notice="stale")
    cancelled = await services(request).announcements.cancel(unit(request).session, number, user(request).actor)
    return see_other("/announcement", id=number, notice="cancelled" if cancelled else "stale")


async def _decide(request: web.Request) -> web.Response:
    """A second manager approves or rejects; the author cannot approve their own (refused and audited)."""
    form = await request.post()
    number = _number(str(form.get("id", "")))
    if not number or form.get("decision") not in ("approve", "reject"):
        return see_other("/announcements", notice="stale")
    manager, _ = await manager_and_zone(request)
    approved = form.get("decision") == "approve"
    decision = await services(request).announcements.decide(unit(request).session, number, manager,
                                                             user(request).actor, approved)
    if decision is Decision.DONE:
        await notify_author(request, number)
        return see_other("/announcement", id=number, notice="approved" if approved else "rejected")
    return see_other("/announcement", id=number, notice="own" if decision is Decision.OWN else "stale")


def _notice(request: web.Request) -> str | None:
    notice = request.query.get("notice")
    return notice if notice in NOTICES else None


def _number(text: str) -> int:
    """An announcement number (or a count) from a form or the query; 0 when it is none."""
    return int(text) if text.isdigit() and len(text) < 10 else 0
