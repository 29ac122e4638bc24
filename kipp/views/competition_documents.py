"""The competition's documents: the organiser adds and removes them on the configuration
page; anyone may download them (a guideline and templates are public material)."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin

from ..models import CompetitionDocument, DocumentKind
from ..selectors.proposals import competitions_managed_by
from ..services import documents as services
from ..uploads import upload_limit
from .competitions import PERMISSION


def _document_max_bytes(request, pk, *args, **kwargs) -> int:
    competition = competitions_managed_by(request.user).filter(pk=pk).first()
    return (competition.max_file_mb if competition else 2) * 1024 * 1024


def _back(pk) -> str:
    return reverse("competition_detail", args=[pk]) + "#dokumen"


@method_decorator(upload_limit(_document_max_bytes), name="dispatch")
class CompetitionDocumentAddView(AreaRequiredMixin, View):
    permission_required = PERMISSION
    http_method_names = ["post"]

    def refused_url(self) -> str:
        return _back(self.kwargs["pk"])

    def post(self, request, pk):
        competition = get_object_or_404(competitions_managed_by(request.user), pk=pk)
        kind = request.POST.get("kind", "")
        upload = request.FILES.get("file")
        if kind not in DocumentKind.values or upload is None:
            messages.error(request, _("Pilih jenis dokumen dan berkasnya."))
            return redirect(_back(pk))
        document = services.competition_document_add(
            actor=request.user,
            competition=competition,
            kind=kind,
            title=request.POST.get("title", "")[:200],
            upload=upload,
        )
        messages.success(request, _("Dokumen “%(t)s” ditambahkan.") % {"t": document.title})
        return redirect(_back(pk))


class CompetitionDocumentRemoveView(AreaRequiredMixin, View):
    permission_required = PERMISSION
    http_method_names = ["post"]

    def refused_url(self) -> str:
        return _back(self.kwargs["pk"])

    def post(self, request, pk, document_pk):
        competition = get_object_or_404(competitions_managed_by(request.user), pk=pk)
        document = get_object_or_404(competition.documents.all(), pk=document_pk)
        services.competition_document_remove(actor=request.user, document=document)
        messages.success(request, _("Dokumen “%(t)s” dihapus.") % {"t": document.title})
        return redirect(_back(pk))


def competition_document_download(request, pk, document_pk):
    """A competition's document for anyone, shown inline (PDF) and sandboxed."""
    document = get_object_or_404(CompetitionDocument, competition_id=pk, pk=document_pk)
    response = FileResponse(
        document.file.open("rb"),
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
