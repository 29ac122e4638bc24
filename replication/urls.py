"""URL map of replication: the catalogue, programmes, commitments, dashboards, hub pages."""

from django.urls import path

from .views import catalogue, commitments, dashboards, programmes, public

app_name = "replication"

urlpatterns = [
    path("replikasi/katalog/", catalogue.CatalogueView.as_view(), name="catalogue"),
    path(
        "replikasi/katalog/dokumen/<int:pk>/",
        catalogue.CatalogueDocumentView.as_view(),
        name="catalogue_document",
    ),
    path("replikasi/program/", programmes.ProgrammeListView.as_view(), name="programme_list"),
    path(
        "replikasi/program/baru/",
        programmes.ProgrammeCreateView.as_view(),
        name="programme_create",
    ),
    path(
        "replikasi/kegiatan-hub/baru/",
        programmes.HubEventCreateView.as_view(),
        name="hub_event_create",
    ),
    path(
        "replikasi/kegiatan-hub/<int:pk>/kehadiran/",
        programmes.HubEventAttendanceView.as_view(),
        name="hub_event_attendance",
    ),
    path(
        "replikasi/program/<int:pk>/",
        programmes.ProgrammeDetailView.as_view(),
        name="programme_detail",
    ),
    path(
        "replikasi/program/<int:pk>/komitmen/baru/",
        commitments.CommitmentCreateView.as_view(),
        name="commitment_create",
    ),
    path(
        "replikasi/komitmen/<int:pk>/",
        commitments.CommitmentDetailView.as_view(),
        name="commitment_detail",
    ),
    path(
        "replikasi/komitmen/<int:pk>/<str:action>/",
        commitments.CommitmentActionView.as_view(),
        name="commitment_action",
    ),
    path(
        "replikasi/komitmen/<int:pk>/dokumen/<int:document_pk>/",
        commitments.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path(
        "replikasi/kegiatan/<int:pk>/status/",
        commitments.ActivityStatusView.as_view(),
        name="activity_status",
    ),
    path("replikasi/dasbor/", dashboards.HubDashboardView.as_view(), name="dashboard"),
    path(
        "replikasi/program/<int:pk>/dasbor/",
        dashboards.ProgrammeDashboardView.as_view(),
        name="programme_dashboard",
    ),
    path("jaringan-jipp/", public.HubListView.as_view(), name="hub_list"),
    path("jaringan-jipp/<str:code>/", public.HubPageView.as_view(), name="hub_page"),
]
