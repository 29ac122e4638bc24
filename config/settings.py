"""Settings for Portal KIPP, read from the environment only.

Without any variable the portal runs in its embedded shape (SQLite, Celery tasks run
in-process, e-mail printed to the console); see `.env.example` for every variable.
A bad value fails loudly at start-up instead of silently meaning something else.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.api_settings import api_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str | None:
    """A variable's value, or the content of the file named by NAME_FILE (for secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = env(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = env(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

VAR_DIR = Path(env("KIPP_VAR_DIR", str(BASE_DIR / "var")))


def _development_secret_key() -> str:
    # A key made once per checkout and kept out of the repository, so `make run` needs no
    # configuration and sessions survive a restart.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = env("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _development_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "axes",
    "django_filters",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "hubs",
    "kipp",
    "judging",
    "replication",
    "public",
]

MIDDLEWARE = [
    # First: an oversized body is refused before anything reads it.
    "hubs.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the middleware below and the views write (see its docstring on BREACH).
    "hubs.middleware.CompressionMiddleware",
    "csp.middleware.CSPMiddleware",
    "hubs.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hubs.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "hubs.middleware.PasswordChangeRequiredMiddleware",
    # Last, as its documentation asks: it turns a lockout signalled by the backend into a page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hubs.context_processors.roles",
            ],
            "builtins": ["hubs.templatetags.kipp_format"],
        },
    }
]

DATABASE_URL = env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'kipp.sqlite3'}"
_on_postgresql = DATABASE_URL.split(":", 1)[0] in {"postgres", "postgresql", "pgsql"}
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        # On PostgreSQL a connection is kept for a minute (a new one costs a backend start
        # and cold catalog caches, several milliseconds on every request) and checked
        # before it is reused, so a restarted database costs one failed check, not errors.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if _on_postgresql else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    # The portal's queries are short and index-served; PostgreSQL's JIT compiler would
    # still compile any plan whose estimated cost passes jit_above_cost (a count over a
    # competition's proposals does), adding 40-60 ms to answer in a few.
    DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the in-process server read while a write is in progress.
        "init_command": "PRAGMA journal_mode=WAL;",
        # A transaction takes the write lock when it begins, so a second writer waits its
        # turn (up to `timeout` seconds) instead of failing with "database is locked" when
        # it upgrades a read to a write halfway through.
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "hubs.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username/IP pair is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "hubs.backends.PortalModelBackend",
]
# Django's rules, with their messages in proper Indonesian (hubs/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "hubs.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "hubs.passwords.MinimumLengthValidator"},
    {"NAME": "hubs.passwords.CommonPasswordValidator"},
    {"NAME": "hubs.passwords.NumericPasswordValidator"},
]
# Login throttling (django-axes). Within the 15-minute cool-off, wrong passwords are counted
# three ways, each with its own limit: for one username from one address (a mistyping user),
# for one username from any address (guessing one account from rotating addresses), and
# from one address for any username (spraying one password over many accounts). The
# address limit is the highest since a whole office may share one address.
LOGIN_FAILURE_LIMITS = {
    "username+ip_address": env_int("AXES_FAILURE_LIMIT", 5),
    "username": env_int("AXES_USERNAME_FAILURE_LIMIT", 20),
    "ip_address": env_int("AXES_ADDRESS_FAILURE_LIMIT", 50),
}
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMITS["username+ip_address"]
AXES_HANDLER = "hubs.throttle.LoginThrottleHandler"
AXES_COOLOFF_TIME = timedelta(minutes=15)
# A successful login clears that username's failures, not its address's (see the handler).
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client address is REMOTE_ADDR unless the portal runs behind trusted reverse proxies
# (TRUSTED_PROXY_COUNT of them, each appending to X-Forwarded-For); otherwise the header
# could be forged to dodge the limit.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "hubs.throttle.client_ip_address"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# Redis serves as Celery broker and shared cache when configured; otherwise tasks run
# in-process (eager) and the cache is per process.
REDIS_URL = env("REDIS_URL")
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or REDIS_URL or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Jakarta"
# Publishing gives up after about two seconds when the broker is down; the caller logs it
# and the sweep below delivers later, so a user's action never waits on the broker.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BEAT_SCHEDULE = {
    "notification-email-sweep": {
        "task": "hubs.tasks.notification_email_sweep",
        "schedule": 300.0,
    },
    "evidence-orphan-sweep": {"task": "kipp.tasks.evidence_orphans_sweep", "schedule": 3600.0},
    # Yesterday's forwarded proposals, to the organisers at 07:00 WIB (CELERY_TIMEZONE).
    "forwarded-digest-daily": {
        "task": "kipp.tasks.forwarded_digest_daily",
        "schedule": crontab(hour=7, minute=0),
    },
    "judge-reminders": {"task": "judging.tasks.judge_reminders_send", "schedule": 3600.0},
    # Hourly, so a day missed by a stopped beat is caught up; each reminder goes out once.
    "replication-activity-reminders": {
        "task": "replication.tasks.activity_reminders_send",
        "schedule": 3600.0,
    },
}
# Exports of more rows than this are built by a Celery job with a progress page.
EXPORT_SYNC_MAX_ROWS = env_int("EXPORT_SYNC_MAX_ROWS", 2000)

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# With a shared cache, a request reads its session from Redis and the database is written
# only when the session changes (login, logout, password change); a per-process cache
# could keep serving a session that another process has ended, so without Redis it stays
# in the database. Sessions are never saved on every request (Django's default, kept).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
SESSION_SAVE_EVERY_REQUEST = False

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
# Fixed at start-up: the test runner turns settings.DEBUG off, and whitenoise would then look
# for collected files that only a deployment has.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Portal KIPP <noreply@kipp.localhost>")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security: safe by default in production, relaxed only for local development.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# /healthz is probed over plain HTTP by the container orchestrator.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp): scripts, styles and fonts only from our own files,
# no inline script, style or event handler anywhere (the templates load static/js/*.js).
# The Django admin of 5.2 needs nothing looser.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Request bodies. The largest evidence file a competition may allow is 50 MB; a multipart body
# may carry that plus the form's other fields. Anything larger is refused before it is read
# (hubs.middleware.RequestBodyLimitMiddleware), and the proxy in front enforces the same cap.
MAX_REQUEST_BODY_MB = env_int("MAX_REQUEST_BODY_MB", 55)
MAX_REQUEST_BODY_BYTES = MAX_REQUEST_BODY_MB * 1024 * 1024
# A form without files (the proposal text included) stays far below 2.5 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
MAX_FORM_BODY_BYTES = DATA_UPLOAD_MAX_MEMORY_SIZE
# Uploaded files above this size are spooled to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Lockouts are warnings; every successful login at INFO would drown the log.
    "loggers": {"axes": {"level": "WARNING"}},
}

# The read-only open data API (public/api): anonymous, throttled, paged by cursor.
REST_FRAMEWORK, SPECTACULAR_SETTINGS = api_settings(anon_rate=env("API_ANON_RATE", "120/minute"))

# Portal-specific knobs.
KIPP_DEMO_PASSWORD = "kipp-demo-2025"  # noqa: S105 - the published demo password (SPEC 6)
