"""The proposer's innovations: the list, registering, changing and deleting one.

Every view needs the `kipp.propose` area and reaches innovations only through
`selectors.innovations_of()`, so anything outside answers 404. What may change once a
proposal exists is decided in `kipp.services.innovations`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, ListView

from hubs.views.access import AreaRequiredMixin

from ..errors import Refused
from ..forms.proposals import InnovationEditForm, InnovationForm
from ..models import Proposal
from ..params import LenientPageMixin
from ..selectors import proposals as selectors
from ..services import innovations as services_innovations
from .operator import PROPOSE, add_errors


class InnovationListView(LenientPageMixin, AreaRequiredMixin, ListView):
    permission_required = PROPOSE
    template_name = "kipp/innovation_list.html"
    context_object_name = "innovations"
    paginate_by = 25

    def get_queryset(self):
        queryset = (
            selectors.innovations_of(self.request.user)
            .prefetch_related(
                Prefetch(
                    "proposals",
                    queryset=Proposal.objects.select_related("competition").order_by(
                        "-competition__year"
                    ),
                )
            )
            .order_by("title", "pk")
        )
        query = self.request.GET.get("q", "").strip()
        if query:
            queryset = queryset.filter(title__icontains=query)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # "Ikutkan kompetisi" only where an open competition does not have the innovation yet.
        open_ids = {
            competition.pk
            for _, competition in selectors.open_competitions_by_instansi(self.request.user)
        }
        for innovation in context["innovations"]:
            entered = {proposal.competition_id for proposal in innovation.proposals.all()}
            innovation.can_enter = bool(open_ids - entered)
        return {**context, "q": self.request.GET.get("q", "")}


class InnovationCreateView(AreaRequiredMixin, FormView):
    permission_required = PROPOSE
    template_name = "kipp/innovation_form.html"
    form_class = InnovationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "cancel_url": reverse("innovation_list")}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            innovation = services_innovations.innovation_create(
                actor=self.request.user,
                unit=data["unit"],
                title=data["title"],
                started_on=data["started_on"],
                summary=data["summary"],
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Inovasi “%(t)s” didaftarkan.") % {"t": innovation.title})
        return redirect("innovation_list")


class _InnovationMixin(AreaRequiredMixin):
    permission_required = PROPOSE

    def get_innovation(self):
        if not hasattr(self, "_innovation"):
            queryset = selectors.innovations_of(self.request.user).prefetch_related(
                Prefetch(
                    "proposals",
                    queryset=Proposal.objects.select_related("competition").order_by("pk"),
                )
            )
            self._innovation = get_object_or_404(queryset, pk=self.kwargs["pk"])
        return self._innovation


class InnovationUpdateView(_InnovationMixin, FormView):
    """Change an innovation; its name and start date are read-only once they are locked."""

    template_name = "kipp/innovation_form.html"
    form_class = InnovationEditForm

    def locked(self) -> str | None:
        innovation = self.get_innovation()
        return services_innovations.identity_problem(
            innovation, self.request.user, innovation.proposals.all()
        )

    def get_initial(self):
        innovation = self.get_innovation()
        return {
            "title": innovation.title,
            "started_on": innovation.started_on,
            "summary": innovation.summary,
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "locked": self.locked()}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "object": self.get_innovation(),
            "cancel_url": reverse("innovation_list"),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            innovation = services_innovations.innovation_update(
                actor=self.request.user,
                innovation=self.get_innovation(),
                title=data["title"],
                started_on=data["started_on"],
                summary=data["summary"],
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        except Refused as refused:
            for message in refused.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Inovasi “%(t)s” disimpan.") % {"t": innovation.title})
        return redirect("innovation_list")


class InnovationDeleteView(_InnovationMixin, View):
    """Confirm, then delete an innovation with its drafts; refused once anything was
    submitted under it."""

    template_name = "kipp/innovation_delete.html"

    def get(self, request, pk):
        innovation = self.get_innovation()
        proposals = list(innovation.proposals.all())
        context = {
            "innovation": innovation,
            "drafts": proposals,
            "problem": services_innovations.delete_problem(innovation, proposals),
        }
        return render(request, self.template_name, context)

    def post(self, request, pk):
        innovation = self.get_innovation()
        # A refusal (something was submitted) is shown by the one door, back on this page.
        drafts = services_innovations.innovation_delete(actor=request.user, innovation=innovation)
        text = _("Inovasi “%(t)s” dihapus.") % {"t": innovation.title}
        if drafts:
            text += " " + ngettext(
                "%(n)d draf usulannya ikut dihapus.", "%(n)d draf usulannya ikut dihapus.", drafts
            ) % {"n": drafts}
        messages.success(request, text)
        return redirect("innovation_list")
