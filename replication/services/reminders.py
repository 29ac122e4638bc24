"""Reminders about action-plan activities that are overdue or due within 7 days."""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.enums import Role
from hubs.models import User
from hubs.services import notification_create

from ..enums import ActivityStatus, ReminderKind, Stage
from ..models import Activity, Reminder

logger = logging.getLogger(__name__)
DUE_SOON_DAYS = 7
# Commitments whose activities are still followed up.
FOLLOWED = [Stage.KOMITMEN, Stage.RENCANA_AKSI, Stage.IMPLEMENTASI, Stage.EVALUASI]


def _due(today):
    """(activity, kind) pairs that still need their reminder, oldest first."""
    soon = today + timedelta(days=DUE_SOON_DAYS)
    base = (
        Activity.objects.filter(commitment__stage__in=FOLLOWED)
        .exclude(status=ActivityStatus.DONE)
        .select_related("commitment__person_in_charge", "commitment__instansi")
        .order_by("due_on", "pk")
    )
    overdue = base.filter(due_on__lt=today).exclude(reminders__kind=ReminderKind.OVERDUE)
    upcoming = base.filter(Q(due_on__gte=today) & Q(due_on__lte=soon)).exclude(
        reminders__kind=ReminderKind.DUE_SOON
    )
    yield from ((a, ReminderKind.OVERDUE) for a in overdue)
    yield from ((a, ReminderKind.DUE_SOON) for a in upcoming)


def _recipients(activity: Activity) -> list[User]:
    commitment = activity.commitment
    people = set(
        User.objects.filter(
            is_active=True,
            memberships__role=Role.HUB_ADMIN,
            memberships__hub__province_id=commitment.province_id,
        )
    )
    if commitment.person_in_charge_id and commitment.person_in_charge.is_active:
        people.add(commitment.person_in_charge)
    return sorted(people, key=lambda u: u.pk)


def activity_reminders_send(*, today=None) -> int:
    """Remind the person in charge and the hub admins about each activity that is overdue
    or due within 7 days, once per activity and threshold. The Reminder row is inserted
    in the same transaction as the notifications; its unique constraint makes a retried,
    repeated or concurrent run skip what was already sent. Returns how many reminders were
    sent now."""
    today = today or timezone.localdate()
    sent = 0
    for activity, kind in list(_due(today)):
        try:
            with transaction.atomic():
                Reminder.objects.create(activity=activity, kind=kind)
                _notify(activity, kind)
        except IntegrityError:
            continue  # another run sent it first
        sent += 1
    logger.info("replication reminders: %d sent", sent)
    return sent


def _notify(activity: Activity, kind: str) -> None:
    commitment = activity.commitment
    values = {
        "activity": activity.name,
        "title": commitment.title,
        "instansi": commitment.instansi.name,
        "due": activity.due_on.strftime("%d-%m-%Y"),
    }
    if kind == ReminderKind.OVERDUE:
        subject = _("Kegiatan replikasi terlambat: %(activity)s") % values
        body = (
            _(
                "Kegiatan “%(activity)s” pada replikasi “%(title)s” (%(instansi)s) melewati "
                "tenggat %(due)s dan belum selesai."
            )
            % values
        )
    else:
        subject = _("Tenggat kegiatan replikasi sudah dekat: %(activity)s") % values
        body = (
            _(
                "Kegiatan “%(activity)s” pada replikasi “%(title)s” (%(instansi)s) bertenggat "
                "%(due)s."
            )
            % values
        )
    for recipient in _recipients(activity):
        notification_create(
            recipient=recipient, subject=subject, body=body, url=commitment.get_absolute_url()
        )
