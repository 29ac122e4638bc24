"""Writes of innovations (the thing itself, owned by a unit) by the proposer's side."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import Unit, User
from hubs.roles import roles_of

from ..models import Innovation
from .proposals import proposer_sides


def units_for_innovations(user: User):
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


@transaction.atomic
def innovation_create(
    *, actor: User, unit: Unit, title: str, started_on, summary: str = ""
) -> Innovation:
    """Register a new innovation of `unit` (one of the operator's units, or any unit of the
    Admin Lokal's instansi). Creates one Innovation; sends nothing."""
    if not proposer_sides(actor, unit=unit) or not unit.is_active:
        raise PermissionDenied
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Nama inovasi wajib diisi.")})
    if started_on > timezone.localdate():
        raise ValidationError(
            {"started_on": _("Tanggal mulai diterapkan tidak boleh di masa depan.")}
        )
    if Innovation.objects.filter(unit=unit, title__iexact=title).exists():
        raise ValidationError({"title": _("Unit ini sudah memiliki inovasi dengan nama ini.")})
    try:
        with transaction.atomic():
            return Innovation.objects.create(
                unit=unit,
                title=title,
                started_on=started_on,
                summary=(summary or "").strip(),
                created_by=actor,
            )
    except IntegrityError:
        raise ValidationError(
            {"title": _("Unit ini sudah memiliki inovasi dengan nama ini.")}
        ) from None
