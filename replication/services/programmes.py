"""Replication programmes and hub events: created by the hub admin of the programme's hub
or the national Sekretariat."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from hubs.enums import Role
from hubs.models import Hub, User
from hubs.roles import roles_of
from hubs.services import notification_create
from kipp.errors import Refused

from ..models import HubEvent, Programme


def _require_runs(actor: User, hub: Hub | None) -> None:
    roles = roles_of(actor)
    if roles.is_national_sekretariat:
        return
    if hub is None or hub.pk not in roles.hub_ids:
        raise PermissionDenied


@transaction.atomic
def programme_create(
    *,
    actor: User,
    hub: Hub | None,
    name: str,
    year: int,
    starts_on,
    ends_on,
    description: str = "",
    signing_on=None,
    signing_place: str = "",
    invited=(),
) -> Programme:
    """Create a programme under `hub` (None: national) with its commitment-signing event
    and the instansi it invites. Only that hub's admin or the national Sekretariat may.
    Notifies the Admin Lokal of each invited instansi (portal, and e-mail after commit)."""
    _require_runs(actor, hub)
    if ends_on < starts_on:
        raise Refused(_("Tanggal selesai harus sesudah tanggal mulai."))
    if Programme.objects.filter(name__iexact=name.strip()).exists():
        raise Refused(_("Program dengan nama ini sudah ada."))
    programme = Programme.objects.create(
        hub=hub,
        name=name.strip(),
        year=year,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        signing_on=signing_on,
        signing_place=signing_place,
        created_by=actor,
    )
    programme.invited.set(invited)
    _invite(programme, invited)
    if hub is not None and signing_on is not None:
        event = HubEvent.objects.create(
            hub=hub,
            kind="signing",
            title=programme.name,
            date=signing_on,
            place=signing_place or "-",
        )
        event.invited.set(invited)
    return programme


def _invite(programme: Programme, invited) -> None:
    recipients = User.objects.filter(
        is_active=True,
        memberships__role=Role.ADMIN_LOKAL,
        memberships__instansi__in=list(invited),
    ).distinct()
    for recipient in recipients.order_by("pk"):
        notification_create(
            recipient=recipient,
            subject=_("Undangan program replikasi: %(name)s") % {"name": programme.name},
            body=_(
                "Instansi Anda diundang ke %(name)s. Pilih inovasi dari katalog replikasi dan "
                "ajukan komitmen di halaman program."
            )
            % {"name": programme.name},
            url=programme.get_absolute_url(),
        )


@transaction.atomic
def hub_event_create(
    *, actor: User, hub: Hub, kind: str, title: str, date, place: str, invited=(), attended=()
) -> HubEvent:
    """Add a forum replikasi, coaching clinic or signing to the hub's calendar."""
    _require_runs(actor, hub)
    event = HubEvent.objects.create(hub=hub, kind=kind, title=title, date=date, place=place)
    event.invited.set(invited)
    event.attended.set(attended)
    return event


@transaction.atomic
def hub_event_attendance_set(*, actor: User, event: HubEvent, attended) -> HubEvent:
    """Record which instansi came to a hub event (known only once it has taken place)."""
    _require_runs(actor, event.hub)
    event.attended.set(attended)
    return event
