"""URL map of the competition, one module per area (each owns its own paths)."""

from django.urls import include, path

urlpatterns = [
    path("", include("kipp.urls_editions")),
    path("", include("kipp.urls_proposals")),
    path("", include("kipp.urls_verification")),
    path("", include("kipp.urls_selection")),
]
