"""Results of a round: the job, the stored run and rows, reliability, tie-breaks, exports."""

import pytest

from judging import stats
from judging.enums import JobKind, JobState
from judging.models import RankingRun
from judging.services.assignment import assignment_add
from judging.services.jobs import job_create
from judging.services.results import results_compute
from kipp.errors import Refused

from .conftest import fill_sheet

# judge -> proposal -> criterion scores (all five criteria the same value).
PANEL = {
    "evaluator": {"bb": 9, "bt": 6, "me": 3},
    "evaluator2": {"bb": 8, "bt": 7, "me": 2},
    "evaluator_bb": {"bb": 9, "bt": 2, "me": 4},
}


@pytest.fixture
def scored(scoring):
    """Every judge scored every proposal (evaluator_bb on bb by an explicit override)."""
    for judge_name, scores in PANEL.items():
        judge = getattr(scoring, judge_name)
        for proposal_name, value in scores.items():
            proposal = getattr(scoring, proposal_name)
            assignment = assignment_add(
                round_=scoring.round,
                proposal=proposal,
                judge=judge,
                actor=scoring.sekretariat,
                override_reason="Panel lengkap untuk uji",
            )
            fill_sheet(assignment.sheet, judge, value)
    return scoring


def test_results_are_stored_with_reliability_and_ranks(scored):
    run = results_compute(round_=scored.round, actor=scored.sekretariat)

    rows = {r.proposal_id: r for r in run.rows.all()}
    assert [rows[p.pk].rank for p in (scored.bb, scored.bt, scored.me)] == [1, 2, 3]
    bb = rows[scored.bb.pk]
    # bb: totals 8/9*100, 7/9*100, 8/9*100, each stored to two decimals.
    assert bb.n == 3
    assert bb.raw_mean == pytest.approx((800 + 700 + 800) / 27, abs=0.01)
    assert bb.median == pytest.approx(800 / 9, abs=0.01)
    assert run.icc is not None and set(run.icc) == {"ICC1", "ICC2", "ICC3"}
    assert run.alpha is not None
    assert set(run.alpha_by_criterion) == {
        "Kebaruan",
        "Efektif",
        "Bermanfaat",
        "Mudah direplikasi",
        "Berkelanjutan",
    }
    assert set(run.judges) == {
        str(scored.evaluator.pk),
        str(scored.evaluator2.pk),
        str(scored.evaluator_bb.pk),
    }


def test_results_use_the_same_maths_as_the_command(scored):
    run = results_compute(round_=scored.round, actor=scored.sekretariat)

    rows = [
        (s.assignment.proposal_id, s.assignment.judge_id, float(s.total))
        for s in scored.round.assignments.all().select_related("sheet")
        for s in [s.sheet]
    ]
    expected = stats.analyze(rows, normalize="zscore", disagreement_threshold=25).as_json()
    assert run.alpha == pytest.approx(expected["krippendorff_alpha"])
    assert [(r.proposal_id, r.rank) for r in run.rows.order_by("rank")] == [
        (item["proposal"], item["rank"]) for item in expected["ranking"]
    ]


def test_disagreement_flags_a_wide_spread(scored):
    run = results_compute(round_=scored.round, actor=scored.sekretariat)

    flagged = set(run.rows.filter(disagreement=True).values_list("proposal_id", flat=True))
    # bt: 5/9, 6/9 and 1/9 of 100 -> spread 55.6 > 25.
    assert flagged == {scored.bt.pk}


def test_results_without_submitted_sheets_are_refused(scoring):
    with pytest.raises(Refused):
        results_compute(round_=scoring.round, actor=scoring.sekretariat)

    assert not RankingRun.objects.exists()


def test_results_job_runs_and_links_the_run(scored, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_create(round_=scored.round, kind=JobKind.RESULTS, actor=scored.sekretariat)

    job.refresh_from_db()
    assert job.state == JobState.DONE
    run = RankingRun.objects.get(round=scored.round)
    assert run.job == job
    assert run.rows.count() == 3


def test_tie_breaks_on_the_highest_weighted_criterion(scoring):
    from judging.services.rounds import CriterionInput, rubric_save

    rubric_save(
        round_=scoring.round,
        actor=scoring.sekretariat,
        criteria=[
            CriterionInput(name="Dampak", weight=60),
            CriterionInput(name="Biaya", weight=40),
        ],
    )
    for proposal, values in ((scoring.bt, [6, 9]), (scoring.me, [8, 6])):
        assignment = assignment_add(
            round_=scoring.round,
            proposal=proposal,
            judge=scoring.evaluator,
            actor=scoring.sekretariat,
        )
        fill_sheet(assignment.sheet, scoring.evaluator, values)

    run = results_compute(round_=scoring.round, actor=scoring.sekretariat)

    # Totals: bt 60*5/9+40*8/9 = me 60*7/9+40*5/9 = 66.67; me scored higher on "Dampak".
    assert list(run.rows.order_by("rank").values_list("proposal_id", flat=True)) == [
        scoring.me.pk,
        scoring.bt.pk,
    ]
