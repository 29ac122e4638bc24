"""Public pages of the organisation app: the home page."""

from django.db.models import Count, Q
from django.views.generic import TemplateView

from ..enums import RegionLevel
from ..models import Hub, Instansi, Region


class HomeView(TemplateView):
    template_name = "hubs/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["region_counts"] = Region.objects.aggregate(
            provinces=Count("pk", filter=Q(level=RegionLevel.PROVINCE)),
            regencies=Count("pk", filter=Q(level=RegionLevel.REGENCY)),
        )
        context["instansi_count"] = Instansi.objects.filter(is_active=True).count()
        context["hubs"] = Hub.objects.filter(is_active=True).select_related("province")
        return context
