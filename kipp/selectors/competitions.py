"""Scoped reads of the competition configuration: organisers, eligible instansi, config page."""

from django.db.models import Count, Prefetch, Q, QuerySet

from hubs.models import Hub, Instansi
from hubs.roles import roles_of

from ..models import Category, Competition, CompetitionGroup, DeadlineExtension, FormSection


def competition_organisers_for(user) -> list[Hub | None]:
    """Who the user may organise a new competition as: `None` (national) and/or its hubs."""
    roles = roles_of(user)
    organisers: list[Hub | None] = []
    if roles.is_national_sekretariat:
        organisers.append(None)
    if roles.organised_hub_ids:
        organisers.extend(
            Hub.objects.filter(pk__in=roles.organised_hub_ids)
            .select_related("province")
            .order_by("province__code")
        )
    return organisers


def instansi_eligible_for(competition: Competition) -> QuerySet[Instansi]:
    """Active instansi that may enter the competition: all for a national one, the hub's
    province (the province itself and its kabupaten/kota) for a provincial one."""
    queryset = Instansi.objects.filter(is_active=True)
    if not competition.is_national:
        province_id = competition.organiser_hub.province_id
        queryset = queryset.filter(Q(region_id=province_id) | Q(region__parent_id=province_id))
    return queryset.select_related("region").order_by("name")


def competition_config(competition: Competition) -> Competition:
    """The competition with everything its configuration page shows, in a fixed number of
    queries: groups with sections, categories with how many proposals use them, extensions."""
    return (
        Competition.objects.filter(pk=competition.pk)
        .select_related("organiser_hub__province")
        .prefetch_related(
            Prefetch(
                "groups",
                queryset=CompetitionGroup.objects.order_by("kind").prefetch_related(
                    Prefetch("sections", queryset=FormSection.objects.order_by("order", "pk"))
                ),
            ),
            Prefetch(
                "categories",
                queryset=Category.objects.annotate(proposal_count=Count("proposals")).order_by(
                    "order", "name"
                ),
            ),
            Prefetch(
                "extensions",
                queryset=DeadlineExtension.objects.select_related(
                    "instansi", "created_by"
                ).order_by("instansi__name"),
            ),
        )
        .get()
    )


def extension_for(competition: Competition, instansi_id: int) -> DeadlineExtension | None:
    """The instansi's deadline extension in the competition, if it has one."""
    return DeadlineExtension.objects.filter(
        competition=competition, instansi_id=instansi_id
    ).first()
