"""The certificate as a PDF in the officer's language; Arabic is shaped and laid out right to left."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

from bot.formatting import protect_commands

FONTS = Path(__file__).resolve().parent / "assets" / "fonts"
FAMILY = "dejavu"  # DejaVu Sans covers Latin and Arabic, so one font serves all four languages
NAVY, GREY, BLACK = (0, 51, 102), (90, 90, 90), (0, 0, 0)
QR_SIZE = 38.0  # millimetres: about 1.1 mm a module, easy for a phone camera on paper or screen
QR_QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks

# Fluent's bidi isolates (U+2066–2069): fpdf2's bidi algorithm does not use them, and copied text would carry them.
ISOLATES = dict.fromkeys(range(0x2066, 0x206A))


@dataclass(frozen=True, slots=True)
class CertificateText:
    """Every line of the certificate, already translated; the verification lines are left to right."""

    issuer: str
    title: str
    statement: str
    holder: str | None
    course: str
    achievement: str
    dates: str
    personnel: str | None
    code: str
    verify_command: str  # "/verify LB-…": always left to right, also inside Arabic
    verify_hint: str
    verify_link: str
    rtl: bool


def render_certificate(text: CertificateText) -> bytes:
    """A one-page landscape A4 PDF with a QR code of the verification link."""
    from fpdf import FPDF  # 20 MiB of memory: loaded with the first certificate, not at start

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_title(text.title)
    pdf.set_author(text.issuer)
    pdf.set_creator("learnbot")
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_line_width(0.4)
    pdf.rect(13, 13, pdf.w - 26, pdf.h - 26)

    def line(value: str, size: float, *, bold: bool = False, gap: float = 4, color: tuple[int, int, int] = BLACK,
             ltr: bool = False, width: float = 0, align: str = "C") -> None:
        direction = "ltr" if ltr or not text.rtl else "rtl"
        pdf.set_text_shaping(use_shaping_engine=True, direction=direction,
                             **({"script": "arab", "language": "ar"} if direction == "rtl" else {}))
        pdf.set_text_color(*color)
        pdf.set_font(FAMILY, "B" if bold else "", size)
        value = value.translate(ISOLATES)
        pdf.multi_cell(width, size * 0.5, protect_commands(value) if direction == "rtl" else value, align=align,
                       new_x="LEFT" if width else "LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_y(22)
    line(text.issuer, 13, bold=True, color=GREY, gap=8)
    line(text.title, 30, bold=True, color=NAVY, gap=8)
    line(text.statement, 14, gap=3)
    if text.holder:
        line(text.holder, 20, bold=True, gap=3)
    line(text.achievement, 14, gap=3)
    line(text.course, 20, bold=True, color=NAVY, gap=6)
    line(text.dates, 12, gap=2)
    if text.personnel:
        line(text.personnel, 12, gap=2)

    # The verification block: QR code on the outer side, the code and how to check it beside it.
    top = pdf.h - 20 - QR_SIZE - 6
    qr_x = 22 if text.rtl else pdf.w - 22 - QR_SIZE
    _draw_qr(pdf, text.verify_link, qr_x, top)
    text_x = 22 if not text.rtl else 22 + QR_SIZE + 8
    width = pdf.w - 44 - QR_SIZE - 8
    align = "R" if text.rtl else "L"
    pdf.set_xy(text_x, top + 2)
    line(text.code, 13, bold=True, gap=2, width=width, align=align)
    pdf.set_x(text_x)
    line(text.verify_hint, 10, color=GREY, gap=1, width=width, align=align)
    pdf.set_x(text_x)
    line(text.verify_command, 11, ltr=True, gap=1, width=width, align=align)
    pdf.set_x(text_x)
    line(text.verify_link, 9, ltr=True, color=GREY, gap=0, width=width, align=align)
    return bytes(pdf.output())


def _draw_qr(pdf: FPDF, data: str, x: float, y: float) -> None:
    """The QR code as vector squares (sharp at any zoom), one rectangle per run of dark modules."""
    import segno

    matrix = segno.make(data, error="m").matrix
    modules = len(matrix) + 2 * QR_QUIET_ZONE
    size = QR_SIZE / modules
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, QR_SIZE, QR_SIZE, style="F")
    pdf.set_fill_color(*BLACK)
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            start = column
            while column < len(cells) and cells[column]:
                column += 1
            pdf.rect(x + (QR_QUIET_ZONE + start) * size, y + (QR_QUIET_ZONE + row) * size,
                     (column - start) * size, size, style="F")
