"""The `learnbot` command line (also `python -m bot`)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.logs import configure_logging
from bot.settings import SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except SettingsError as error:
        print(f"learnbot: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="learnbot", description="Telegram learning assistant for police training.")
    commands = parser.add_subparsers(title="commands")

    run = commands.add_parser("run", help="run the bot (long polling, or webhook when LEARNBOT_WEBHOOK_URL is set)")
    run.set_defaults(handler=_run)

    demo = commands.add_parser("demo", help="chat with the real bot in this terminal, against the local sandbox")
    demo.add_argument("--language", default="en", help="language_code your Telegram account reports (ar, en, es, fr, …)")
    demo.set_defaults(handler=_demo)

    content = commands.add_parser("content", help="course content tools").add_subparsers(title="content commands")
    check = content.add_parser("check", help="validate a content folder; exit 1 on any problem")
    check.add_argument("directory", nargs="?", type=Path, help="content folder (default: the configured one)")
    check.set_defaults(handler=_content_check)

    personnel = commands.add_parser("personnel", help="the approved-personnel list").add_subparsers(
        title="personnel commands"
    )
    load = personnel.add_parser("import", help="replace the list with a CSV file (all or nothing)")
    load.add_argument("file", type=Path)
    load.add_argument("--dry-run", action="store_true", help="print what would change, change nothing")
    load.set_defaults(handler=_personnel_import)
    invite = personnel.add_parser("invite", help="create a single-use invite code for a list entry")
    invite.add_argument("personnel_id")
    invite.set_defaults(handler=_personnel_invite)

    audit = commands.add_parser("audit", help="the audit log").add_subparsers(title="audit commands")
    export = audit.add_parser("export", help="write the audit log as CSV")
    export.add_argument("file", type=Path)
    export.set_defaults(handler=_audit_export)

    keys = commands.add_parser("keys", help="the secret keys").add_subparsers(title="keys commands")
    status = keys.add_parser("status", help="how many stored hashes still use an older secret key")
    status.set_defaults(handler=_keys_status)

    db = commands.add_parser("db", help="database tools").add_subparsers(title="db commands")
    upgrade = db.add_parser("upgrade", help="apply the schema migrations")
    upgrade.set_defaults(handler=_db_upgrade)
    return parser


def _run(args: argparse.Namespace) -> int:
    from bot.runner import run_bot

    settings = load_settings()
    settings.require_runtime_secrets()
    configure_logging(settings.log_level)
    return run_bot(settings)


def _demo(args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return asyncio.run(run_demo(language_code=args.language))


def _content_check(args: argparse.Namespace) -> int:
    from bot.content import check_content

    directory = args.directory or load_settings().content_dir
    report = check_content(directory)
    for line in [*map(str, report.problems), *report.summary()]:
        print(line)
    return 1 if report.problems else 0


def _personnel_import(args: argparse.Namespace) -> int:
    from bot.tools import import_personnel

    return asyncio.run(import_personnel(load_settings(), args.file, dry_run=args.dry_run))


def _personnel_invite(args: argparse.Namespace) -> int:
    from bot.tools import create_invite

    return asyncio.run(create_invite(load_settings(), args.personnel_id))


def _audit_export(args: argparse.Namespace) -> int:
    from bot.tools import export_audit

    return asyncio.run(export_audit(load_settings(), args.file))


def _keys_status(args: argparse.Namespace) -> int:
    from bot.tools import keys_status

    return asyncio.run(keys_status(load_settings()))


def _db_upgrade(args: argparse.Namespace) -> int:
    from bot.storage.database import create_engine, current_revision, upgrade_database

    settings = load_settings()

    async def upgrade() -> str | None:
        engine = create_engine(settings.database_url)
        try:
            await upgrade_database(engine)
            return await current_revision(engine)
        finally:
            await engine.dispose()

    print(f"database at revision {asyncio.run(upgrade())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
