"""The proposer's innovations: the list, registering a new one.

Every view needs the `kipp.propose` area and reaches innovations only through
`selectors.innovations_of()`, so anything outside answers 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from hubs.views.access import AreaRequiredMixin

from ..forms.proposals import InnovationForm
from ..models import Proposal
from ..selectors import proposals as selectors
from ..services import innovations as services_innovations
from .operator import PROPOSE, add_errors


class InnovationListView(AreaRequiredMixin, ListView):
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
        return {**super().get_context_data(**kwargs), "q": self.request.GET.get("q", "")}


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
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Inovasi “%(t)s” didaftarkan.") % {"t": innovation.title})
        return redirect("innovation_list")
