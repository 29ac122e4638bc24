"""Replication programmes: the list a user may see, creating one, a programme's page."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from hubs.roles import roles_of
from hubs.views.access import AreaRequiredMixin

from ..forms import HubEventAttendanceForm, HubEventForm, ProgrammeForm
from ..models import HubEvent
from ..selectors.access import (
    commitments_visible_to,
    hubs_for_programmes,
    programmes_managed_by,
    programmes_visible_to,
)
from ..services import programmes as services

VIEW, MANAGE = "replication.view", "replication.manage_programmes"


class ProgrammeListView(AreaRequiredMixin, ListView):
    permission_required = VIEW
    template_name = "replication/programme_list.html"
    context_object_name = "programmes"
    paginate_by = 25  # a few per hub and year: numbered pages stay cheap

    def get_queryset(self):
        return (
            programmes_visible_to(self.request.user)
            .select_related("hub__province")
            .annotate(commitment_count=Count("commitments"))
            .order_by("-year", "name")
        )

    def get_context_data(self, **kwargs):
        can_manage = self.request.user.has_perm(MANAGE)
        return {**super().get_context_data(**kwargs), "can_manage": can_manage}


class ProgrammeCreateView(AreaRequiredMixin, FormView):
    permission_required = MANAGE
    template_name = "replication/programme_form.html"
    form_class = ProgrammeForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "hubs": list(hubs_for_programmes(self.request.user)),
            "national": roles_of(self.request.user).is_national_sekretariat,
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cancel_url": reverse("replication:programme_list"),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        programme = services.programme_create(
            actor=self.request.user,
            hub=data["hub"],
            name=data["name"],
            year=data["year"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            description=data["description"],
            signing_on=data["signing_on"],
            signing_place=data["signing_place"],
            invited=data["invited"],
        )
        return redirect(programme)


class ProgrammeDetailView(AreaRequiredMixin, TemplateView):
    permission_required = VIEW
    template_name = "replication/programme_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        programme = get_object_or_404(
            programmes_visible_to(user).select_related("hub__province"), pk=kwargs["pk"]
        )
        commitments = (
            commitments_visible_to(user)
            .filter(programme=programme)
            .select_related("instansi", "source_innovation__unit__instansi")
            .order_by("instansi__name", "title")
        )
        roles = roles_of(user)
        return {
            **super().get_context_data(**kwargs),
            "programme": programme,
            "commitments": commitments,
            "invited": programme.invited.order_by("name"),
            "can_commit": roles.is_admin_lokal
            or programmes_managed_by(user).filter(pk=programme.pk).exists(),
        }


class HubEventCreateView(AreaRequiredMixin, FormView):
    """Add a forum replikasi, coaching clinic or signing, with invitations and attendance,
    to the calendar of a hub the user runs."""

    permission_required = MANAGE
    template_name = "replication/programme_form.html"
    form_class = HubEventForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "hubs": hubs_for_programmes(self.request.user)}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cancel_url": reverse("replication:programme_list"),
            "heading": _("Kegiatan hub baru"),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        event = services.hub_event_create(actor=self.request.user, **data)
        messages.success(self.request, _("Kegiatan hub ditambahkan ke kalender."))
        return redirect(
            reverse("replication:hub_page", args=[data["hub"].province.code])
            + f"?bulan={event.date:%Y-%m}#kalender"
        )


class HubEventAttendanceView(AreaRequiredMixin, FormView):
    """Record attendance of a past hub event of a hub the user runs (another hub's: 404)."""

    permission_required = MANAGE
    template_name = "replication/programme_form.html"
    form_class = HubEventAttendanceForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.event = get_object_or_404(
                HubEvent.objects.filter(hub__in=hubs_for_programmes(request.user)).select_related(
                    "hub__province"
                ),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cancel_url": self._hub_url(),
            "heading": _("Kehadiran: %(t)s") % {"t": self.event.title},
        }

    def _hub_url(self) -> str:
        return (
            reverse("replication:hub_page", args=[self.event.hub.province.code])
            + f"?bulan={self.event.date:%Y-%m}#kalender"
        )

    def form_valid(self, form):
        services.hub_event_attendance_set(
            actor=self.request.user, event=self.event, attended=form.cleaned_data["attended"]
        )
        messages.success(self.request, _("Kehadiran kegiatan disimpan."))
        return redirect(self._hub_url())
