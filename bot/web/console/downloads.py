"""CSV downloads: every cell a spreadsheet could run as a formula is neutralised first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from aiohttp import web

from bot.services.csv_safety import neutralise


def safe_csv_rows(rows: Iterable[Sequence[object]]) -> Iterator[list[object]]:
    """Rows with every cell a spreadsheet could run as a formula shown as text (the project's one neutraliser)."""
    for row in rows:
        yield [neutralise("" if cell is None else cell) for cell in row]


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
