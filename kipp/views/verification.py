"""Local verification by the Admin Lokal: the inbox of its instansi's proposals (with
counts, quota usage and exports) and the verification page with the checklist.

Return, reject and forward post to the shared `proposal_transition` view, so the deadline,
note and quota rules live in `kipp.workflow` only.
"""

from datetime import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from hubs.roles import roles_of
from hubs.views.access import AreaRequiredMixin

from .. import deadlines
from ..enums import ChecklistItem, ExportKind, GroupKind
from ..enums import ProposalState as S
from ..filters import ProposalInboxFilter, inbox_filterset
from ..forms.verification import VerificationForm
from ..keyset import Key, KeysetListMixin
from ..selectors.proposals import instansi_names
from ..selectors.verification import (
    checklist_hints,
    inbox_page,
    local_verification,
    proposals_to_verify,
    quota_usage,
    state_counts,
    with_local_verification,
)
from ..services.exports import verification_source
from ..services.verification import verification_save
from .exports import export_or_job
from .proposal import ProposalDetailView

# The moves offered on the verification page, in this order.
VERIFICATION_MOVES = (S.FORWARDED, S.RETURNED, S.REJECTED_LOCALLY)
EXPORT_FORMATS = ("xlsx", "csv")


class InboxFilterMixin(AreaRequiredMixin):
    permission_required = "kipp.verify"

    def get_filterset(self) -> ProposalInboxFilter:
        """The inbox filters of the request (`kipp.filters.inbox_filterset`)."""
        if hasattr(self, "_filterset"):
            return self._filterset
        self._filterset, self.competition = inbox_filterset(self.request.user, self.request.GET)
        return self._filterset


