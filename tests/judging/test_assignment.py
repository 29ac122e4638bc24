"""Conflicts and assignment: structural detection, declared and Sekretariat conflicts,
the automatic job, manual assignment with override, the one-click extra judge."""

from collections import Counter

import pytest

from judging.enums import ConflictSource, JobKind, JobState, SheetState
from judging.models import Affiliation, Assignment, Conflict, Job, ScoreSheet
from judging.services.assignment import assignment_add, assignment_run, extra_judge_add
from judging.services.conflicts import conflict_declare, conflict_set
from judging.services.jobs import job_create
from kipp.errors import Refused


def test_automatic_assignment_gives_k_judges_never_a_conflicted_one(scoring):
    made = assignment_run(round_=scoring.round, actor=scoring.sekretariat)

    pairs = set(scoring.round.assignments.values_list("proposal_id", "judge_id"))
    per_proposal = Counter(p for p, _j in pairs)
    assert made == 6
    assert per_proposal == {scoring.bb.pk: 2, scoring.bt.pk: 2, scoring.me.pk: 2}
    assert (scoring.bb.pk, scoring.evaluator_bb.pk) not in pairs
    loads = Counter(j for _p, j in pairs).values()
    assert max(loads) - min(loads) <= 1
    assert ScoreSheet.objects.filter(assignment__round=scoring.round).count() == 6
    conflict = Conflict.objects.get(proposal=scoring.bb, user=scoring.evaluator_bb)
    assert conflict.source == ConflictSource.STRUCTURE


def test_automatic_assignment_is_idempotent_and_deterministic(scoring):
    assignment_run(round_=scoring.round, actor=scoring.sekretariat)
    first = set(scoring.round.assignments.values_list("proposal_id", "judge_id"))

    again = assignment_run(round_=scoring.round, actor=scoring.sekretariat)

    assert again == 0
    assert set(scoring.round.assignments.values_list("proposal_id", "judge_id")) == first


def test_declared_region_affiliation_is_a_structural_conflict(scoring):
    Affiliation.objects.create(user=scoring.evaluator, region=scoring.babel.province)
    scoring.round.judges_per_proposal = 1
    scoring.round.save()

    assignment_run(round_=scoring.round, actor=scoring.sekretariat)

    judged_by_evaluator = set(
        scoring.round.assignments.filter(judge=scoring.evaluator).values_list(
            "proposal_id", flat=True
        )
    )
    assert judged_by_evaluator <= {scoring.me.pk}
    assert Conflict.objects.filter(user=scoring.evaluator, proposal=scoring.bt).exists()


def test_assignment_job_records_progress_and_result(scoring, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_create(round_=scoring.round, kind=JobKind.ASSIGN, actor=scoring.sekretariat)

    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert job.progress == 100
    assert scoring.round.assignments.count() == 6


def test_assignment_job_fails_with_a_reason_when_impossible(
    scoring, django_capture_on_commit_callbacks
):
    scoring.round.judges_per_proposal = 3
    scoring.round.save()

    with django_capture_on_commit_callbacks(execute=True):
        job = job_create(round_=scoring.round, kind=JobKind.ASSIGN, actor=scoring.sekretariat)

    job = Job.objects.get(pk=job.pk)
    assert job.state == JobState.FAILED
    assert "konflik" in job.error
    assert scoring.round.assignments.count() == 0


def test_manual_assignment_of_a_conflicted_judge_needs_an_override_reason(scoring):
    with pytest.raises(Refused):
        assignment_add(
            round_=scoring.round,
            proposal=scoring.bb,
            judge=scoring.evaluator_bb,
            actor=scoring.sekretariat,
        )
    assert not scoring.round.assignments.exists()

    made = assignment_add(
        round_=scoring.round,
        proposal=scoring.bb,
        judge=scoring.evaluator_bb,
        actor=scoring.sekretariat,
        override_reason="Satu-satunya ahli sistem informasi",
    )

    assert made.override_reason == "Satu-satunya ahli sistem informasi"
    assert made.created_by == scoring.sekretariat
    assert made.sheet.state == SheetState.DRAFT
    assert made.history.count() == 1


def test_judge_declares_a_conflict_and_loses_the_assignment(scoring):
    assignment_run(round_=scoring.round, actor=scoring.sekretariat)
    assignment = scoring.round.assignments.filter(judge=scoring.evaluator).first()

    conflict_declare(assignment=assignment, actor=scoring.evaluator, reason="Kerabat inovator")

    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    conflict = Conflict.objects.get(proposal=assignment.proposal, user=scoring.evaluator)
    assert (conflict.source, conflict.reason, conflict.created_by) == (
        ConflictSource.DECLARED,
        "Kerabat inovator",
        scoring.evaluator,
    )


def test_sekretariat_conflict_needs_a_reason_and_removes_drafts(scoring):
    assignment_run(round_=scoring.round, actor=scoring.sekretariat)
    target = scoring.round.assignments.filter(judge=scoring.evaluator2).first()

    with pytest.raises(Refused):
        conflict_set(
            competition=scoring.competition,
            proposal=target.proposal,
            user=scoring.evaluator2,
            actor=scoring.sekretariat,
            reason=" ",
        )
    conflict_set(
        competition=scoring.competition,
        proposal=target.proposal,
        user=scoring.evaluator2,
        actor=scoring.sekretariat,
        reason="Pembimbing inovasi",
    )

    assert not Assignment.objects.filter(pk=target.pk).exists()
    assert Conflict.objects.get(user=scoring.evaluator2, proposal=target.proposal).source == (
        ConflictSource.SEKRETARIAT
    )


def test_extra_judge_is_the_least_loaded_free_judge(scoring):
    assignment_add(
        round_=scoring.round,
        proposal=scoring.bt,
        judge=scoring.evaluator,
        actor=scoring.sekretariat,
    )
    assignment_add(
        round_=scoring.round,
        proposal=scoring.me,
        judge=scoring.evaluator,
        actor=scoring.sekretariat,
    )
    assignment_add(
        round_=scoring.round,
        proposal=scoring.me,
        judge=scoring.evaluator2,
        actor=scoring.sekretariat,
    )

    extra = extra_judge_add(round_=scoring.round, proposal=scoring.bt, actor=scoring.sekretariat)

    # evaluator is taken, evaluator2 carries 1, evaluator_bb carries 0.
    assert extra.judge == scoring.evaluator_bb
    assert extra.is_extra is True


def test_extra_judge_is_refused_when_none_is_free(scoring):
    assignment_run(round_=scoring.round, actor=scoring.sekretariat)
    extra_judge_add(round_=scoring.round, proposal=scoring.bt, actor=scoring.sekretariat)

    with pytest.raises(Refused):
        extra_judge_add(round_=scoring.round, proposal=scoring.bt, actor=scoring.sekretariat)

    assert scoring.round.assignments.filter(proposal=scoring.bt).count() == 3
