"""The judge's side: its rounds, its sheets (keyset list), the sheet itself with the
rubric's descriptors, autosave, submit, "simpan dan berikutnya" and declaring a conflict.

Every sheet is fetched through `selectors.sheets.sheet_for_judge` (the judge's own,
visible assignments): anything else answers 404. No other judge's score is ever read.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin
from kipp.errors import Refused
from kipp.keyset import Key, keyset_page
from kipp.models import FormSection

from ..enums import EDITABLE_SHEET_STATES, SheetState
from ..forms import AffiliationForm, ReasonForm
from ..models import Criterion, Descriptor
from ..selectors.rounds import rounds_judged_by
from ..selectors.sheets import next_open_sheet, sheet_for_judge, sheets_of_judge
from ..services.conflicts import affiliation_add, affiliation_remove, conflict_declare
from ..services.sheets import sheet_save, sheet_transition

PERMISSION = "judging.score"
PAGE = 50


class MyRoundsView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request):
        return render(
            request, "judging/my_rounds.html", {"rounds": list(rounds_judged_by(request.user))}
        )


class RoundSheetsView(AreaRequiredMixin, View):
    """The judge's sheets of one round, 50 a page in proposal order."""

    permission_required = PERMISSION

    def get(self, request, pk):
        round_ = get_object_or_404(rounds_judged_by(request.user), pk=pk)
        page = keyset_page(
            sheets_of_judge(request.user, round_), (Key("proposal_id"),), request.GET, size=PAGE
        )
        return render(
            request,
            "judging/round_sheets.html",
            {"round": round_, "page_obj": page, "now": timezone.now()},
        )


def _scores_from(post, criteria) -> dict:
    return {
        c.pk: (post.get(f"nilai-{c.pk}", ""), post.get(f"catatan-{c.pk}", "")) for c in criteria
    }


def _version(post) -> int:
    try:
        return int(post.get("version", ""))
    except ValueError:
        raise Refused(_("Versi lembar nilai tidak dikenali. Muat ulang halaman.")) from None


class SheetView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        sheet = sheet_for_judge(request.user, pk)
        return self._render(request, sheet)

    def post(self, request, pk):
        sheet = sheet_for_judge(request.user, pk)
        action = request.POST.get("aksi", "simpan")
        criteria = self._criteria(sheet)
        if request.htmx:
            return self._autosave(request, sheet, criteria)
        # Refused (and nothing written) when the sheet is locked or the round closed.
        sheet_save(
            sheet=sheet,
            actor=request.user,
            version=_version(request.POST),
            scores=_scores_from(request.POST, criteria),
            comment=request.POST.get("komentar", ""),
        )
        if action in ("kirim", "kirim-berikutnya"):
            sheet_transition(sheet=sheet, actor=request.user, to_state=SheetState.SUBMITTED)
            messages.success(request, _("Lembar nilai dikirim dan dikunci."))
        else:
            messages.success(request, _("Draf lembar nilai disimpan."))
        if action in ("berikutnya", "kirim-berikutnya"):
            following = next_open_sheet(request.user, sheet)
            if following is not None:
                return redirect("judging_sheet", following.pk)
            messages.info(request, _("Semua lembar nilai Anda di babak ini sudah dikirim."))
            return redirect("judging_round_sheets", sheet.assignment.round_id)
        return redirect("judging_sheet", sheet.pk)

    def _autosave(self, request, sheet, criteria):
        context = {}
        try:
            saved = sheet_save(
                sheet=sheet,
                actor=request.user,
                version=_version(request.POST),
                scores=_scores_from(request.POST, criteria),
                comment=request.POST.get("komentar", ""),
            )
            context.update(saved_at=saved.updated_at, version=saved.version)
        except Refused as refused:
            context["problem"] = " ".join(refused.messages)
        return render(request, "judging/_sheet_autosave.html", context)

    def _criteria(self, sheet):
        return list(
            Criterion.objects.filter(round_id=sheet.assignment.round_id)
            .prefetch_related(Prefetch("descriptors", Descriptor.objects.order_by("-high")))
            .order_by("order", "pk")
        )

    def _render(self, request, sheet, status=200):
        assignment = sheet.assignment
        round_ = assignment.round
        proposal = assignment.proposal
        own = {s.criterion_id: s for s in sheet.scores.all()}
        criteria = [(c, own.get(c.pk)) for c in self._criteria(sheet)]
        sections = [
            (section.title, (proposal.sections or {}).get(section.key, ""))
            for section in FormSection.objects.filter(group_id=proposal.group_id).order_by(
                "order", "pk"
            )
        ]
        return render(
            request,
            "judging/sheet.html",
            {
                "sheet": sheet,
                "round": round_,
                "proposal": proposal,
                "criteria": criteria,
                "sections": sections,
                "editable": sheet.state in EDITABLE_SHEET_STATES and round_.is_open(),
                "events": list(sheet.events.order_by("created_at", "pk")),
                "conflict_form": ReasonForm(),
            },
            status=status,
        )


class SheetConflictView(AreaRequiredMixin, View):
    """POST: the judge declares a conflict of interest; the assignment is removed."""

    permission_required = PERMISSION

    def refused_url(self) -> str:
        return reverse("judging_sheet", args=[self.kwargs["pk"]])

    def post(self, request, pk):
        sheet = sheet_for_judge(request.user, pk)
        form = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tuliskan alasan konflik kepentingan Anda."))
            return redirect("judging_sheet", sheet.pk)
        round_id = sheet.assignment.round_id
        conflict_declare(
            assignment=sheet.assignment, actor=request.user, reason=form.cleaned_data["note"]
        )
        messages.success(
            request, _("Konflik kepentingan dicatat; usulan ini tidak lagi ditugaskan kepada Anda.")
        )
        return redirect("judging_round_sheets", round_id)


class AffiliationsView(AreaRequiredMixin, View):
    """The judge's own declared ties (instansi, region), used to detect conflicts."""

    permission_required = PERMISSION

    def get(self, request):
        return self._render(request, AffiliationForm())

    def post(self, request):
        form = AffiliationForm(request.POST)
        if not form.is_valid():
            return self._render(request, form)
        affiliation_add(user=request.user, **form.cleaned_data)
        messages.success(request, _("Afiliasi dicatat; usulan yang berkonflik dilepaskan."))
        return redirect("judging_affiliations")

    def _render(self, request, form):
        rows = request.user.affiliations.select_related("instansi", "region").order_by("pk")
        return render(
            request, "judging/affiliations.html", {"form": form, "affiliations": list(rows)}
        )


class AffiliationRemoveView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk):
        affiliation = get_object_or_404(request.user.affiliations.all(), pk=pk)
        affiliation_remove(affiliation=affiliation, actor=request.user)
        messages.success(request, _("Afiliasi dihapus."))
        return redirect("judging_affiliations")
