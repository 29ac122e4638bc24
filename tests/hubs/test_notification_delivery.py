"""Notifications reach their recipient once, even when the broker was down at the time."""

import time
from datetime import timedelta

from celery import Celery
from django.conf import settings
from django.core import mail
from django.utils import timezone

from hubs import services
from hubs.models import Notification
from hubs.tasks import notification_email_send, notification_email_sweep


def _dead_broker_task():
    """A task on an app whose broker is a closed local port: publishing really fails."""
    app = Celery("broker-down", broker="redis://127.0.0.1:9/0", set_as_current=False)
    app.conf.broker_transport_options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    app.conf.task_publish_retry_policy = settings.CELERY_TASK_PUBLISH_RETRY_POLICY
    app.conf.broker_connection_retry_on_startup = False

    @app.task(name="probe")
    def probe(value):
        return value

    return probe


def test_unreachable_broker_is_logged_not_raised(caplog):
    started = time.monotonic()
    queued = services._enqueue(_dead_broker_task(), 1)
    elapsed = time.monotonic() - started

    assert queued is False
    assert "broker unreachable" in caplog.text
    # The user's request must not hang on the broker.
    assert elapsed < 10


def test_notification_is_committed_and_emailed_after_commit(
    babel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        note = services.notification_create(
            recipient=babel.operator_bb, subject="Usulan dikembalikan", body="Lihat catatan."
        )
        assert mail.outbox == []

    assert len(callbacks) == 1
    note.refresh_from_db()
    assert note.emailed_at is not None
    assert [m.to for m in mail.outbox] == [[babel.operator_bb.email]]
    assert mail.outbox[0].subject == "[Portal KIPP] Usulan dikembalikan"


def test_sweep_sends_what_was_never_emailed_exactly_once(babel):
    stale = Notification.objects.create(recipient=babel.operator_bb, subject="Lama", body="-")
    fresh = Notification.objects.create(recipient=babel.admin_bb, subject="Baru", body="-")
    done = Notification.objects.create(
        recipient=babel.admin_bt, subject="Sudah", body="-", emailed_at=timezone.now()
    )
    Notification.objects.filter(pk__in=[stale.pk, done.pk]).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )

    assert notification_email_sweep() == 1
    assert notification_email_sweep() == 0

    assert [m.subject for m in mail.outbox] == ["[Portal KIPP] Lama"]
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.emailed_at is not None
    assert fresh.emailed_at is None


def test_sending_twice_emails_once(babel):
    note = Notification.objects.create(recipient=babel.operator_bb, subject="Satu", body="-")

    assert notification_email_send(note.pk) is True
    assert notification_email_send(note.pk) is False
    assert len(mail.outbox) == 1
