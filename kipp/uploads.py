"""Checking an uploaded evidence file by its content before anything is stored, and
cutting an upload off while it streams in once it passes the competition's size limit.
Also the one way every app stores such a checked file on its row (`stored_file_save`)
and serves it back to the people its view lets through (`stored_file_response`): proposal
evidence and the replication app's documents both use these, not a copy.

Evidence is accepted only as PDF, PNG or JPEG (SPEC 3.2). Neither the browser's
Content-Type nor the file name can be trusted: both are chosen by the uploader. The type is
therefore read from the file itself.
"""

import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload, load_handler
from django.db import transaction
from django.http import FileResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)


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
# A scan of an A4 page at 600 dpi is about 35 megapixels; anything larger is refused before
# it is decoded, so a small file that unpacks into gigabytes of pixels cannot exhaust memory.
MAX_IMAGE_PIXELS = 40_000_000
# What pypdf may raise on a damaged or hostile file (besides its own errors).
PDF_READ_ERRORS = (
    PyPdfError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    RecursionError,
)
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
    file can start with `%PDF-`; so the structure is checked too: a PDF must be readable by
    pypdf down to its page tree and must not be encrypted (a reviewer could not open it), and
    an image must be at most MAX_IMAGE_PIXELS and fully readable by Pillow. The file name's
    extension must agree with the detected type, so a PNG named `.pdf` (opened by the wrong
    program later) is refused as well.

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
        _check_pdf(upload)
    else:
        try:
            _check_image(upload, detected)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                _("Gambar ini rusak atau tidak utuh sehingga tidak dapat dibuka."),
                code="broken",
            ) from error
    upload.seek(0)
    return CheckedFile(content_type=detected.content_type, original_name=name, size=size)


def stored_file_save(item, upload, *, max_bytes: int):
    """Check `upload` by content (`check_evidence_file`), then store it on `item` (a model
    with `file`, `original_name`, `content_type` and `size`) under its random name and save
    the row. Raises ValidationError and stores nothing when the file is refused; if the row
    cannot be written, the file just stored is deleted again. Returns `item`."""
    checked = check_evidence_file(upload, max_bytes=max_bytes)
    item.original_name = checked.original_name
    item.content_type = checked.content_type
    item.size = checked.size
    item.file.save(checked.original_name, upload, save=False)
    try:
        with transaction.atomic():
            item.save()
    except Exception:
        item.file.delete(save=False)
        raise
    return item


def stored_file_response(item) -> FileResponse:
    """Serve a stored file always as a download, sandboxed and never cached: the caller has
    already fetched `item` through its scoped selector (404 outside)."""
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def _check_pdf(upload) -> None:
    """Let pypdf read the document's structure and page tree; refuse what it cannot read.

    Only the structure is read (cross-reference table, catalogue, page tree and each page's
    size), not the page contents, so the check stays quick on a large scan.
    """
    upload.seek(0)
    try:
        # pypdf reports the repairs it makes to a slightly damaged file as warnings; a file
        # it can repair is accepted, so they are not errors here.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(upload, strict=False)
            encrypted = reader.is_encrypted
            if not encrypted:
                for page in reader.pages:
                    _ensure_page_size(page)
    except PDF_READ_ERRORS as error:
        logger.info("PDF refused: %r", error)
        raise ValidationError(
            _("Berkas PDF ini rusak atau tidak utuh sehingga tidak dapat dibuka."),
            code="broken",
        ) from error
    if encrypted:
        raise ValidationError(
            _(
                "Berkas PDF ini terkunci dengan kata sandi atau enkripsi. Unggah berkas PDF "
                "tanpa kata sandi agar dapat dibuka oleh penilai."
            ),
            code="encrypted",
        )


