"""sitemap.xml of the public pages (django.contrib.sitemaps; paged at 50,000 URLs)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kipp.models import Competition

from .enums import WINNER_STAGES
from .models import InnovationRecord


class StaticSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "public_innovations", "winners_index", "public_statistics"]

    def location(self, item):
        return reverse(item)


class InnovationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            InnovationRecord.objects.order_by("innovation_id")
            .values_list("innovation_id", flat=True)
            .distinct()
        )

    def location(self, item):
        return reverse("public_innovation", args=[item])


class WinnersSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Competition.objects.filter(public_records__stage__in=WINNER_STAGES)
            .order_by("slug")
            .values_list("slug", flat=True)
            .distinct()
        )

    def location(self, item):
        return reverse("winners", args=[item])


class WinnerSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            InnovationRecord.objects.filter(stage__in=WINNER_STAGES)
            .order_by("pk")
            .values_list("competition__slug", "pk")
        )

    def location(self, item):
        return reverse("winner_detail", args=list(item))


SITEMAPS = {
    "halaman": StaticSitemap,
    "inovasi": InnovationSitemap,
    "pemenang": WinnersSitemap,
    "pemenang-detail": WinnerSitemap,
}
