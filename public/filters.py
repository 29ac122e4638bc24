"""The filters of the innovation database, shared by its page, its downloads and the API
(one FilterSet each, so a filtered page, its CSV and its API call answer the same rows).

Choices come from one cached read (`filter_choices`), not from model choice fields that
would read their tables to validate and again to draw each select.
"""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hubs.enums import Cluster, RegionLevel
from hubs.models import Region
from kipp.enums import GroupKind
from kipp.models import Category, Competition, SdgGoal
from kipp.widgets import FilterSelect

from . import cache
from .enums import Stage
from .models import InnovationRecord
from .search import search

YES, NO = "ya", "tidak"


def _select() -> FilterSelect:
    return FilterSelect(attrs={"class": "form-select"})


def filter_choices() -> dict[str, list]:
    """Years, provinces, kabupaten/kota, categories and SDGs (cached until the next bump)."""

    def compute():
        regions = list(Region.objects.values_list("pk", "name", "level", "parent_id"))
        return {
            # From the competitions (a few rows), not a DISTINCT over the public entries.
            "years": sorted(
                set(
                    Competition.objects.filter(admin_results_published_at__isnull=False)
                    .values_list("year", flat=True)
                    .distinct()
                ),
                reverse=True,
            ),
            "provinces": sorted(
                ((pk, name) for pk, name, level, _ in regions if level == RegionLevel.PROVINCE),
                key=lambda row: row[1],
            ),
            "regencies": sorted(
                (
                    (pk, name, parent)
                    for pk, name, level, parent in regions
                    if level == RegionLevel.REGENCY
                ),
                key=lambda row: row[1],
            ),
            "categories": sorted(
                set(
                    Category.objects.filter(competition__admin_results_published_at__isnull=False)
                    .values_list("name", flat=True)
                    .distinct()
                )
            ),
            "sdgs": [(goal.number, str(goal)) for goal in SdgGoal.objects.all()],
        }

    return cache.cached("filter-choices", compute)


class InnovationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Kata kunci"), method="_search", max_length=200)
    tahun = django_filters.ChoiceFilter(
        field_name="year", label=_("Tahun"), empty_label=_("Semua tahun"),
        widget=_select(),
    )  # fmt: skip
    provinsi = django_filters.ChoiceFilter(
        field_name="province_id", label=_("Provinsi"),
        empty_label=_("Semua provinsi"), widget=_select(),
    )  # fmt: skip
    kabkota = django_filters.ChoiceFilter(
        field_name="regency_id", label=_("Kabupaten/kota"),
        empty_label=_("Semua kabupaten/kota"), widget=_select(),
    )  # fmt: skip
    klaster = django_filters.ChoiceFilter(
        field_name="cluster", label=_("Klaster instansi"), choices=Cluster.choices,
        empty_label=_("Semua klaster"), widget=_select(),
    )  # fmt: skip
    kelompok = django_filters.ChoiceFilter(
        field_name="group", label=_("Kelompok"), choices=GroupKind.choices,
        empty_label=_("Semua kelompok"), widget=_select(),
    )  # fmt: skip
    kategori = django_filters.ChoiceFilter(
        field_name="category_name", label=_("Kategori"), empty_label=_("Semua kategori"),
        widget=_select(),
    )  # fmt: skip
    sdg = django_filters.ChoiceFilter(
        field_name="sdgs", label=_("Tujuan TPB/SDGs"),
        empty_label=_("Semua tujuan"), widget=_select(),
    )  # fmt: skip
    capaian = django_filters.ChoiceFilter(
        field_name="stage", lookup_expr="gte", label=_("Capaian minimal"),
        choices=Stage.choices, empty_label=_("Semua capaian"), widget=_select(),
    )  # fmt: skip
    replikasi = django_filters.ChoiceFilter(
        label=_("Replikasi"), choices=[(YES, _("Sudah direplikasi")), (NO, _("Belum direplikasi"))],
        empty_label=_("Semua"), method="_replicated", widget=_select(),
    )  # fmt: skip

    class Meta:
        model = InnovationRecord
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = filter_choices()
        self.filters["tahun"].extra["choices"] = [(y, str(y)) for y in choices["years"]]
        self.filters["provinsi"].extra["choices"] = choices["provinces"]
        province = self._province()
        # Every kabupaten/kota is a valid value; the select shows those of the chosen
        # province only (five hundred options would weigh on every page).
        self.filters["kabkota"].extra["choices"] = [
            (pk, name) for pk, name, _parent in choices["regencies"]
        ]
        self._shown_regencies = [
            (pk, name) for pk, name, parent in choices["regencies"] if parent == province
        ]
        self.filters["kategori"].extra["choices"] = [(c, c) for c in choices["categories"]]
        self.filters["sdg"].extra["choices"] = choices["sdgs"]

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_regencies_narrowed", False):
            form.fields["kabkota"].widget.choices = [
                ("", form.fields["kabkota"].choices[0][1]),
                *self._shown_regencies,
            ]
            form._regencies_narrowed = True
        return form

    def _province(self) -> int | None:
        raw = (self.data or {}).get("provinsi", "")
        return int(raw) if str(raw).isdigit() and len(str(raw)) < 10 else None

    # See `public.search.search`: None decides by itself, the list page sets it.
    typo: bool | None = None
    # The words searched instead of the visitor's, when those were corrected (the list page).
    corrected: str = ""

    def _search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value.strip():
            return queryset
        return search(queryset, self.corrected or value, typo=self.typo)

    def _replicated(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == YES:
            return queryset.filter(replicated=True)
        if value == NO:
            return queryset.filter(replicated=False)
        return queryset

    @property
    def searching(self) -> bool:
        return bool(self.form.is_valid() and self.form.cleaned_data.get("q", "").strip())

    def active(self) -> bool:
        """Whether any filter is set (a bare list is what the cache keeps)."""
        return any(self.form.cleaned_data.get(name) not in (None, "") for name in self.filters)
