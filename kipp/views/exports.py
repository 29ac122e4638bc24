"""Exports of the competition's lists: a small list is answered at once; a large one is
handed to a background job whose page shows the progress and, once done, the download.

A job's page and file are reached only through `selectors.export_jobs_of` (its owner):
anyone else gets 404.
"""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin

from ..enums import ExportStatus
from ..exports import CONTENT_TYPES, export_response
from ..selectors.exports import export_jobs_of
from ..services import exports as services_exports
from ..services.exports import ExportSource


def export_or_job(request, *, kind: str, fmt: str, source: ExportSource):
    """The export as an immediate download when it holds at most EXPORT_SYNC_MAX_ROWS rows
    (a capped count decides), otherwise a job and a redirect to its progress page."""
    limit = settings.EXPORT_SYNC_MAX_ROWS
    if services_exports.is_small(source.rows, limit):
        return export_response(
            source.rows.iterator(chunk_size=services_exports.CHUNK),
            source.columns,
            fmt=fmt,
            filename=source.filename,
            title=source.sheet,
        )
    job = services_exports.export_job_create(
        actor=request.user, kind=kind, fmt=fmt, query=request.GET, filename=source.filename
    )
    messages.info(
        request,
        _("Daftar ini berisi lebih dari %(n)s baris; berkasnya disiapkan di latar belakang.")
        % {"n": limit},
    )
    return redirect(job)


class ExportJobView(AreaRequiredMixin, View):
    """The job's progress; htmx polls it (every 2 s) until the job is finished."""

    def get(self, request, pk):
        job = get_object_or_404(export_jobs_of(request.user), pk=pk)
        template = "kipp/_export_status.html" if request.htmx else "kipp/export_job.html"
        return render(request, template, {"job": job})


class ExportDownloadView(AreaRequiredMixin, View):
    """The finished file, as an attachment that no cache keeps."""

    def get(self, request, pk):
        job = get_object_or_404(
            export_jobs_of(request.user).filter(status=ExportStatus.DONE).exclude(file=""),
            pk=pk,
        )
        response = FileResponse(
            job.file.open("rb"),
            as_attachment=True,
            filename=str(job),
            content_type=CONTENT_TYPES[job.format],
        )
        response["Cache-Control"] = "private, no-store"
        response["Content-Security-Policy"] = "sandbox"
        return response
