"""Notifications delivered by a real Celery worker process through the real broker."""

import pytest

from hubs import services
from hubs.enums import Role
from hubs.models import Notification
from hubs.tasks import notification_email_send
from tests import worker


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path, celery_conf):
    # Through the broker, whatever an earlier test left in the app's configuration.
    celery_conf(task_always_eager=False)
    process, mail_dir = worker.start_worker(tmp_path)
    yield mail_dir
    worker.stop_worker(process)


@pytest.mark.celery_worker
def test_account_notification_emailed_once_by_worker(babel, celery_worker_process):
    mail_dir = celery_worker_process

    user, _ = services.account_create(
        actor=babel.admin_bb,
        username="upp.baru",
        name="Operator Baru",
        email="upp.baru@contoh.go.id",
        role=Role.OPERATOR,
        unit=babel.kominfo,
    )
    notification = Notification.objects.get(recipient=user)
    worker.wait_for(
        lambda: Notification.objects.filter(pk=notification.pk, emailed_at__isnull=False).exists()
    )
    # A second delivery of the same task (as after a worker crash) must not send again.
    assert notification_email_send.delay(notification.pk).get(timeout=30) is False

    mails = [p.read_text() for p in mail_dir.iterdir()]
    assert len(mails) == 1
    assert "upp.baru@contoh.go.id" in mails[0]
    assert "Akun Portal KIPP Anda telah dibuat" in mails[0]
