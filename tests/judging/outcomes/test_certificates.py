"""Certificates: a one-page PDF that names the innovation, its owner and the award."""

import io
from datetime import date

from pypdf import PdfReader

from judging.certificates import Certificate, certificate_pdf, date_id, latin1
from kipp.enums import ResultLevel


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_certificate_names_the_winner_and_its_title():
    data = certificate_pdf(
        Certificate(
            competition="KIPP 2023",
            level=ResultLevel.TOP45,
            title="Sapa Warga Babar",
            unit="Dinas Komunikasi dan Informatika",
            instansi="Pemerintah Kabupaten Bangka Barat",
            decree_number="B/123/M.KT.01/2023",
            issued_on=date(2023, 10, 2),
            serial="KIPP2023-0045",
        )
    )

    assert data.startswith(b"%PDF-")
    text = _text(data)
    assert "Sapa Warga Babar" in text
    assert "Dinas Komunikasi dan Informatika, Pemerintah Kabupaten Bangka Barat" in text
    assert "Top 45 Inovasi Pelayanan Publik" in text
    assert "KIPP 2023" in text
    assert "B/123/M.KT.01/2023" in text
    assert "2 Oktober 2023" in text


def test_typographic_and_foreign_characters_are_folded():
    data = certificate_pdf(
        Certificate(
            competition="KIPP 2023",
            level=ResultLevel.OUTSTANDING,
            title="“Si Jempol” \u2013 Dukcapil Jemput Bola ŝ",
            unit="Dinas",
            instansi="Pemkab",
            decree_number="",
            issued_on=date(2023, 1, 31),
            serial="X",
        )
    )

    text = _text(data)
    assert '"Si Jempol" - Dukcapil Jemput Bola s' in text
    assert "Outstanding Achievement" in text


def test_latin1_keeps_accented_latin_letters():
    assert latin1("Café Ñ “x”") == 'Café Ñ "x"'
    assert date_id(date(2025, 4, 16)) == "16 April 2025"
