"""Evidence uploads and removals on a proposal the proposer's side may still change.

Reached only through `proposals_of_proposer()` (404 outside); writes go through
`kipp.services.evidence`. An htmx request gets the evidence card back, any other a redirect.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from ..errors import Refused
from ..forms.proposals import EvidenceForm
from ..models import Evidence
from ..services import evidence as services_evidence
from ..services.proposals import edit_window_problem
from ..uploads import evidence_upload_max_bytes, upload_limit
from .operator import ProposerMixin, evidence_context


class _EvidenceView(ProposerMixin, View):
    http_method_names = ["post"]

    def respond(self, proposal, *, form=None, error="", success=""):
        if self.request.htmx:
            proposal = self.get_proposal(proposal.pk, for_update_page=True)
            context = {
                "proposal": proposal,
                "evidence_error": error,
                "evidence_success": success,
                # The swapped card takes the keyboard focus back (static/js/proposal-form.js).
                "swapped": True,
                **evidence_context(
                    proposal, form, closed=edit_window_problem(proposal, self.request.user)
                ),
            }
            return render(self.request, "kipp/_evidence_card.html", context)
        if error:
            messages.error(self.request, error)
        if success:
            messages.success(self.request, success)
        if not proposal.is_editable:
            return redirect(proposal.get_absolute_url())
        return redirect("proposal_edit", pk=proposal.pk)


@method_decorator(upload_limit(evidence_upload_max_bytes), name="dispatch")
class EvidenceUploadView(_EvidenceView):
    """Attach a file; its body stops being read once past the competition's size limit
    (`kipp.uploads.upload_limit`), so a 50 MB file against a 2 MB limit is not stored first."""

    def post(self, request, pk):
        proposal = self.get_proposal(pk)
        form = EvidenceForm(request.POST, request.FILES)
        if not form.is_valid():
            error = " ".join(message for errors in form.errors.values() for message in errors)
            return self.respond(proposal, form=form, error=error)
        try:
            item = services_evidence.evidence_add(
                proposal=proposal,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except (ValidationError, Refused) as error:
            return self.respond(proposal, form=form, error=" ".join(error.messages))
        return self.respond(
            proposal,
            success=_("Berkas “%(n)s” diunggah.") % {"n": item.original_name},
        )


class EvidenceDeleteView(_EvidenceView):
    def post(self, request, pk, evidence_pk):
        proposal = self.get_proposal(pk)
        item = get_object_or_404(Evidence.objects.filter(proposal=proposal), pk=evidence_pk)
        try:
            services_evidence.evidence_remove(proposal=proposal, actor=request.user, evidence=item)
        except (ValidationError, Refused) as error:
            return self.respond(proposal, error=" ".join(error.messages))
        return self.respond(
            proposal, success=_("Berkas “%(n)s” dihapus.") % {"n": item.original_name}
        )
