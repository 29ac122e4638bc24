"""After the final results: the proposer's per-criterion feedback and the winner's certificate,
both reached only through selectors scoped to the proposer's side (and the organiser)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from hubs.views.access import AreaRequiredMixin

from . import selectors
from .finalists import certificate_of


class FeedbackView(AreaRequiredMixin, View):
    """Per-criterion averages per round, without judge names, once the final is published."""

    def get(self, request, pk):
        proposal = selectors.proposal_for_feedback(request.user, pk)
        context = {
            "proposal": proposal,
            "rounds": selectors.feedback_of(proposal),
            "winner": proposal.state in ("winner", "outstanding"),
        }
        return render(request, "judging/outcomes/feedback.html", context)


class CertificateView(AreaRequiredMixin, View):
    def get(self, request, pk):
        proposal = selectors.certificate_proposal(request.user, pk)
        response = HttpResponse(certificate_of(proposal), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="sertifikat-kipp-{proposal.pk}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
