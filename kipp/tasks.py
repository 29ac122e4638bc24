"""Background work of the competition: periodic clean-up of stored files."""

from celery import shared_task

from .services.evidence import evidence_orphans_remove


@shared_task(acks_late=True)
def evidence_orphans_sweep() -> int:
    """Remove evidence files no row names (run hourly by beat); safe to run twice."""
    return evidence_orphans_remove()
