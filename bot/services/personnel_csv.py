"""Reading the approved-personnel CSV: every cell validated, all or nothing, within size limits.

Pure and CPU-bound (phone and email validation, hashing): the bot runs it in a worker thread.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import phonenumbers
import pycountry
from email_validator import EmailNotValidError, validate_email

from bot.services.cohorts import parse_cohort_cell
from bot.services.privacy import IdentifierHasher

COLUMNS = ("personnel_id", "phone", "country", "role", "display_name", "email", "expires", "cohort")
ROLES = ("officer", "manager")
MAX_ID_CHARS = 64
MAX_NAME_CHARS = 200
# ASCII letters, digits, '.', '_', '-', '/': nothing a spreadsheet, a chat command or a bidi algorithm reinterprets.
PERSONNEL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
PERSONNEL_ID_RULE = "use only letters A-Z or a-z, digits, '.', '_', '-' and '/', starting with a letter or a digit"
# Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) would show a name reversed on a certificate.
BIDI_OVERRIDES = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class CsvLimits:
    """How big a list may be (settings personnel_max_rows and personnel_max_file_mb)."""

    max_rows: int = 50_000
    max_bytes: int = 10 * 1024 * 1024


DEFAULT_LIMITS = CsvLimits()


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One invalid cell or row, printed as `line N: column: message` (`line N: message` for the whole line)."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.message}" if self.column else f"line {self.line}: {self.message}"


# In a row's phone_hash or email_hash: the list has no such column, so the stored hash is kept. The
# console's download has neither (only their hashes are stored): edited and sent back, it loses nothing.
KEEP_STORED = "="


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


def parse_personnel_csv(data: bytes, hasher: IdentifierHasher,
                        limits: CsvLimits = DEFAULT_LIMITS) -> tuple[list[PersonnelRow], list[ImportProblem]]:
    """Validate a whole CSV file; any problem means no row may be imported."""
    if len(data) > limits.max_bytes:
        return [], [ImportProblem(1, "file", f"larger than {limits.max_bytes // 2**20} MB")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [ImportProblem(line, "file", "not UTF-8 text")]
    header = text.partition("\n")[0]
    if not header.strip():
        return [], [ImportProblem(1, "file", "empty file: the first line must name the columns")]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(_lines(text), delimiter=delimiter)
    problems: list[ImportProblem] = []
    records = _records(reader, problems)
    names = [name.strip().lower() for name in next(records, (1, []))[1]]
    problems += [ImportProblem(1, name or "(empty)", "unknown column") for name in names if name not in COLUMNS]
    problems += [ImportProblem(1, name, "duplicate column") for i, name in enumerate(names) if name in names[:i]]
    if names and "personnel_id" not in names:
        problems.append(ImportProblem(1, "personnel_id", "missing column"))
    if problems:
        return [], problems
    rows: list[PersonnelRow] = []
    first_seen: dict[str, int] = {}
    phones_seen: dict[str, int] = {}
    line = 1
    for line, fields in records:
        if not any(cell.strip() for cell in fields):
            continue
        if len(rows) == limits.max_rows:
            problems.append(ImportProblem(line, "file", f"more than {limits.max_rows} entries"))
            break
        if len(fields) != len(names):
            problems.append(ImportProblem(line, "row", f"expected {len(names)} fields, found {len(fields)}"))
            continue
        row = _parse_row(line, dict(zip(names, (cell.strip() for cell in fields), strict=True)), hasher, problems)
        if row is None:
            continue
        if row.personnel_id in first_seen:
            problems.append(ImportProblem(line, "personnel_id", f"duplicate of line {first_seen[row.personnel_id]}"))
        first_seen.setdefault(row.personnel_id, line)
        if row.phone_hash not in (None, KEEP_STORED):
            if row.phone_hash in phones_seen:
                problems.append(ImportProblem(line, "phone", f"same number as line {phones_seen[row.phone_hash]}"))
            phones_seen.setdefault(row.phone_hash, line)
        rows.append(row)
    if not rows and not problems:
        problems.append(ImportProblem(line, "file", "no entries: an import replaces the whole list"))
    return (rows if not problems else []), problems


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their endings, without a second copy of the whole file in memory."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _records(reader: Any, problems: list[ImportProblem]) -> Iterator[tuple[int, list[str]]]:
    """The file's records with their line numbers; a line the csv module cannot read ends the file as a problem."""
    try:
        for fields in reader:
            yield reader.line_num, fields
    except csv.Error as error:
        too_long = "field larger than field limit" in str(error)
        message = f"cell too long (max {csv.field_size_limit()} characters)" if too_long else f"not a readable CSV line ({error})"
        problems.append(ImportProblem(max(reader.line_num, 1), "", message))


def _parse_row(line: int, cells: dict[str, str], hasher: IdentifierHasher, problems: list[ImportProblem]) -> PersonnelRow | None:
    before = len(problems)

    def bad(column: str, message: str) -> None:
        problems.append(ImportProblem(line, column, message))

    personnel_id = cells.get("personnel_id", "")
    if not personnel_id:
        bad("personnel_id", "required")
    elif len(personnel_id) > MAX_ID_CHARS:
        bad("personnel_id", f"longer than {MAX_ID_CHARS} characters")
    elif not PERSONNEL_ID.fullmatch(personnel_id):
        bad("personnel_id", PERSONNEL_ID_RULE)
    phone_hash = None if "phone" in cells else KEEP_STORED
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
    display_name = cells.get("display_name", "").translate(BIDI_OVERRIDES).strip() or None
    if display_name is not None and len(display_name) > MAX_NAME_CHARS:
        bad("display_name", f"longer than {MAX_NAME_CHARS} characters")
    elif display_name is not None and CONTROL_CHARACTERS.search(display_name):
        bad("display_name", "contains control characters")
    email_hash = None if "email" in cells else KEEP_STORED
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
