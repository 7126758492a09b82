"""The approved-personnel list: CSV validation (all or nothing), the import plan, and applying it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

import phonenumbers
import pycountry
from email_validator import EmailNotValidError, validate_email
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.clock import Clock
from bot.services.cohorts import apply_memberships, parse_cohort_cell
from bot.services.privacy import IdentifierHasher
from bot.storage.models import Officer, PendingImport, Personnel

COLUMNS = ("personnel_id", "phone", "country", "role", "display_name", "email", "expires", "cohort")
ROLES = ("officer", "manager")
MAX_ID_CHARS = 64
MAX_NAME_CHARS = 200


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One invalid cell or row, printed as `line N: column: message`."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.message}"


@dataclass(frozen=True, slots=True)
class PersonnelRow:
    """A validated list entry, with phone and email already reduced to keyed hashes."""

    personnel_id: str
    phone_hash: str | None
    email_hash: str | None
    country: str | None
    role: str
    display_name: str | None
    expires: date | None
    # None when the list has no cohort column: memberships are then left as they are.
    cohorts: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["expires"] = self.expires.isoformat() if self.expires else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> PersonnelRow:
        expires = data.get("expires")
        cohorts = data.get("cohorts")
        return cls(**{**data, "expires": date.fromisoformat(str(expires)) if expires else None,  # type: ignore[arg-type]
                      "cohorts": tuple(cohorts) if isinstance(cohorts, list) else None})

    def differs_from(self, entry: Personnel) -> bool:
        return (self.phone_hash, self.email_hash, self.country, self.role, self.display_name, self.expires) != (
            entry.phone_hash, entry.email_hash, entry.country, entry.role, entry.display_name, entry.expires
        )


@dataclass
class ImportPlan:
    """What an import would change; computed before anything is written."""

    rows: list[PersonnelRow]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"added {len(self.added)}, updated {len(self.updated)}, "
                f"removed {len(self.removed)}, unchanged {len(self.unchanged)}")

    def rows_json(self) -> str:
        return json.dumps([row.to_json() for row in self.rows])


def parse_personnel_csv(data: bytes, hasher: IdentifierHasher) -> tuple[list[PersonnelRow], list[ImportProblem]]:
    """Validate a whole CSV file; any problem means no row may be imported."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [ImportProblem(line, "file", "not UTF-8 text")]
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return [], [ImportProblem(1, "file", "empty file: the first line must name the columns")]
    header = lines[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    names = [name.strip().lower() for name in next(reader)]
    problems = [ImportProblem(1, name or "(empty)", "unknown column") for name in names if name not in COLUMNS]
    problems += [ImportProblem(1, name, "duplicate column") for i, name in enumerate(names) if name in names[:i]]
    if "personnel_id" not in names:
        problems.append(ImportProblem(1, "personnel_id", "missing column"))
    if problems:
        return [], problems
    rows: list[PersonnelRow] = []
    first_seen: dict[str, int] = {}
    phones_seen: dict[str, int] = {}
    line = 1
    for fields in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in fields):
            continue
        if len(fields) != len(names):
            problems.append(ImportProblem(line, "row", f"expected {len(names)} fields, found {len(fields)}"))
            continue
        row = _parse_row(line, dict(zip(names, (cell.strip() for cell in fields), strict=True)), hasher, problems)
        if row is None:
            continue
        if row.personnel_id in first_seen:
            problems.append(ImportProblem(line, "personnel_id", f"duplicate of line {first_seen[row.personnel_id]}"))
        first_seen.setdefault(row.personnel_id, line)
        if row.phone_hash is not None:
            if row.phone_hash in phones_seen:
                problems.append(ImportProblem(line, "phone", f"same number as line {phones_seen[row.phone_hash]}"))
            phones_seen.setdefault(row.phone_hash, line)
        rows.append(row)
    if not rows and not problems:
        problems.append(ImportProblem(line, "file", "no entries: an import replaces the whole list"))
    return (rows if not problems else []), problems


