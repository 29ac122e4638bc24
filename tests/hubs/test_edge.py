"""The hardened edge: request bodies refused before they are read, uploads cut off while
they stream in, and SQLite writers that wait their turn instead of failing (the headers of
every page: test_edge_headers)."""

import io
import threading
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.http import HttpResponse
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import path

from kipp.uploads import check_evidence_file, upload_limit
from tests.kipp.factories import pdf_of_size

MB = 1024 * 1024
CSRF_SECRET = "k" * 32


# Calling the WSGI application directly, with a body stream the test controls -------------


class UnreadableBody(io.RawIOBase):
    """A wsgi.input that records any attempt to read it."""

    def __init__(self):
        self.reads = 0

    def readable(self):
        return True

    def read(self, *args):
        self.reads += 1
        raise AssertionError("the request body was read")

    readline = readinto = read


class CountingBody(io.BytesIO):
    """A wsgi.input that remembers how far it was read."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.consumed = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.consumed += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.consumed += len(line)
        return line


def call_wsgi(path, stream, *, method="POST", **meta):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": stream,
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        **meta,
    }
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = dict(headers)

    result = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()  # as a WSGI server does; it closes the request's uploaded files
    return started["status"], started["headers"], body.decode()


# 1. Request body caps ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", f"multipart/form-data; boundary={BOUNDARY}"],
)
def test_150_mb_login_post_is_refused_before_the_body_is_read(db, content_type):
    body = UnreadableBody()

    status, headers, text = call_wsgi(
        "/accounts/login/", body, CONTENT_LENGTH=str(150 * MB), CONTENT_TYPE=content_type
    )

    assert status == 413
    assert body.reads == 0
    assert "Permintaan terlalu besar" in text
    assert headers["Content-Type"] == "text/plain; charset=utf-8"


def test_body_caps_come_from_the_settings(settings):
    assert settings.MIDDLEWARE[0] == "hubs.middleware.RequestBodyLimitMiddleware"
    assert settings.MAX_REQUEST_BODY_BYTES == settings.MAX_REQUEST_BODY_MB * MB
    assert settings.MAX_FORM_BODY_BYTES == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    # The largest evidence file a competition may allow (50 MB) still fits.
    assert settings.MAX_REQUEST_BODY_BYTES > 50 * MB


def test_form_post_over_the_form_cap_is_refused_unread(db, settings):
    body = UnreadableBody()

    status, _, text = call_wsgi(
        "/accounts/login/",
        body,
        CONTENT_LENGTH=str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
        CONTENT_TYPE="application/x-www-form-urlencoded",
    )

    assert (status, body.reads) == (413, 0)
    assert "batasnya 2,5 MB" in text


def test_chunked_body_without_length_is_refused_unread(db):
    body = UnreadableBody()

    status, _, text = call_wsgi(
        "/accounts/login/",
        body,
        HTTP_TRANSFER_ENCODING="chunked",
        CONTENT_TYPE="application/x-www-form-urlencoded",
    )

    assert (status, body.reads) == (411, 0)
    assert "Content-Length" in text


def test_invalid_length_is_refused_unread(db):
    body = UnreadableBody()

    status, _, _ = call_wsgi("/accounts/login/", body, CONTENT_LENGTH="-5")

    assert (status, body.reads) == (400, 0)


def test_refusal_speaks_english_when_chosen(db, settings):
    status, _, text = call_wsgi(
        "/accounts/login/",
        UnreadableBody(),
        CONTENT_LENGTH=str(150 * MB),
        CONTENT_TYPE="application/x-www-form-urlencoded",
        HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=en",
    )

    assert status == 413
    assert "too large" in text


def test_normal_login_still_works(client, babel, settings):
    response = client.post(
        "/accounts/login/",
        {"username": babel.operator_bb.username, "password": settings.KIPP_DEMO_PASSWORD},
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(babel.operator_bb.pk)


# Uploads cut off while they stream in ------------------------------------------------------

UPLOAD_LIMIT = 1 * MB


def _upload_view(request):
    upload = request.FILES.get("file")
    if upload is None:
        return HttpResponse("tidak ada berkas", status=400)
    try:
        checked = check_evidence_file(upload, max_bytes=UPLOAD_LIMIT)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400)
    return HttpResponse(f"diterima {checked.size} {request.POST.get('note')}")


urlpatterns = [path("unggah/", upload_limit(lambda request: UPLOAD_LIMIT)(_upload_view))]


def _multipart(content: bytes, name="bukti.pdf") -> bytes:
    return encode_multipart(
        BOUNDARY, {"note": "catatan", "file": SimpleUploadedFile(name, content)}
    )


def _post_upload(body: bytes):
    stream = CountingBody(body)
    status, _, text = call_wsgi(
        "/unggah/",
        stream,
        CONTENT_LENGTH=str(len(body)),
        CONTENT_TYPE=MULTIPART_CONTENT,
        HTTP_COOKIE=f"csrftoken={CSRF_SECRET}",
        HTTP_X_CSRFTOKEN=CSRF_SECRET,
    )
    return status, text, stream


@pytest.fixture
def upload_tmp(settings, tmp_path):
    """Every uploaded byte goes to a temporary file in a folder the test can inspect."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    return tmp_path


