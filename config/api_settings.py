"""Settings of the read-only open data API (Django REST framework and drf-spectacular),
kept beside settings.py, which passes in what it reads from the environment."""


def api_settings(*, anon_rate: str) -> tuple[dict, dict]:
    """REST_FRAMEWORK and SPECTACULAR_SETTINGS: anonymous, throttled, paged by cursor, with
    the schema's documentation served from our own static files."""
    rest_framework = {
        "DEFAULT_AUTHENTICATION_CLASSES": [],
        "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
        "UNAUTHENTICATED_USER": None,
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
        "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
        "DEFAULT_PAGINATION_CLASS": "public.api.pagination.Cursor",
        "PAGE_SIZE": 50,
        "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
        "DEFAULT_THROTTLE_RATES": {"anon": anon_rate},
        "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    }
    spectacular = {
        "TITLE": "Portal KIPP — API data terbuka",
        "DESCRIPTION": "Data publik Kompetisi Inovasi Pelayanan Publik (hanya baca).",
        "VERSION": "1",
        "SERVE_INCLUDE_SCHEMA": False,
        "SWAGGER_UI_DIST": "SIDECAR",
        "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
        "REDOC_DIST": "SIDECAR",
        # No call to the public validator (the CSP would refuse its badge anyway).
        "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
    }
    return rest_framework, spectacular
