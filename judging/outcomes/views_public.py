"""The public side of a published shortlist: the list with its decree, and during the uji
publik the objection form (rate-limited per client address and e-mail)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from hubs.errors import Refused
from hubs.throttle import client_ip_address
from kipp.models import Proposal

from . import objections as service
from . import selectors
from .forms import ObjectionForm


class PublicShortlistListView(View):
    """Published shortlists, newest first; those open for objections marked."""

    def get(self, request):
        shortlists = list(selectors.published_shortlists()[:50])
        now = timezone.now()
        for shortlist in shortlists:
            shortlist.open_now = service.objection_window_open(shortlist, now)
        return render(request, "judging/outcomes/public_list.html", {"shortlists": shortlists})


class PublicShortlistView(View):
    template_name = "judging/outcomes/public_shortlist.html"

    def _render(self, request, shortlist, entries, form, status=200):
        context = {
            "shortlist": shortlist,
            "competition": shortlist.round.competition,
            "entries": entries,
            "open": service.objection_window_open(shortlist),
            "form": form,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, pk):
        shortlist = selectors.published_shortlist(pk)
        entries = list(selectors.listed_entries(shortlist))
        return self._render(request, shortlist, entries, ObjectionForm(entries=entries))

    def post(self, request, pk):
        shortlist = selectors.published_shortlist(pk)
        entries = list(selectors.listed_entries(shortlist))
        form = ObjectionForm(request.POST, request.FILES, entries=entries)
        if not form.is_valid():
            return self._render(request, shortlist, entries, form, status=400)
        data = form.cleaned_data
        try:
            service.objection_file(
                shortlist=shortlist,
                proposal=Proposal.objects.get(pk=data["proposal"]),
                name=data["name"],
                email=data["email"],
                text=data["text"],
                file=data.get("file"),
                address=client_ip_address(request) or "unknown",
            )
        except Refused as refused:
            for message in refused.messages:
                form.add_error(None, message)
            status = 429 if isinstance(refused, service.TooManyObjections) else 400
            return self._render(request, shortlist, entries, form, status=status)
        messages.success(
            request,
            _("Keberatan Anda diterima dan akan diperiksa oleh Sekretariat KIPP. Terima kasih."),
        )
        return redirect("judging_public_shortlist", shortlist.pk)
