"""Course managers' and administrators' commands: invites, bindings, roles, and list uploads."""

from __future__ import annotations

import functools
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot.callback_data import ConfirmImport, handles, parse
from bot.commands import show_commands_in_chat
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.common import Callback, command, requires, show
from bot.handlers.fallback import answer_unsupported
from bot.i18n import Translator
from bot.keyboards import confirm_keyboard
from bot.services.access import Role, RoleChange
from bot.services.personnel import ImportPlan

MAX_PROBLEMS_SHOWN = 20


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    manager, admin = requires(Role.MANAGER), requires(Role.ADMIN)
    return [
        command("invite", manager(_handle_invite)),
        command("unbind", manager(_handle_unbind)),
        command("conflicts", manager(_handle_conflicts)),
        command("grant_manager", admin(_handle_grant)),
        command("revoke_manager", admin(_handle_revoke)),
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.Document.ALL,
                       _reads_first(_handle_document)),
        CallbackQueryHandler(_reads_first(manager(_handle_import_decision)), pattern=handles(ConfirmImport)),
    ]


def _reads_first(callback: Callback) -> Callback:
    """Leave pending changes (the officer's last-seen time) unflushed until the list's bulk writes.

    On SQLite the first write takes the database lock until the commit: comparing a large list
    must not hold it, or every other officer's reply waits for the comparison.
    """

    @functools.wraps(callback)
    async def wrapper(update: Update, context: CustomContext) -> Any:
        with context.db.no_autoflush:
            return await callback(update, context)

    return wrapper


def _actor(context: CustomContext) -> str:
    assert context.officer is not None
    return context.services.access.actor(context.officer)


async def _handle_invite(update: Update, context: CustomContext) -> None:
    t = context.t
    if not context.args:
        await show(update, context, escape(t("invite-usage")))
        return
    personnel_id = context.args[0]
    created = await context.services.access.create_invite(context.db, personnel_id, _actor(context))
    if created is None:
        await show(update, context, escape(t("personnel-unknown", personnel=personnel_id)))
        return
    code, expires = created
    text = escape(t("invite-created", personnel=personnel_id, code=code, expires=expires.strftime("%Y-%m-%d %H:%M")))
    # The code (letters, digits, dashes: nothing to escape) goes in <code> so a tap copies it.
    await show(update, context, text.replace(code, f"<code>{code}</code>"))


async def _handle_unbind(update: Update, context: CustomContext) -> None:
    t = context.t
    if not context.args:
        await show(update, context, escape(t("unbind-usage")))
        return
    personnel_id = context.args[0]
    if await context.services.personnel.by_personnel_id(context.db, personnel_id) is None:
        await show(update, context, escape(t("personnel-unknown", personnel=personnel_id)))
        return
    done = await context.services.access.unbind(context.db, personnel_id, _actor(context))
    await show(update, context, escape(t("unbind-done" if done else "unbind-nothing", personnel=personnel_id)))


async def _handle_conflicts(update: Update, context: CustomContext) -> None:
    t = context.t
    conflicts = await context.services.access.conflicts(context.db)
    if not conflicts:
        await show(update, context, escape(t("conflicts-none")))
        return
    lines = [escape(t("conflicts-list")), *(f"• <code>{escape(personnel_id)}</code>" for personnel_id in conflicts)]
    await show(update, context, "\n".join(lines))


async def _handle_grant(update: Update, context: CustomContext) -> None:
    await _set_manager(update, context, granted=True)


async def _handle_revoke(update: Update, context: CustomContext) -> None:
    await _set_manager(update, context, granted=False)


async def _set_manager(update: Update, context: CustomContext, *, granted: bool) -> None:
    t = context.t
    if not context.args or not context.args[0].isdigit():
        await show(update, context, escape(t("role-usage")))
        return
    account = int(context.args[0])
    change = await context.services.access.set_manager(context.db, account, granted, _actor(context))
    if change is not RoleChange.DONE:
        refusal = "role-admin-by-settings" if change is RoleChange.ADMINISTRATOR else "role-unknown-account"
        await show(update, context, escape(t(refusal, account=str(account))))
        return
    officer = await context.services.officers.by_telegram_id(context.db, account)
    if officer is not None:
        role = await context.services.access.role(context.db, officer)
        locale = context.i18n.negotiate(officer.chosen_locale, officer.telegram_locale)
        await show_commands_in_chat(context.bot, context.i18n, account, locale, role)
    await show(update, context, escape(t("role-granted" if granted else "role-revoked", account=str(account))))


async def _handle_document(update: Update, context: CustomContext) -> None:
    """A manager's file is a personnel list; anyone else's is just an unsupported message."""
    officer = context.officer
    if officer is None or await context.services.access.role(context.db, officer) < Role.MANAGER:
        await answer_unsupported(update, context)
        return
    await _handle_list_upload(update, context)


async def _handle_list_upload(update: Update, context: CustomContext) -> None:
    t = context.t
    message = update.effective_message
    assert message is not None and message.document is not None and context.officer is not None
    document = message.document
    if not (document.file_name or "").lower().endswith(".csv"):
        await show(update, context, escape(t("import-not-csv")))
        return
    personnel = context.services.personnel
    if (document.file_size or 0) > personnel.limits.max_bytes:
        await show(update, context, escape(t("import-too-large", limit=personnel.limits.max_bytes // 2**20)))
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    rows, problems = await personnel.parse(data, context.services.hasher)
    if problems:
        lines = [t("import-rejected", count=len(problems)), *map(str, problems[:MAX_PROBLEMS_SHOWN])]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append(t("import-more-problems", count=len(problems) - MAX_PROBLEMS_SHOWN))
        await show(update, context, escape("\n".join(lines)))
        return
    plan = await personnel.plan(context.db, rows)
    pending = await personnel.hold(context.db, context.officer, rows)
    keyboard = confirm_keyboard(
        (t("import-confirm"), ConfirmImport(pending, True)), (t("import-cancel"), ConfirmImport(pending, False))
    )
    await show(update, context, escape(_summary(t, "import-preview", plan)), keyboard)


async def _handle_import_decision(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None and context.officer is not None
    action = parse(query.data)
    assert isinstance(action, ConfirmImport)
    t = context.t
    personnel = context.services.personnel
    if not action.confirmed:
        cancelled = await personnel.cancel(context.db, context.officer, action.import_id)
        await query.answer(None if cancelled else t("stale-button"))
        if cancelled:
            await show(update, context, escape(t("import-cancelled")))
        return
    plan = await personnel.confirm(context.db, context.officer, action.import_id)
    if plan is None:
        await query.answer(t("stale-button"))
        return
    await query.answer()
    context.services.audit.record(context.db, _actor(context), "personnel.import", None, plan.summary())
    await show(update, context, escape(_summary(t, "import-done", plan)))


def _summary(t: Translator, message_id: str, plan: ImportPlan) -> str:
    text = t(message_id, added=len(plan.added), updated=len(plan.updated),
             removed=len(plan.removed), unchanged=len(plan.unchanged))
    return f"{text}\n{t('import-rehashed', count=len(plan.rehashed))}" if plan.rehashed else text
