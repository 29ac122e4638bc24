"""The daily digest telling organisers what was forwarded to them (one message a day, not
one per proposal), each in the recipient's own language."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hubs.enums import Role
from hubs.models import User
from hubs.services import notification_create
from hubs.templatetags.kipp_format import WIB

from ..models import Competition, ForwardDigest, Proposal


def organisers_of(competition: Competition):
    """Active people who run the competition: the national Sekretariat for a national one,
    the hub's admins and Sekretariat members for a provincial one."""
    if competition.is_national:
        condition = Q(memberships__role=Role.SEKRETARIAT, memberships__hub__isnull=True)
    else:
        condition = Q(
            memberships__role__in=[Role.SEKRETARIAT, Role.HUB_ADMIN],
            memberships__hub_id=competition.organiser_hub_id,
        )
    return User.objects.filter(condition, is_active=True).distinct().order_by("pk")


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=WIB)
    return start, start + timedelta(days=1)


def forwarded_digest_send(*, day: date | None = None, now: datetime | None = None) -> int:
    """Notify each competition's organisers once of the proposals forwarded on `day` (a WIB
    calendar day; yesterday by default), counted per instansi.

    Writes a `ForwardDigest` row per competition and day in the same transaction as the
    notifications (e-mailed after commit), so a second run for the same day sends nothing.
    Returns the number of notifications written.
    """
    now = now or timezone.now()
    day = day or (timezone.localtime(now, WIB).date() - timedelta(days=1))
    start, end = _day_bounds(day)
    rows = (
        Proposal.objects.filter(forwarded_at__gte=start, forwarded_at__lt=end)
        .values("competition_id", "instansi__name")
        .annotate(n=Count("pk"))
        .order_by("competition_id", "instansi__name")
    )
    per_competition: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        per_competition.setdefault(row["competition_id"], []).append(
            (row["instansi__name"], row["n"])
        )
    sent = 0
    for competition in Competition.objects.filter(pk__in=per_competition).select_related(
        "organiser_hub"
    ):
        sent += _send_one(competition, day, per_competition[competition.pk])
    return sent


@transaction.atomic
def _send_one(competition: Competition, day: date, counts: list[tuple[str, int]]) -> int:
    total = sum(n for _, n in counts)
    _digest, created = ForwardDigest.objects.get_or_create(
        competition=competition, day=day, defaults={"proposal_count": total}
    )
    if not created:
        return 0
    url = reverse("selection_list") + f"?edisi={competition.pk}"
    recipients = list(organisers_of(competition))
    for recipient in recipients:
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            shown_day = formats.date_format(day, "j F Y")
            subject = ngettext(
                "%(n)d usulan diteruskan ke %(c)s pada %(d)s",
                "%(n)d usulan diteruskan ke %(c)s pada %(d)s",
                total,
            ) % {"n": total, "c": competition.name, "d": shown_day}
            lines = [_("Usulan yang diteruskan Admin Lokal, per instansi:")]
            lines += [f"- {name}: {n}" for name, n in counts]
            lines.append(_("Periksa dan putuskan di halaman seleksi administrasi."))
            notification_create(
                recipient=recipient, subject=subject, body="\n".join(lines), url=url
            )
    return len(recipients)
