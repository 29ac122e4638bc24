"""Public pages of the JIPP network: the list of hubs and each hub's page (its programmes,
adopting regions with their progress, its innovations and its calendar). No personal data:
no names of people, no documents, only instansi, stages and percentages."""

import calendar
from datetime import date

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from hubs.models import Hub

from ..models import Commitment, HubEvent, Programme
from ..selectors.access import hubs_for_programmes
from ..selectors.catalogue import catalogue_innovations
from ..selectors.dashboards import dashboard_for


class HubListView(ListView):
    template_name = "replication/hub_list.html"
    context_object_name = "hubs"

    def get_queryset(self):
        return (
            Hub.objects.filter(is_active=True)
            .select_related("province")
            .annotate(commitment_count=Count("programmes__commitments"))
            .order_by("cohort", "province__code")
        )


def month_grid(year: int, month: int, events) -> list[list[dict]]:
    """Weeks (Monday first) of day cells, each with that day's events; None outside."""
    by_day = {}
    for event in events:
        by_day.setdefault(event.date.day, []).append(event)
    return [
        [{"day": d, "events": by_day.get(d, [])} if d else None for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    ]


def _month(request, events) -> date:
    raw = request.GET.get("bulan", "")
    try:
        year, month = (int(part) for part in raw.split("-"))
        return date(year, month, 1)
    except ValueError:
        pass
    upcoming = [e.date for e in events if e.date >= date.today()]
    first = min(upcoming) if upcoming else (max(e.date for e in events) if events else date.today())
    return first.replace(day=1)


class HubPageView(TemplateView):
    template_name = "replication/hub_page.html"

    def get_context_data(self, **kwargs):
        hub = get_object_or_404(
            Hub.objects.filter(is_active=True).select_related("province"),
            province__code=kwargs["code"],
        )
        province = hub.province
        commitments = Commitment.objects.filter(province=province)
        events = list(
            HubEvent.objects.filter(hub=hub)
            .prefetch_related("invited", "attended")
            .order_by("date", "pk")
        )
        month = _month(self.request, events)
        in_month = [e for e in events if (e.date.year, e.date.month) == (month.year, month.month)]
        previous = (month.replace(day=1) - date.resolution).replace(day=1)
        following = (month.replace(day=28) + 4 * date.resolution).replace(day=1)
        return {
            **super().get_context_data(**kwargs),
            "hub": hub,
            "programmes": Programme.objects.filter(hub=hub)
            .annotate(commitment_count=Count("commitments"))
            .order_by("-year", "name"),
            "dashboard": dashboard_for(commitments, with_items=False),
            "innovations": catalogue_innovations()
            .filter(Q(unit__instansi__region=province) | Q(unit__instansi__region__parent=province))
            .select_related("unit__instansi")
            .order_by("title")[:50],
            "month": month,
            "weekdays": [_("Sen"), _("Sel"), _("Rab"), _("Kam"), _("Jum"), _("Sab"), _("Min")],
            "weeks": month_grid(month.year, month.month, in_month),
            "month_events": in_month,
            "previous_month": previous,
            "next_month": following,
            # Those who run the hub record attendance from here; anonymous visitors cost
            # no query for it.
            "runs_hub": self.request.user.is_authenticated
            and hubs_for_programmes(self.request.user).filter(pk=hub.pk).exists(),
        }
