"""The innovation database: the searchable list, an innovation's page and its public files.

The list's rows are rendered once per set of parameters and kept in the cache until the
next change of results (`public.cache`); the filter bar is drawn from cached choices.
"""

from django.db import connection
from django.http import FileResponse, Http404
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from kipp.keyset import Key, keyset_page

from .. import cache, search, selectors
from ..exports import download_links
from ..filters import InnovationFilter

PAGE_SIZE = 25
LIST_KEYS = (Key("year", descending=True), Key("title_key", kind=str), Key("pk"))
SEARCH_KEYS = (Key("relevance", descending=True), *LIST_KEYS)


def record_page(filterset: InnovationFilter, params, *, size: int = PAGE_SIZE):
    """One keyset page of the filtered records: by relevance when searching, else by year
    (latest first) and title."""
    if not filterset.searching:
        return keyset_page(filterset.qs, LIST_KEYS, params, size=size)
    if connection.vendor != "postgresql":
        return keyset_page(filterset.qs, SEARCH_KEYS, params, size=size)
    # Full-text first. A page past either end shows the nearest one, so an empty page means
    # no word matched anywhere: then the words corrected to ones the entries hold, and
    # when that finds nothing either, trigrams of the titles, on every page of that search.
    filterset.typo = False
    text = filterset.form.cleaned_data["q"]
    page = keyset_page(search.tiers(filterset.qs, text), SEARCH_KEYS, params, size=size)
    if page.object_list:
        return page
    better = search.corrected(text)
    if better:
        filterset.corrected = better
        del filterset._qs
        page = keyset_page(search.tiers(filterset.qs, better), SEARCH_KEYS, params, size=size)
        if page.object_list:
            return page
        filterset.corrected = ""
    filterset.typo = True
    del filterset._qs
    return keyset_page(filterset.qs, SEARCH_KEYS, params, size=size)


class InnovationListView(TemplateView):
    template_name = "public/innovation_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        filterset = InnovationFilter(params, queryset=selectors.records())

        def render() -> str:
            page = record_page(filterset, params)
            return render_to_string(
                "public/_innovation_rows.html",
                {
                    "page_obj": page,
                    "object_list": page.object_list,
                    "corrected": filterset.corrected,
                },
                request=self.request,
            )

        def render_filters() -> str:
            return render_to_string("public/_innovation_filters.html", {"filter": filterset})

        context.update(
            filter=filterset,
            filters=mark_safe(cache.fragment("innovation-filters", params, render_filters)),  # noqa: S308 - our own rendering
            rows=mark_safe(cache.fragment("innovations", params, render)),  # noqa: S308 - our own rendering
            downloads=download_links(
                "public_innovations_download", query=_without_position(params)
            ),
        )
        return context


def _without_position(params) -> str:
    """The list's filters without its page position (a download holds every page)."""
    query = params.copy()
    for name in ("setelah", "sebelum", "akhir"):
        query.pop(name, None)
    return query.urlencode()


class InnovationDetailView(TemplateView):
    """An innovation's public history across competitions, its lineage and public files."""

    template_name = "public/innovation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = selectors.innovation_records(self.kwargs["pk"])
        if not records:
            raise Http404
        context.update(
            latest=records[0],
            records=records,
            lineage=selectors.lineage(self.kwargs["pk"]),
        )
        return context


def evidence_download(request, pk: int):
    """A public document of a public proposal; anything else is 404."""
    evidence = selectors.public_evidence(pk)
    if evidence is None:
        raise Http404
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
