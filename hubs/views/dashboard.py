"""The signed-in user's dashboard: one section per role they hold, with real counts."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import selectors
from ..enums import InstansiKind, RegionLevel, Role
from ..models import Hub, Instansi, Membership, Notification, Region, Unit
from ..roles import roles_of

FUNNEL_LABELS = {
    "created": _("Dibuat"),
    "submitted": _("Diajukan"),
    "forwarded": _("Diteruskan"),
    "decided": _("Diputuskan"),
}
# The funnel chart's geometry (SVG user units): one bar per stage.
BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, BAR_SPACE = 28, 12, 110, 330


def funnel_chart(stages) -> dict:
    """Bars of the funnel chart, drawn by the template as an SVG (no script, no CDN)."""
    largest = max((value for _, value in stages), default=0) or 1
    bars = []
    for n, (name, value) in enumerate(stages):
        y = n * (BAR_HEIGHT + BAR_GAP)
        width = round(BAR_SPACE * value / largest) if value else 0
        bars.append(
            {
                "label": FUNNEL_LABELS[name],
                "value": value,
                "y": y,
                "text_y": y + round(BAR_HEIGHT * 0.68),
                "width": max(width, 2),
                "value_x": LABEL_WIDTH + max(width, 2) + 6,
            }
        )
    return {
        "bars": bars,
        "height": len(stages) * (BAR_HEIGHT + BAR_GAP),
        "width": LABEL_WIDTH + BAR_SPACE + 50,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "hubs/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        roles = roles_of(user)
        context["roles"] = roles
        context["recent_notifications"] = list(Notification.objects.filter(recipient=user)[:5])
        # The competition's dashboards live with the competition; hubs only lays them out.
        from kipp.selectors import dashboard as kipp_dashboard

        if roles.is_operator:
            context["operator"] = {
                "units": list(
                    Unit.objects.filter(pk__in=roles.operator_unit_ids).select_related("instansi")
                ),
                "colleague_count": selectors.colleagues_of(user).count(),
                "work": kipp_dashboard.operator_dashboard(user),
            }
        if roles.is_admin_lokal:
            context["admin_lokal"] = self._admin_lokal(user, roles)
            context["admin_lokal"]["competitions"] = kipp_dashboard.admin_lokal_dashboard(user)
        if roles.is_national_sekretariat:
            context["sekretariat"] = self._sekretariat()
        if roles.is_organiser:
            competition = kipp_dashboard.sekretariat_competition(user)
            if competition:
                funnel = kipp_dashboard.competition_funnel(competition)
                context["funnel"] = {
                    "competition": competition,
                    "chart": funnel_chart(funnel["stages"]),
                    **funnel,
                }
        if roles.is_hub_admin:
            context["hub_admin"] = self._hub_admin(user, roles)
        if roles.is_judge:
            context["judge"] = {"evaluator": roles.is_evaluator, "panelist": roles.is_panelist}
        return context

    def _admin_lokal(self, user, roles):
        units = Unit.objects.filter(instansi_id__in=roles.admin_instansi_ids)
        operators = Membership.objects.filter(
            role=Role.OPERATOR, unit__instansi_id__in=roles.admin_instansi_ids
        )
        return {
            "instansi": list(Instansi.objects.filter(pk__in=roles.admin_instansi_ids)),
            "units": units.aggregate(
                total=Count("pk"), active=Count("pk", filter=Q(is_active=True))
            ),
            "operators": operators.aggregate(
                total=Count("user", distinct=True),
                active=Count("user", filter=Q(user__is_active=True), distinct=True),
            ),
            "units_without_operator": units.filter(is_active=True)
            .exclude(memberships__role=Role.OPERATOR, memberships__user__is_active=True)
            .count(),
        }

    def _sekretariat(self):
        by_kind = {
            row["kind"]: row["n"]
            for row in Instansi.objects.filter(is_active=True)
            .values("kind")
            .annotate(n=Count("pk"))
            .order_by()
        }
        return {
            "instansi_by_kind": [
                (label, by_kind.get(kind, 0)) for kind, label in InstansiKind.choices
            ],
            "instansi_total": sum(by_kind.values()),
            "regions": Region.objects.aggregate(
                provinces=Count("pk", filter=Q(level=RegionLevel.PROVINCE)),
                regencies=Count("pk", filter=Q(level=RegionLevel.REGENCY)),
                flagged_3t=Count("pk", filter=Q(is_3t=True)),
            ),
            "hub_count": Hub.objects.filter(is_active=True).count(),
            "people": Membership.objects.filter(user__is_active=True).aggregate(
                admin_lokal=Count("user", filter=Q(role=Role.ADMIN_LOKAL), distinct=True),
                evaluators=Count("user", filter=Q(role=Role.EVALUATOR), distinct=True),
                panelists=Count("user", filter=Q(role=Role.PANELIST), distinct=True),
                hub_admins=Count("user", filter=Q(role=Role.HUB_ADMIN), distinct=True),
            ),
        }

    def _hub_admin(self, user, roles):
        province_scope = Q(region_id__in=roles.hub_province_ids) | Q(
            region__parent_id__in=roles.hub_province_ids
        )
        return {
            "hubs": list(Hub.objects.filter(pk__in=roles.hub_ids).select_related("province")),
            "instansi_count": Instansi.objects.filter(province_scope, is_active=True).count(),
            "unit_count": Unit.objects.filter(
                Q(instansi__region_id__in=roles.hub_province_ids)
                | Q(instansi__region__parent_id__in=roles.hub_province_ids),
                is_active=True,
            ).count(),
            "regency_count": Region.objects.filter(parent_id__in=roles.hub_province_ids).count(),
        }
