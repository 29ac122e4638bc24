"""Reminders to judges with unfinished sheets as their round's close approaches.

Each (round, judge, threshold) is written once as a `JudgeReminder` row, so the hourly
beat job can run any number of times and a judge hears at most once per threshold.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from hubs.services import notification_create

from ..enums import SheetState
from ..models import JudgeReminder, Round

# Labels of the thresholds and how long before the close each one is reached.
THRESHOLDS = (("3d", timedelta(days=3)), ("1d", timedelta(days=1)))


def _unfinished(round_: Round):
    """(judge, unfinished sheet count) of the round."""
    rows = (
        round_.assignments.exclude(sheet__state=SheetState.SUBMITTED)
        .values("judge_id")
        .annotate(open_count=Count("pk"))
        .order_by("judge_id")
    )
    counts = {row["judge_id"]: row["open_count"] for row in rows}
    users = User.objects.filter(pk__in=counts, is_active=True)
    return [(user, counts[user.pk]) for user in users]


def reminders_send(*, now=None) -> int:
    """Notify each judge with unfinished sheets in a round closing within a threshold,
    once per threshold (the tightest one reached; the wider ones are marked done with it).
    Writes JudgeReminder rows and portal notifications (e-mailed after commit); returns
    how many judges were reminded."""
    now = now or timezone.now()
    widest = max(delta for _label, delta in THRESHOLDS)
    rounds = Round.objects.filter(
        Q(opens_at__lte=now), closes_at__gt=now, closes_at__lte=now + widest
    ).select_related("competition")
    sent = 0
    for round_ in rounds:
        reached = [label for label, delta in THRESHOLDS if round_.closes_at - now <= delta]
        for judge, open_count in _unfinished(round_):
            if _remind(round_, judge, open_count, reached, now):
                sent += 1
    return sent


@transaction.atomic
def _remind(round_: Round, judge: User, open_count: int, reached: list[str], now) -> bool:
    done = set(
        JudgeReminder.objects.filter(round=round_, judge=judge, threshold__in=reached).values_list(
            "threshold", flat=True
        )
    )
    missing = [label for label in reached if label not in done]
    if not missing:
        return False
    try:
        with transaction.atomic():
            for label in missing:
                JudgeReminder.objects.create(
                    round=round_, judge=judge, threshold=label, sent_at=now
                )
    except IntegrityError:
        # Another run reminded this judge at the same moment.
        return False
    notification_create(
        recipient=judge,
        subject=_("Pengingat penilaian: %(round)s") % {"round": round_.name},
        body=_("Masih ada %(n)d lembar nilai yang belum Anda kirim. Babak ditutup %(when)s WIB.")
        % {
            "n": open_count,
            "when": timezone.localtime(round_.closes_at).strftime("%d-%m-%Y %H:%M"),
        },
        url=reverse("judging_round_sheets", args=[round_.pk]),
    )
    return True