def _parse_row(line: int, cells: dict[str, str], hasher: IdentifierHasher, problems: list[ImportProblem]) -> PersonnelRow | None:
    before = len(problems)

    def bad(column: str, message: str) -> None:
        problems.append(ImportProblem(line, column, message))

    personnel_id = cells.get("personnel_id", "")
    if not personnel_id:
        bad("personnel_id", "required")
    elif len(personnel_id) > MAX_ID_CHARS:
        bad("personnel_id", f"longer than {MAX_ID_CHARS} characters")
    phone_hash = None
    if raw := cells.get("phone"):
        try:
            number = phonenumbers.parse(raw, None)
            if not phonenumbers.is_valid_number(number):
                bad("phone", "not a valid phone number")
            else:
                phone_hash = hasher.phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        except phonenumbers.NumberParseException:
            bad("phone", "not an international number (write it as +<country code><number>)")
    country = cells.get("country", "").upper() or None
    if country is not None and (len(country) != 2 or pycountry.countries.get(alpha_2=country) is None):
        bad("country", "unknown ISO 3166-1 alpha-2 country code")
    role = cells.get("role", "").lower() or "officer"
    if role not in ROLES:
        bad("role", f"unknown role (expected {' or '.join(ROLES)})")
    display_name = cells.get("display_name") or None
    if display_name is not None and len(display_name) > MAX_NAME_CHARS:
        bad("display_name", f"longer than {MAX_NAME_CHARS} characters")
    email_hash = None
    if raw := cells.get("email"):
        try:
            email_hash = hasher.email(validate_email(raw, check_deliverability=False).normalized.lower())
        except EmailNotValidError:
            bad("email", "not a valid email address")
    expires = None
    if raw := cells.get("expires"):
        try:
            expires = date.fromisoformat(raw)
        except ValueError:
            bad("expires", "not a date (write YYYY-MM-DD)")
    cohorts, problem = parse_cohort_cell(cells["cohort"]) if "cohort" in cells else (None, None)
    if problem:
        bad("cohort", problem)
    if len(problems) > before:
        return None
    return PersonnelRow(personnel_id, phone_hash, email_hash, country, role, display_name, expires, cohorts)


class PersonnelService:
    """Plans and applies imports that replace the whole list."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    @staticmethod
    async def entries(session: AsyncSession) -> Sequence[Personnel]:
        return (await session.exec(select(Personnel))).all()

    @staticmethod
    async def by_personnel_id(session: AsyncSession, personnel_id: str) -> Personnel | None:
        return (await session.exec(select(Personnel).where(Personnel.personnel_id == personnel_id))).first()

    async def plan(self, session: AsyncSession, rows: list[PersonnelRow]) -> ImportPlan:
        existing = {entry.personnel_id: entry for entry in await self.entries(session)}
        plan = ImportPlan(rows)
        for row in rows:
            entry = existing.get(row.personnel_id)
            target = plan.added if entry is None else plan.updated if row.differs_from(entry) else plan.unchanged
            target.append(row.personnel_id)
        plan.removed = sorted(set(existing) - {row.personnel_id for row in rows})
        return plan

    async def replace(self, session: AsyncSession, rows: list[PersonnelRow]) -> ImportPlan:
        """Plan against the list as it is now and apply: the whole list becomes rows."""
        plan = await self.plan(session, rows)
        await self.apply(session, plan)
        return plan

    async def apply(self, session: AsyncSession, plan: ImportPlan) -> None:
        """Replace the list. Removed entries lose their binding; the officers' history stays."""
        existing = {entry.personnel_id: entry for entry in await self.entries(session)}
        now = self._clock()
        for personnel_id in plan.removed:
            await session.delete(existing[personnel_id])
        for row in plan.rows:
            entry = existing.get(row.personnel_id) or Personnel(personnel_id=row.personnel_id, updated_at=now)
            if entry.id is None or row.differs_from(entry):
                entry.phone_hash, entry.email_hash, entry.country = row.phone_hash, row.email_hash, row.country
                entry.role, entry.display_name, entry.expires = row.role, row.display_name, row.expires
                entry.updated_at = now
                session.add(entry)
        await session.flush()
        cohorts = {row.personnel_id: row.cohorts for row in plan.rows if row.cohorts is not None}
        await apply_memberships(session, cohorts, now)

    async def hold(self, session: AsyncSession, officer: Officer, plan: ImportPlan) -> int:
        """Keep a validated upload (hashed rows only) until its manager confirms or cancels it."""
        assert officer.id is not None
        pending = PendingImport(officer_id=officer.id, created_at=self._clock(), rows=plan.rows_json())
        session.add(pending)
        await session.flush()
        assert pending.id is not None
        return pending.id

    @staticmethod
    async def release(session: AsyncSession, officer: Officer, pending_id: int) -> ImportPlan | None:
        """Take back a held upload; only the manager who sent it can, and only once."""
        pending = await session.get(PendingImport, pending_id)
        if pending is None or pending.officer_id != officer.id:
            return None
        await session.delete(pending)
        return ImportPlan([PersonnelRow.from_json(row) for row in json.loads(pending.rows)])
