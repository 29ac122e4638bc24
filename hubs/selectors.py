"""Scoped reads: what a user may see and manage in the organisation structure.

These querysets are the single door to protected objects: views fetch through them (so an
object outside the scope answers 404) and the `rules` predicates are defined on top of them.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .enums import Role
from .models import Hub, Instansi, Membership, Region, Unit, User
from .roles import roles_of

# Roles whose accounts the national Sekretariat creates and manages.
SEKRETARIAT_MANAGED_ROLES = (
    Role.ADMIN_LOKAL,
    Role.EVALUATOR,
    Role.PANELIST,
    Role.HUB_ADMIN,
    Role.MENTOR,
)


def _memberships_prefetch() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=Membership.objects.select_related("unit__instansi", "instansi", "hub__province"),
    )


def accounts_managed_by(user) -> QuerySet[User]:
    """Accounts the user may list, edit, deactivate and reset.

    An Admin Lokal manages accounts whose every membership is an Operator UPP role in a unit
    of its own instansi; the national Sekretariat manages Admin Lokal, judges and hub admins.
    An account that also holds a role outside the manager's reach is left alone.
    """
    roles = roles_of(user)
    conditions = Q(pk__in=[])
    if roles.admin_instansi_ids:
        in_scope = Q(role=Role.OPERATOR, unit__instansi_id__in=roles.admin_instansi_ids)
        conditions |= Q(
            Exists(Membership.objects.filter(in_scope, user=OuterRef("pk"))),
            ~Exists(Membership.objects.filter(~in_scope, user=OuterRef("pk"))),
        )
    if roles.is_national_sekretariat:
        in_scope = Q(role__in=SEKRETARIAT_MANAGED_ROLES)
        conditions |= Q(
            Exists(Membership.objects.filter(in_scope, user=OuterRef("pk"))),
            ~Exists(Membership.objects.filter(~in_scope, user=OuterRef("pk"))),
        )
    return (
        User.objects.filter(conditions)
        .exclude(pk=user.pk)
        .prefetch_related(_memberships_prefetch())
        .order_by("username")
    )


def account_roles_grantable_by(user) -> list[str]:
    """The roles the user may give to a new account, in display order."""
    roles = roles_of(user)
    grantable = []
    if roles.admin_instansi_ids:
        grantable.append(Role.OPERATOR)
    if roles.is_national_sekretariat:
        grantable.extend(SEKRETARIAT_MANAGED_ROLES)
    return grantable


def units_managed_by(user) -> QuerySet[Unit]:
    """Units an Admin Lokal manages (its instansi's); the national Sekretariat sees all."""
    roles = roles_of(user)
    if roles.is_national_sekretariat:
        scope = Q()
    elif roles.admin_instansi_ids:
        scope = Q(instansi_id__in=roles.admin_instansi_ids)
    else:
        return Unit.objects.none()
    return (
        Unit.objects.filter(scope)
        .select_related("instansi")
        .annotate(
            operator_count=Count(
                "memberships",
                filter=Q(memberships__role=Role.OPERATOR, memberships__user__is_active=True),
            )
        )
        .order_by("instansi__name", "name")
    )


def instansi_visible_to(user) -> QuerySet[Instansi]:
    """Instansi the user may see: all for the national Sekretariat, a hub's province for its
    admin, its own for an Admin Lokal."""
    roles = roles_of(user)
    if roles.is_national_sekretariat:
        scope = Q()
    elif roles.hub_province_ids or roles.admin_instansi_ids:
        scope = (
            Q(pk__in=roles.admin_instansi_ids)
            | Q(region_id__in=roles.hub_province_ids)
            | Q(region__parent_id__in=roles.hub_province_ids)
        )
    else:
        return Instansi.objects.none()
    # A correlated subquery, not a JOIN + GROUP BY: it runs only for the rows of the page,
    # and the paginator's COUNT stays a plain count of instansi.
    unit_count = (
        Unit.objects.filter(instansi=OuterRef("pk"))
        .order_by()
        .values("instansi")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Instansi.objects.filter(scope)
        .select_related("region__parent")
        .annotate(unit_count=Coalesce(Subquery(unit_count), 0))
        .order_by("name")
    )


def instansi_managed_by(user) -> QuerySet[Instansi]:
    """Instansi the user may create and edit: the national Sekretariat only."""
    if roles_of(user).is_national_sekretariat:
        return instansi_visible_to(user)
    return Instansi.objects.none()


def hubs_visible_to(user) -> QuerySet[Hub]:
    roles = roles_of(user)
    if roles.is_national_sekretariat:
        scope = Q()
    elif roles.hub_ids:
        scope = Q(pk__in=roles.hub_ids)
    else:
        return Hub.objects.none()
    return Hub.objects.filter(scope).select_related("province").order_by("cohort", "province__code")


def hubs_managed_by(user) -> QuerySet[Hub]:
    if roles_of(user).is_national_sekretariat:
        return hubs_visible_to(user)
    return Hub.objects.none()


def regions_managed_by(user) -> QuerySet[Region]:
    """Regions whose 3T flag the user may set: the national Sekretariat only."""
    if roles_of(user).is_national_sekretariat:
        return Region.objects.select_related("parent").order_by("code")
    return Region.objects.none()


def provinces() -> QuerySet[Region]:
    return Region.objects.filter(level=1).order_by("code")


def colleagues_of(user) -> QuerySet[User]:
    """Active operators of the same units as the given operator."""
    unit_ids = roles_of(user).operator_unit_ids
    return (
        User.objects.filter(
            is_active=True, memberships__role=Role.OPERATOR, memberships__unit_id__in=unit_ids
        )
        .exclude(pk=user.pk)
        .distinct()
        .order_by("name", "username")
    )
