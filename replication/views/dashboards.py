"""Dashboards of a hub (the commitments a user may see) and of one programme."""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from hubs.models import Hub
from hubs.views.access import AreaRequiredMixin

from ..selectors.access import commitments_visible_to, programmes_visible_to
from ..selectors.dashboards import dashboard_for
from .programmes import VIEW


class HubDashboardView(AreaRequiredMixin, TemplateView):
    """Every commitment in the user's scope: its hub's province, its instansi, or all."""

    permission_required = VIEW
    template_name = "replication/dashboard.html"

    def get_context_data(self, **kwargs):
        commitments = commitments_visible_to(self.request.user)
        hubs = list(
            Hub.objects.filter(province__in=commitments.values("province"))
            .select_related("province")
            .order_by("province__code")
        )
        chosen = next((h for h in hubs if h.province.code == self.request.GET.get("hub")), None)
        if chosen is not None:
            commitments = commitments.filter(province_id=chosen.province_id)
        return {
            **super().get_context_data(**kwargs),
            "dashboard": dashboard_for(commitments),
            "hubs": hubs if len(hubs) > 1 else [],
            "chosen_hub": chosen,
        }


class ProgrammeDashboardView(AreaRequiredMixin, TemplateView):
    permission_required = VIEW
    template_name = "replication/dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        programme = get_object_or_404(
            programmes_visible_to(user).select_related("hub__province"), pk=kwargs["pk"]
        )
        commitments = commitments_visible_to(user).filter(programme=programme)
        return {
            **super().get_context_data(**kwargs),
            "programme": programme,
            "dashboard": dashboard_for(commitments),
        }
