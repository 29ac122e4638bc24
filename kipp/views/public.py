"""Public announcements of a competition (no login): the administrative selection results."""

from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from hubs.enums import CLUSTER_OF_KIND, Cluster

from ..models import Competition
from ..selectors.selection import announced_passed

CLUSTER_ORDER = {cluster: n for n, cluster in enumerate(Cluster.values)}


class AdminResultsAnnouncementView(TemplateView):
    """The instansi and titles that passed, by cluster and instansi; 404 until published."""

    template_name = "kipp/announcement_admin_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        competition = get_object_or_404(Competition, slug=self.kwargs["slug"])
        if competition.admin_results_published_at is None:
            raise Http404
        proposals = list(announced_passed(competition))
        for proposal in proposals:
            proposal.cluster = CLUSTER_OF_KIND[proposal.instansi.kind]
        proposals.sort(
            key=lambda p: (CLUSTER_ORDER[p.cluster], p.instansi.name.lower(), p.title.lower())
        )
        clusters = []
        for cluster, in_cluster in groupby(proposals, key=lambda p: p.cluster):
            instansi_list = [
                {"instansi": rows[0].instansi, "proposals": rows}
                for rows in (list(g) for _, g in groupby(in_cluster, key=lambda p: p.instansi_id))
            ]
            clusters.append(
                {
                    "label": Cluster(cluster).label,
                    "key": cluster,
                    "instansi_list": instansi_list,
                    "count": sum(len(item["proposals"]) for item in instansi_list),
                }
            )
        context.update(competition=competition, clusters=clusters, total=len(proposals))
        return context
