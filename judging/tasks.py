"""Background work of the judging rounds: jobs with progress, reminders to judges."""

from celery import shared_task

from .services import jobs
from .services.reminders import reminders_send


@shared_task(acks_late=True)
def judging_job_run(job_id: int) -> str | None:
    """Run one judging job (see `judging.services.jobs.job_run`); a job already finished
    is left alone, so a second delivery does nothing."""
    job = jobs.job_run(job_id=job_id)
    return job.state if job else None


@shared_task(acks_late=True)
def judge_reminders_send() -> int:
    """Remind judges with unfinished sheets before their round closes (run hourly by beat);
    each judge is reminded once per threshold, so running twice sends nothing twice."""
    return reminders_send()
