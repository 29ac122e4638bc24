"""Platform contracts: health check, language, WIB times, deployment settings, assets, headers."""

import os
import re
import secrets
import socket
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from hubs.templatetags.kipp_format import wib

BASE_DIR = Path(settings.BASE_DIR)

# Environment variables that would point a subprocess at this run's services or secrets.
SERVICE_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "SECRET_KEY_FILE",
    "DEBUG_FILE",
)


def _subprocess_env(**overrides) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in SERVICE_VARIABLES}
    env.pop("SECRET_KEY", None)
    env.update(overrides)
    return env


def _body(response) -> bytes:
    """The whole body of a normal or streamed (whitenoise) response, closing its file."""
    try:
        if response.streaming:
            return b"".join(response.streaming_content)
        return response.content
    finally:
        response.close()


# Health


@pytest.mark.django_db
def test_healthz_reports_database_and_in_process_tasks(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "broker": "eager"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405


def _redis_reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.django_db
def test_healthz_reaches_the_configured_broker(client, celery_conf):
    broker_url = settings.CELERY_BROKER_URL
    if not broker_url:
        # The embedded shape has no broker; probe the local Redis the same way when it runs.
        broker_url = "redis://127.0.0.1:6379/0"
        if not _redis_reachable(broker_url):
            pytest.skip("no broker configured and no Redis on 127.0.0.1:6379")
        celery_conf(broker_url=broker_url)
    celery_conf(task_always_eager=False)

    response = client.get("/healthz")

    assert response.json() == {"database": "ok", "broker": "ok"}
    assert response.status_code == 200


@pytest.mark.django_db
def test_healthz_is_unhealthy_when_the_broker_is_down(client, celery_conf):
    # Port 9 (discard) is closed: a real connection attempt that really fails.
    celery_conf(broker_url="redis://127.0.0.1:9/0")
    celery_conf(task_always_eager=False)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "error"}


# Language


@pytest.mark.django_db
def test_indonesian_is_the_default_language(client):
    response = client.get("/")

    assert response.status_code == 200
    assert '<html lang="id"' in response.content.decode()
    assert response["Content-Language"] == "id"


