"""What each user may see of the replication app: the one door of every view.

A role always travels with its scope: the Admin Lokal reaches its instansi's commitments,
the Admin Hub JIPP and the hub's mentors the commitments of their hub's province, the
national Sekretariat all of them. Anything else answers 404 in the views.
"""

from django.db.models import Q, QuerySet

from hubs.models import Hub, User
from hubs.roles import roles_of

from ..models import Commitment, Programme


def commitments_visible_to(user: User) -> QuerySet[Commitment]:
    """Commitments the user may read (and, by its side, act on)."""
    roles = roles_of(user)
    if roles.is_national_sekretariat:
        return Commitment.objects.all()
    provinces = roles.hub_province_ids | roles.mentor_province_ids
    condition = Q(instansi_id__in=roles.admin_instansi_ids) | Q(province_id__in=provinces)
    if not (roles.admin_instansi_ids or provinces):
        return Commitment.objects.none()
    return Commitment.objects.filter(condition)


def programmes_managed_by(user: User) -> QuerySet[Programme]:
    """Programmes the user runs: the national Sekretariat all, a hub admin its hub's."""
    roles = roles_of(user)
    if roles.is_national_sekretariat:
        return Programme.objects.all()
    return Programme.objects.filter(hub_id__in=roles.hub_ids)


def programmes_visible_to(user: User) -> QuerySet[Programme]:
    """Programmes the user may open: those it runs or mentors, national ones, and those of
    the hub of its instansi's province or inviting its instansi (Admin Lokal)."""
    roles = roles_of(user)
    if roles.is_national_sekretariat:
        return Programme.objects.all()
    hubs = roles.hub_ids | roles.hubs_where("mentor")
    condition = Q(hub_id__in=hubs)
    if roles.admin_instansi_ids:
        condition |= (
            Q(hub__isnull=True)
            | Q(invited__in=roles.admin_instansi_ids)
            | Q(hub__province__children__instansi__in=roles.admin_instansi_ids)
            | Q(hub__province__instansi__in=roles.admin_instansi_ids)
        )
    if not (hubs or roles.admin_instansi_ids):
        return Programme.objects.none()
    return Programme.objects.filter(pk__in=Programme.objects.filter(condition).values("pk"))


def hubs_for_programmes(user: User) -> QuerySet[Hub]:
    """Hubs under which the user may create a programme."""
    roles = roles_of(user)
    if roles.is_national_sekretariat:
        return Hub.objects.filter(is_active=True).select_related("province")
    return Hub.objects.filter(pk__in=roles.hub_ids).select_related("province")
