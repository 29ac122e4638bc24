"""The public catalogue of replicable innovations (Top 99 or better, any edition), with
filters and keyset pages, and the adopter documents of those innovations."""

from django import forms
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView

from hubs.enums import RegionLevel
from hubs.models import Region
from kipp.keyset import Key, KeysetListMixin
from kipp.models import Category, Competition, Evidence, SdgGoal
from kipp.uploads import stored_file_response

from ..selectors.catalogue import (
    ADOPTER_DOCUMENTS,
    catalogue_filtered,
    catalogue_page_rows,
    counting_results,
)


class CatalogueFilter(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False, max_length=100)
    kategori = forms.ChoiceField(label=_("Kategori"), required=False)
    tpb = forms.TypedChoiceField(label=_("TPB/SDGs"), required=False, coerce=int, empty_value=None)
    provinsi = forms.TypedChoiceField(
        label=_("Provinsi"), required=False, coerce=int, empty_value=None
    )
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("Semua"))]
        names = Category.objects.order_by("name").values_list("name", flat=True).distinct()
        self.fields["kategori"].choices = every + [(n, n) for n in names]
        self.fields["tpb"].choices = every + [(g.number, str(g)) for g in SdgGoal.objects.all()]
        provinces = Region.objects.filter(level=RegionLevel.PROVINCE).order_by("name")
        self.fields["provinsi"].choices = every + [(r.pk, r.name) for r in provinces]
        years = Competition.objects.order_by("-year").values_list("year", flat=True).distinct()
        self.fields["tahun"].choices = every + [(y, y) for y in years]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"


class CatalogueView(KeysetListMixin, ListView):
    template_name = "replication/catalogue.html"
    context_object_name = "innovations"
    paginate_by = 20
    keyset_keys = (Key("id", descending=True),)

    def get_queryset(self):
        self.filter_form = CatalogueFilter(self.request.GET or None)
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return catalogue_filtered(
            query=(data.get("q") or "").strip(),
            category=data.get("kategori") or "",
            sdg=data.get("tpb"),
            province=data.get("provinsi"),
            year=data.get("tahun"),
        ).select_related("unit__instansi__region")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        catalogue_page_rows(context["object_list"])
        programme = self.request.GET.get("program", "")
        return {
            **context,
            "filter_form": self.filter_form,
            "programme_pk": programme if programme.isdigit() else "",
        }


class CatalogueDocumentView(View):
    """Download an adopter document (service standard, maklumat, replication-willingness
    letter) of an innovation in the catalogue; anything else answers 404."""

    def get(self, request, pk):
        item = get_object_or_404(
            Evidence.objects.filter(
                kind__in=ADOPTER_DOCUMENTS, proposal__results__in=counting_results()
            ).distinct(),
            pk=pk,
        )
        return stored_file_response(item)