@pytest.mark.django_db
def test_browser_accept_language_is_ignored(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 200
    assert '<html lang="id"' in response.content.decode()
    assert response["Content-Language"] == "id"


@pytest.mark.django_db
def test_english_can_be_chosen_with_the_switch_and_switched_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/")
    assert '<html lang="en"' in page.content.decode()
    assert page["Content-Language"] == "en"

    client.post("/i18n/setlang/", {"language": "id", "next": "/"})

    assert '<html lang="id"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_unknown_language_cookie_falls_back_to_indonesian(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    assert '<html lang="id"' in client.get("/").content.decode()


# Times in WIB


def test_wib_filter_shows_utc_time_in_jakarta():
    utc = UTC
    with translation.override("id"):
        # 17:30 UTC is already the next day in Jakarta (UTC+7).
        assert wib(datetime(2025, 3, 1, 17, 30, tzinfo=utc)) == "2 Maret 2025 00:30 WIB"
        assert wib(datetime(2025, 4, 16, 5, 0, tzinfo=utc)) == "16 April 2025 12:00 WIB"
        assert wib(datetime(2025, 12, 31, 16, 59, tzinfo=utc)) == "31 Desember 2025 23:59 WIB"
        # The same instant given in another zone renders the same WIB time.
        tokyo = dt_timezone(timedelta(hours=9))
        assert wib(datetime(2025, 3, 2, 2, 30, tzinfo=tokyo)) == "2 Maret 2025 00:30 WIB"
        assert wib(datetime(2025, 3, 1, 17, 30, tzinfo=utc), "d/m/Y H:i") == "02/03/2025 00:30 WIB"


def test_wib_filter_takes_naive_times_as_wib_and_dates_without_time():
    with translation.override("id"):
        assert wib(datetime(2025, 8, 17, 10, 0)) == "17 Agustus 2025 10:00 WIB"
        assert wib(date(2025, 8, 17)) == "17 Agustus 2025"


def test_wib_filter_renders_nothing_for_missing_values():
    assert wib(None) == ""
    assert wib("") == ""


def test_wib_filter_is_available_in_every_template_without_load():
    template = Template("{{ when|wib }}|{{ missing|wib }}")
    when = datetime(2025, 3, 1, 17, 30, tzinfo=UTC)

    with translation.override("id"):
        assert template.render(Context({"when": when, "missing": None})) == (
            "2 Maret 2025 00:30 WIB|"
        )


# Deployment settings


def test_deploy_check_passes_with_production_environment():
    env = _subprocess_env(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="kipp.example.go.id",
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "(security." not in output
    assert "System check identified no issues" in output


def test_settings_refuse_to_load_without_secret_key_when_debug_is_off():
    env = _subprocess_env(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0")

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


# Assets are served locally, never from a CDN

# A browser would fetch these from another host: scripts, styles, fonts, imports.
EXTERNAL_ASSET_PATTERNS = [
    re.compile(r"<script[^>]*\bsrc\s*=\s*[\"']?\s*(https?:)?//", re.IGNORECASE),
    re.compile(r"<link[^>]*\bhref\s*=\s*[\"']?\s*(https?:)?//", re.IGNORECASE),
    re.compile(r"@import\s+(url\()?\s*[\"']?\s*(https?:)?//", re.IGNORECASE),
    re.compile(r"url\(\s*[\"']?\s*(https?:)?//", re.IGNORECASE),
    re.compile(
        r"cdn\.|cdnjs|jsdelivr|unpkg\.com|fonts\.googleapis|fonts\.gstatic|"
        r"ajax\.googleapis|use\.fontawesome|kit\.fontawesome|code\.jquery",
        re.IGNORECASE,
    ),
]
LICENCE_COMMENT = re.compile(r"/\*!.*?\*/", re.DOTALL)


def _asset_files():
    for root in (BASE_DIR / "templates", BASE_DIR / "static"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".txt", ".css", ".js"}:
                yield path


def test_templates_and_static_files_load_nothing_from_other_hosts():
    scanned = list(_asset_files())
    names = {path.relative_to(BASE_DIR).as_posix() for path in scanned}
    # The scan must cover the real layout, or it would pass vacuously.
    assert {
        "templates/base.html",
        "templates/registration/login.html",
        "static/vendor/bootstrap/bootstrap.min.css",
        "static/vendor/bootstrap/bootstrap.bundle.min.js",
        "static/vendor/bootstrap-icons/bootstrap-icons.min.css",
        "static/css/kipp.css",
    } <= names

    found = []
    for path in scanned:
        text = LICENCE_COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
        for pattern in EXTERNAL_ASSET_PATTERNS:
            for match in pattern.finditer(text):
                found.append(f"{path.relative_to(BASE_DIR)}: {match.group(0)[:80]}")
    assert found == []


def test_the_external_asset_scan_catches_a_cdn_reference():
    samples = [
        '<script src="https://cdn.jsdelivr.net/npm/bootstrap.js"></script>',
        '<link rel="stylesheet" href="https://example.org/x.css">',
        "@import url(https://fonts.googleapis.com/css?family=Inter);",
        '@font-face{src:url("//example.org/font.woff2")}',
    ]
    for sample in samples:
        assert any(p.search(sample) for p in EXTERNAL_ASSET_PATTERNS), sample
    assert not any(
        p.search('<link rel="stylesheet" href="/static/css/kipp.css">')
        for p in EXTERNAL_ASSET_PATTERNS
    )


ASSET_TAG = re.compile(
    r"<script[^>]*\bsrc=\"(?P<script>[^\"]+)\"|<link[^>]*\bhref=\"(?P<link>[^\"]+)\"",
    re.IGNORECASE,
)


def _page_assets(html: str) -> list[str]:
    return [m.group("script") or m.group("link") for m in ASSET_TAG.finditer(html)]


def _static_prefix() -> str:
    return "/" + settings.STATIC_URL.lstrip("/")


def _fetch_static(client, url: str) -> bytes:
    """The file behind a /static/ URL, as whitenoise serves it, or from the finders."""
    relative = url.split("?", 1)[0].removeprefix(_static_prefix())
    location = finders.find(relative)
    assert location, f"{url} is referenced but no static file {relative!r} exists"
    if settings.WHITENOISE_USE_FINDERS:
        response = client.get(url)
        body = _body(response)
        assert response.status_code == 200, url
        assert body == Path(location).read_bytes(), url
        return body
    return Path(location).read_bytes()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_pages_load_their_assets_from_this_server(client, path):
    response = client.get(path)
    html = response.content.decode()

    assert response.status_code == 200
    assert not re.search(r"\bsrc=\"(https?:)?//", html)
    assert not re.search(r"\bhref=\"(https?:)?//[^\"]*\.(css|js|woff2?)\b", html)
    assets = _page_assets(html)
    static_prefix = _static_prefix()
    assert assets and all(url.startswith(static_prefix) for url in assets), assets
    wanted = {
        "vendor/bootstrap/bootstrap.min.css",
        "vendor/bootstrap/bootstrap.bundle.min.js",
        "vendor/bootstrap-icons/bootstrap-icons.min.css",
        "css/kipp.css",
    }
    assert {url.removeprefix(static_prefix) for url in assets} >= wanted
    assert any(re.search(r"/htmx[^/]*\.min\.js$", url) for url in assets), assets

    for url in assets:
        body = _fetch_static(client, url)
        assert len(body) > 100, url
    bootstrap = _fetch_static(client, f"{static_prefix}vendor/bootstrap/bootstrap.min.css")
    assert b"Bootstrap" in bootstrap[:200]
    htmx = next(url for url in assets if re.search(r"/htmx[^/]*\.min\.js$", url))
    assert b"htmx" in _fetch_static(client, htmx)


@pytest.mark.django_db
def test_icon_fonts_are_served_locally(client):
    static_prefix = _static_prefix()
    css_url = f"{static_prefix}vendor/bootstrap-icons/bootstrap-icons.min.css"
    css = _fetch_static(client, css_url).decode()
    fonts = re.findall(r"url\(\"?([^\")]+)\"?\)", css)

    assert fonts, "bootstrap-icons.min.css declares no font files"
    for font in fonts:
        assert not re.match(r"(https?:)?//", font), font
        font_url = f"{static_prefix}vendor/bootstrap-icons/{font}"
        assert len(_fetch_static(client, font_url)) > 1000, font_url


# Security headers and login


@pytest.mark.django_db
def test_pages_send_security_headers(client):
    response = client.get("/")

    assert response.status_code == 200
    assert settings.SECURE_CONTENT_TYPE_NOSNIFF is True
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_dashboard_requires_login(client):
    response = client.get("/dasbor/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/dasbor/"
    assert reverse("login") == "/accounts/login/"


def test_dashboard_opens_after_login(client, babel):
    client.force_login(babel.sekretariat)

    response = client.get("/dasbor/")

    assert response.status_code == 200
    assert 'id="dasbor-sekretariat"' in response.content.decode()
