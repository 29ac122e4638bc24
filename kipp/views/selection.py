"""Administrative selection by the organiser of a competition: the filtered list with counts,
decisions per row and in bulk, the export of the list and the publication of the results.

Every view enters through `AreaRequiredMixin` with "kipp.select_admin"; a competition is
reached only through `selectors.competitions_managed_by` and a proposal only through
`selectors.selection.proposals_in_selection` (which builds on `proposals_visible_to`), so
anything else answers 404. State changes go through `workflow.proposal_transition`.

The list pages by keyset on (forwarded_at, id) (`kipp.keyset`): the first, next, previous
and last pages cost the same whatever the number of proposals.
"""

from datetime import datetime

from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from hubs.views.access import AreaRequiredMixin

from ..enums import QUOTA_STATES, ExportKind, GroupKind
from ..enums import ProposalState as S
from ..filters_selection import AdminSelectionFilter
from ..keyset import PARAMS as KEYSET_PARAMS
from ..keyset import Key, KeysetListMixin
from ..params import parse_id, parse_ids
from ..selectors import proposals as selectors
from ..selectors import selection as selection_reads
from ..services import selection as services_selection
from ..services import workflow
from ..services.exports import cluster_label, province_name, selection_source
from ..services.selection import PASS
from .exports import export_or_job

PERMISSION = "kipp.select_admin"
EXPORT_FORMATS = ("xlsx", "csv")


def _competitions(user) -> list:
    """The competitions the user selects in, most recent first."""
    return list(
        selectors.competitions_managed_by(user).order_by("-year", "-registration_opens_at", "-pk")
    )


def _competition(user, pk):
    return get_object_or_404(selectors.competitions_managed_by(user), pk=pk)


def _list_url(competition) -> str:
    return f"{reverse('selection_list')}?edisi={competition.pk}"


def _next(request, competition) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return _list_url(competition)


class _CompetitionFilterMixin(AreaRequiredMixin):
    """Resolve `?edisi=` among the user's competitions (default: the most recent) and filter."""

    permission_required = PERMISSION

    def dispatch(self, request, *args, **kwargs):
        self.competitions, self.competition = [], None
        if request.user.is_authenticated and request.user.has_perm(PERMISSION):
            self.competitions = _competitions(request.user)
            chosen = request.GET.get("edisi", "")
            if chosen:
                # A malformed edisi is a broken request (400); a valid one not among the
                # user's competitions answers 404 like any object outside its scope.
                chosen_id = parse_id(chosen)
                if chosen_id is None:
                    return HttpResponseBadRequest(_("Edisi tidak dikenal."))
                matches = [e for e in self.competitions if e.pk == chosen_id]
                if not matches:
                    raise Http404
                self.competition = matches[0]
            elif self.competitions:
                self.competition = self.competitions[0]
        return super().dispatch(request, *args, **kwargs)

    def base(self):
        return selection_reads.proposals_in_selection(
            user=self.request.user, competition=self.competition
        )

    def filtered(self):
        self.filterset = AdminSelectionFilter(
            self.request.GET or None, queryset=self.base(), competition=self.competition
        )
        return self.filterset.qs


# More matching rows than this are not counted when the list is filtered ("more than ...").
MATCHING_CAP = 1000


