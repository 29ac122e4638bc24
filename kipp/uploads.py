"""Checking an uploaded evidence file by its content before anything is stored.

Evidence is accepted only as PDF, PNG or JPEG (SPEC 3.2). Neither the browser's
Content-Type nor the file name can be trusted: both are chosen by the uploader. The type is
therefore read from the file itself.
"""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError


@dataclass(frozen=True)
class FileType:
    content_type: str
    extensions: frozenset[str]
    label: str


PDF = FileType("application/pdf", frozenset({".pdf"}), "PDF")
PNG = FileType("image/png", frozenset({".png"}), "PNG")
JPEG = FileType("image/jpeg", frozenset({".jpg", ".jpeg"}), "JPG")

# The first bytes of each accepted format (the "magic number" of its specification).
MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
PDF_TAIL = 1024
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    original_name: str
    size: int


def original_name_of(name: str) -> str:
    """The uploader's file name without any folder part, trimmed to fit the column (255)."""
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    base = "".join(ch for ch in base if ch.isprintable())
    if len(base) > 255:
        suffix = PurePath(base).suffix[:20]
        base = base[: 255 - len(suffix)] + suffix
    return base or "berkas"


def check_evidence_file(upload, *, max_bytes: int) -> CheckedFile:
    """Accept `upload` only if it really is a PDF, PNG or JPEG within `max_bytes`.

    The project does its own check instead of depending on libmagic (python-magic): it
    accepts exactly three formats, for which the magic bytes are fixed and short, and a
    C library that must be installed on every server and developer machine would add a
    deployment dependency for no gain. Magic bytes alone are not enough either, since any
    file can start with `%PDF-`; so the structure is checked too: a PDF must end with its
    `%%EOF` marker (within the last kilobyte, as readers expect), and an image must be fully
    readable by Pillow. The file name's extension must agree with the detected type, so a
    PNG named `.pdf` (opened by the wrong program later) is refused as well.

    Raises ValidationError with a message naming the problem; returns the detected type,
    the cleaned original name and the size otherwise. Nothing is written anywhere.
    """
    size = upload.size
    if size > max_bytes:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s); batasnya %(limit)s MB.")
            % {"size": _megabytes(size), "limit": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("Berkas kosong."), code="empty")

    upload.seek(0)
    head = upload.read(16)
    detected = next((kind for magic, kind in MAGIC if head.startswith(magic)), None)
    if detected is None:
        raise ValidationError(
            _("Hanya berkas PDF, JPG atau PNG yang diterima; isi berkas ini bukan salah satunya."),
            code="type",
        )

    name = original_name_of(upload.name)
    extension = PurePath(name).suffix.lower()
    if extension not in detected.extensions:
        raise ValidationError(
            _(
                "Ekstensi nama berkas (%(ext)s) tidak sesuai dengan isinya (%(kind)s). "
                "Ganti nama berkas atau unggah berkas yang benar."
            )
            % {"ext": extension or _("tanpa ekstensi"), "kind": detected.label},
            code="mismatch",
        )

    if detected is PDF:
        upload.seek(max(0, size - PDF_TAIL))
        if b"%%EOF" not in upload.read(PDF_TAIL):
            raise ValidationError(
                _("Berkas PDF ini tidak utuh (akhir berkas tidak ditemukan)."), code="broken"
            )
    else:
        try:
            _check_image(upload, detected)
        except (
            UnidentifiedImageError,
            Image.DecompressionBombError,
            OSError,
            SyntaxError,
            ValueError,
        ) as error:
            raise ValidationError(
                _("Gambar ini rusak atau tidak utuh sehingga tidak dapat dibuka."),
                code="broken",
            ) from error
    upload.seek(0)
    return CheckedFile(content_type=detected.content_type, original_name=name, size=size)


def _check_image(upload, detected: FileType) -> None:
    """Let Pillow read the whole image; a truncated or corrupt one raises."""
    upload.seek(0)
    with Image.open(upload) as image:
        if image.format != {"image/png": "PNG", "image/jpeg": "JPEG"}[detected.content_type]:
            raise ValueError(image.format)
        image.verify()
    if detected is JPEG:
        # `verify()` checks little in a JPEG, so decode it too: at 1/8 scale, which still
        # reads every byte of the stream but needs only a fraction of the memory.
        upload.seek(0)
        with Image.open(upload) as image:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