class VerificationInboxView(KeysetListMixin, InboxFilterMixin, ListView):
    """The inbox, paged by keyset in its own order (waiting first, then the latest
    changed), which the "proposal_inbox" index serves."""

    template_name = "kipp/verification_inbox.html"
    context_object_name = "proposals"
    paginate_by = 25
    keyset_keys = (
        Key("waiting"),
        Key("updated_at", descending=True, kind=datetime),
        Key("id", descending=True),
    )

    def get_queryset(self):
        return inbox_page(self.get_filterset().qs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.get_filterset()
        counts = state_counts(filterset.queryset_without_state())
        valid = filterset.is_valid()
        chosen = filterset.form.cleaned_data.get("state") if valid else ""
        drafts = filterset.form.cleaned_data.get("drafts") if valid else False
        # The status filter offers only the states the instansi's proposals are in (its
        # empty "all states" choice is added by the field itself).
        field = filterset.form.fields["state"]
        field.choices = [
            (value, label)
            for value, label in field.choices
            if value != "" and (counts.get(value) or value == chosen)
        ]
        if chosen:
            matching = counts.get(chosen, 0)
        else:
            matching = sum(n for state, n in counts.items() if drafts or state != S.DRAFT)
        context.update(
            filter=filterset,
            competition=self.competition,
            state=chosen or "",
            state_chips=[
                {"value": value, "label": label, "count": counts[value]}
                for value, label in S.choices
                if counts.get(value)
            ],
            matching=matching if valid else 0,
            total_submitted=sum(n for state, n in counts.items() if state != S.DRAFT),
            filtered=any(
                filterset.form.cleaned_data.get(name)
                for name in ("group", "state", "unit", "category", "q", "drafts")
            )
            if filterset.is_valid()
            else True,
            quotas=self._quotas(),
        )
        states, kinds = dict(S.choices), dict(GroupKind.choices)
        for proposal in context["proposals"]:
            proposal.state_label = states[proposal.state]
            proposal.group_label = kinds[proposal.group.kind]
        return context

    def _quotas(self) -> list[dict]:
        """Quota usage and verification close of the selected competition, per instansi."""
        if self.competition is None:
            return []
        instansi_ids = sorted(roles_of(self.request.user).admin_instansi_ids)
        names = instansi_names(instansi_ids) if len(instansi_ids) > 1 else {}
        now = timezone.now()
        quotas = []
        for instansi_id in instansi_ids:
            closes = deadlines.deadlines_for(self.competition, instansi_id)[deadlines.VERIFICATION]
            quotas.append(
                {
                    "instansi": names.get(instansi_id, ""),
                    "usage": quota_usage(self.competition, instansi_id),
                    "closes": closes,
                    "open": now < closes,
                }
            )
        return quotas


class VerificationExportView(InboxFilterMixin, View):
    """The inbox as filtered on screen (every page), as XLSX or CSV: at once when small,
    otherwise as a background job (`views.exports.export_or_job`)."""

    def get(self, request):
        fmt = request.GET.get("format", "xlsx")
        if fmt not in EXPORT_FORMATS:
            raise Http404
        source = verification_source(request.user, request.GET)
        return export_or_job(request, kind=ExportKind.VERIFICATION, fmt=fmt, source=source)


class VerificationDetailView(ProposalDetailView):
    """The proposal's content, the checklist with automatic hints, notes, and the moves."""

    template_name = "kipp/verification_detail.html"
    permission_required = "kipp.verify"

    def scoped_queryset(self):
        return with_local_verification(
            proposals_to_verify(self.request.user).prefetch_related(
                "sdgs", "evidence", "group__sections", "events__actor"
            )
        )

    def post(self, request, pk):
        self.object = self.get_object()
        form = VerificationForm(request.POST, sections=self.object.group.sections.all())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        verification_save(
            actor=request.user,
            proposal=self.object,
            checklist=form.cleaned_data["checklist"],
            notes=form.notes(),
        )
        messages.success(request, _("Checklist dan catatan verifikasi disimpan."))
        return redirect(reverse("verification_detail", args=[pk]) + "#checklist")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.object
        stored = local_verification(proposal)
        sections = proposal.group.sections.all()
        form = kwargs.get("form") or VerificationForm(
            initial=VerificationForm.initial_from(stored), sections=sections
        )
        hints, problems = checklist_hints(proposal)
        checked = set(form["checklist"].value() or [])
        closes = context["deadlines"][deadlines.VERIFICATION]
        now = timezone.now()
        moves = {move["state"]: move for move in context["moves"]}
        usage = quota_usage(proposal.competition, proposal.instansi_id)
        context.update(
            form=form,
            checklist=[
                {
                    "value": value,
                    "label": label,
                    "checked": value in checked,
                    "hints": hints[value],
                }
                for value, label in ChecklistItem.choices
            ],
            problems=problems,
            can_save=proposal.state == S.SUBMITTED and now < closes,
            verification_open=now < closes,
            verification_closes=closes,
            saved_by=stored.verified_by if stored else None,
            saved_at=stored.verified_at if stored else None,
            verification_moves=[moves[state] for state in VERIFICATION_MOVES if state in moves],
            return_note=_return_note(proposal, stored),
            group_quota=next((u for u in usage if u.group_id == proposal.group_id), None),
            # What forwarding leaves behind: the checklist items not ticked in the saved check
            # (a note is then required) and the group's quota after the move.
            unticked=[
                label
                for value, label in ChecklistItem.choices
                if not (stored and stored.checklist.get(value))
            ],
            checklist_saved=stored is not None,
            inbox_url=reverse("verification_inbox") + f"?competition={proposal.competition_id}",
        )
        return context


def _return_note(proposal, stored) -> str:
    """The saved section notes as one text, ready to send back to the operator."""
    if stored is None:
        return ""
    by_section = stored.section_notes
    lines = [
        f"{_(section.title)}: {by_section[section.key]}"
        for section in proposal.group.sections.all()
        if by_section.get(section.key)
    ]
    if stored.note:
        lines.append(_("Catatan umum: %(note)s") % {"note": stored.note})
    return "\n".join(lines)
