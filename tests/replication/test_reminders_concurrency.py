"""Two reminder runs at the same moment (a retry overlapping the next beat) send each
reminder once: the unique Reminder row decides, on two real PostgreSQL connections."""

import threading
from datetime import date, timedelta

import pytest
from django.db import connection

from hubs.models import Notification
from replication.enums import Stage
from replication.models import Activity, Reminder
from replication.services import reminders

from .helpers import at_stage, complete


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: two connections racing on a unique index "
    "(SQLite serialises every writer, so there is no race to show)",
)
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_reminder_once(repl, monkeypatch):
    commitment = at_stage(complete(repl.commitment, repl.babel.admin_bb), Stage.IMPLEMENTASI)
    Activity.objects.filter(commitment=commitment).update(due_on=date.today() - timedelta(days=2))
    Notification.objects.all().delete()

    # Hold each transaction open after its Reminder row is written, so both runs have
    # read the same due activity before either commits.
    notify = reminders._notify

    def slow_notify(*args, **kwargs):
        threading.Event().wait(0.5)
        return notify(*args, **kwargs)

    monkeypatch.setattr(reminders, "_notify", slow_notify)
    barrier = threading.Barrier(2, timeout=10)
    sent: dict[int, int] = {}

    def run(index: int) -> None:
        try:
            barrier.wait()
            sent[index] = reminders.activity_reminders_send()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(sent.values()) == [0, 1]
    assert Reminder.objects.count() == 1
    # The person in charge and the hub admin, once each.
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == [
        "admin.bb",
        "hub.babel",
    ]
