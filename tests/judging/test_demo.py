"""The judging demo: an open scoring round with submitted and draft sheets of every
evaluator, one disagreement, one declared conflict, and the panel's presentation round."""

import io
from collections import Counter

from django.core.management import call_command

from judging.enums import ConflictSource, RoundKind, SheetState
from judging.models import Assignment, Conflict, RankedProposal, Round, SheetEvent


def test_seed_demo_loads_the_rounds_idempotently(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Round.objects.count(), Assignment.objects.count(), SheetEvent.objects.count())

    call_command("seed_demo", stdout=io.StringIO())

    assert (Round.objects.count(), Assignment.objects.count(), SheetEvent.objects.count()) == (
        counts
    )
    scoring = Round.objects.get(competition__slug="kipp-2024", kind=RoundKind.SCORING)
    assert scoring.is_open()
    states = Counter(scoring.assignments.values_list("judge__username", "sheet__state").order_by())
    for judge in ("evaluator1", "evaluator2", "evaluator3"):
        assert states[(judge, SheetState.SUBMITTED)] >= 1, judge
        assert states[(judge, SheetState.DRAFT)] >= 1, judge
    flagged = RankedProposal.objects.filter(run__round=scoring, disagreement=True)
    assert flagged.count() == 1
    declared = Conflict.objects.get(source=ConflictSource.DECLARED)
    assert declared.user.username == "evaluator3"
    assert not scoring.assignments.filter(proposal=declared.proposal, judge=declared.user).exists()
    assert scoring.assignments.filter(proposal=declared.proposal).count() == 2
    presentation = Round.objects.get(competition__slug="kipp-2024", kind=RoundKind.PRESENTATION)
    assert sorted(presentation.judges.values_list("user__username", flat=True)) == [
        "panelis1",
        "panelis2",
        "panelis3",
    ]
    assert presentation.entries.count() == 3
    assert presentation.opens_at > scoring.closes_at
