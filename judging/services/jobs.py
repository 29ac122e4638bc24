"""Background jobs of a round (automatic assignment, results) with progress on their page.

The same shape as the competition's exports (`kipp.services.exports`): the job row is
written in the request's transaction, the Celery task is queued after commit, the task
claims the job (a second delivery of a finished job does nothing) and records progress.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from kipp.errors import Refused

from ..enums import JobKind, JobState
from ..models import Job, Round
from .assignment import assignment_run
from .results import results_compute
from .rounds import require_organiser

logger = logging.getLogger(__name__)


@transaction.atomic
def job_create(*, round_: Round, kind: str, actor: User) -> Job:
    """Record a job of `kind` on the round for `actor` and queue it after commit. A job of
    the same kind still queued or running is returned instead of a second one."""
    from ..tasks import judging_job_run

    require_organiser(actor, round_.competition)
    running = round_.jobs.filter(kind=kind, state__in=(JobState.QUEUED, JobState.RUNNING)).first()
    if running is not None:
        return running
    job = Job.objects.create(kind=kind, round=round_, created_by=actor)
    transaction.on_commit(lambda: _enqueue(judging_job_run, job.pk))
    return job


def _enqueue(task, job_id: int) -> None:
    try:
        task.delay(job_id)
    except OSError:
        logger.warning("broker unreachable; judging job %s left queued", job_id)


def _claim(job_id: int) -> Job | None:
    claimed = Job.objects.filter(pk=job_id, state__in=(JobState.QUEUED, JobState.RUNNING)).update(
        state=JobState.RUNNING, progress=0, error=""
    )
    if not claimed:
        return None
    return Job.objects.select_related("round__competition", "created_by").get(pk=job_id)


def _progress(job: Job):
    def record(percent: int, message: str) -> None:
        Job.objects.filter(pk=job.pk).update(progress=min(99, percent), message=message[:300])

    return record


def job_run(*, job_id: int) -> Job | None:
    """Run the job: the automatic assignment or the round's results. Changes the job's
    state, progress and message (and whatever the service writes); sends nothing. A
    refusal or an error marks the job failed with an Indonesian message."""
    job = _claim(job_id)
    if job is None:
        return None
    record = _progress(job)
    try:
        if job.kind == JobKind.ASSIGN:
            count = assignment_run(round_=job.round, actor=None, progress=record)
            message = _("%(n)d penugasan baru dibuat.") % {"n": count}
        elif job.kind == JobKind.RESULTS:
            run = results_compute(round_=job.round, actor=job.created_by, job=job, progress=record)
            message = _("%(n)d usulan diperingkat.") % {"n": run.rows.count()}
        else:
            raise Refused(_("Jenis proses ini tidak dikenal."))
    except Refused as refused:
        return _finish(job, JobState.FAILED, error=" ".join(refused.messages))
    except Exception:
        logger.exception("judging job %s failed", job_id)
        return _finish(
            job,
            JobState.FAILED,
            error=_("Proses gagal karena kesalahan sistem. Silakan coba lagi."),
        )
    return _finish(job, JobState.DONE, message=message)


def _finish(job: Job, state: str, *, message: str = "", error: str = "") -> Job:
    Job.objects.filter(pk=job.pk).update(
        state=state,
        progress=100 if state == JobState.DONE else job.progress,
        message=message,
        error=error,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job
