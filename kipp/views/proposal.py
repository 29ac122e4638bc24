"""A proposal's page (content, evidence, timeline, the moves the visitor may make), the one
view every state change posts to, and the download of its evidence files."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView

from hubs.views.access import AreaRequiredMixin, ScopedObjectMixin

from .. import deadlines
from ..eligibility import count_words
from ..enums import ProposalState as S
from ..selectors import proposals as selectors
from ..selectors.verification import local_verification
from ..services import workflow
from ..services.proposals import edit_window_problem
from ..uploads import stored_file_response

# Button text per target state; the note field is shown for moves that require one.
MOVE_LABELS = {
    S.SUBMITTED: gettext_lazy("Ajukan ke Admin Lokal"),
    S.RETURNED: gettext_lazy("Kembalikan untuk perbaikan"),
    S.FORWARDED: gettext_lazy("Teruskan ke Sekretariat"),
    S.REJECTED_LOCALLY: gettext_lazy("Tolak usulan"),
    S.WITHDRAWN: gettext_lazy("Tarik usulan"),
    S.ADMIN_PASSED: gettext_lazy("Lolos seleksi administrasi"),
    S.ADMIN_FAILED: gettext_lazy("Tidak lolos seleksi administrasi"),
}
DANGER_MOVES = {S.REJECTED_LOCALLY, S.WITHDRAWN, S.ADMIN_FAILED}


def move_buttons(user, proposal) -> list[dict]:
    """The moves `user` may make on `proposal` now, ready for the template."""
    buttons = []
    for target in workflow.allowed_moves(user, proposal):
        rule = workflow.TRANSITIONS[(proposal.state, target)]
        buttons.append(
            {
                "state": target,
                "label": MOVE_LABELS.get(target, S(target).label),
                "note_required": rule.note_required,
                "danger": target in DANGER_MOVES,
            }
        )
    return buttons


class ProposalDetailView(ScopedObjectMixin, DetailView):
    template_name = "kipp/proposal_detail.html"
    context_object_name = "proposal"

    def scoped_queryset(self):
        return selectors.proposals_visible_to(self.request.user).prefetch_related(
            "sdgs", "evidence", "group__sections", "events__actor"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.object
        context["sections"] = [
            {
                "section": section,
                "text": proposal.sections.get(section.key, ""),
                "words": count_words(proposal.sections.get(section.key, "")),
            }
            for section in proposal.group.sections.all()
        ]
        context["moves"] = move_buttons(self.request.user, proposal)
        context["deadlines"] = deadlines.deadlines_for(proposal.competition, proposal.instansi_id)
        context["sides"] = workflow.sides_of(self.request.user, proposal)
        # The organiser decides here with the Admin Lokal's checklist and notes in view.
        context["local_check"] = (
            local_verification(proposal)
            if context["sides"] & {workflow.ORGANISER, workflow.ADMIN_LOKAL}
            else None
        )
        # Forwarding with checklist items left unticked needs a note (the transition says so).
        check = context["local_check"]
        context["unticked_count"] = (
            sum(1 for row in check.items.all() if not row.checked) if check else 0
        )
        context["can_edit"] = (
            proposal.is_editable
            and bool(context["sides"] & {workflow.OPERATOR, workflow.ADMIN_LOKAL})
            and not edit_window_problem(proposal, self.request.user)
        )
        return context


class ProposalTransitionView(AreaRequiredMixin, View):
    """POST `to_state` (+ `note`): the single entry of every state change from the portal."""

    http_method_names = ["post"]

    def post(self, request, pk):
        # Only the scope check happens here: the transition reads and locks the row itself.
        proposal = self.proposal = get_object_or_404(
            selectors.proposals_visible_to(request.user).select_related(None).only("pk"), pk=pk
        )
        target = request.POST.get("to_state", "")
        if target not in S.values:
            messages.error(request, _("Tindakan tidak dikenal."))
        else:
            workflow.proposal_transition(
                proposal=proposal,
                actor=request.user,
                to_state=target,
                note=request.POST.get("note", ""),
            )
            messages.success(request, _("Status usulan kini: %(s)s.") % {"s": S(target).label})
        return redirect(self._next(request, proposal))

    def refused_url(self) -> str:
        """A refused move returns to where it was asked for (`back`: the proposal form,
        whose submit panel lists what is missing), else to `next`."""
        return self._next(self.request, self.proposal, field="back")

    @staticmethod
    def _next(request, proposal, field="next") -> str:
        target = request.POST.get(field, "") or request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return target
        return proposal.get_absolute_url()


class EvidenceDownloadView(AreaRequiredMixin, View):
    """Serve an evidence file to those who may see its proposal; always as a download."""

    def get(self, request, pk, evidence_pk):
        proposal = get_object_or_404(selectors.proposals_visible_to(request.user), pk=pk)
        item = get_object_or_404(proposal.evidence.all(), pk=evidence_pk)
        return stored_file_response(item)
