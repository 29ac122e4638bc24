"""Background work of the competition: exports of large lists, clean-up of stored files."""

from celery import shared_task

from .services import exports
from .services.digest import forwarded_digest_send
from .services.evidence import evidence_orphans_remove


@shared_task(acks_late=True)
def evidence_orphans_sweep() -> int:
    """Remove evidence files no row names (run hourly by beat); safe to run twice."""
    return evidence_orphans_remove()


@shared_task(acks_late=True)
def export_job_run(job_id: int) -> str | None:
    """Build one export job's file (see `kipp.services.exports.export_job_run`); a job
    already finished is left alone, so a second delivery does nothing."""
    job = exports.export_job_run(job_id=job_id)
    return job.status if job else None


@shared_task(acks_late=True)
def forwarded_digest_daily() -> int:
    """Send yesterday's digest of forwarded proposals to the organisers (run each morning by
    beat); a second run the same day sends nothing (see `forwarded_digest_send`)."""
    return forwarded_digest_send()
