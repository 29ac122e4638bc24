"""Exports of the competition's lists: what each list exports, and the background job that
writes a large export to a file with its progress.

A list's rows are always read through the owner's own scoped selectors, in the request and
in the job alike: a job never exports more than its owner could see when it runs.
"""

import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.enums import CLUSTER_OF_KIND, Cluster
from hubs.models import User

from ..enums import ExportKind, ExportStatus, ProposalState
from ..errors import Refused
from ..exports import Column, write_export
from ..filters import inbox_filterset
from ..filters_selection import AdminSelectionFilter
from ..keyset import PARAMS as KEYSET_PARAMS
from ..models import ExportJob, ProposalEvent
from ..params import parse_id
from ..selectors.proposals import competitions_managed_by
from .selection import proposals_in_selection

logger = logging.getLogger(__name__)
# Rows fetched per query while exporting, and how often the progress is written.
CHUNK = 1000
# Request parameters that are not filters of the list (its page, the export's format).
NOT_FILTERS = ("page", "format", *KEYSET_PARAMS)


@dataclass(frozen=True)
class ExportSource:
    rows: QuerySet
    columns: list[Column]
    filename: str
    # The XLSX sheet's name.
    sheet: str = "Data"


def proposal_link(proposal) -> str:
    return f"{settings.SITE_URL}{proposal.get_absolute_url()}"


def _fail_reason() -> Subquery:
    """The note of the proposal's latest move to "not passed" (the reason given)."""
    return Subquery(
        ProposalEvent.objects.filter(proposal=OuterRef("pk"), to_state=ProposalState.ADMIN_FAILED)
        .order_by("-created_at", "-pk")
        .values("note")[:1]
    )


def cluster_label(proposal) -> str:
    """The cluster the proposal was forwarded in (stored then); the instansi's current one
    only for a proposal that has none stored."""
    cluster = proposal.cluster or CLUSTER_OF_KIND[proposal.instansi.kind]
    return str(Cluster(cluster).label)


def province_name(proposal) -> str:
    region = proposal.instansi.region
    if region is None:
        return ""
    return (region.province or region).name


def selection_source(user: User, competition, query: QueryDict) -> ExportSource:
    """The organiser's administrative selection list of `competition`, filtered by `query`."""
    base = proposals_in_selection(user=user, competition=competition)
    filterset = AdminSelectionFilter(query or None, queryset=base, competition=competition)
    columns = [
        Column(_("Judul"), lambda p: p.title, width=40),
        Column(_("Instansi"), lambda p: p.instansi.name, width=34),
        Column(_("Klaster"), cluster_label, width=14),
        Column(_("Provinsi"), province_name, width=24),
        Column(_("Kelompok"), lambda p: str(p.group.get_kind_display()), width=12),
        Column(_("Kategori"), lambda p: p.category.name if p.category else "", width=30),
        Column(_("Status"), lambda p: str(p.get_state_display()), width=26),
        Column(_("Diteruskan (WIB)"), lambda p: p.forwarded_at, width=18),
        Column(_("Unit"), lambda p: p.unit.name, width=34),
        Column(_("Alasan tidak lolos"), lambda p: p.fail_reason or "", width=40),
        Column(_("Nomor usulan"), lambda p: p.pk, width=10),
        Column(_("Tautan"), proposal_link, width=40),
    ]
    return ExportSource(
        filterset.qs.select_related("unit", "group", "category")
        .annotate(fail_reason=_fail_reason())
        .order_by("forwarded_at", "pk"),
        columns,
        f"seleksi-administrasi-{competition.slug}",
        sheet=_("Seleksi administrasi"),
    )


def _selection_from_query(user: User, query: QueryDict) -> ExportSource:
    competitions = competitions_managed_by(user).order_by("-year", "-registration_opens_at", "-pk")
    chosen = parse_id(query.get("edisi", ""))
    competition = competitions.filter(pk=chosen).first() if chosen else competitions.first()
    if competition is None:
        raise Refused(_("Edisi ini tidak lagi dapat Anda akses."))
    return selection_source(user, competition, query)


