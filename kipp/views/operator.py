"""The proposer's side: "Usulan saya", a new draft, the proposal form with its autosave,
and the pieces the innovation and evidence views share (`ProposerMixin`, `add_errors`).

Every view needs the `kipp.propose` area and reaches proposals only through
`proposals_of_proposer()` (the shared selector narrowed to the operator's units and the
Admin Lokal's instansi), so anything outside answers 404. Writes go through
`kipp.services.proposals`.
"""

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, ListView

from hubs.roles import roles_of
from hubs.views.access import AreaRequiredMixin

from .. import deadlines
from ..eligibility import submission_problems
from ..enums import EvidenceKind
from ..enums import ProposalState as S
from ..errors import Refused
from ..forms.proposals import EvidenceForm, ProposalCreateForm, ProposalForm
from ..models import Proposal
from ..params import LenientPageMixin, parse_id
from ..selectors import proposals as selectors
from ..services import proposals as services_proposals
from ..services import workflow
from ..services.proposals import EditConflict
from .proposal_help import conflict_choices, return_notes

PROPOSE = "kipp.propose"


def proposals_of_proposer(user):
    """Proposals the user holds as operator (its units) or Admin Lokal (its instansi)."""
    roles = roles_of(user)
    return selectors.proposals_visible_to(user).filter(
        Q(unit_id__in=roles.operator_unit_ids) | Q(instansi_id__in=roles.admin_instansi_ids)
    )


def time_left(closes_at: datetime, now: datetime | None = None) -> str:
    """ "3 hari 4 jam lagi", "2 jam 5 menit lagi", "7 menit lagi" or "sudah ditutup"."""
    now = now or timezone.now()
    seconds = int((closes_at - now).total_seconds())
    if seconds <= 0:
        return _("sudah ditutup")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = max(1, rest // 60) if not (days or hours) else rest // 60
    if days:
        text = ngettext("%(d)d hari", "%(d)d hari", days) % {"d": days}
        text += " " + ngettext("%(h)d jam", "%(h)d jam", hours) % {"h": hours}
    elif hours:
        text = ngettext("%(h)d jam", "%(h)d jam", hours) % {"h": hours}
        text += " " + ngettext("%(m)d menit", "%(m)d menit", minutes) % {"m": minutes}
    else:
        text = ngettext("%(m)d menit", "%(m)d menit", minutes) % {"m": minutes}
    return _("%(left)s lagi") % {"left": text}


def countdown(competition, instansi_id: int, now=None) -> dict:
    """The instansi's registration and verification close, with the time left for each."""
    now = now or timezone.now()
    limits = deadlines.deadlines_for(competition, instansi_id)
    registration, verification = limits[deadlines.REGISTRATION], limits[deadlines.VERIFICATION]
    return {
        "competition": competition,
        "registration": registration,
        "registration_left": time_left(registration, now),
        "registration_open": competition.registration_opens_at <= now < registration,
        "verification": verification,
        "verification_left": time_left(verification, now),
    }


# Proposals --------------------------------------------------------------------------------


class ProposalListView(LenientPageMixin, AreaRequiredMixin, ListView):
    """ "Usulan saya": the proposals of the operator's units / the Admin Lokal's instansi."""

    permission_required = PROPOSE
    template_name = "kipp/proposal_list.html"
    context_object_name = "proposals"
    paginate_by = 25

    def get_queryset(self):
        queryset = proposals_of_proposer(self.request.user).order_by("-updated_at", "-pk")
        state = self.request.GET.get("status", "")
        if state in S.values:
            queryset = queryset.filter(state=state)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["countdowns"] = open_countdowns(self.request.user)
        # Only the states the visitor's proposals are in (plus the one asked for).
        state = self.request.GET.get("status", "")
        present = set(
            proposals_of_proposer(self.request.user)
            .order_by()
            .values_list("state", flat=True)
            .distinct()
        ) | {state}
        context["states"] = [(value, label) for value, label in S.choices if value in present]
        context["state"] = state
        context["is_admin_lokal"] = bool(roles_of(self.request.user).admin_instansi_ids)
        return context


def open_countdowns(user) -> list[dict]:
    """Deadlines of the competitions open to the user's instansi (one per competition and instansi)."""
    return [
        {**countdown(competition, instansi.pk), "instansi": instansi}
        for instansi, competition in selectors.open_competitions_by_instansi(user)
    ]


class ProposalCreateView(AreaRequiredMixin, FormView):
    permission_required = PROPOSE
    template_name = "kipp/proposal_create.html"
    form_class = ProposalCreateForm

    def get_groups(self):
        if not hasattr(self, "_groups"):
            self._groups = selectors.open_groups_for(self.request.user)
        return self._groups

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "actor": self.request.user,
            "groups": self.get_groups(),
        }

    def get_initial(self):
        initial = super().get_initial()
        chosen = parse_id(self.request.GET.get("inovasi", ""))
        if chosen:
            initial["innovation"] = chosen
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = list(self.get_groups())
        context["invitation_groups"] = [g for g in groups if g.invitation_only]
        context["has_groups"] = any(not g.invitation_only for g in groups)
        context["countdowns"] = open_countdowns(self.request.user)
        return context

    def form_valid(self, form):
        try:
            proposal = services_proposals.proposal_create(
                actor=self.request.user,
                group=form.cleaned_data["group"],
                innovation=form.cleaned_data["innovation"],
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Draf usulan “%(t)s” dibuat. Lengkapi isiannya lalu ajukan ke Admin Lokal.")
            % {"t": proposal.title},
        )
        return redirect("proposal_edit", pk=proposal.pk)


