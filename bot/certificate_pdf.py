"""The certificate as a PDF in the officer's language; Arabic is shaped and laid out right to left."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from bot.formatting import protect_commands

FONTS = Path(__file__).resolve().parent / "assets" / "fonts"
FAMILY = "dejavu"  # DejaVu Sans covers Latin and Arabic, so one font serves all four languages


@dataclass(frozen=True, slots=True)
class CertificateText:
    """Every line of the certificate, already translated."""

    title: str
    body: str
    course: str
    holder: str | None
    date: str
    score: str
    code: str
    verify_hint: str
    rtl: bool


def render_certificate(text: CertificateText) -> bytes:
    """A one-page landscape A4 PDF."""
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_title(text.title)
    pdf.set_creator("learnbot")
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    if text.rtl:
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")
    else:
        pdf.set_text_shaping(use_shaping_engine=True, direction="ltr")
    pdf.add_page()
    pdf.set_draw_color(0, 51, 102)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)

    def line(value: str, size: float, *, bold: bool = False, gap: float = 6) -> None:
        value = protect_commands(value) if text.rtl else value
        pdf.set_font(FAMILY, "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.55, value, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_y(35)
    pdf.set_text_color(0, 51, 102)
    line(text.title, 30, bold=True, gap=10)
    pdf.set_text_color(0, 0, 0)
    line(text.body, 15)
    line(text.course, 22, bold=True, gap=10)
    if text.holder:
        line(text.holder, 15)
    line(text.date, 13, gap=2)
    line(text.score, 13, gap=12)
    line(text.code, 14, bold=True, gap=2)
    pdf.set_text_color(80, 80, 80)
    line(text.verify_hint, 11)
    return bytes(pdf.output())