def verification_source(user: User, query: QueryDict) -> ExportSource:
    """The Admin Lokal's inbox as filtered by `query` (every page)."""
    filterset, competition = inbox_filterset(user, query)
    name = "verifikasi"
    if competition:
        name += f"-{competition.slug}"
    name += timezone.localtime().strftime("-%Y%m%d-%H%M")
    columns = [
        Column(_("Judul"), lambda p: p.title, width=40),
        Column(_("Kelompok"), lambda p: p.group.get_kind_display(), width=12),
        Column(_("Kategori"), lambda p: _(p.category.name) if p.category_id else "", width=30),
        Column(_("Unit"), lambda p: p.unit.name, width=34),
        Column(_("Status"), lambda p: str(p.get_state_display()), width=26),
        Column(_("Diajukan (WIB)"), lambda p: p.submitted_at, width=18),
        Column(_("Diperbarui (WIB)"), lambda p: p.updated_at, width=18),
        Column(_("Nomor usulan"), lambda p: p.pk, width=10),
        Column(_("Tautan"), proposal_link, width=40),
    ]
    return ExportSource(filterset.qs, columns, name, sheet=_("Verifikasi lokal"))


SOURCES: dict[str, Callable[[User, QueryDict], ExportSource]] = {
    ExportKind.SELECTION: _selection_from_query,
    ExportKind.VERIFICATION: verification_source,
}


def is_small(rows: QuerySet, limit: int) -> bool:
    """Whether `rows` holds at most `limit` rows, counting no further than limit + 1."""
    return rows.order_by().values("pk")[: limit + 1].count() <= limit


def query_params(query: QueryDict) -> dict[str, list[str]]:
    """The list filters of a request, as stored on a job."""
    return {key: values for key, values in query.lists() if key not in NOT_FILTERS}


def _query(params: dict[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in params.items():
        query.setlist(key, [str(value) for value in values])
    return query


@transaction.atomic
def export_job_create(
    *, actor: User, kind: str, fmt: str, query: QueryDict, filename: str
) -> ExportJob:
    """Record an export of the list `kind` filtered by `query` for `actor` and queue its
    job after commit. Creates one ExportJob; sends nothing (the page shows the progress)."""
    from ..tasks import export_job_run

    job = ExportJob.objects.create(
        owner=actor, kind=kind, format=fmt, params=query_params(query), filename=filename
    )
    transaction.on_commit(lambda: _enqueue(export_job_run, job.pk))
    return job


def _enqueue(task, job_id: int) -> None:
    try:
        task.delay(job_id)
    except OSError:
        # The job stays queued; the page says so and asking again starts a new one.
        logger.warning("broker unreachable; export job %s left queued", job_id)


def _claim(job_id: int) -> ExportJob | None:
    """Mark the job running unless it is finished (a retried delivery of a done job does
    nothing); a job left running by a lost worker starts again from the beginning."""
    claimed = ExportJob.objects.filter(
        pk=job_id, status__in=(ExportStatus.QUEUED, ExportStatus.RUNNING)
    ).update(status=ExportStatus.RUNNING, progress=0, started_at=timezone.now(), error="")
    if not claimed:
        return None
    return ExportJob.objects.select_related("owner").get(pk=job_id)


class _Progress:
    """Hands the rows to the writer, recording every CHUNK rows how far it got."""

    def __init__(self, job: ExportJob, rows: QuerySet, total: int):
        self.job, self.rows, self.total, self.written = job, rows, total, 0

    def __iter__(self) -> Iterator[object]:
        for row in self.rows.iterator(chunk_size=CHUNK):
            yield row
            self.written += 1
            if self.written % CHUNK == 0 and self.total:
                percent = min(99, self.written * 100 // self.total)
                ExportJob.objects.filter(pk=self.job.pk).update(progress=percent)


def export_job_run(*, job_id: int) -> ExportJob | None:
    """Write the job's export to its file in batches, updating the progress as it goes.

    Changes the job (status, progress, row count, file, times, error) and stores the file;
    sends nothing. A job already done or failed is left alone (safe to deliver twice); any
    error marks it failed with a message in Indonesian and is logged with its traceback.
    """
    job = _claim(job_id)
    if job is None:
        return None
    try:
        source = SOURCES[job.kind](job.owner, _query(job.params))
        rows = _Progress(job, source.rows, source.rows.count())
        with tempfile.TemporaryFile() as target:
            write_export(target, rows, source.columns, fmt=job.format, title=source.sheet)
            target.seek(0)
            if job.file:
                job.file.delete(save=False)
            job.file.save(f"{job.filename}.{job.format}", File(target), save=False)
    except Refused as refused:
        return _fail(job, " ".join(refused.messages))
    except Exception:
        logger.exception("export job %s failed", job_id)
        return _fail(job, _("Ekspor gagal dibuat karena kesalahan sistem. Silakan coba lagi."))
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.DONE,
        progress=100,
        row_count=rows.written,
        file=job.file.name,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def _fail(job: ExportJob, message: str) -> ExportJob:
    if job.file:
        job.file.delete(save=False)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.FAILED, error=message, file="", finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job
