"""The final outcome on `Proposal.state`: winner, outstanding, not_selected, disqualified.

Reached only by the organiser, only from a passed proposal (disqualified also from a
winner or outstanding one), with a reason for a disqualification, and never offered as a
button: the judging services make these moves beside the Result rows they write.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hubs.models import Notification
from kipp.enums import PASSED_STATES, ResultLevel
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal, ProposalEvent
from kipp.selectors.selection import announced_passed, selection_counts
from kipp.services import workflow
from tests.kipp import factories as kf

OUTCOMES = [S.WINNER, S.OUTSTANDING, S.NOT_SELECTED]


def _passed(babel, competition, title="Sapa Warga", state=S.ADMIN_PASSED):
    return kf.history(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        title=title,
        reached=[*kf.PASSED, state] if state != S.ADMIN_PASSED else kf.PASSED,
    )


@pytest.mark.parametrize("target", OUTCOMES)
def test_organiser_publishes_the_final_outcome(
    babel, kipp2025, target, django_capture_on_commit_callbacks
):
    proposal = _passed(babel, kipp2025)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.proposal_transition(proposal=proposal, actor=babel.sekretariat, to_state=target)

    proposal.refresh_from_db()
    assert proposal.state == target
    event = proposal.events.order_by("created_at", "pk").last()
    assert (event.from_state, event.to_state, event.actor) == (
        S.ADMIN_PASSED,
        target,
        babel.sekretariat,
    )
    # The proposer's side hears of it.
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {
        "upp.kominfo.bb",
        "admin.bb",
        "admin.bb2",
    }


@pytest.mark.parametrize("actor", ["admin_bb", "operator_bb", "evaluator", "panelist", "hub_admin"])
@pytest.mark.parametrize("target", [*OUTCOMES, S.DISQUALIFIED])
def test_only_the_organiser_decides_the_outcome(babel, kipp2025, actor, target):
    proposal = _passed(babel, kipp2025)

    with pytest.raises(Refused):
        workflow.proposal_transition(
            proposal=proposal, actor=getattr(babel, actor), to_state=target, note="Keberatan."
        )

    proposal.refresh_from_db()
    assert proposal.state == S.ADMIN_PASSED


@pytest.mark.parametrize("source", [S.ADMIN_PASSED, S.WINNER, S.OUTSTANDING])
def test_disqualification_needs_a_reason(babel, kipp2025, source):
    proposal = _passed(babel, kipp2025, state=source)

    with pytest.raises(Refused, match="catatan atau alasannya"):
        workflow.proposal_transition(
            proposal=proposal, actor=babel.sekretariat, to_state=S.DISQUALIFIED
        )
    workflow.proposal_transition(
        proposal=proposal,
        actor=babel.sekretariat,
        to_state=S.DISQUALIFIED,
        note="Keberatan publik diterima: inovasi belum berjalan dua tahun.",
    )

    proposal.refresh_from_db()
    assert proposal.state == S.DISQUALIFIED
    assert proposal.events.last().note.startswith("Keberatan publik diterima")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (S.FORWARDED, S.WINNER),
        (S.ADMIN_FAILED, S.NOT_SELECTED),
        (S.WINNER, S.NOT_SELECTED),
        (S.NOT_SELECTED, S.DISQUALIFIED),
        (S.DISQUALIFIED, S.WINNER),
        (S.NOT_SELECTED, S.WINNER),
    ],
)
def test_outcome_only_follows_a_pass(babel, kipp2025, source, target):
    proposal = _passed(babel, kipp2025, state=source)

    with pytest.raises(Refused):
        workflow.proposal_transition(
            proposal=proposal, actor=babel.sekretariat, to_state=target, note="Alasan."
        )

    proposal.refresh_from_db()
    assert proposal.state == source


def test_outcomes_are_never_offered_as_buttons(babel, kipp2025):
    # Before publication a pass may still become a fail (tests/kipp/test_decision_change.py);
    # the final outcomes are never offered.
    for state in (S.ADMIN_PASSED, S.WINNER, S.OUTSTANDING):
        proposal = _passed(babel, kipp2025, title=f"Usulan {state}", state=state)
        expected = [S.ADMIN_FAILED] if state == S.ADMIN_PASSED else []
        assert workflow.allowed_moves(babel.sekretariat, proposal) == expected


def test_final_outcomes_count_as_passed_in_the_selection(babel, kipp2025):
    for state in PASSED_STATES:
        _passed(babel, kipp2025, title=f"Usulan {state}", state=state)
    kipp2025.admin_results_published_at = datetime.now(UTC) + timedelta(days=1)

    counts = selection_counts(Proposal.objects.filter(competition=kipp2025))

    assert counts[S.ADMIN_PASSED] == len(PASSED_STATES) == 5
    assert announced_passed(kipp2025).count() == 5


# Migration ---------------------------------------------------------------------------------

BEFORE = [("kipp", "0012_proposal_inbox_index")]
# Migrations written beside the final outcome states: the factories write their columns.
BESIDE = [("kipp", "0017_competition_documents")]
AFTER = [("kipp", "0018_merge_final_outcomes_and_guidance")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_migration_gives_passed_proposals_the_outcome_of_their_results(babel):
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        _migrate(BEFORE)
        _migrate(BESIDE)
        competition = kf.competition(name="KIPP 2023", year=2023)
        other = kf.competition(name="KIPP 2022", year=2022)
        rows = {
            "winner": [ResultLevel.TOP99, ResultLevel.TOP45],
            "outstanding": [ResultLevel.OUTSTANDING],
            "not_selected": [ResultLevel.TOP99],
            "disqualified": [ResultLevel.TOP99],
            "passed": [],
            "unpublished": [ResultLevel.TOP99],
        }
        ids = {}
        for name, levels in rows.items():
            made = _passed(babel, competition, title=name)
            ids[name] = made.pk
            for level in levels:
                kf.result(
                    made,
                    level,
                    published=name != "unpublished",
                    revoked_reason="Keberatan diterima." if name == "disqualified" else "",
                    actor=babel.sekretariat,
                )
        # A Top 99 of a competition that has not published its Top 45 is not decided yet.
        ids["undecided"] = _passed(babel, other, title="undecided").pk
        kf.result(Proposal.objects.get(pk=ids["undecided"]), ResultLevel.TOP99)
        events = ProposalEvent.objects.count()
        _migrate(AFTER)

        states = dict(Proposal.objects.values_list("title", "state"))
        assert states == {
            "winner": S.WINNER,
            "outstanding": S.OUTSTANDING,
            "not_selected": S.NOT_SELECTED,
            "disqualified": S.DISQUALIFIED,
            "passed": S.ADMIN_PASSED,
            "unpublished": S.ADMIN_PASSED,
            "undecided": S.ADMIN_PASSED,
        }
        assert ProposalEvent.objects.count() == events

        _migrate(BEFORE)
        assert set(Proposal.objects.values_list("state", flat=True)) == {S.ADMIN_PASSED}
    finally:
        _migrate(latest)
