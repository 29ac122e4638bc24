"""Background work of replication: the periodic reminders about action-plan activities."""

from celery import shared_task

from .services.reminders import activity_reminders_send as _send


@shared_task(acks_late=True)
def activity_reminders_send() -> int:
    """Send the reminders due today (idempotent: each is sent once, whatever the runs)."""
    return _send()
