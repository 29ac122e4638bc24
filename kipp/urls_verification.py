"""URLs of the competition: verification."""

from django.urls import path

from .views import verification

urlpatterns = [
    path(
        "verifikasi/",
        verification.VerificationInboxView.as_view(),
        name="verification_inbox",
    ),
    path(
        "verifikasi/ekspor/",
        verification.VerificationExportView.as_view(),
        name="verification_export",
    ),
    path(
        "verifikasi/<int:pk>/",
        verification.VerificationDetailView.as_view(),
        name="verification_detail",
    ),
]
