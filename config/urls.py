"""Top-level URL map: public pages, accounts, the portal's work areas, health."""

from django.contrib import admin
from django.urls import include, path

from hubs.views import health
from hubs.views.auth import language_switch

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/setlang/", language_switch, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("hubs.urls_accounts")),
    path("admin/", admin.site.urls),
    path("", include("hubs.urls")),
    path("", include("kipp.urls")),
    path("", include("judging.urls")),
    path("", include("judging.outcomes.urls")),
    path("", include("replication.urls")),
    path("", include("public.urls")),
]
