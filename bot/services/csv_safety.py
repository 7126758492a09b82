"""CSV files safe to open in a spreadsheet: no cell is read as a formula (CSV injection).

Every CSV the project writes (progress export, audit export, the console's downloads) goes
through safe_writer. A text cell starting with = + - @, a tab or a carriage return is prefixed
with an apostrophe, as OWASP advises: spreadsheets then show it as text instead of running it.
Numbers the code itself computes are left as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def neutralise(cell: object) -> object:
    """The cell as a spreadsheet should see it: text that would start a formula becomes plain text."""
    if isinstance(cell, str) and cell.startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell


class SafeWriter:
    """csv.writer that neutralises every cell of every row."""

    def __init__(self, handle: _Writable) -> None:
        self._writer = csv.writer(handle)

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([neutralise(cell) for cell in cells])


def safe_writer(handle: _Writable) -> SafeWriter:
    return SafeWriter(handle)
