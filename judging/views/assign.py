"""The Sekretariat's assignment screens: who judges what (keyset by proposal), the automatic
assignment as a job with progress, manual changes, conflicts, reopening a sheet, an extra
judge for a disputed proposal."""

from collections import defaultdict

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin
from kipp.keyset import Key, keyset_page
from kipp.models import Proposal

from ..enums import JobKind, SheetState
from ..forms import AssignmentForm, ConflictForm, ReasonForm
from ..models import Assignment, Conflict, Job, RoundEntry, ScoreSheet
from ..selectors.rounds import round_for_organiser, rounds_managed_by
from ..services import assignment as services
from ..services.conflicts import conflict_set
from ..services.jobs import job_create
from ..services.sheets import sheet_transition

PERMISSION = "judging.manage_rounds"
PAGE = 50


class BackToAssignments:
    """A refused action sends the Sekretariat back to the round's assignment list."""

    def refused_url(self) -> str:
        return reverse("judging_assignments", args=[self.kwargs["pk"]])


class AssignmentListView(AreaRequiredMixin, View):
    """The round's entries (50 a page) with their judges, sheet states and conflicts."""

    permission_required = PERMISSION

    def get(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        entries = RoundEntry.objects.filter(round=round_).select_related("proposal__instansi")
        page = keyset_page(entries, (Key("proposal_id"),), request.GET, size=PAGE)
        ids = [entry.proposal_id for entry in page]
        assignments = defaultdict(list)
        for a in (
            Assignment.objects.filter(round=round_, proposal_id__in=ids)
            .select_related("judge", "sheet")
            .order_by("judge__username")
        ):
            assignments[a.proposal_id].append(a)
        conflicts = defaultdict(list)
        for c in Conflict.objects.filter(
            competition_id=round_.competition_id, proposal_id__in=ids
        ).select_related("user"):
            conflicts[c.proposal_id].append(c)
        rows = [(e, assignments[e.proposal_id], conflicts[e.proposal_id]) for e in page]
        return render(
            request,
            "judging/assignments.html",
            {
                "round": round_,
                "competition": round_.competition,
                "page_obj": page,
                "rows": rows,
                "form": AssignmentForm(round_=round_),
                "conflict_form": ConflictForm(round_=round_),
                "job": round_.jobs.filter(kind=JobKind.ASSIGN).first(),
            },
        )


class AssignmentRunView(AreaRequiredMixin, View):
    """POST: start the automatic assignment as a background job."""

    permission_required = PERMISSION

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        job = job_create(round_=round_, kind=JobKind.ASSIGN, actor=request.user)
        messages.info(request, _("Penugasan otomatis sedang disusun."))
        return redirect("judging_job", job.pk)


class JobView(AreaRequiredMixin, View):
    """A job's progress; htmx polls it every 2 s until it is finished."""

    permission_required = PERMISSION

    def get(self, request, pk):
        job = get_object_or_404(
            Job.objects.filter(round__in=rounds_managed_by(request.user)).select_related("round"),
            pk=pk,
        )
        template = "judging/_job_status.html" if request.htmx else "judging/job.html"
        return render(request, template, {"job": job, "round": job.round})


class AssignmentAddView(BackToAssignments, AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        form = AssignmentForm(request.POST, round_=round_)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("judging_assignments", round_.pk)
        services.assignment_add(
            round_=round_,
            proposal=form.cleaned_data["proposal"],
            judge=form.cleaned_data["judge"],
            actor=request.user,
            override_reason=form.cleaned_data["override_reason"],
        )
        messages.success(request, _("Juri ditugaskan."))
        return redirect("judging_assignments", round_.pk)


class AssignmentRemoveView(BackToAssignments, AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk, assignment_pk):
        round_ = round_for_organiser(request.user, pk)
        assignment = get_object_or_404(
            round_.assignments.select_related("sheet", "round__competition"), pk=assignment_pk
        )
        services.assignment_remove(assignment=assignment, actor=request.user)
        messages.success(request, _("Penugasan dihapus."))
        return redirect("judging_assignments", round_.pk)


class ConflictSetView(BackToAssignments, AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        form = ConflictForm(request.POST, round_=round_)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("judging_assignments", round_.pk)
        conflict_set(
            competition=round_.competition,
            proposal=form.cleaned_data["proposal"],
            user=form.cleaned_data["judge"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Konflik kepentingan dicatat."))
        return redirect("judging_assignments", round_.pk)


class SheetReopenView(BackToAssignments, AreaRequiredMixin, View):
    """POST: the Sekretariat reopens a submitted sheet, with a reason."""

    permission_required = PERMISSION

    def post(self, request, pk, sheet_pk):
        round_ = round_for_organiser(request.user, pk)
        sheet = get_object_or_404(ScoreSheet.objects.filter(assignment__round=round_), pk=sheet_pk)
        form = ReasonForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        sheet_transition(sheet=sheet, actor=request.user, to_state=SheetState.REOPENED, note=note)
        messages.success(request, _("Lembar nilai dibuka kembali; juri diberi tahu."))
        return redirect("judging_assignments", round_.pk)


class ExtraJudgeView(AreaRequiredMixin, View):
    """POST: one click gives a disputed proposal one more judge (the least loaded)."""

    permission_required = PERMISSION

    def refused_url(self) -> str:
        return reverse("judging_results", args=[self.kwargs["pk"]])

    def post(self, request, pk, proposal_pk):
        round_ = round_for_organiser(request.user, pk)
        proposal = get_object_or_404(
            Proposal.objects.filter(round_entries__round=round_), pk=proposal_pk
        )
        assignment = services.extra_judge_add(round_=round_, proposal=proposal, actor=request.user)
        messages.success(
            request,
            _("%(judge)s ditambahkan sebagai juri “%(title)s”.")
            % {"judge": assignment.judge.display_name, "title": proposal.title},
        )
        return redirect("judging_results", round_.pk)
