"""The open data API: /api/v1/<list>/, its OpenAPI 3 schema and its documentation."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.include_root_view = False
router.register("innovations", views.InnovationViewSet, basename="api-innovation")
router.register("winners", views.WinnerViewSet, basename="api-winner")
router.register("outcomes", views.OutcomeViewSet, basename="api-outcome")
router.register("competitions", views.CompetitionViewSet, basename="api-competition")
router.register("regions", views.RegionViewSet, basename="api-region")
router.register("instansi", views.InstansiViewSet, basename="api-instansi")
router.register("hubs", views.HubViewSet, basename="api-hub")
router.register("replications", views.ReplicationViewSet, basename="api-replication")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("", include(router.urls)),
]
