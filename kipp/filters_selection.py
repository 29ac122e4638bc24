"""Filters of the administrative selection list (and its exports).

Cluster and 3T filter on what the proposal stored when it was forwarded, not on the
instansi as it is today.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hubs.enums import Cluster, RegionLevel
from hubs.models import Region

from .enums import GroupKind
from .enums import ProposalState as S
from .models import Category, Competition
from .selectors.selection import in_selection_state
from .widgets import FilterSelect

STATE_CHOICES = [(state, S(state).label) for state in (S.FORWARDED, S.ADMIN_PASSED, S.ADMIN_FAILED)]
REGION_3T_CHOICES = [("1", _("Hanya 3T")), ("0", _("Bukan daerah 3T"))]


class AdminSelectionFilter(django_filters.FilterSet):
    """Cluster, 3T, province, group, category, state and free text over a competition's
    proposals.

    Give `competition=` so the category choices are the competition's own (also kept as
    `categories`, for the rows that name them).
    """

    q = django_filters.CharFilter(
        label=_("Cari judul, instansi atau unit"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    cluster = django_filters.ChoiceFilter(
        label=_("Klaster"),
        choices=Cluster.choices,
        method="filter_cluster",
        empty_label=_("Semua"),
        widget=FilterSelect,
    )
    is_3t = django_filters.ChoiceFilter(
        label=_("Status 3T"),
        choices=REGION_3T_CHOICES,
        method="filter_3t",
        empty_label=_("Semua"),
        widget=FilterSelect,
    )
    # Province and category choices are read once when the filters are made (a model
    # choice field would read its table again to validate and again to draw the select).
    province = django_filters.ChoiceFilter(
        label=_("Provinsi"), method="filter_province", empty_label=_("Semua"), widget=FilterSelect
    )
    group = django_filters.ChoiceFilter(
        label=_("Kelompok"),
        field_name="group__kind",
        choices=GroupKind.choices,
        empty_label=_("Semua"),
        widget=FilterSelect,
    )
    category = django_filters.ChoiceFilter(
        field_name="category", label=_("Kategori"), empty_label=_("Semua"), widget=FilterSelect
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATE_CHOICES,
        method="filter_state",
        empty_label=_("Semua"),
        widget=FilterSelect,
    )

    def __init__(self, *args, competition: Competition, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = list(Category.objects.filter(competition=competition))
        provinces = Region.objects.filter(level=RegionLevel.PROVINCE).order_by("name")
        self.filters["province"].extra["choices"] = [
            (str(pk), name) for pk, name in provinces.values_list("pk", "name")
        ]
        self.filters["category"].extra["choices"] = [(str(c.pk), str(c)) for c in self.categories]
        for name, form_field in self.form.fields.items():
            form_field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(instansi__name__icontains=value)
            | Q(unit__name__icontains=value)
        )

    def filter_cluster(self, queryset, name, value):
        return queryset.filter(cluster=value)

    def filter_3t(self, queryset, name, value):
        return queryset.filter(is_3t=value == "1")

    def filter_province(self, queryset, name, value):
        # A provincial government's region is the province itself.
        return queryset.filter(Q(instansi__region__parent_id=value) | Q(instansi__region_id=value))

    def filter_state(self, queryset, name, value):
        return queryset.filter(in_selection_state(value))
