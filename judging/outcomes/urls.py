"""URL map of the outcomes: shortlists, uji publik, schedules, field visits, feedback and
certificates (included from config/urls.py beside the rounds' own map)."""

from django.urls import path

from . import views_final, views_public, views_rounds, views_shortlists

urlpatterns = [
    path(
        "babak/<int:pk>/daftar-pendek/",
        views_shortlists.ShortlistRoundView.as_view(),
        name="judging_shortlists",
    ),
    path(
        "daftar-pendek/<int:pk>/",
        views_shortlists.ShortlistView.as_view(),
        name="judging_shortlist",
    ),
    path(
        "daftar-pendek/<int:pk>/kandidat/<int:entry_pk>/ubah/",
        views_shortlists.OverrideView.as_view(),
        name="judging_shortlist_override",
    ),
    path(
        "daftar-pendek/<int:pk>/umumkan/",
        views_shortlists.PublishView.as_view(),
        name="judging_shortlist_publish",
    ),
    path(
        "daftar-pendek/<int:pk>/ekspor.<str:fmt>",
        views_shortlists.ShortlistExportView.as_view(),
        name="judging_shortlist_export",
    ),
    path(
        "keberatan/<int:pk>/moderasi/",
        views_shortlists.ModerateView.as_view(),
        name="judging_objection_moderate",
    ),
    path("uji-publik/", views_public.PublicShortlistListView.as_view(), name="judging_public_list"),
    path(
        "uji-publik/<int:pk>/",
        views_public.PublicShortlistView.as_view(),
        name="judging_public_shortlist",
    ),
    path("babak/<int:pk>/jadwal/", views_rounds.ScheduleView.as_view(), name="judging_schedule"),
    path("penilaian/jadwal/", views_rounds.MyScheduleView.as_view(), name="judging_my_schedule"),
    path(
        "babak/<int:pk>/verifikasi-lapangan/",
        views_rounds.FieldRoundView.as_view(),
        name="judging_field_round",
    ),
    path(
        "babak/<int:pk>/verifikasi-lapangan/<int:proposal_pk>/",
        views_rounds.FieldVisitView.as_view(),
        name="judging_field_visit",
    ),
    path(
        "usulan/<int:pk>/umpan-balik/", views_final.FeedbackView.as_view(), name="judging_feedback"
    ),
    path(
        "usulan/<int:pk>/sertifikat.pdf",
        views_final.CertificateView.as_view(),
        name="judging_certificate",
    ),
]
