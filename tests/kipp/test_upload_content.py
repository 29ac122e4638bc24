"""Evidence checked by content: images over the pixel limit and PDFs that pypdf cannot read
(or that are encrypted) are refused with a clear message; real files pass."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from kipp.uploads import MAX_IMAGE_PIXELS, check_evidence_file

MB = 1024 * 1024


def real_pdf(*, pages: int = 1, password: str | None = None) -> bytes:
    """A PDF written by pypdf: what a scanner or word processor would produce, minus text."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height, with one tiny compressed row of data.

    Pillow reads the size from the header; nothing here allocates the declared pixels.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG")
    return out.getvalue()


def check(name: str, content: bytes, max_bytes: int = 10 * MB):
    return check_evidence_file(SimpleUploadedFile(name, content), max_bytes=max_bytes)


def refusal(name: str, content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check(name, content)
    return caught.value


# PDF ---------------------------------------------------------------------------------------


def test_real_pdf_is_accepted():
    content = real_pdf(pages=3)

    checked = check("Maklumat Pelayanan.pdf", content)

    assert (checked.content_type, checked.size) == ("application/pdf", len(content))


def test_encrypted_pdf_is_refused():
    error = refusal("terkunci.pdf", real_pdf(password="rahasia"))

    assert error.code == "encrypted"
    assert "terkunci dengan kata sandi" in error.messages[0]


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n" + b"0" * 2048 + b"\n%%EOF\n",  # the old check accepted this
        b"%PDF-1.7\n<script>alert(1)</script>\n%%EOF\n",
        real_pdf()[:-200] + b"\n%%EOF\n",  # cross-reference table cut away
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 9 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
    ],
    ids=["padding-with-eof", "script-with-eof", "truncated-xref", "dangling-pages"],
)
def test_pdf_that_does_not_parse_is_refused(content):
    error = refusal("rusak.pdf", content)

    assert error.code == "broken"
    assert error.messages == ["Berkas PDF ini rusak atau tidak utuh sehingga tidak dapat dibuka."]


def test_pdf_check_is_quiet_under_warnings_as_errors():
    """pypdf's repair warnings on a slightly odd but readable file are not errors."""
    content = real_pdf().replace(b"%PDF-1.3", b"%PDF-1.3\n%odd comment", 1)

    checked = check("aneh.pdf", content)

    assert checked.content_type == "application/pdf"


# Images ------------------------------------------------------------------------------------


def test_image_within_the_pixel_limit_is_accepted():
    content = png(2000, 1500)

    checked = check("foto.png", content)

    assert checked.content_type == "image/png"


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (8000, 6000),  # 48 megapixels: above the portal's limit, below Pillow's warning
        (10_000, 10_000),  # 100 megapixels: Pillow itself would warn
        (20_000, 20_000),  # 400 megapixels: Pillow itself would refuse (bomb error)
    ],
)
def test_image_over_the_pixel_limit_is_refused_before_decoding(width, height):
    assert width * height > MAX_IMAGE_PIXELS

    error = refusal("besar.png", png_header_only(width, height))

    assert error.code == "too_many_pixels"
    assert "lebih dari 40 megapiksel" in error.messages[0]


def test_image_at_the_pixel_limit_is_accepted():
    content = png(8000, 5000)

    checked = check("pas.png", content)

    assert MAX_IMAGE_PIXELS == 8000 * 5000
    assert checked.content_type == "image/png"
