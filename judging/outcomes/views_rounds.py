"""The finalists' rounds: the Sekretariat schedules the presentations, panelists see their
schedule; field verification per finalist (checklist, findings, recommendation)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin
from kipp.services import workflow

from ..selectors.rounds import round_for_organiser
from . import finalists as service
from . import selectors
from .forms import FieldVerificationForm, ScheduleForm

PERMISSION = "judging.manage_rounds"


class ScheduleView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def _render(self, request, round_, form, status=200):
        context = {
            "round": round_,
            "competition": round_.competition,
            "form": form,
            "slots": selectors.slots_of(round_),
            "finalists": selectors.finalists_of(round_).count(),
        }
        return render(request, "judging/outcomes/schedule.html", context, status=status)

    def get(self, request, pk):
        return self._render(request, round_for_organiser(request.user, pk), ScheduleForm())

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        form = ScheduleForm(request.POST)
        if not form.is_valid():
            return self._render(request, round_, form, status=400)
        count = service.schedule_build(
            round_=round_,
            actor=request.user,
            days=form.windows(),
            breaks=form.cleaned_data["breaks"],
            place=form.cleaned_data["place"],
        )
        messages.success(request, _("Jadwal %(n)d finalis disusun.") % {"n": count})
        return redirect("judging_schedule", round_.pk)


class MyScheduleView(AreaRequiredMixin, View):
    """A panelist's presentation slots across the rounds it judges."""

    permission_required = "judging.score"

    def get(self, request):
        slots = selectors.slots_for_judge(request.user)
        return render(request, "judging/outcomes/my_schedule.html", {"slots": slots})


class FieldRoundView(AreaRequiredMixin, View):
    """The finalists of a field-verification round and whether each was visited."""

    def get(self, request, pk):
        round_ = selectors.field_round_for(request.user, pk)
        visits = selectors.field_visits_of(round_)
        finalists = [
            (proposal, visits.get(proposal.pk)) for proposal in selectors.finalists_of(round_)
        ]
        context = {
            "round": round_,
            "competition": round_.competition,
            "finalists": finalists,
            "organiser": workflow.is_organiser(request.user, round_.competition),
        }
        return render(request, "judging/outcomes/field_round.html", context)


class FieldVisitView(AreaRequiredMixin, View):
    template_name = "judging/outcomes/field_visit.html"

    def _objects(self, request, pk, proposal_pk):
        round_ = selectors.field_round_for(request.user, pk)
        proposal = get_object_or_404(selectors.finalists_of(round_), pk=proposal_pk)
        return round_, proposal

    def _render(self, request, round_, proposal, form, status=200):
        context = {
            "round": round_,
            "competition": round_.competition,
            "proposal": proposal,
            "form": form,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, pk, proposal_pk):
        round_, proposal = self._objects(request, pk, proposal_pk)
        visit = round_.field_visits.filter(proposal=proposal).first()
        initial = {}
        if visit:
            initial = {
                "visited_on": visit.visited_on,
                "checklist": [key for key, done in visit.checklist.items() if done],
                "findings": visit.findings,
                "recommended": {True: "1", False: "0", None: ""}[visit.recommended],
            }
        return self._render(request, round_, proposal, FieldVerificationForm(initial=initial))

    def post(self, request, pk, proposal_pk):
        round_, proposal = self._objects(request, pk, proposal_pk)
        form = FieldVerificationForm(request.POST)
        if not form.is_valid():
            return self._render(request, round_, proposal, form, status=400)
        service.field_verification_save(
            round_=round_, proposal=proposal, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("Hasil verifikasi lapangan disimpan."))
        return redirect("judging_field_round", round_.pk)
