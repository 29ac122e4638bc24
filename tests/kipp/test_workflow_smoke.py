"""The transition function end to end on one proposal (full matrix in test_workflow)."""

from kipp.enums import ProposalState as S
from kipp.models import ProposalEvent
from kipp.services import workflow
from tests.kipp import factories as kf


def test_submit_forward_pass(babel, kipp2025, django_capture_on_commit_callbacks):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.proposal_transition(
            proposal=proposal, actor=babel.operator_bb, to_state=S.SUBMITTED
        )
        workflow.proposal_transition(proposal=proposal, actor=babel.admin_bb, to_state=S.FORWARDED)
        workflow.proposal_transition(
            proposal=proposal, actor=babel.sekretariat, to_state=S.ADMIN_PASSED
        )

    proposal.refresh_from_db()
    assert proposal.state == S.ADMIN_PASSED
    assert list(
        ProposalEvent.objects.filter(proposal=proposal).values_list("from_state", "to_state")
    ) == [
        ("", S.DRAFT),
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.FORWARDED),
        (S.FORWARDED, S.ADMIN_PASSED),
    ]
