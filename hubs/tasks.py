"""Background work of the organisation app: e-mailing notifications and password resets."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from .models import Notification

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=10,
)
def notification_email_send(self, notification_id: int) -> bool:
    """E-mail one notification unless it was already e-mailed; True when sent now.

    The row stays locked while the mail goes out, so two deliveries of the same task
    cannot both send; a failed send rolls back and the task is retried.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None or not notification.recipient.email:
            return False
        body = notification.body
        if notification.url:
            body = f"{body}\n\n{settings.SITE_URL}{notification.url}"
        send_mail(
            subject=f"[Portal KIPP] {notification.subject}",
            message=body,
            from_email=None,
            recipient_list=[notification.recipient.email],
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    logger.info("notification %s e-mailed", notification_id)
    return True


# A notification younger than this is still on its way through the normal after-commit path.
SWEEP_GRACE = timedelta(minutes=2)
SWEEP_BATCH = 500


@shared_task
def notification_email_sweep() -> int:
    """Queue e-mail for notifications never e-mailed (broker was down, or retries ran out).

    Run by beat every few minutes; sending is idempotent, so a notification queued twice is
    still e-mailed once. Returns how many were queued.
    """
    pending = list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            created_at__lt=timezone.now() - SWEEP_GRACE,
            recipient__email__gt="",
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    for notification_id in pending:
        notification_email_send.delay(notification_id)
    return len(pending)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=5,
)
def password_reset_email_send(self, email: str, language: str = "id") -> int:
    """E-mail a password-reset link to the accounts with this address (none if unknown),
    in the language the request was made in; returns how many were sent."""
    from .services import password_reset_email_send_now

    with translation.override(language):
        return password_reset_email_send_now(email=email)
