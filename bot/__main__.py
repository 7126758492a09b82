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
    check = content.add_parser("check", help="validate a content folder; exit 1 on any problem (any warning too, --strict)")
    check.add_argument("directory", nargs="?", type=Path, help="content folder (default: the configured one)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too (as CI does on the shipped content)")
    check.add_argument("--longest-share", type=_percent, default=None, metavar="PERCENT",
                       help="warn above this share of single-choice questions keying their longest option (default 35)")
    check.set_defaults(handler=_content_check)
    stats = content.add_parser("stats", help="print per-course quiz figures as a Markdown table")
    stats.add_argument("directory", nargs="?", type=Path, help="content folder (default: the configured one)")
    stats.set_defaults(handler=_content_stats)

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
    backup = db.add_parser("backup", help="copy the database to FILE, consistent while the bot runs (SQLite)")
    backup.add_argument("file", type=Path)
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    backup.set_defaults(handler=_db_backup)
    restore = db.add_parser("restore", help="replace the database with a backup (SQLite; the bot must be stopped)")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=_db_restore)
    return parser


def _run(args: argparse.Namespace) -> int:
    from bot.runner import run_bot

    settings = load_settings()
    settings.require_runtime_secrets()
    reporter = configure_logging(settings)
    return run_bot(settings, reporter)


def _demo(args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return asyncio.run(run_demo(language_code=args.language))


def _percent(value: str) -> float:
    number = float(value)
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError("a percentage from 0 to 100")
    return number / 100


def _content_check(args: argparse.Namespace) -> int:
    from bot.content import check_content
    from bot.content.lint import DEFAULT_LINTS, LintSettings

    directory = args.directory or load_settings().content_dir
    lints = DEFAULT_LINTS if args.longest_share is None else LintSettings(longest_share=args.longest_share)
    report = check_content(directory, lints)
    for line in [*map(str, report.problems), *map(str, report.warnings), *report.summary()]:
        print(line)
    print(f"{_count(len(report.problems), 'error')}, {_count(len(report.warnings), 'warning')}"
          + (" (--strict: warnings fail the check)" if args.strict and report.warnings else ""))
    return 1 if report.problems or (args.strict and report.warnings) else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _content_stats(args: argparse.Namespace) -> int:
    from bot.content import check_content
    from bot.content.stats import stats_table

    report = check_content(args.directory or load_settings().content_dir)
    if report.catalogue is None:
        for problem in report.problems:
            print(problem)
        return 1
    for line in stats_table(report.catalogue):
        print(line)
    return 0


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
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from bot.storage.database import create_engine, current_revision, head_revision, upgrade_database

    settings = load_settings()

    async def upgrade() -> int:
        engine = create_engine(settings.database_url)
        try:
            before = await current_revision(engine)
            try:
                await upgrade_database(engine)
            except CommandError:  # Alembic cannot place the database's revision among this code's migrations
                print(f"learnbot db upgrade: refusing: the database is at revision {before}, which this learnbot "
                      f"does not know (its newest is {head_revision()}); run the version that wrote it, "
                      "or restore the backup taken before the upgrade", file=sys.stderr)
                return 1
            except SQLAlchemyError as error:
                reason = str(getattr(error, "orig", None) or error).splitlines()[0]
                print(f"learnbot db upgrade: refusing: a migration from revision {before or 'none'} to {head_revision()} "
                      f"failed, nothing was changed: {reason}. Was it run on this database before under another "
                      "revision? Restore the backup taken before the upgrade.", file=sys.stderr)
                return 1
            after = await current_revision(engine)
        finally:
            await engine.dispose()
        print(f"database at revision {after}" + (f" (was {before})" if before != after else ""))
        return 0

    return asyncio.run(upgrade())


def _db_backup(args: argparse.Namespace) -> int:
    from bot.storage.backup import BackupError, backup_database

    try:
        snapshot = backup_database(load_settings().database_url, args.file, overwrite=args.force)
    except BackupError as error:
        print(f"learnbot db backup: {error}", file=sys.stderr)
        return 1
    print(f"backed up to {snapshot.path}: {snapshot.size} bytes, schema revision {snapshot.revision}, integrity ok")
    return 0


def _db_restore(args: argparse.Namespace) -> int:
    from bot.storage.backup import BackupError, DatabaseInUse, restore_database

    try:
        snapshot, kept = restore_database(load_settings().database_url, args.file)
    except DatabaseInUse as error:
        print(f"learnbot db restore: refusing: {error}", file=sys.stderr)
        return 1
    except BackupError as error:
        print(f"learnbot db restore: {error}", file=sys.stderr)
        return 1
    print(f"restored {args.file} into {snapshot.path} (schema revision {snapshot.revision})")
    if kept is not None:
        print(f"the database it replaced is kept as {kept}")
    print("next: learnbot db upgrade (learnbot run also upgrades on start)")
    return 0

if __name__ == "__main__":
    sys.exit(main())
