"""Scoped reads of the competition: the single door to competitions, innovations and proposals."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from hubs.models import Instansi, Unit
from hubs.roles import roles_of

from ..enums import QUOTA_STATES
from ..models import Competition, CompetitionGroup, DeadlineExtension, Innovation, Proposal


def competitions_managed_by(user) -> QuerySet[Competition]:
    """Competitions the user configures and selects in: national ones for the national
    Sekretariat, a hub's provincial ones for its admin."""
    condition = Q(pk__in=[])
    if roles_of(user).is_national_sekretariat:
        condition |= Q(organiser_hub__isnull=True)
    hub_ids = roles_of(user).organised_hub_ids
    if hub_ids:
        condition |= Q(organiser_hub_id__in=hub_ids)
    return Competition.objects.filter(condition).select_related("organiser_hub__province")


def competitions_open_to(instansi, now=None) -> QuerySet[Competition]:
    """Competitions the instansi may enter (national, or its province's) whose registration
    has opened and whose local verification has not closed for it yet, its extension
    included (`kipp.deadlines.deadlines_for`): the operator writes until its registration
    close, the Admin Lokal until its verification close."""
    now = now or timezone.now()
    province_id = None
    if instansi.region_id:
        region = instansi.region
        province_id = region.parent_id or region.pk
    extended = DeadlineExtension.objects.filter(
        Q(registration_closes_at__gt=now) | Q(verification_closes_at__gt=now),
        competition=OuterRef("pk"),
        instansi_id=instansi.pk,
    )
    return Competition.objects.filter(
        Q(organiser_hub__isnull=True) | Q(organiser_hub__province_id=province_id),
        Q(verification_closes_at__gt=now) | Exists(extended),
        registration_opens_at__lte=now,
    ).order_by("registration_closes_at")


def _proposer_scope(roles, *, instansi: str) -> Q:
    """The proposer's side: the operator's units, the Admin Lokal's whole instansi."""
    condition = Q(pk__in=[])
    if roles.operator_unit_ids:
        condition |= Q(unit_id__in=roles.operator_unit_ids)
    if roles.admin_instansi_ids:
        condition |= Q(**{f"{instansi}__in": roles.admin_instansi_ids})
    return condition


def innovations_of(user) -> QuerySet[Innovation]:
    """Innovations of the operator's units, or of every unit of the Admin Lokal's instansi."""
    return Innovation.objects.filter(
        _proposer_scope(roles_of(user), instansi="unit__instansi_id")
    ).select_related("unit__instansi")


def proposals_visible_to(user) -> QuerySet[Proposal]:
    """Proposals the user may open.

    Operators see their units' proposals, an Admin Lokal its instansi's (drafts included,
    as it may write them on an operator's behalf); organisers see what was forwarded to
    their competitions. Everyone else sees none (judges get theirs through assignments later).
    """
    roles = roles_of(user)
    condition = _proposer_scope(roles, instansi="instansi_id")
    if roles.is_national_sekretariat:
        condition |= Q(competition__organiser_hub__isnull=True, state__in=QUOTA_STATES)
    hub_ids = roles_of(user).organised_hub_ids
    if hub_ids:
        condition |= Q(competition__organiser_hub_id__in=hub_ids, state__in=QUOTA_STATES)
    return Proposal.objects.filter(condition).select_related(
        "competition", "group", "category", "unit", "instansi__region", "innovation"
    )


def title_taken(competition_id: int, title: str, *, exclude_pk: int | None = None) -> bool:
    """Whether another proposal of the competition has this title (case-insensitive).

    `Lower("title") = lower(value)` is what the unique index on (competition, lower(title))
    serves; `iexact` would become `UPPER(...)` on PostgreSQL and scan the table.
    """
    queryset = Proposal.objects.alias(lower_title=Lower("title")).filter(
        competition_id=competition_id, lower_title=title.strip().lower()
    )
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.exists()


def innovation_title_taken(unit_id: int, title: str, *, exclude_pk: int | None = None) -> bool:
    """Whether the unit already has an innovation of this title (case-insensitive, indexed)."""
    queryset = Innovation.objects.alias(lower_title=Lower("title")).filter(
        unit_id=unit_id, lower_title=title.strip().lower()
    )
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.exists()


def proposer_instansi(user):
    """The instansi the user proposes for (as operator or Admin Lokal), with their regions."""
    roles = roles_of(user)
    instansi_ids = set(roles.operator_instansi_ids) | set(roles.admin_instansi_ids)
    return Instansi.objects.filter(pk__in=instansi_ids).select_related("region").order_by("name")


def open_competitions_by_instansi(user, now=None) -> list[tuple[Instansi, Competition]]:
    """(instansi, competition) for every competition now open to an instansi the user
    proposes for."""
    return [
        (instansi, competition)
        for instansi in proposer_instansi(user)
        for competition in competitions_open_to(instansi, now=now)
    ]


def open_groups_for(user, now=None) -> QuerySet[CompetitionGroup]:
    """Groups of the competitions now open to the instansi the user proposes for."""
    competition_ids = {c.pk for _, c in open_competitions_by_instansi(user, now)}
    return (
        CompetitionGroup.objects.filter(competition_id__in=competition_ids)
        .select_related("competition")
        .order_by("competition__registration_closes_at", "competition__name", "kind")
    )


def instansi_names(instansi_ids) -> dict[int, str]:
    return dict(Instansi.objects.filter(pk__in=instansi_ids).values_list("pk", "name"))


def units_for_innovations(user):
    """Active units the user may register innovations for."""
    roles = roles_of(user)
    return (
        Unit.objects.filter(
            Q(pk__in=roles.operator_unit_ids) | Q(instansi_id__in=roles.admin_instansi_ids),
            is_active=True,
        )
        .select_related("instansi")
        .order_by("instansi__name", "name")
    )
