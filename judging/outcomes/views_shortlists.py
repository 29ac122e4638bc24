"""The Sekretariat's shortlists: build one from a round's latest run under composition rules,
read why each candidate is in or out, override with a reason, publish under a decree,
moderate the objections, export."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin
from kipp.exports import Column, export_response

from ..models import Objection
from ..selectors.rounds import round_for_organiser, rounds_managed_by
from ..shortlist import CLUSTER_LABELS, RulesError
from . import objections as objection_service
from . import selectors
from . import shortlists as service
from .forms import ModerationForm, OverrideForm, PublishForm, ShortlistRulesForm

PERMISSION = "judging.manage_rounds"
FORMATS = ("xlsx", "csv")


class ShortlistRoundView(AreaRequiredMixin, View):
    """A round's shortlists and the form that builds a new one."""

    permission_required = PERMISSION

    def _render(self, request, round_, form, status=200):
        context = {
            "round": round_,
            "competition": round_.competition,
            "run": service.source_run(round_),
            "shortlists": selectors.shortlists_of(round_),
            "form": form,
        }
        return render(request, "judging/outcomes/shortlist_round.html", context, status=status)

    def get(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        form = ShortlistRulesForm(categories=round_.competition.categories.all())
        return self._render(request, round_, form)

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        form = ShortlistRulesForm(request.POST, categories=round_.competition.categories.all())
        run = service.source_run(round_)
        if run is None:
            messages.error(request, _("Belum ada hasil babak yang dihitung untuk dijadikan dasar."))
            return self._render(request, round_, form, status=400)
        if not form.is_valid():
            return self._render(request, round_, form, status=400)
        try:
            shortlist = service.shortlist_build(
                round_=round_,
                run=run,
                actor=request.user,
                level=form.cleaned_data["level"],
                rules=form.rules(),
            )
        except RulesError as error:
            form.add_error(None, str(error))
            return self._render(request, round_, form, status=400)
        if shortlist.feasible:
            messages.success(request, _("Daftar pendek disusun."))
        else:
            messages.warning(request, _("Aturan komposisi tidak dapat dipenuhi bersama."))
        return redirect("judging_shortlist", shortlist.pk)


class ShortlistView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        shortlist = selectors.shortlist_for_organiser(request.user, pk)
        entries = list(selectors.shortlist_entries(shortlist))
        context = {
            "shortlist": shortlist,
            "round": shortlist.round,
            "competition": shortlist.round.competition,
            "entries": entries,
            "chosen": sum(1 for entry in entries if entry.selected),
            "problems": selectors.composition_problems(shortlist, entries),
            "cluster_labels": CLUSTER_LABELS,
            "publish_form": PublishForm(),
            "override_form": OverrideForm(),
            "objections": selectors.objections_of(shortlist) if shortlist.published_at else [],
            "moderation_form": ModerationForm(),
            "trail": selectors.shortlist_trail(shortlist),
        }
        return render(request, "judging/outcomes/shortlist.html", context)


class OverrideView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk, entry_pk):
        shortlist = selectors.shortlist_for_organiser(request.user, pk)
        entry = get_object_or_404(shortlist.entries.select_related("shortlist"), pk=entry_pk)
        form = OverrideForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        else:
            service.shortlist_entry_override(
                entry=entry,
                actor=request.user,
                selected=form.cleaned_data["selected"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Perubahan manual disimpan."))
        return redirect(f"{shortlist_url(shortlist)}#kandidat-{entry.pk}")


def shortlist_url(shortlist) -> str:
    return reverse("judging_shortlist", args=[shortlist.pk])


class PublishView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk):
        shortlist = selectors.shortlist_for_organiser(request.user, pk)
        form = PublishForm(request.POST, request.FILES)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("judging_shortlist", shortlist.pk)
        service.shortlist_publish(
            shortlist=shortlist,
            actor=request.user,
            decree_number=form.cleaned_data["decree_number"],
            decree_file=form.cleaned_data["decree_file"],
        )
        messages.success(request, _("Daftar pendek diumumkan; masa uji publik dibuka."))
        return redirect("judging_shortlist", shortlist.pk)


class ModerateView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk):
        objection = get_object_or_404(
            Objection.objects.filter(shortlist__round__in=rounds_managed_by(request.user)), pk=pk
        )
        form = ModerationForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        else:
            uphold = form.cleaned_data["decision"] == "uphold"
            objection_service.objection_moderate(
                objection=objection,
                actor=request.user,
                uphold=uphold,
                note=form.cleaned_data["note"],
            )
            messages.success(
                request,
                _("Keberatan dikabulkan; usulan didiskualifikasi.")
                if uphold
                else _("Keberatan ditolak."),
            )
        return redirect(f"{shortlist_url(objection.shortlist)}#keberatan-{objection.pk}")


class ShortlistExportView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk, fmt):
        shortlist = selectors.shortlist_for_organiser(request.user, pk)
        if fmt not in FORMATS:
            raise Http404
        columns = [
            Column(_("Peringkat"), lambda e: e.rank),
            Column(_("ID usulan"), lambda e: e.proposal_id),
            Column(_("Judul"), lambda e: e.proposal.title),
            Column(_("Instansi"), lambda e: e.proposal.instansi.name),
            Column(_("Unit"), lambda e: e.proposal.unit.name),
            Column(_("Klaster"), lambda e: CLUSTER_LABELS.get(e.proposal.cluster, "")),
            Column(
                _("Kategori"), lambda e: e.proposal.category.name if e.proposal.category_id else ""
            ),
            Column(_("3T"), lambda e: _("ya") if e.proposal.is_3t else ""),
            Column(_("Nilai ternormalisasi"), lambda e: round(e.score, 2)),
            Column(_("Terpilih"), lambda e: _("ya") if e.selected else _("tidak")),
            Column(_("Penjelasan"), lambda e: e.reason),
            Column(_("Diubah manual"), lambda e: _("ya") if e.overridden else ""),
            Column(_("Alasan perubahan"), lambda e: e.override_reason),
            Column(
                _("Diubah oleh"),
                lambda e: e.overridden_by.display_name if e.overridden_by_id else "",
            ),
        ]
        rows = selectors.shortlist_entries(shortlist).order_by("rank", "pk")
        name = f"daftar-pendek-{shortlist.round.competition.slug}-{shortlist.pk}"
        return export_response(rows, columns, fmt=fmt, filename=name)
