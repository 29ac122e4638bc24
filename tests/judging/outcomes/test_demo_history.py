"""The KIPP 2023 demo history: complete rounds at scale, outcomes consistent with results."""

import io

from django.core.management import call_command
from django.db.models import Count

from hubs.models import User
from judging.enums import ObjectionState, RoundKind
from judging.models import (
    FieldVerification,
    Objection,
    PresentationSlot,
    RankingRun,
    Score,
    ScoreSheet,
    Shortlist,
)
from judging.outcomes.selectors import slots_for_judge
from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from kipp.models import Proposal, Result


def test_kipp_2023_has_complete_rounds(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Proposal.objects.count(), ScoreSheet.objects.count(), Result.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Proposal.objects.count(), ScoreSheet.objects.count(), Result.objects.count()) == counts

    history = Proposal.objects.filter(competition__slug="kipp-2023")
    assert history.count() > 300
    rounds = {r.kind: r for r in history.first().competition.rounds.all()}
    assert list(rounds) == [
        RoundKind.SCORING,
        RoundKind.PRESENTATION,
        RoundKind.FIELD_VERIFICATION,
        RoundKind.FINAL,
    ]
    # Every desk entry scored by the three evaluators on the five criteria.
    desk = rounds[RoundKind.SCORING]
    sheets = ScoreSheet.objects.filter(assignment__round=desk, state="submitted")
    assert sheets.count() == 3 * desk.entries.count() > 900
    assert set(
        sheets.values("assignment__proposal").annotate(n=Count("pk")).values_list("n", flat=True)
    ) == {3}
    assert Score.objects.filter(sheet__in=sheets).count() == 5 * sheets.count()
    assert set(sheets.values_list("assignment__judge__username", flat=True)) == {
        "evaluator1",
        "evaluator2",
        "evaluator3",
    }
    run = RankingRun.objects.filter(round=desk).latest()
    assert 0.5 < run.alpha < 1 and set(run.icc) == {"ICC1", "ICC2", "ICC3"}

    # Top 99 with its uji publik: one objection upheld, the proposal disqualified.
    top99 = Shortlist.objects.get(round=desk, level=ResultLevel.TOP99)
    assert top99.published_at and top99.decree_number and top99.feasible
    assert not top99.entries.filter(reason="").exists()
    upheld = Objection.objects.get(state=ObjectionState.UPHELD)
    assert upheld.proposal.state == S.DISQUALIFIED
    assert Result.objects.get(proposal=upheld.proposal).revoked_reason == upheld.moderation_note
    assert Objection.objects.filter(state=ObjectionState.DISMISSED).count() == 1

    presentation = rounds[RoundKind.PRESENTATION]
    slots = PresentationSlot.objects.filter(round=presentation)
    assert slots.count() == presentation.entries.exclude(proposal__state=S.DISQUALIFIED).count()
    assert FieldVerification.objects.filter(round=rounds[RoundKind.FIELD_VERIFICATION]).count() == (
        slots.count()
    )

    # Exactly 45 winners and three Outstanding Achievements, states and results agreeing.
    counted = Result.objects.filter(
        proposal__competition__slug="kipp-2023", published_at__isnull=False, revoked_at__isnull=True
    )
    assert history.filter(state=S.WINNER).count() == 45
    assert counted.filter(level=ResultLevel.TOP45).count() == 45
    assert set(
        counted.filter(level=ResultLevel.TOP45).values_list("proposal__state", flat=True)
    ) == {S.WINNER}
    assert history.filter(state=S.OUTSTANDING).count() == 3
    assert counted.filter(level=ResultLevel.OUTSTANDING).count() == 3
    finalists = presentation.entries.exclude(proposal__state=S.DISQUALIFIED)
    assert set(finalists.values_list("proposal__state", flat=True)) == {
        S.WINNER,
        S.OUTSTANDING,
        S.NOT_SELECTED,
    }
    # The open presentation round of KIPP 2024 is scheduled for its panel.
    panelist = User.objects.get(username="panelis1")
    upcoming = slots_for_judge(panelist)
    assert upcoming.count() == 3
    assert {slot.round.competition.slug for slot in upcoming} == {"kipp-2024"}
