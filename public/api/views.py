"""The read-only open data API (`/api/v1/`): anonymous, throttled, cursor-paged, cached.

Answers are cached per full URL and language until the next change of results
(`public.cache`), so a crawler walking every page costs the database once per change.
"""

import django_filters
from django.db.models import Count, Prefetch, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from hubs.models import Hub, Instansi, Region
from kipp.enums import ResultLevel
from kipp.models import Competition, SdgGoal
from kipp.selectors.results import results_counted
from replication.enums import ActivityStatus
from replication.models import Commitment

from .. import cache
from ..enums import WINNER_STAGES
from ..filters import InnovationFilter
from ..models import InnovationRecord
from . import serializers


class CachedReadOnly(viewsets.ReadOnlyModelViewSet):
    # Ids only, and no longer than an id can be (a longer number would overflow SQLite).
    lookup_value_regex = "[0-9]{1,10}"

    def _cached(self, request, answer):
        data = cache.fragment("api", request.query_params, lambda: answer().data, path=request.path)
        return Response(data)

    def list(self, request, *args, **kwargs):
        return self._cached(
            request, lambda: super(CachedReadOnly, self).list(request, *args, **kwargs)
        )

    def retrieve(self, request, *args, **kwargs):
        return self._cached(
            request, lambda: super(CachedReadOnly, self).retrieve(request, *args, **kwargs)
        )


# The records' key is their proposal's id, which the schema names `id`.
RECORD_ID = extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)]
    )
)


def _records():
    return (
        InnovationRecord.objects.select_related("competition", "province", "regency")
        .prefetch_related(Prefetch("sdgs", queryset=SdgGoal.objects.only("pk")))
        .defer("search", "title_key", "refreshed_at")
    )


@RECORD_ID
@extend_schema(tags=["inovasi"])
class InnovationViewSet(CachedReadOnly):
    """Innovations in the public database (one row per competition entry)."""

    serializer_class = serializers.InnovationSerializer
    filterset_class = InnovationFilter

    def get_queryset(self):
        return _records()


@RECORD_ID
@extend_schema(tags=["pemenang"])
class WinnerViewSet(CachedReadOnly):
    """Winners: entries that reached Top 99 or beyond."""

    serializer_class = serializers.InnovationSerializer
    filterset_class = InnovationFilter

    def get_queryset(self):
        return _records().filter(stage__in=WINNER_STAGES)


class OutcomeFilter(django_filters.FilterSet):
    competition = django_filters.CharFilter(field_name="proposal__competition__slug")
    level = django_filters.ChoiceFilter(choices=ResultLevel.choices)

    class Meta:
        model = results_counted().model
        fields = []


@extend_schema(tags=["hasil"])
class OutcomeViewSet(CachedReadOnly):
    """Proposals' public outcomes: published, non-revoked results."""

    serializer_class = serializers.OutcomeSerializer
    filterset_class = OutcomeFilter

    def get_queryset(self):
        return (
            results_counted()
            .filter(proposal__public_record__isnull=False)
            .select_related("proposal__competition", "proposal__public_record")
            .only(
                "level",
                "published_at",
                "proposal_id",
                "proposal__innovation_id",
                "proposal__competition__slug",
                "proposal__competition__year",
                "proposal__public_record__title",
            )
        )


@extend_schema(tags=["kompetisi"])
class CompetitionViewSet(CachedReadOnly):
    serializer_class = serializers.CompetitionSerializer
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]{1,60}"
    filterset_fields = ["year"]

    def get_queryset(self):
        return Competition.objects.select_related("organiser_hub__province")


@extend_schema(tags=["wilayah"])
class RegionViewSet(CachedReadOnly):
    serializer_class = serializers.RegionSerializer
    filterset_fields = ["level", "kind", "is_3t"]

    def get_queryset(self):
        return Region.objects.select_related("parent").only(
            "code", "name", "level", "kind", "is_3t", "parent__code"
        )


@extend_schema(tags=["instansi"])
class InstansiViewSet(CachedReadOnly):
    serializer_class = serializers.InstansiSerializer
    filterset_fields = ["kind", "is_active"]

    def get_queryset(self):
        return Instansi.objects.select_related("region").only(
            "name", "kind", "is_active", "region__code"
        )


@extend_schema(tags=["hub"])
class HubViewSet(CachedReadOnly):
    serializer_class = serializers.HubSerializer
    filterset_fields = ["is_active", "cohort"]

    def get_queryset(self):
        return Hub.objects.select_related("province").only(
            "cohort", "decree", "is_active", "province__name", "province__code"
        )


@extend_schema(tags=["replication"])
class ReplicationViewSet(CachedReadOnly):
    """Replication progress: every commitment with its stage and activities done."""

    serializer_class = serializers.ReplicationSerializer
    filterset_fields = ["stage", "programme", "province", "source_innovation"]

    def get_queryset(self):
        return (
            Commitment.objects.select_related("programme", "province", "instansi")
            .select_related("source_innovation")
            .only(
                "stage",
                "programme__name",
                "province__name",
                "instansi__name",
                "source_innovation__title",
            )
            .annotate(
                activity_count=Count("activities"),
                activities_done=Count(
                    "activities", filter=Q(activities__status=ActivityStatus.DONE)
                ),
            )
        )
