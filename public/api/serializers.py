"""What the open data API shows: public fields only. `tests/public/test_no_leak.py` lists
every field and fails when one appears unlisted."""

from rest_framework import serializers

from hubs.models import Hub, Instansi, Region
from kipp.models import Competition, Result
from replication.models import Commitment

from ..enums import Stage
from ..models import InnovationRecord


class InnovationSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="proposal_id", read_only=True)
    competition = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    province = serializers.CharField(source="province.name", default="", read_only=True)
    regency = serializers.CharField(source="regency.name", default="", read_only=True)
    stage = serializers.ChoiceField(choices=Stage.choices, read_only=True)
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    sdgs = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = InnovationRecord
        fields = [
            "id",
            "innovation_id",
            "competition",
            "year",
            "title",
            "summary",
            "instansi_name",
            "unit_name",
            "province",
            "regency",
            "cluster",
            "group",
            "category_name",
            "sdgs",
            "stage",
            "stage_label",
            "replicated",
            "video_url",
            "url",
        ]

    def get_sdgs(self, record) -> list[int]:
        return [goal.pk for goal in record.sdgs.all()]


class OutcomeSerializer(serializers.ModelSerializer):
    """A published, non-revoked result of a proposal."""

    proposal_id = serializers.IntegerField(read_only=True)
    innovation_id = serializers.IntegerField(source="proposal.innovation_id", read_only=True)
    title = serializers.CharField(source="proposal.public_record.title", read_only=True)
    competition = serializers.CharField(source="proposal.competition.slug", read_only=True)
    year = serializers.IntegerField(source="proposal.competition.year", read_only=True)

    class Meta:
        model = Result
        fields = ["id", "proposal_id", "innovation_id", "title", "competition", "year", "level",
                  "published_at"]  # fmt: skip


class CompetitionSerializer(serializers.ModelSerializer):
    organiser_province = serializers.CharField(
        source="organiser_hub.province.name", default="", read_only=True
    )

    class Meta:
        model = Competition
        fields = [
            "slug",
            "name",
            "year",
            "theme",
            "organiser_province",
            "registration_opens_at",
            "registration_closes_at",
            "verification_closes_at",
            "admin_results_published_at",
        ]


class RegionSerializer(serializers.ModelSerializer):
    parent_code = serializers.CharField(source="parent.code", default="", read_only=True)

    class Meta:
        model = Region
        fields = ["id", "code", "name", "level", "kind", "parent_code", "is_3t"]


class InstansiSerializer(serializers.ModelSerializer):
    region_code = serializers.CharField(source="region.code", default="", read_only=True)

    class Meta:
        model = Instansi
        fields = ["id", "name", "kind", "region_code", "is_active"]


class HubSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.name", read_only=True)
    province_code = serializers.CharField(source="province.code", read_only=True)

    class Meta:
        model = Hub
        fields = ["id", "province", "province_code", "cohort", "decree", "is_active"]


class ReplicationSerializer(serializers.ModelSerializer):
    """A replication commitment as the public sees it: who adopts what, how far it is; no
    signatory, person in charge or document."""

    programme = serializers.CharField(source="programme.name", read_only=True)
    province = serializers.CharField(source="province.name", read_only=True)
    instansi = serializers.CharField(source="instansi.name", read_only=True)
    source_innovation = serializers.IntegerField(source="source_innovation_id", read_only=True)
    source_title = serializers.CharField(source="source_innovation.title", read_only=True)
    activities = serializers.IntegerField(source="activity_count", read_only=True)
    activities_done = serializers.IntegerField(read_only=True)

    class Meta:
        model = Commitment
        fields = [
            "id",
            "programme",
            "province",
            "instansi",
            "source_innovation",
            "source_title",
            "stage",
            "activities",
            "activities_done",
        ]