def add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                form.add_error(field if field in form.fields else None, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


class ProposerMixin(AreaRequiredMixin):
    permission_required = PROPOSE

    def get_proposal(self, pk, *, for_update_page=False) -> Proposal:
        queryset = proposals_of_proposer(self.request.user)
        if for_update_page:
            queryset = queryset.prefetch_related("sdgs", "group__sections", "evidence")
        return get_object_or_404(queryset, pk=pk)

    def not_editable(self, proposal):
        messages.info(
            self.request,
            _(
                "Usulan ini berstatus “%(s)s” sehingga tidak dapat diubah. "
                "Usulan hanya dapat diubah selama masih draf atau dikembalikan untuk perbaikan."
            )
            % {"s": proposal.get_state_display()},
        )
        return redirect(proposal.get_absolute_url())


def conflict_message(changed_at: datetime) -> str:
    return _(
        "Usulan ini telah diubah di tab lain atau oleh rekan Anda pada %(t)s. "
        "Teks Anda belum disimpan; salin dulu, lalu muat ulang halaman."
    ) % {"t": f"{timezone.localtime(changed_at):%H:%M} WIB"}


class ProposalEditView(ProposerMixin, View):
    template_name = "kipp/proposal_form.html"

    def get(self, request, pk):
        proposal = self.get_proposal(pk, for_update_page=True)
        if not proposal.is_editable:
            return self.not_editable(proposal)
        return self.render(proposal, ProposalForm(proposal=proposal))

    def post(self, request, pk):
        proposal = self.get_proposal(pk, for_update_page=True)
        if not proposal.is_editable:
            return self.not_editable(proposal)
        form = ProposalForm(request.POST, proposal=proposal, strict=True)
        valid = form.is_valid()
        if "version" in form.errors:
            return HttpResponseBadRequest(_("Versi usulan tidak dikenal."))
        closed = services_proposals.edit_window_problem(proposal, request.user)
        if closed:
            return self.closed(proposal, form, closed)
        if not valid:
            messages.error(request, _("Usulan belum disimpan; periksa isian yang ditandai."))
            return self.render(proposal, form, status=200)
        try:
            services_proposals.proposal_save(
                proposal=proposal,
                actor=request.user,
                version=form.cleaned_data["version"],
                changes=form.changes(),
                sdgs=form.chosen_sdgs(),
            )
        except Refused as refused:
            return self.closed(proposal, form, " ".join(refused.messages))
        except EditConflict as conflict:
            return self.render(
                proposal, form, status=409, conflict=conflict_message(conflict.changed_at)
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "not_editable":
                proposal.refresh_from_db()
                return self.not_editable(proposal)
            add_errors(form, error)
            messages.error(request, _("Usulan belum disimpan; periksa isian yang ditandai."))
            return self.render(proposal, form, status=200)
        messages.success(
            request,
            _("Usulan disimpan pukul %(t)s WIB.") % {"t": f"{timezone.localtime():%H:%M}"},
        )
        return redirect("proposal_edit", pk=proposal.pk)

    def closed(self, proposal, form, problem: str):
        """The posted text shown back read-only (so it can be copied), nothing stored."""
        messages.error(self.request, problem)
        return self.render(proposal, form, status=409)

    def render(self, proposal, form, *, status=200, conflict=""):
        user = self.request.user
        sides = workflow.sides_of(user, proposal)
        closed = services_proposals.edit_window_problem(proposal, user)
        if closed:
            # Read-only after the actor's close: the text stays visible, nothing is sent.
            for field in form.fields.values():
                field.widget.attrs["disabled"] = True
        context = {
            "proposal": proposal,
            "form": form,
            **return_notes(proposal, form),
            "conflict": conflict,
            "closed": closed,
            "deadline": countdown(proposal.competition, proposal.instansi_id),
            "is_admin_lokal": workflow.ADMIN_LOKAL in sides,
            "can_submit": S.SUBMITTED in workflow.allowed_moves(user, proposal),
            "problems": submission_problems(proposal),
            "competition_documents": list(proposal.competition.documents.all()),
            **evidence_context(proposal, closed=closed),
        }
        return render(self.request, self.template_name, context, status=status)


def evidence_context(proposal, form=None, *, closed: str | None = None) -> dict:
    """The evidence card: files, what the group requires, and whether files may still be
    added or removed (`closed` is the deadline problem of the visitor, if any)."""
    items = list(proposal.evidence.all())
    present = {item.kind for item in items}
    return {
        "evidence_items": items,
        "evidence_open": proposal.is_editable and not closed,
        "evidence_form": form or EvidenceForm(),
        "required_evidence": [
            {"label": EvidenceKind(kind).label, "done": kind in present}
            for kind in proposal.group.required_evidence
            if kind in EvidenceKind.values
        ],
        "max_file_mb": proposal.competition.max_file_mb,
    }


class ProposalAutosaveView(ProposerMixin, View):
    """htmx autosave: stores the form if the posted version is still current.

    Answers 200 with the new version (swapped out of band into the form), 409 when someone
    saved first, the proposal is no longer editable or the actor's window has closed
    (nothing is overwritten), 422 when nothing could be stored.
    """

    http_method_names = ["post"]

    def post(self, request, pk):
        # Only what a save reads: the competition (deadlines, categories), the group with
        # its sections, the category and goals held (an unchanged choice is then not read
        # again); a short join is also quick to plan, and autosave is the request a
        # deadline surge is made of.
        proposal = get_object_or_404(
            proposals_of_proposer(request.user)
            .select_related(None)
            .select_related("competition", "group", "category")
            .prefetch_related("group__sections", "sdgs"),
            pk=pk,
        )
        form = ProposalForm(request.POST, proposal=proposal, strict=False)
        form.is_valid()
        version = form.cleaned_data.get("version")
        if version is None:
            return HttpResponseBadRequest(_("Versi usulan tidak dikenal."))
        warnings = [
            f"{form.fields[name].label}: {' '.join(errors)}"
            for name, errors in form.errors.items()
            if name in form.fields and name != "version"
        ]
        try:
            saved, notes = services_proposals.proposal_autosave(
                proposal=proposal,
                actor=request.user,
                version=version,
                changes=form.changes(),
                sdgs=form.chosen_sdgs(),
            )
        except Refused as refused:
            return self.fragment(conflict=" ".join(refused.messages), status=409)
        except EditConflict as conflict:
            return self.fragment(
                conflict=_(
                    "Usulan ini telah diubah di tab lain atau oleh rekan Anda pada %(t)s. "
                    "Untuk tiap bagian yang berbeda, pilih teks yang dipakai."
                )
                % {"t": f"{timezone.localtime(conflict.changed_at):%H:%M} WIB"},
                **conflict_choices(proposal, form),
                status=409,
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "not_editable":
                return self.fragment(conflict=error.messages[0], status=409)
            return self.fragment(warnings=warnings + error.messages, status=422, failed=True)
        return self.fragment(
            version=saved.version, saved_at=saved.saved_at, warnings=warnings + notes
        )

    def fragment(self, *, status=200, **context):
        html = render_to_string("kipp/_autosave_status.html", context, request=self.request)
        return HttpResponse(html, status=status)
