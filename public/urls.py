"""URL map of the public side and the open data API."""

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .cache import whole_page
from .sitemaps import SITEMAPS
from .views import downloads, home, innovations, statistics, winners

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path(
        "inovasi/", whole_page(innovations.InnovationListView.as_view()), name="public_innovations"
    ),
    path(
        "inovasi/unduh.<str:fmt>",
        downloads.innovations_download,
        name="public_innovations_download",
    ),
    path(
        "inovasi/<int:pk>/",
        whole_page(innovations.InnovationDetailView.as_view()),
        name="public_innovation",
    ),
    path(
        "inovasi/dokumen/<int:pk>/",
        innovations.evidence_download,
        name="public_evidence",
    ),
    path("pemenang/", whole_page(winners.WinnersIndexView.as_view()), name="winners_index"),
    path(
        "pemenang/provinsi/<int:pk>/",
        whole_page(winners.ProvinceWinnersView.as_view()),
        name="winners_province",
    ),
    path(
        "pemenang/<slug:slug>/",
        whole_page(winners.CompetitionWinnersView.as_view()),
        name="winners",
    ),
    path(
        "pemenang/<slug:slug>/unduh.<str:fmt>",
        downloads.winners_download,
        name="winners_download",
    ),
    path(
        "pemenang/<slug:slug>/<int:pk>/",
        whole_page(winners.WinnerDetailView.as_view()),
        name="winner_detail",
    ),
    path("statistik/", whole_page(statistics.StatisticsView.as_view()), name="public_statistics"),
    path(
        "statistik/<slug:table>.<str:fmt>",
        statistics.statistics_download,
        name="public_statistics_download",
    ),
    # Kept whole too: each of its pages lists up to 50,000 addresses (1.6 s to write at
    # 100,000 entries), and crawlers ask for it often.
    path(
        "sitemap.xml",
        whole_page(sitemap, content_types=("application/xml",)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("api/v1/", include("public.api.urls")),
]
