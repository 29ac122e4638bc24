"""The Sekretariat's set-up of a competition's rounds: list, settings, rubric, judges,
entering proposals. Everything is reached through the organiser's scoped selectors (404)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin
from kipp.errors import Refused

from ..forms import CriterionFormSet, JudgesForm, RoundForm, criterion_initial
from ..selectors.rounds import (
    competition_for_organiser,
    eligible_judges,
    round_for_organiser,
    rounds_of_competition,
)
from ..selectors.sheets import judge_progress, round_progress
from ..services import rounds as services

PERMISSION = "judging.manage_rounds"


class RoundListView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        competition = competition_for_organiser(request.user, pk)
        return render(
            request,
            "judging/round_list.html",
            {"competition": competition, "rounds": rounds_of_competition(competition)},
        )


class RoundCreateView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        competition = competition_for_organiser(request.user, pk)
        next_order = (
            competition.rounds.order_by("-order").values_list("order", flat=True).first() or 0
        ) + 1
        form = RoundForm(competition=competition, initial={"order": next_order})
        return self._render(request, competition, form)

    def post(self, request, pk):
        competition = competition_for_organiser(request.user, pk)
        form = RoundForm(request.POST, competition=competition)
        if not form.is_valid():
            return self._render(request, competition, form)
        round_ = services.round_save(
            competition=competition, actor=request.user, values=form.cleaned_data
        )
        messages.success(request, _("Babak “%(name)s” dibuat.") % {"name": round_.name})
        return redirect("judging_round", round_.pk)

    def _render(self, request, competition, form):
        return render(
            request,
            "judging/round_form.html",
            {"competition": competition, "form": form, "round": None},
        )


class RoundUpdateView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        return self._render(request, round_, RoundForm(instance=round_))

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        form = RoundForm(request.POST, instance=round_for_organiser(request.user, pk))
        if not form.is_valid():
            return self._render(request, round_, form)
        services.round_save(
            competition=round_.competition,
            actor=request.user,
            values=form.cleaned_data,
            round_=round_,
        )
        messages.success(request, _("Pengaturan babak disimpan."))
        return redirect("judging_round", round_.pk)

    def _render(self, request, round_, form):
        return render(
            request,
            "judging/round_form.html",
            {"competition": round_.competition, "form": form, "round": round_},
        )


class RoundDetailView(AreaRequiredMixin, View):
    """The round's dashboard: settings, rubric summary, judges with their progress, jobs."""

    permission_required = PERMISSION

    def get(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        return render(
            request,
            "judging/round_detail.html",
            {
                "round": round_,
                "competition": round_.competition,
                "criteria": list(round_.criteria.order_by("order", "pk")),
                "entry_count": round_.entries.count(),
                "judges": judge_progress(round_),
                "judge_count": round_.judges.count(),
                "progress": round_progress(round_),
                "jobs": list(round_.jobs.order_by("-created_at", "-pk")[:5]),
            },
        )


class RubricView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        criteria = list(round_.criteria.prefetch_related("descriptors").order_by("order", "pk"))
        formset = CriterionFormSet(initial=criterion_initial(criteria), prefix="kriteria")
        return self._render(request, round_, formset)

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        formset = CriterionFormSet(request.POST, prefix="kriteria")
        if not formset.is_valid():
            return self._render(request, round_, formset)
        items = [
            form.as_input()
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            services.rubric_save(round_=round_, actor=request.user, criteria=items)
        except Refused as refused:
            for message in refused.messages:
                messages.error(request, message)
            return self._render(request, round_, formset)
        messages.success(request, _("Rubrik disimpan."))
        return redirect("judging_round", round_.pk)

    def _render(self, request, round_, formset):
        return render(
            request,
            "judging/rubric.html",
            {"round": round_, "competition": round_.competition, "formset": formset},
        )


class RoundJudgesView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        current = list(round_.judges.values_list("user_id", flat=True))
        form = JudgesForm(eligible=eligible_judges(round_), initial={"judges": current})
        return self._render(request, round_, form)

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        form = JudgesForm(request.POST, eligible=eligible_judges(round_))
        if not form.is_valid():
            return self._render(request, round_, form)
        judges = services.round_judges_set(
            round_=round_, actor=request.user, users=form.cleaned_data["judges"]
        )
        messages.success(request, _("%(n)d juri ditetapkan untuk babak ini.") % {"n": len(judges)})
        return redirect("judging_round", round_.pk)

    def _render(self, request, round_, form):
        return render(
            request,
            "judging/round_judges.html",
            {"round": round_, "competition": round_.competition, "form": form},
        )


class RoundEntriesView(AreaRequiredMixin, View):
    """POST: enter the proposals that passed the administrative selection (first round)."""

    permission_required = PERMISSION

    def refused_url(self) -> str:
        return reverse("judging_round", args=[self.kwargs["pk"]])

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        added = services.round_enter_admin_passed(round_=round_, actor=request.user)
        messages.success(request, _("%(n)d usulan baru masuk ke babak ini.") % {"n": added})
        return redirect("judging_round", round_.pk)
