"""CSV downloads: every cell a spreadsheet could run as a formula is neutralised first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from aiohttp import web

# A spreadsheet reads a cell starting with one of these as a formula (or as the start of one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_csv_rows(rows: Iterable[Sequence[object]]) -> Iterator[list[str]]:
    """Rows as text, a formula-like cell prefixed with an apostrophe so it is shown, never run.

    Every console download passes here (one place to swap for a shared helper).
    """
    for row in rows:
        yield [f"'{text}" if (text := "" if cell is None else str(cell)).startswith(FORMULA_STARTS) else text
               for cell in row]


def csv_download(filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> web.Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(safe_csv_rows(rows))
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (Arabic names stay legible).
    return web.Response(body=("\ufeff" + buffer.getvalue()).encode("utf-8"), headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{filename}"',
    })
