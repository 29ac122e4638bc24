"""Winners: per competition (Top 99, Top 45, Outstanding Achievement), per province, and
each winner's page."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from hubs.enums import RegionLevel
from hubs.models import Region
from kipp.enums import ResultLevel
from kipp.models import Competition
from kipp.selectors.results import results_counted

from .. import cache, selectors
from ..enums import WINNER_STAGES, Stage
from ..exports import download_links
from ..models import InnovationRecord

LEVEL_ORDER = (ResultLevel.OUTSTANDING, ResultLevel.TOP45, ResultLevel.TOP99)


def winner_provinces() -> list[dict]:
    """Provinces with at least one winner, with their count (cached)."""

    def compute():
        return list(
            InnovationRecord.objects.filter(stage__in=WINNER_STAGES, province__isnull=False)
            .values("province_id", "province__name")
            .annotate(n=Count("pk"))
            .order_by("province__name")
        )

    return cache.cached("winner-provinces", compute)


class WinnersIndexView(TemplateView):
    template_name = "public/winners_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["competitions"] = cache.cached(
            "winner-competitions",
            lambda: list(
                Competition.objects.filter(public_records__stage__in=WINNER_STAGES)
                .annotate(winners=Count("public_records"))
                .order_by("-year", "name")
                .values("slug", "name", "year", "winners")
            ),
        )
        context["provinces"] = winner_provinces()
        return context


class CompetitionWinnersView(TemplateView):
    """A competition's winners by level; 404 while it has none published."""

    template_name = "public/winners_competition.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        competition = get_object_or_404(
            Competition.objects.only("pk", "name", "slug", "year"), slug=self.kwargs["slug"]
        )

        def render() -> str:
            by_level = selectors.competition_results(competition)
            if not by_level:
                return ""
            levels = [
                {"key": level, "label": level.label, "rows": by_level[level]}
                for level in LEVEL_ORDER
                if level in by_level
            ]
            return render_to_string(
                "public/_winner_levels.html", {"competition": competition, "levels": levels}
            )

        rendered = cache.cached(f"winners:{competition.pk}", render)
        if not rendered:
            raise Http404
        context.update(
            competition=competition,
            winners_html=mark_safe(rendered),  # noqa: S308 - our own rendering
            downloads=download_links("winners_download", competition.slug),
        )
        return context


class ProvinceWinnersView(TemplateView):
    template_name = "public/winners_province.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        province = get_object_or_404(
            Region.objects.only("pk", "name"), pk=self.kwargs["pk"], level=RegionLevel.PROVINCE
        )
        rows = cache.cached(
            f"winners-province:{province.pk}",
            lambda: list(
                selectors.winner_records()
                .filter(province=province)
                .select_related("competition")
                .only(*selectors.LIST_FIELDS, "competition__slug", "competition__name")
                .order_by("-year", "-stage", "title_key", "pk")
            ),
        )
        context.update(province=province, rows=rows, provinces=winner_provinces())
        return context


class WinnerDetailView(TemplateView):
    """One winner: its summary, video, public documents and the levels it reached."""

    template_name = "public/winner_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = (
            InnovationRecord.objects.filter(
                pk=self.kwargs["pk"],
                competition__slug=self.kwargs["slug"],
                stage__gte=Stage.TOP99,
            )
            .select_related("competition", "province", "regency")
            .prefetch_related("sdgs")
            .defer("search")
            .first()
        )
        if record is None:
            raise Http404
        context.update(
            record=record,
            levels=[
                ResultLevel(level).label
                for level in sorted(
                    results_counted().filter(proposal_id=record.pk).values_list("level", flat=True),
                    key=LEVEL_ORDER[::-1].index,
                )
            ],
            documents=list(selectors.public_evidence_of(record.pk)),
        )
        return context
