"""Announcements as recipients see them, the manager's draft panel, the list with live counts, the report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode

from bot.callback_data import Acknowledge, AnnouncementButton
from bot.content import Catalogue
from bot.formatting import escape
from bot.i18n import Translator
from bot.keyboards import button, menu_button_row
from bot.services.announcements import AnnouncementView, Status
from bot.services.audience import Audience, Completion
from bot.services.cohorts import CohortInfo
from bot.services.deliveries import FAILED, SENT, UNCONFIRMED, UNREACHABLE, Counts, Report
from bot.views.dates import moment

COMPLETION_LABELS = {Completion.ANY: "announce-completion-any", Completion.NOT_STARTED: "announce-completion-not-started",
                     Completion.IN_PROGRESS: "announce-completion-in-progress",
                     Completion.COMPLETED: "announce-completion-completed"}
STATUS_LABELS = {Status.DRAFT: "announcement-status-draft", Status.APPROVAL: "announcement-status-approval",
                 Status.SENDING: "announcement-status-sending", Status.DONE: "announcement-status-done",
                 Status.CANCELLED: "announcement-status-cancelled", Status.REJECTED: "announcement-status-rejected"}


def ack_keyboard(announcement: AnnouncementView, t: Translator, done: bool = False) -> InlineKeyboardMarkup | None:
    if not announcement.acknowledge:
        return None
    label = t("announce-acknowledged") if done else t("announce-acknowledge")
    return InlineKeyboardMarkup([[button(label, Acknowledge(announcement.id))]])


async def send_announcement(bot: Bot, chat_id: int, announcement: AnnouncementView, t: Translator,
                            **options: Any) -> Message:
    """The message exactly as every recipient gets it (the preview uses this too)."""
    markup = ack_keyboard(announcement, t)
    body = announcement.body or None
    if announcement.media_kind == "photo":
        return await bot.send_photo(chat_id, announcement.media_file_id or "", caption=body, parse_mode=ParseMode.HTML,
                                    reply_markup=markup, **options)
    if announcement.media_kind == "document":
        return await bot.send_document(chat_id, announcement.media_file_id or "", caption=body,
                                       parse_mode=ParseMode.HTML, reply_markup=markup, **options)
    return await bot.send_message(chat_id, announcement.body, parse_mode=ParseMode.HTML, reply_markup=markup, **options)


def audience_text(audience: Audience, t: Translator, catalogue: Catalogue, cohorts: Sequence[CohortInfo]) -> str:
    if audience.everyone:
        return t("announce-audience-everyone")
    parts = []
    if audience.cohort_id is not None:
        name = next((c.name for c in cohorts if c.id == audience.cohort_id), str(audience.cohort_id))
        parts.append(t("announce-filter-cohort", name=name))
    if audience.course_id is not None:
        course = catalogue.course(audience.course_id)
        parts.append(t("announce-filter-course", course=course.titles[t.locale] if course else audience.course_id,
                       completion=t(COMPLETION_LABELS[audience.completion])))
    if audience.country is not None:
        parts.append(t("announce-filter-country", country=audience.country))
    if audience.language is not None:
        parts.append(t("announce-filter-language", language=t(f"language-name-{audience.language}")))
    return "; ".join(parts)


def panel_text(announcement: AnnouncementView, count: int, needs_approval: bool, t: Translator, audience: str) -> str:
    lines = [f"<b>{escape(t('announce-panel-title', id=announcement.id))}</b>",
             escape(t("announce-panel-audience", audience=audience)),
             escape(t("announce-panel-count", count=count)),
             escape(t("announce-panel-ack-on" if announcement.acknowledge else "announce-panel-ack-off"))]
    if needs_approval:
        lines.append(escape(t("announce-panel-approval")))
    return "\n".join(lines)


def panel_keyboard(announcement: AnnouncementView, t: Translator) -> InlineKeyboardMarkup:
    number = announcement.id

    def act(label: str, op: str) -> Any:
        return button(t(label), AnnouncementButton(number, op))

    return InlineKeyboardMarkup([
        [act("announce-button-audience", "a"), act("announce-button-preview", "v")],
        [act("announce-button-ack-off" if announcement.acknowledge else "announce-button-ack-on", "k")],
        [act("announce-button-send", "s"), act("announce-button-schedule", "w")],
        [act("announce-button-discard", "x")],
    ])


def audience_keyboard(announcement: AnnouncementView, t: Translator) -> InlineKeyboardMarkup:
    number, audience = announcement.id, announcement.audience

    def act(label: str, op: str) -> Any:
        return button(t(label), AnnouncementButton(number, op))

    rows = [[act("announce-by-cohort", "ac"), act("announce-by-course", "au")],
            [act("announce-by-country", "an"), act("announce-by-language", "al")]]
    if audience.course_id is not None:
        rows.append([act("announce-by-completion", "ap")])
    rows += [[act("announce-everyone", "ae")], [act("announce-back", "b")]]
    return InlineKeyboardMarkup(rows)


def choices_keyboard(announcement: AnnouncementView, op: str, choices: Sequence[tuple[str, str]],
                     t: Translator) -> InlineKeyboardMarkup:
    """One button per value (label, value), then Any and Back."""
    buttons = [button(label, AnnouncementButton(announcement.id, op, value)) for label, value in choices]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([button(t("announce-any"), AnnouncementButton(announcement.id, op, "-")),
                 button(t("announce-back"), AnnouncementButton(announcement.id, "a"))])
    return InlineKeyboardMarkup(rows)


def completion_choices(t: Translator) -> list[tuple[str, str]]:
    return [(t(label), state.value) for state, label in COMPLETION_LABELS.items() if state is not Completion.ANY]


def schedule_keyboard(announcement: AnnouncementView, t: Translator) -> InlineKeyboardMarkup:
    number = announcement.id
    return InlineKeyboardMarkup([
        [button(t("announce-in-one-hour"), AnnouncementButton(number, "w", "1h")),
         button(t("announce-tomorrow-morning"), AnnouncementButton(number, "w", "t9"))],
        [button(t("announce-type-when-button"), AnnouncementButton(number, "wt"))],
        [button(t("announce-back"), AnnouncementButton(number, "b"))],
    ])


def approval_keyboard(announcement: AnnouncementView, t: Translator) -> InlineKeyboardMarkup:
    number = announcement.id
    return InlineKeyboardMarkup([
        [button(t("announce-button-show"), AnnouncementButton(number, "v"))],
        [button(t("announce-button-approve"), AnnouncementButton(number, "ok")),
         button(t("announce-button-reject"), AnnouncementButton(number, "no"))],
    ])


def counts_text(counts: Counts, total: int, t: Translator) -> str:
    line = t("announcements-counts", sent=counts[SENT], total=total, pending=counts.pending, failed=counts[FAILED],
             unreachable=counts[UNREACHABLE], unconfirmed=counts[UNCONFIRMED], acknowledged=counts.acknowledged)
    reasons = [t("announcements-failure", reason=reason, count=count) for reason, count in counts.failures]
    return "\n".join([line, *reasons])


def status_text(announcement: AnnouncementView, t: Translator, zone: str) -> str:
    if announcement.status is Status.SCHEDULED and announcement.starts_at is not None:
        return t("announcement-status-scheduled", when=moment(announcement.starts_at, zone, t.locale))
    return t(STATUS_LABELS[announcement.status])


def list_text(items: Sequence[tuple[AnnouncementView, Counts, str]], t: Translator, zone: str) -> str:
    if not items:
        return escape(t("announcements-none"))
    blocks = [f"<b>{escape(t('announcements-title'))}</b>"]
    for announcement, counts, audience in items:
        head = t("announcements-line", id=announcement.id, status=status_text(announcement, t, zone), audience=audience)
        total = announcement.recipients
        blocks.append(escape(head) + ("\n" + escape(counts_text(counts, total, t)) if announcement.status in (
            Status.SENDING, Status.DONE, Status.CANCELLED) else ""))
    return "\n\n".join(blocks)


def list_keyboard(items: Sequence[tuple[AnnouncementView, bool]], t: Translator) -> InlineKeyboardMarkup:
    """Per open announcement: Cancel; per one awaiting someone else's approval: Approve and Reject."""
    rows = []
    for announcement, may_approve in items:
        number = announcement.id
        if may_approve:
            rows.append([button(t("announce-button-approve-id", id=number), AnnouncementButton(number, "ok")),
                         button(t("announce-button-reject-id", id=number), AnnouncementButton(number, "no"))])
        if announcement.status.open:
            rows.append([button(t("announce-button-cancel-id", id=number), AnnouncementButton(number, "c"))])
    rows.append([button(t("announcements-refresh"), AnnouncementButton(0, "l")), *menu_button_row(t)])
    return InlineKeyboardMarkup(rows)


def report_text(report: Report, t: Translator) -> str:
    announcement = report.announcement
    key = "announce-report-cancelled" if announcement.status is Status.CANCELLED else "announce-report"
    return "\n".join([escape(t(key, id=announcement.id)),
                      escape(counts_text(report.counts, announcement.recipients, t))])
