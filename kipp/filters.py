"""FilterSets of the Admin Lokal's verification inbox."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .enums import GroupKind, ProposalState
from .models import Category, Competition
from .params import parse_id
from .selectors.verification import (
    proposals_to_verify,
    verification_competitions,
    verification_units,
)
from .widgets import FilterSelect


class ProposalInboxFilter(django_filters.FilterSet):
    """Competition, group, state, unit, category and title search over the inbox.

    Drafts stay out unless the visitor asks for them (state "Draf" or "Sertakan draf"):
    they are the operators' unfinished work, not yet the Admin Lokal's to check.
    `competitions` and `units` are the choices the visitor may pick from; the category choices
    follow the selected competition, since every competition has its own list.
    """

    # Choices are filled per request from rows read once (`inbox_filterset`): a model choice
    # field would read its table again to validate and again to draw the select.
    competition = django_filters.ChoiceFilter(
        field_name="competition", label=_("Edisi"), empty_label=None, widget=FilterSelect
    )
    group = django_filters.ChoiceFilter(
        field_name="group__kind",
        label=_("Kelompok"),
        choices=GroupKind.choices,
        empty_label=_("Semua kelompok"),
        widget=FilterSelect,
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ProposalState.choices,
        empty_label=_("Semua status"),
        widget=FilterSelect,
    )
    unit = django_filters.ChoiceFilter(
        field_name="unit", label=_("Unit"), empty_label=_("Semua unit"), widget=FilterSelect
    )
    category = django_filters.ChoiceFilter(
        field_name="category",
        label=_("Kategori"),
        empty_label=_("Semua kategori"),
        widget=FilterSelect,
    )
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=_("Cari judul")
    )
    drafts = django_filters.BooleanFilter(
        label=_("Sertakan draf"), method="_keep", widget=forms.CheckboxInput
    )

    def __init__(
        self, data=None, queryset=None, *, competitions, units, competition=None, **kwargs
    ):
        super().__init__(data, queryset, **kwargs)
        categories = Category.objects.filter(competition=competition) if competition else []
        choices = {
            "competition": [(str(c.pk), str(c)) for c in competitions],
            "unit": [(str(u.pk), str(u)) for u in units],
            "category": [(str(c.pk), str(c)) for c in categories],
        }
        for name, options in choices.items():
            self.filters[name].extra["choices"] = options
        for name, field in self.form.fields.items():
            css = {"drafts": "form-check-input", "q": "form-control"}.get(name, "form-select")
            field.widget.attrs.setdefault("class", css)
            field.widget.attrs.setdefault("id", f"filter-{name}")

    @staticmethod
    def _keep(queryset, name, value):
        # Applied in `filter_queryset` together with the state choice.
        return queryset

    def filter_queryset(self, queryset: QuerySet, skip: frozenset[str] = frozenset()) -> QuerySet:
        """Apply every filter except those named in `skip` (the state chips skip "state")."""
        data = self.form.cleaned_data
        for name, value in data.items():
            if name not in skip:
                queryset = self.filters[name].filter(queryset, value)
        if "state" not in skip and not data.get("state") and not data.get("drafts"):
            queryset = queryset.exclude(state=ProposalState.DRAFT)
        return queryset

    def queryset_without_state(self) -> QuerySet:
        """The filtered list before the state choice and the draft rule: for counts per state."""
        if not self.is_valid():
            return self.queryset.none()
        return self.filter_queryset(self.queryset, skip=frozenset({"state", "drafts"}))


def inbox_filterset(user, query: QueryDict) -> tuple[ProposalInboxFilter, Competition | None]:
    """The inbox filters of `user` for `query`, with the newest competition selected when
    none (or a foreign one) is asked for: counts, quota and exports are always those of one
    competition. Returns the filterset and that competition."""
    competitions = list(verification_competitions(user))
    data = query.copy()
    data.pop("page", None)
    data.pop("format", None)
    asked = parse_id(data.get("competition", ""))
    competition = next((c for c in competitions if c.pk == asked), None) if asked else None
    competition = competition or next(iter(competitions), None)
    if competition:
        data["competition"] = str(competition.pk)
    filterset = ProposalInboxFilter(
        data,
        queryset=proposals_to_verify(user),
        competitions=competitions,
        units=verification_units(user),
        competition=competition,
    )
    return filterset, competition
