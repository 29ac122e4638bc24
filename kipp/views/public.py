"""Public announcements of a competition (no login): the administrative selection results.

The passed proposals are shown per participant cluster (a tab each), grouped by instansi,
100 to a page, paged by keyset (`kipp.keyset`). What a page shows cannot change once the
results are published, so each page is rendered once and kept in the cache under the
publication time: publishing again (a new time) starts afresh, and an hour bounds how long
a renamed instansi keeps its old name there.
"""

from itertools import groupby
from pathlib import PurePosixPath
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Prefetch
from django.db.models.functions import Lower
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from hubs.enums import Cluster
from hubs.models import Unit

from ..keyset import AFTER, BEFORE, LAST, Key, decode, keyset_page
from ..models import Competition
from ..selectors.selection import announced_passed, in_cluster, shown_cluster

PAGE_SIZE = 100
CACHE_SECONDS = 3600
KEYS = (
    Key("instansi_key", kind=str),
    Key("instansi_id"),
    Key("title_key", kind=str),
    Key("id"),
)


class AdminResultsAnnouncementView(TemplateView):
    """The instansi and titles that passed, by cluster and instansi; 404 until published."""

    template_name = "kipp/announcement_admin_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        competition = get_object_or_404(
            Competition.objects.select_related("organiser_hub__province"), slug=self.kwargs["slug"]
        )
        if competition.admin_results_published_at is None:
            raise Http404
        position = _position(self.request.GET)
        key = _cache_key(competition, position)
        results = cache.get(key)
        if results is None:
            results = render_to_string(
                "kipp/_announcement_admin_results.html", _results(competition, position)
            )
            cache.set(key, results, CACHE_SECONDS)
        context.update(competition=competition, results=mark_safe(results))  # noqa: S308 - our own rendering
        return context


def _position(query) -> dict[str, str]:
    """The page asked for, reduced to what can name a page (anything else is ignored)."""
    cluster = query.get("klaster", "")
    position = {"klaster": cluster if cluster in Cluster.values else ""}
    if query.get(LAST) == "1":
        position[LAST] = "1"
    else:
        for name in (AFTER, BEFORE):
            if decode(query.get(name, ""), KEYS) is not None:
                position[name] = query[name]
                break
    return position


def _cache_key(competition: Competition, position: dict[str, str]) -> str:
    published = competition.admin_results_published_at.timestamp()
    page = urlencode(sorted(position.items()))
    return f"kipp:announcement:{competition.pk}:{published}:{translation.get_language()}:{page}"


def _link(cluster: str, **cursor) -> str:
    return "?" + urlencode({"klaster": cluster, **cursor})


def _results(competition: Competition, position: dict[str, str]) -> dict:
    """What one page of the announcement shows: the cluster tabs with their counts, and the
    page's proposals grouped by instansi."""
    passed = announced_passed(competition)
    counts = cache.get_or_set(
        _cache_key(competition, {"klaster": "*"}),
        lambda: dict(
            passed.annotate(shown=shown_cluster())
            .order_by()
            .values_list("shown")
            .annotate(n=Count("*"))
        ),
        CACHE_SECONDS,
    )
    tabs = [
        {"key": value, "label": label, "count": counts[value], "url": _link(value)}
        for value, label in Cluster.choices
        if counts.get(value)
    ]
    chosen = position["klaster"] if counts.get(position["klaster"]) else ""
    chosen = chosen or (tabs[0]["key"] if tabs else "")
    context = {
        "competition": competition,
        "tabs": tabs,
        "cluster": chosen,
        "cluster_label": Cluster(chosen).label if chosen else "",
        "total": sum(counts.values()),
        "instansi_list": [],
    }
    if not chosen:
        return context
    rows = (
        passed.filter(in_cluster(chosen))
        .annotate(instansi_key=Lower("instansi__name"), title_key=Lower("title"))
        .select_related("instansi")
        .only("title", "instansi", "instansi__name", "unit")
        .prefetch_related(Prefetch("unit", queryset=Unit.objects.only("name")))
    )
    page = keyset_page(rows, KEYS, position, size=PAGE_SIZE)
    instansi_list = [
        {"instansi": group[0].instansi, "proposals": group}
        for group in (list(g) for _, g in groupby(page.object_list, key=lambda p: p.instansi_id))
    ]
    context.update(
        instansi_list=instansi_list,
        page=page,
        first_url=_link(chosen),
        previous_url=_link(chosen, **{BEFORE: page.previous_cursor}),
        next_url=_link(chosen, **{AFTER: page.next_cursor}),
        last_url=_link(chosen, **{LAST: "1"}),
    )
    return context


def admin_results_decree(request, slug):
    """The decree (SK) of the published administrative results, for anyone; 404 before the
    publication or when none was attached."""
    competition = get_object_or_404(Competition, slug=slug)
    if competition.admin_results_published_at is None or not competition.admin_results_decree:
        raise Http404
    decree = competition.admin_results_decree
    suffix = PurePosixPath(decree.name).suffix
    response = FileResponse(
        decree.open("rb"),
        as_attachment=False,
        filename=f"sk-seleksi-administrasi-{competition.slug}{suffix}",
    )
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
