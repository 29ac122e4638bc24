"""Competition configuration for organisers: the national Sekretariat for national competitions,
a hub admin for its hub's provincial competitions.

Every view enters through `AreaRequiredMixin` with "kipp.manage_competitions" and reaches
a competition only through `kipp.selectors.competitions_managed_by` (any other id is 404);
writes go through `kipp.services.competitions`. The configuration page of one competition
(groups, sections, categories, extensions) is in `competition_config`.
"""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView

from hubs.views.access import AreaRequiredMixin, ScopedObjectMixin
from hubs.views.manage import CancelLinkMixin, SearchableListView

from ..enums import GroupKind
from ..forms.competitions import (
    CompetitionForm,
)
from ..params import LenientPageMixin
from ..selectors.competitions import (
    competition_organisers_for,
)
from ..selectors.proposals import competitions_managed_by
from ..services import competitions as services

PERMISSION = "kipp.manage_competitions"
GROUP_ORDER = {kind: n for n, kind in enumerate(GroupKind.values)}


def _phase(competition, now) -> tuple[str, str]:
    """A short label and badge colour for where the competition is in its schedule."""
    if now < competition.registration_opens_at:
        return _("Belum dibuka"), "secondary"
    if now < competition.registration_closes_at:
        return _("Pendaftaran dibuka"), "success"
    if now < competition.verification_closes_at:
        return _("Verifikasi lokal"), "warning"
    return _("Pendaftaran selesai"), "light"


class CompetitionListView(LenientPageMixin, SearchableListView):
    permission_required = PERMISSION
    template_name = "kipp/competition_list.html"
    context_object_name = "competitions"
    search_fields = ("name", "theme", "organiser_hub__province__name")

    def scoped_queryset(self):
        return competitions_managed_by(self.request.user).order_by("-year", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        for competition in context["competitions"]:
            competition.phase_label, competition.phase_colour = _phase(competition, now)
        context["can_create"] = bool(competition_organisers_for(self.request.user))
        return context


class CompetitionCreateView(CancelLinkMixin, AreaRequiredMixin, FormView):
    list_url_name = "competition_list"
    permission_required = PERMISSION
    template_name = "kipp/competition_form.html"
    form_class = CompetitionForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_perm(PERMISSION):
            self.organisers = competition_organisers_for(request.user)
            if not self.organisers:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisers": self.organisers}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if len(self.organisers) == 1:
            context["organiser_label"] = _organiser_text(self.organisers[0])
        return context

    def form_valid(self, form):
        data = {field: form.cleaned_data[field] for field in services.COMPETITION_FIELDS}
        try:
            competition = services.competition_create(
                actor=self.request.user, organiser_hub=form.chosen_organiser(), **data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Edisi %(n)s dibuat dengan kelompok, bagian formulir dan kategori bawaan. "
                "Periksa dan sesuaikan di bawah ini."
            )
            % {"n": competition.name},
        )
        return redirect("competition_detail", competition.pk)


def _organiser_text(hub) -> str:
    if hub is None:
        return _("Nasional (Sekretariat KIPP)")
    return _("Hub JIPP %(province)s") % {"province": hub.province.name}


class CompetitionUpdateView(CancelLinkMixin, ScopedObjectMixin, FormView):
    list_url_name = "competition_list"
    permission_required = PERMISSION
    template_name = "kipp/competition_form.html"
    form_class = CompetitionForm

    def scoped_queryset(self):
        return competitions_managed_by(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_perm(PERMISSION):
            self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        # A copy: an invalid form must not show its rejected values as the competition's own.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.object)}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "object": self.object,
            "competition": self.object,
            "organiser_label": _organiser_text(self.object.organiser_hub),
            "cancel_url": reverse("competition_detail", args=[self.object.pk]),
        }

    def form_valid(self, form):
        data = {field: form.cleaned_data[field] for field in services.COMPETITION_FIELDS}
        try:
            services.competition_update(actor=self.request.user, competition=self.object, **data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Data edisi %(n)s disimpan.") % {"n": data["name"]})
        return redirect("competition_detail", self.object.pk)
