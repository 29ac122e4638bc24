"""Reminders to judges with unfinished sheets: once per judge and threshold."""

from datetime import timedelta

from django.utils import timezone

from judging.models import JudgeReminder
from judging.services.assignment import assignment_add
from judging.services.reminders import reminders_send
from judging.tasks import judge_reminders_send

from .conftest import fill_sheet


def test_judges_with_open_sheets_are_reminded_once_per_threshold(scoring):
    add = {"round_": scoring.round, "actor": scoring.sekretariat}
    assignment_add(proposal=scoring.bt, judge=scoring.evaluator, **add)
    done = assignment_add(proposal=scoring.bt, judge=scoring.evaluator2, **add)
    fill_sheet(done.sheet, scoring.evaluator2, 7)
    closes = scoring.round.closes_at

    far = reminders_send(now=closes - timedelta(days=4))
    first = reminders_send(now=closes - timedelta(days=2))
    again = reminders_send(now=closes - timedelta(days=2) + timedelta(hours=1))
    last = reminders_send(now=closes - timedelta(hours=20))

    assert (far, first, again, last) == (0, 1, 0, 1)
    assert sorted(JudgeReminder.objects.values_list("judge__username", "threshold")) == [
        ("evaluator", "1d"),
        ("evaluator", "3d"),
    ]
    subjects = list(scoring.evaluator.notifications.values_list("subject", flat=True))
    assert len(subjects) == 2 and all("Pengingat penilaian" in s for s in subjects)
    assert not scoring.evaluator2.notifications.exists()


def test_a_judge_first_seen_late_gets_one_reminder_for_both_thresholds(scoring):
    assignment_add(
        round_=scoring.round,
        proposal=scoring.me,
        judge=scoring.evaluator,
        actor=scoring.sekretariat,
    )

    sent = reminders_send(now=scoring.round.closes_at - timedelta(hours=5))

    assert sent == 1
    assert JudgeReminder.objects.filter(judge=scoring.evaluator).count() == 2
    assert scoring.evaluator.notifications.count() == 1


def test_beat_task_runs_the_service(scoring):
    # The round closes in 5 days: no threshold reached yet.
    assert judge_reminders_send.delay().get() == 0
    assert scoring.round.closes_at > timezone.now() + timedelta(days=3)
    assert not JudgeReminder.objects.exists()


def test_reminders_are_declared_on_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["judge-reminders"]

    assert entry == {"task": "judging.tasks.judge_reminders_send", "schedule": 3600.0}
