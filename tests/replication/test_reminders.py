"""Reminders about overdue activities and those due within 7 days: once per activity and
threshold, to the person in charge and the hub admin, however often the job runs."""

from datetime import date, timedelta

import pytest

from hubs.models import Notification
from replication.enums import ActivityStatus, ReminderKind, Stage
from replication.models import Activity, Reminder
from replication.services.reminders import activity_reminders_send
from replication.tasks import activity_reminders_send as reminders_task
from tests import worker

from .helpers import at_stage, complete

TODAY = date(2026, 12, 5)


@pytest.fixture
def plan(repl):
    commitment = at_stage(complete(repl.commitment, repl.babel.admin_bb), Stage.IMPLEMENTASI)
    Activity.objects.filter(commitment=commitment).delete()
    Notification.objects.all().delete()  # the programme's invitations
    made = {
        name: Activity.objects.create(
            commitment=commitment,
            name=name,
            responsible_unit="Dinas Kominfo",
            due_on=TODAY + timedelta(days=offset),
            status=status,
        )
        for name, offset, status in (
            ("terlambat", -3, ActivityStatus.IN_PROGRESS),
            ("segera", 5, ActivityStatus.PLANNED),
            ("nanti", 20, ActivityStatus.PLANNED),
            ("selesai", -10, ActivityStatus.DONE),
        )
    }
    return made


def test_reminders_sent_once_when_run_twice_the_same_day(repl, plan):
    first = activity_reminders_send(today=TODAY)
    second = activity_reminders_send(today=TODAY)

    assert (first, second) == (2, 0)
    assert set(Reminder.objects.values_list("activity__name", "kind")) == {
        ("terlambat", ReminderKind.OVERDUE),
        ("segera", ReminderKind.DUE_SOON),
    }
    # The person in charge (admin_bb) and the hub admin, one notification per reminder.
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == [
        "admin.bb",
        "admin.bb",
        "hub.babel",
        "hub.babel",
    ]


def test_due_soon_activity_reminded_again_once_overdue(repl, plan):
    activity_reminders_send(today=TODAY)
    later = TODAY + timedelta(days=6)

    assert activity_reminders_send(today=later) == 1
    assert activity_reminders_send(today=later) == 0
    assert Reminder.objects.filter(activity=plan["segera"]).count() == 2


def test_no_reminders_for_dropped_commitments(repl, plan):
    at_stage(repl.commitment, Stage.DROPPED)

    assert activity_reminders_send(today=TODAY) == 0
    assert not Notification.objects.exists()


def test_reminders_scheduled_in_beat(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "replication.tasks.activity_reminders_send" in tasks


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path, celery_conf):
    celery_conf(task_always_eager=False)
    process, mail_dir = worker.start_worker(tmp_path)
    yield mail_dir
    worker.stop_worker(process)


@pytest.mark.celery_worker
def test_reminder_job_on_real_broker_sends_each_once(repl, celery_worker_process):
    mail_dir = celery_worker_process
    today = date.today()
    commitment = at_stage(complete(repl.commitment, repl.babel.admin_bb), Stage.IMPLEMENTASI)
    Activity.objects.filter(commitment=commitment).update(due_on=today - timedelta(days=1))

    # Two runs the same day, queued together as a retry or a second beat would.
    first, second = reminders_task.delay(), reminders_task.delay()
    assert sorted([first.get(timeout=60), second.get(timeout=60)]) == [0, 1]
    assert Reminder.objects.count() == 1
    reminders = Notification.objects.filter(subject__startswith="Kegiatan replikasi terlambat")
    worker.wait_for(lambda: reminders.filter(emailed_at__isnull=False).count() == 2)
    mails = [p.read_text() for p in mail_dir.iterdir()]
    assert len([m for m in mails if "Kegiatan replikasi terlambat" in m]) == 2
