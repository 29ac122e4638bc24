"""Request middleware of the organisation app."""

from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _


class PasswordChangeRequiredMiddleware:
    """Send an account with a temporary password to the password-change page first."""

    ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.must_change_password
            and not request.path.startswith(self.ALLOWED_PREFIXES)
        ):
            return redirect(reverse("password_change"))
        return self.get_response(request)


def chosen_language(request) -> str:
    """The language picked with the switch (its cookie), else Bahasa Indonesia."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Bahasa Indonesia unless the visitor chose another language with the switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language; the portal speaks
    Indonesian first, so only the language cookie set by the switch changes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class RequestBodyLimitMiddleware:
    """Refuse a request whose body is too large before a single byte of it is read.

    First in the chain, so no other middleware (CSRF reads the form) touches the body. The
    declared Content-Length is compared with the cap: a form without files may be at most
    DATA_UPLOAD_MAX_MEMORY_SIZE, a multipart upload at most MAX_REQUEST_BODY_MB. A chunked
    body (no length declared) is refused, since its size is unknown until it has been read;
    browsers always send a length for forms, and the reverse proxy in front adds one.
    """

    BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with translation.override(chosen_language(request)):
            refusal = self.refusal(request.META)
        if refusal is not None:
            return refusal
        return self.get_response(request)

    def refusal(self, meta) -> HttpResponse | None:
        declared = meta.get("CONTENT_LENGTH") or ""
        chunked = "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower()
        if not declared:
            if chunked and meta.get("REQUEST_METHOD") in self.BODY_METHODS:
                return _plain(
                    411, _("Permintaan ditolak: panjang isi permintaan (Content-Length) wajib.")
                )
            return None
        try:
            length = int(declared)
        except ValueError:
            length = -1
        if length < 0:
            return _plain(400, _("Permintaan ditolak: panjang isi permintaan tidak sah."))
        multipart = meta.get("CONTENT_TYPE", "").lower().startswith("multipart/")
        limit = settings.MAX_REQUEST_BODY_BYTES if multipart else settings.MAX_FORM_BODY_BYTES
        if length > limit:
            return _plain(
                413,
                _("Permintaan terlalu besar; batasnya %(limit)s MB.")
                % {"limit": _megabytes(limit)},
            )
        return None


class PermissionsPolicyMiddleware:
    """Send the Permissions-Policy header: the portal uses no camera, microphone, location..."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _plain(status: int, message: str) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _megabytes(size: int) -> str:
    value = round(size / (1024 * 1024), 1)
    return formats.number_format(value, decimal_pos=0 if value == int(value) else 1)


class CompressionMiddleware(GZipMiddleware):
    """gzip for HTML and other text answers (a list page shrinks from about 29 KB to 6 KB).

    BREACH needs a secret and attacker-chosen text in the same compressed answer. The CSRF
    token in pages is masked afresh on every response, and Django's GZipMiddleware pads each
    answer with a random number of bytes; the one page that shows a real secret (a
    temporary password) is marked `kipp_uncompressed` and left as it is. Static files are
    compressed ahead of time by WhiteNoise, which answers before this middleware.
    """

    def process_response(self, request, response):
        if getattr(response, "kipp_uncompressed", False):
            return response
        return super().process_response(request, response)
