"""PDF certificates for the winners of a competition (Top 45, Outstanding Achievement).

Made with fpdf2: pure Python (its only needs, Pillow, fontTools and defusedxml, are wheels
on PyPI), so `make run` still needs nothing but Python and make; reportlab would do the
same job but brings a far larger toolkit than one landscape page of text calls for.

The page uses the PDF core fonts (Helvetica, Times), which every reader has and which need
no font file in the repository; they cover Latin-1, so text is folded onto it first
(typographic quotes and dashes to their plain forms, anything else to its closest letter).
"""

import unicodedata
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

from kipp.enums import ResultLevel

# Typographic characters outside Latin-1 that titles and names often carry.
FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
HEADING = {
    ResultLevel.TOP45: "Top 45 Inovasi Pelayanan Publik",
    ResultLevel.OUTSTANDING: "Outstanding Achievement of Public Service Innovation",
    ResultLevel.TOP99: "Top 99 Inovasi Pelayanan Publik",
}


@dataclass(frozen=True)
class Certificate:
    """What a certificate says: the award, to whom, for which innovation, by which decree."""

    competition: str
    level: str
    title: str
    unit: str
    instansi: str
    decree_number: str
    issued_on: date
    serial: str


def latin1(text: str) -> str:
    """`text` folded onto Latin-1, which the core fonts can draw."""
    text = unicodedata.normalize("NFC", str(text)).translate(FOLD)
    if all(ord(char) < 256 for char in text):
        return text
    folded = []
    for char in text:
        if ord(char) < 256:
            folded.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        folded.append(base or "?")
    return "".join(folded)


def date_id(day: date) -> str:
    """A date as Indonesian text: 2 Oktober 2023."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def certificate_pdf(certificate: Certificate) -> bytes:
    """One A4 landscape page naming the award, the innovation and its owner."""
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(latin1(f"Sertifikat {certificate.competition}: {certificate.title}"))
    pdf.set_author("Kementerian PANRB")
    pdf.set_creator("Portal KIPP")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    width = pdf.w - 40
    # A double frame.
    pdf.set_draw_color(12, 74, 110)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, pdf.w - 28, pdf.h - 28)

    def line(text, *, size, style="", family="Helvetica", gap=4, color=(33, 37, 41)):
        pdf.set_font(family, style, size)
        pdf.set_text_color(*color)
        pdf.set_x(20)
        pdf.multi_cell(width, size * 0.45, latin1(text), align="C")
        pdf.ln(gap)

    pdf.set_y(28)
    line("KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA", size=12, style="B", gap=1)
    line("DAN REFORMASI BIROKRASI REPUBLIK INDONESIA", size=12, style="B", gap=8)
    line("SERTIFIKAT", size=30, style="B", family="Times", gap=2, color=(12, 74, 110))
    line(f"Nomor: {certificate.serial}", size=10, gap=8)
    line("diberikan kepada inovasi", size=12, gap=3)
    line(certificate.title, size=22, style="B", family="Times", gap=3)
    line(f"{certificate.unit}, {certificate.instansi}", size=13, gap=8)
    line("sebagai", size=12, gap=3)
    line(
        HEADING.get(certificate.level, certificate.level),
        size=18,
        style="B",
        gap=2,
        color=(12, 74, 110),
    )
    line(certificate.competition, size=14, gap=10)
    if certificate.decree_number:
        line(f"Berdasarkan Keputusan Nomor {certificate.decree_number}", size=10, gap=2)
    line(f"Jakarta, {date_id(certificate.issued_on)}", size=11, gap=2)
    line("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", size=11, gap=0)
    return bytes(pdf.output())