@pytest.mark.urls(__name__)
def test_file_over_the_limit_is_cut_off_and_the_rest_not_read(db, upload_tmp):
    body = _multipart(pdf_of_size(3 * MB))

    status, text, stream = _post_upload(body)

    assert status == 400
    assert "Berkas terlalu besar" in text
    assert "batasnya 1 MB" in text
    # Reading stopped one chunk (64 KB) or so after the limit, far from the 3 MB sent.
    assert stream.consumed < UPLOAD_LIMIT + 256 * 1024
    assert list(Path(upload_tmp).iterdir()) == []


@pytest.mark.urls(__name__)
def test_file_within_the_limit_arrives_whole(db, upload_tmp):
    content = pdf_of_size(UPLOAD_LIMIT)

    status, text, stream = _post_upload(_multipart(content))

    assert status == 200
    assert text == f"diterima {UPLOAD_LIMIT} catatan"
    assert stream.consumed == stream.getbuffer().nbytes


@pytest.mark.urls(__name__)
def test_limited_upload_view_still_checks_csrf(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/unggah/", {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")})

    assert response.status_code == 403


# 6. SQLite: a second writer waits for the first instead of failing -----------------------


def _sqlite_only(settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only: PostgreSQL takes row locks and never says 'database is locked'")


def _run_two_writers(tmp_path, options) -> tuple[list[Exception], int]:
    """Two threads each read a counter, pause, and write it back plus one, at the same time.

    Each thread gets its own connection to a file database, configured with `options` the
    way Django configures the default one, and writes through Django's own atomic().
    """
    alias = "edge_sqlite"
    settings_dict = connections.configure_settings(
        {
            "default": dict(connections.settings["default"]),
            alias: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / "writers.sqlite3"),
                "OPTIONS": options,
            },
        }
    )[alias]

    def connect():
        # Registered for this thread only, outside DATABASES: the test database is not
        # involved, and Django's test isolation allows such a connection.
        connection = DatabaseWrapper(settings_dict, alias)
        setattr(connections._connections, alias, connection)
        return connection

    setup = connect()
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (value integer)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def writer():
        connection = connect()
        try:
            barrier.wait()
            with transaction.atomic(using=alias), connection.cursor() as cursor:
                cursor.execute("SELECT value FROM counter")
                value = cursor.fetchone()[0]
                time.sleep(0.3)
                cursor.execute("UPDATE counter SET value = %s", [value + 1])
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with setup.cursor() as cursor:
        cursor.execute("SELECT value FROM counter")
        final = cursor.fetchone()[0]
    setup.close()
    delattr(connections._connections, alias)
    return errors, final


def test_sqlite_writers_wait_their_turn(transactional_db, settings, tmp_path):
    _sqlite_only(settings)
    options = dict(settings.DATABASES["default"]["OPTIONS"])
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    assert "journal_mode=WAL" in options["init_command"]

    errors, final = _run_two_writers(tmp_path, options)

    assert errors == []
    assert final == 2  # neither update was lost


def test_sqlite_without_immediate_transactions_fails_the_second_writer(
    transactional_db, settings, tmp_path
):
    """What the setting prevents: a read upgraded to a write halfway through a transaction."""
    _sqlite_only(settings)
    options = {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 1}

    errors, final = _run_two_writers(tmp_path, options)

    assert [type(error) for error in errors] == [OperationalError]
    assert "database is locked" in str(errors[0])
    assert final == 1