class SelectionListView(KeysetListMixin, _CompetitionFilterMixin, ListView):
    template_name = "kipp/selection_list.html"
    context_object_name = "proposals"
    paginate_by = 25
    keyset_keys = (Key("forwarded_at", kind=datetime, nullable=True), Key("id"))

    def get_queryset(self):
        if self.competition is None:
            return []
        # Every organiser of the competition sees the same selection, so its counts are
        # kept per competition.
        self.counts = selection_reads.selection_counts_of(self.competition, self.base())
        return selection_reads.selection_page(self.filtered())

    def get_paginate_by(self, queryset):
        return self.paginate_by if self.competition is not None else None

    def keyset_with_nulls(self) -> bool:
        return bool(self.counts["undated"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(competitions=self.competitions, competition=self.competition)
        if self.competition is None:
            return context
        counts = {state: n for state, n in self.counts.items() if state != "undated"}
        filters = self.filterset.filters
        context["counts"] = counts
        context["state_tabs"] = [
            (state, S(state).label, counts[state]) for state in services_selection.SELECTION_STATES
        ]
        context["filter"] = self.filterset
        context["filtered"] = any(self.request.GET.get(name) for name in filters)
        context["matching"] = self._matching(counts)
        context["can_decide"] = workflow.is_organiser(user, self.competition)
        context["published"] = self.competition.admin_results_published_at
        query = self.request.GET.copy()
        for name in (*KEYSET_PARAMS, "page"):
            query.pop(name, None)
        context["query"] = query.urlencode()
        context["here"] = self.request.get_full_path()
        notes = selection_reads.failed_notes(context["proposals"])
        states, kinds = dict(S.choices), dict(GroupKind.choices)
        categories = {category.pk: category for category in self.filterset.categories}
        for proposal in context["proposals"]:
            proposal.category = categories.get(proposal.category_id)
            proposal.cluster_label = cluster_label(proposal)
            proposal.province_name = province_name(proposal)
            proposal.state_label = states[proposal.state]
            proposal.group_label = kinds[proposal.group.kind]
            if proposal.state == S.ADMIN_FAILED:
                proposal.failed_note = notes.get(proposal.pk, "")
        return context

    def _matching(self, counts) -> dict:
        """How many proposals the list shows: from the counts when no filter but the state
        applies, otherwise counted up to MATCHING_CAP."""
        rows = self.filterset.qs  # validates the filters; the invalid ones are left out
        applied = self.filterset.form.cleaned_data if self.filterset.is_bound else {}
        applied = {name: value for name, value in applied.items() if value not in (None, "")}
        state = applied.pop("state", "")
        if not applied:
            return {"count": counts[state] if state else counts["total"], "capped": False}
        found = rows.order_by()[: MATCHING_CAP + 1].count()
        return {"count": min(found, MATCHING_CAP), "capped": found > MATCHING_CAP}


class SelectionExportView(_CompetitionFilterMixin, View):
    """The filtered list as XLSX or CSV (all matching rows, not just one page): at once when
    small, otherwise as a background job (`views.exports.export_or_job`)."""

    def get(self, request, fmt):
        if fmt not in EXPORT_FORMATS or self.competition is None:
            raise Http404
        source = selection_source(request.user, self.competition, request.GET)
        return export_or_job(request, kind=ExportKind.SELECTION, fmt=fmt, source=source)


class _SelectionPostView(AreaRequiredMixin, View):
    permission_required = PERMISSION
    http_method_names = ["post"]

    def refused_url(self) -> str:
        """Back to the list the decision was made from (its `next`), never this POST URL."""
        url = super().refused_url()
        return reverse("selection_list") if url == self.request.get_full_path() else url


class SelectionDecideView(_SelectionPostView):
    """Pass or fail one proposal (`decision` = pass | fail, `note` required to fail)."""

    def post(self, request, pk):
        proposal = get_object_or_404(
            selectors.proposals_visible_to(request.user).filter(
                competition__in=selectors.competitions_managed_by(request.user),
                state__in=QUOTA_STATES,
            ),
            pk=pk,
        )
        decision = request.POST.get("decision", "")
        if decision not in services_selection.DECISIONS:
            messages.error(request, _("Keputusan tidak dikenal."))
        else:
            target = services_selection.DECISIONS[decision]
            workflow.proposal_transition(
                proposal=proposal,
                actor=request.user,
                to_state=target,
                note=request.POST.get("note", ""),
            )
            messages.success(
                request, _("“%(t)s” kini: %(s)s.") % {"t": proposal.title, "s": S(target).label}
            )
        return redirect(_next(request, proposal.competition))


class SelectionBulkView(_SelectionPostView):
    """Pass or fail the ticked proposals of one competition; reports what was done and refused."""

    def post(self, request, pk):
        competition = _competition(request.user, pk)
        decision = request.POST.get("decision", "")
        ids = parse_ids(request.POST.getlist("ids"))
        if ids is None:
            return HttpResponseBadRequest(_("Pilihan usulan tidak sah."))
        if not ids:
            messages.error(request, _("Pilih minimal satu usulan."))
            return redirect(_next(request, competition))
        result = services_selection.admin_selection_decide(
            actor=request.user,
            competition=competition,
            proposal_ids=ids,
            decision=decision,
            note=request.POST.get("note", ""),
        )
        if decision == PASS:
            summary = _("%(n)d diloloskan, %(m)d ditolak") % {
                "n": len(result.done),
                "m": len(result.refused),
            }
        else:
            summary = _("%(n)d dinyatakan tidak lolos, %(m)d ditolak") % {
                "n": len(result.done),
                "m": len(result.refused),
            }
        if result.refused:
            summary = f"{summary}: {'; '.join(result.refused)}"
        level = messages.warning if result.refused else messages.success
        level(request, summary + ".")
        return redirect(_next(request, competition))


class SelectionPublishView(_SelectionPostView):
    """Publish the competition's administrative selection results (opens the public page)."""

    def post(self, request, pk):
        competition = _competition(request.user, pk)
        services_selection.admin_results_publish(
            actor=request.user,
            competition=competition,
            decree_number=request.POST.get("decree_number", ""),
            decree=request.FILES.get("decree"),
        )
        messages.success(
            request,
            _("Hasil seleksi administrasi %(c)s telah diumumkan.") % {"c": competition.name},
        )
        return redirect(_list_url(competition))
