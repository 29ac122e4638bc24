"""URLs of the competition: administrative selection and its public announcement."""

from django.urls import path

from .views import public_announcements, selection

urlpatterns = [
    path("seleksi/administrasi/", selection.SelectionListView.as_view(), name="selection_list"),
    path(
        "seleksi/administrasi/ekspor/<str:fmt>/",
        selection.SelectionExportView.as_view(),
        name="selection_export",
    ),
    path(
        "seleksi/administrasi/usulan/<int:pk>/",
        selection.SelectionDecideView.as_view(),
        name="selection_decide",
    ),
    path(
        "seleksi/administrasi/<int:pk>/massal/",
        selection.SelectionBulkView.as_view(),
        name="selection_bulk",
    ),
    path(
        "seleksi/administrasi/<int:pk>/umumkan/",
        selection.SelectionPublishView.as_view(),
        name="selection_publish",
    ),
    path(
        "pengumuman/<slug:slug>/seleksi-administrasi/",
        public_announcements.AdminResultsAnnouncementView.as_view(),
        name="announcement_admin_results",
    ),
]
