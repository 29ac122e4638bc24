"""The home page: the open competitions' timelines with WIB countdowns, headline numbers,
the latest winners, every announcement, and the JIPP hubs.

Everything but the countdowns is read once and cached until the next change of results
(`public.cache`); the countdowns are worked out from the cached times on each request.
"""

from datetime import timedelta

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from hubs.enums import RegionLevel
from hubs.models import Hub, Instansi, Region
from kipp.enums import ProposalState
from kipp.models import Competition, Proposal
from kipp.selectors.results import results_counted
from kipp.views.operator import time_left

from .. import cache
from ..enums import Stage
from ..models import InnovationRecord

LATEST_WINNERS = 6


def _milestones(competition: Competition, published: dict) -> list[tuple]:
    steps = [
        (_("Pendaftaran dibuka"), competition.registration_opens_at),
        (_("Pendaftaran ditutup"), competition.registration_closes_at),
        (_("Verifikasi lokal ditutup"), competition.verification_closes_at),
    ]
    if competition.admin_results_published_at:
        steps.append((_("Pengumuman seleksi administrasi"), competition.admin_results_published_at))
    for level, label in (("top99", _("Pengumuman Top 99")), ("top45", _("Pengumuman Top 45"))):
        if published.get(level):
            steps.append((label, published[level]))
    return steps


def _home_data() -> dict:
    now = timezone.now()
    current = list(
        Competition.objects.filter(
            organiser_hub__isnull=True, verification_closes_at__gte=now - timedelta(days=1)
        ).order_by("registration_closes_at")[:3]
    )
    published = {
        (row["proposal__competition_id"], row["level"]): row["first"]
        for row in results_counted()
        .filter(proposal__competition__in=current)
        .values("proposal__competition_id", "level")
        .annotate(first=Min("published_at"))
        .order_by()
    }
    year = max((c.year for c in current), default=None) or (
        Competition.objects.order_by("-year").values_list("year", flat=True).first()
    )
    entered = Proposal.objects.filter(
        competition__year=year, competition__organiser_hub__isnull=True
    ).exclude(state=ProposalState.DRAFT)
    numbers = entered.aggregate(proposals=Count("pk"), instansi=Count("instansi", distinct=True))
    numbers["year"] = year
    numbers["replicated"] = (
        InnovationRecord.objects.filter(replicated=True).values("innovation_id").distinct().count()
    )
    numbers["database"] = InnovationRecord.objects.values("innovation_id").distinct().count()
    latest_year = (
        InnovationRecord.objects.filter(stage__gte=Stage.TOP45)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    winners = list(
        InnovationRecord.objects.filter(stage__gte=Stage.TOP45, year=latest_year)
        .select_related("competition", "province")
        .only("title", "instansi_name", "stage", "year", "competition__slug", "province__name")
        .order_by("-stage", "title_key")[:LATEST_WINNERS]
    )
    announcements = list(
        Competition.objects.filter(
            Q(admin_results_published_at__isnull=False) | Q(public_records__stage__gte=Stage.TOP99)
        )
        .annotate(winners=Count("public_records", filter=Q(public_records__stage__gte=Stage.TOP99)))
        .order_by("-year", "name")
        .only("name", "slug", "year", "admin_results_published_at")
    )
    return {
        "current": [
            (c, _milestones(c, {lvl: published.get((c.pk, lvl)) for lvl in ("top99", "top45")}))
            for c in current
        ],
        "numbers": numbers,
        "winners": winners,
        "announcements": announcements,
        "region_counts": Region.objects.aggregate(
            provinces=Count("pk", filter=Q(level=RegionLevel.PROVINCE)),
            regencies=Count("pk", filter=Q(level=RegionLevel.REGENCY)),
        ),
        "instansi_count": Instansi.objects.filter(is_active=True).count(),
        "hubs": list(Hub.objects.filter(is_active=True).select_related("province")),
    }


class HomeView(TemplateView):
    template_name = "public/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = cache.cached("home", _home_data, timeout=300)
        now = timezone.now()
        context.update(data)
        context["timelines"] = [
            {
                "competition": competition,
                "open": competition.registration_open(now),
                "steps": [
                    {"label": label, "at": at, "past": at <= now, "left": time_left(at, now)}
                    for label, at in steps
                ],
            }
            for competition, steps in data["current"]
        ]
        return context