def _ensure_page_size(page) -> None:
    # A page's size may be inherited from the page tree; resolving it walks the tree.
    if page.mediabox.width <= 0 or page.mediabox.height <= 0:
        raise ValueError("page without a size")


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _(
            "Gambar ini terlalu besar resolusinya (lebih dari %(limit)s megapiksel). "
            "Perkecil ukuran gambar lalu unggah kembali."
        )
        % {"limit": MAX_IMAGE_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def _check_image(upload, detected: FileType) -> None:
    """Let Pillow read the whole image; a truncated or corrupt one raises.

    Pillow's own bomb guard (a warning, then an error at twice its limit) is turned into
    an error throughout, and the pixel count is checked against the portal's lower limit
    from the header, before any pixel is decoded.
    """
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(upload) as image:
            if image.format != {"image/png": "PNG", "image/jpeg": "JPEG"}[detected.content_type]:
                raise ValueError(image.format)
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise _too_many_pixels()
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


# Cutting an upload off while it streams in -------------------------------------------------


class CutOffUpload(UploadedFile):
    """Stands in for a file that was cut off at the size limit; none of it was kept.

    Its size is over the limit, so the usual size check (`check_evidence_file`) refuses it
    with the usual message; reading it raises, so it can never be stored by mistake.
    """

    def __init__(self, name: str, content_type: str, size: int):
        super().__init__(file=None, name=name, content_type=content_type, size=size)

    def _refuse(self, *args, **kwargs):
        raise ValidationError(_("Berkas terlalu besar."), code="too_large")

    read = seek = chunks = open = multiple_chunks = _refuse

    def close(self):
        return None


class LimitedUploadHandler(FileUploadHandler):
    """First of the upload handlers: passes each file's bytes on until `max_bytes`, then
    stops the upload (StopUpload with connection_reset, so the rest of the body is not read,
    nor written to a temporary file)."""

    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.request_length = 0
        self.received = 0
        self.cut_off: CutOffUpload | None = None
        self.cut_off_field = ""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_length = content_length or 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            # The file's real size is not known without reading it; it is at most the
            # length of the whole request, which is what the refusal reports.
            self.cut_off_field = self.field_name
            self.cut_off = CutOffUpload(
                self.file_name or "",
                self.content_type or "",
                max(self.received, self.request_length),
            )
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        # The next handler (memory or temporary file) builds the uploaded file.
        return None

    def put_back(self, files) -> None:
        """Put the stand-in of a cut-off file where the file would have been in `files`."""
        if self.cut_off is not None and self.cut_off_field not in files:
            files.appendlist(self.cut_off_field, self.cut_off)


def limit_uploads(request, max_bytes: int) -> LimitedUploadHandler:
    """Cut off each file of this request at `max_bytes` while it streams in.

    Must run before anything reads request.POST or request.FILES (Django refuses to change
    the handlers afterwards); `upload_limit` below arranges that for a view, CSRF included.
    """
    limiter = LimitedUploadHandler(request, max_bytes=max_bytes)
    request.upload_handlers = [
        limiter,
        *(load_handler(path, request) for path in settings.FILE_UPLOAD_HANDLERS),
    ]
    return limiter


def upload_limit(max_bytes_for: Callable[..., int]):
    """View decorator: files of a multipart POST are cut off at
    `max_bytes_for(request, *args, **kwargs)` bytes while they stream in.

    A cut-off file reaches the view as a CutOffUpload over the limit, so the view's usual
    checks refuse it with the usual message. CSRF middleware reads the body before any view
    runs, which would be too late to limit it; so the view is exempt from the middleware
    and the same CSRF check runs here, after the limit is installed.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            limiter = None
            if request.method == "POST" and request.content_type == "multipart/form-data":
                limiter = limit_uploads(request, max_bytes_for(request, *args, **kwargs))

            def checked(request, *args, **kwargs):
                if limiter is not None:
                    limiter.put_back(request.FILES)
                return view(request, *args, **kwargs)

            return csrf_protect(checked)(request, *args, **kwargs)

        wrapped.csrf_exempt = True
        return wrapped

    return decorator


def evidence_upload_max_bytes(request, pk: int, *args, **kwargs) -> int:
    """The size limit of evidence files for proposal `pk`: its competition's max_file_mb.

    Read before the view checks access, so it reveals nothing but a number; an unknown
    proposal gets the request cap (the view answers 404 anyway).
    """
    from .models import Proposal

    megabytes = (
        Proposal.objects.filter(pk=pk).values_list("competition__max_file_mb", flat=True).first()
    )
    if megabytes is None:
        return settings.MAX_REQUEST_BODY_BYTES
    return megabytes * 1024 * 1024
