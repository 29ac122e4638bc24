"""A commitment: proposing one, its page (stage, timeline, plan, progress, documents,
coaching notes), the actions on it, and its documents' scoped downloads.

Commitments are fetched only through `commitments_visible_to()` (404 outside); every write
goes through `replication.services`, which checks the actor's side again.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from hubs.enums import Role
from hubs.models import Instansi, User
from hubs.roles import roles_of
from hubs.views.access import AreaRequiredMixin
from kipp.errors import Refused
from kipp.uploads import stored_file_response, upload_limit

from .. import forms
from ..models import Activity, ProgressReport
from ..selectors.access import commitments_visible_to, programmes_visible_to
from ..selectors.catalogue import catalogue_innovations
from ..services import commitments as services
from ..services.commitments import MAX_DOCUMENT_MB
from ..services.stages import ADOPTER, HUB, MENTOR, allowed_moves, commitment_transition, sides_of
from .programmes import VIEW


def _document_limit(request, *args, **kwargs) -> int:
    return MAX_DOCUMENT_MB * 1024 * 1024


class CommitmentCreateView(AreaRequiredMixin, FormView):
    """Propose a commitment in a programme for a catalogue innovation (`?inovasi=<id>`)."""

    permission_required = VIEW
    template_name = "replication/commitment_form.html"
    form_class = forms.CommitmentForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.programme = get_object_or_404(
                programmes_visible_to(request.user).select_related("hub"), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def _innovation(self):
        raw = self.request.POST.get("source_innovation") or self.request.GET.get("inovasi", "")
        if not str(raw).isdigit():
            return None
        return catalogue_innovations().select_related("unit__instansi").filter(pk=int(raw)).first()

    def _instansi(self):
        roles = roles_of(self.request.user)
        condition = Q(pk__in=roles.admin_instansi_ids)
        provinces = set(roles.hub_province_ids)
        if roles.is_national_sekretariat:
            condition = Q(region__isnull=False)
        elif provinces:
            condition |= Q(region_id__in=provinces) | Q(region__parent_id__in=provinces)
        queryset = Instansi.objects.filter(condition, is_active=True, region__isnull=False)
        if self.programme.hub_id:
            province = self.programme.hub.province_id
            queryset = queryset.filter(Q(region_id=province) | Q(region__parent_id=province))
        return queryset.order_by("name")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instansi": self._instansi()}

    def get_initial(self):
        innovation = self._innovation()
        return {
            "source_innovation": innovation.pk if innovation else None,
            "title": innovation.title if innovation else "",
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "programme": self.programme,
            "innovation": self._innovation(),
            "cancel_url": self.programme.get_absolute_url(),
        }

    def form_valid(self, form):
        innovation = self._innovation()
        if innovation is None:
            form.add_error(None, _("Pilih inovasi sumber dari katalog replikasi."))
            return self.form_invalid(form)
        data = form.cleaned_data
        try:
            commitment = services.commitment_create(
                actor=self.request.user,
                programme=self.programme,
                instansi=data["instansi"],
                source_innovation=innovation,
                title=data["title"],
                problem=data["problem"],
            )
        except Refused as refused:
            for message in refused.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Komitmen replikasi dibuat pada tahap persiapan."))
        return redirect(commitment)


def commitment_page_queryset(user):
    return commitments_visible_to(user).select_related(
        "programme__hub__province",
        "instansi",
        "province",
        "person_in_charge",
        "source_innovation__unit__instansi",
    )


class CommitmentDetailView(AreaRequiredMixin, TemplateView):
    permission_required = VIEW
    template_name = "replication/commitment_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        commitment = get_object_or_404(
            commitment_page_queryset(user).prefetch_related(
                Prefetch("events__actor"),
                "activities",
                Prefetch(
                    "progress_reports",
                    queryset=ProgressReport.objects.select_related("created_by").prefetch_related(
                        "documents"
                    ),
                ),
                "documents",
                Prefetch("coaching_notes__author"),
            ),
            pk=kwargs["pk"],
        )
        sides = sides_of(user, commitment)
        editor = bool(sides & {ADOPTER, HUB})
        people = User.objects.filter(
            is_active=True,
            memberships__role=Role.ADMIN_LOKAL,
            memberships__instansi_id=commitment.instansi_id,
        ).order_by("name", "username")
        return {
            **super().get_context_data(**kwargs),
            "commitment": commitment,
            "editor": editor,
            "is_mentor": MENTOR in sides,
            "moves": allowed_moves(user, commitment),
            "documents": [d for d in commitment.documents.all() if d.progress_id is None],
            "signing_form": forms.SigningForm(
                initial={
                    "signatory": commitment.signatory,
                    "position": commitment.signatory_position,
                    "signed_on": commitment.signed_on,
                },
                prefix="ttd",
            ),
            "document_form": forms.DocumentForm(prefix="dok"),
            "plan_form": forms.PlanForm(
                people=people,
                initial={
                    "team": commitment.team,
                    "person_in_charge": commitment.person_in_charge_id,
                    "budget_source": commitment.budget_source,
                    "adaptation": commitment.adaptation,
                },
                prefix="rencana",
            ),
            "activity_form": forms.ActivityForm(prefix="kegiatan"),
            "progress_form": forms.ProgressForm(prefix="kemajuan"),
            "evaluation_form": forms.EvaluationForm(
                initial={
                    "indicator_before": commitment.indicator_before,
                    "indicator_after": commitment.indicator_after,
                    "regulation": commitment.regulation,
                },
                prefix="evaluasi",
            ),
            "note_form": forms.CoachingNoteForm(prefix="catatan"),
        }


def _errors(form) -> list[str]:
    return [message for errors in form.errors.values() for message in errors]


@method_decorator(upload_limit(_document_limit), name="dispatch")
class CommitmentActionView(AreaRequiredMixin, View):
    """Every write on a commitment's page, by `action`; answers with a redirect back."""

    permission_required = VIEW
    http_method_names = ["post"]

    def post(self, request, pk, action):
        commitment = get_object_or_404(commitment_page_queryset(request.user), pk=pk)
        handler = getattr(self, f"do_{action}", None)
        if handler is None:
            raise Http404
        try:
            done = handler(commitment)
        except (ValidationError, Refused) as error:
            done = error.messages
        if isinstance(done, list):
            for message in done:
                messages.error(request, message)
        else:
            messages.success(request, done)
        return redirect(commitment)

    def _form(self, form_class, prefix, **kwargs):
        return form_class(self.request.POST, self.request.FILES, prefix=prefix, **kwargs)

    def do_tahap(self, commitment):
        form = forms.TransitionForm(self.request.POST)
        if not form.is_valid():
            return _errors(form)
        commitment_transition(
            commitment=commitment,
            actor=self.request.user,
            to_state=form.cleaned_data["to_state"],
            note=form.cleaned_data["note"],
        )
        return _("Tahap komitmen menjadi “%(s)s”.") % {"s": commitment.get_stage_display()}

    def do_ttd(self, commitment):
        form = self._form(forms.SigningForm, "ttd")
        if not form.is_valid():
            return _errors(form)
        data = form.cleaned_data
        services.signing_update(
            actor=self.request.user,
            commitment=commitment,
            signatory=data["signatory"],
            position=data["position"],
            signed_on=data["signed_on"],
        )
        return _("Data penandatanganan disimpan.")

    def do_dokumen(self, commitment):
        form = self._form(forms.DocumentForm, "dok")
        if not form.is_valid():
            return _errors(form)
        item = services.document_add(
            actor=self.request.user,
            commitment=commitment,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        )
        return _("Berkas “%(n)s” diunggah.") % {"n": item.original_name}

    def do_rencana(self, commitment):
        people = User.objects.filter(
            memberships__role=Role.ADMIN_LOKAL, memberships__instansi_id=commitment.instansi_id
        )
        form = self._form(forms.PlanForm, "rencana", people=people)
        if not form.is_valid():
            return _errors(form)
        data = form.cleaned_data
        services.plan_update(
            actor=self.request.user,
            commitment=commitment,
            team=data["team"],
            person_in_charge=data["person_in_charge"],
            budget_source=data["budget_source"],
            adaptation=data["adaptation"],
        )
        return _("Rencana aksi disimpan.")

    def do_kegiatan(self, commitment):
        form = self._form(forms.ActivityForm, "kegiatan")
        if not form.is_valid():
            return _errors(form)
        services.activity_add(actor=self.request.user, commitment=commitment, **form.cleaned_data)
        return _("Kegiatan ditambahkan.")

    def do_kemajuan(self, commitment):
        form = self._form(forms.ProgressForm, "kemajuan")
        if not form.is_valid():
            return _errors(form)
        data = form.cleaned_data
        services.progress_report(
            actor=self.request.user,
            commitment=commitment,
            percent=data["percent"],
            summary=data["summary"],
            obstacles=data["obstacles"],
            evidence=[data["evidence"]] if data["evidence"] else [],
        )
        return _("Laporan kemajuan disimpan.")

    def do_evaluasi(self, commitment):
        form = self._form(forms.EvaluationForm, "evaluasi")
        if not form.is_valid():
            return _errors(form)
        services.evaluation_update(
            actor=self.request.user, commitment=commitment, **form.cleaned_data
        )
        return _("Evaluasi disimpan.")

    def do_catatan(self, commitment):
        form = self._form(forms.CoachingNoteForm, "catatan")
        if not form.is_valid():
            return _errors(form)
        services.coaching_note_add(
            actor=self.request.user, commitment=commitment, body=form.cleaned_data["body"]
        )
        return _("Catatan pendampingan disimpan.")


class ActivityStatusView(AreaRequiredMixin, View):
    permission_required = VIEW
    http_method_names = ["post"]

    def post(self, request, pk):
        activity = get_object_or_404(
            Activity.objects.select_related("commitment").filter(
                commitment__in=commitments_visible_to(request.user)
            ),
            pk=pk,
        )
        try:
            services.activity_set_status(
                actor=request.user, activity=activity, status=request.POST.get("status", "")
            )
        except Refused as refused:
            for message in refused.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Status kegiatan diperbarui."))
        return redirect(activity.commitment)


class DocumentDownloadView(AreaRequiredMixin, View):
    """Serve a document to those who may see its commitment (the shared `kipp.uploads`)."""

    permission_required = VIEW

    def get(self, request, pk, document_pk):
        commitment = get_object_or_404(commitments_visible_to(request.user), pk=pk)
        item = get_object_or_404(commitment.documents.all(), pk=document_pk)
        return stored_file_response(item)
