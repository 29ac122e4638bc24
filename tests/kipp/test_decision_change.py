"""The organiser may change a pass/fail decision until the results are published."""

import pytest
from django.utils import timezone

from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.services import workflow
from tests.kipp import factories as kf


@pytest.fixture
def passed(babel, kipp2025):
    return kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="Lolos", state=S.ADMIN_PASSED
    )


def test_sekretariat_turns_a_pass_into_a_fail_with_a_reason(babel, passed):
    workflow.proposal_transition(
        proposal=passed, actor=babel.sekretariat, to_state=S.ADMIN_FAILED, note="SK tidak sah."
    )

    passed.refresh_from_db()
    assert passed.state == S.ADMIN_FAILED
    event = passed.events.order_by("-pk").first()
    assert (event.from_state, event.to_state, event.note) == (
        S.ADMIN_PASSED,
        S.ADMIN_FAILED,
        "SK tidak sah.",
    )
    assert workflow.allowed_moves(babel.sekretariat, passed) == [S.ADMIN_PASSED]


def test_decision_change_needs_a_reason(babel, passed):
    with pytest.raises(Refused):
        workflow.proposal_transition(
            proposal=passed, actor=babel.sekretariat, to_state=S.ADMIN_FAILED
        )

    passed.refresh_from_db()
    assert passed.state == S.ADMIN_PASSED


def test_no_change_after_publication(babel, passed, kipp2025):
    kipp2025.admin_results_published_at = timezone.now()
    kipp2025.save(update_fields=["admin_results_published_at"])
    passed.refresh_from_db()

    assert workflow.allowed_moves(babel.sekretariat, passed) == []
    with pytest.raises(Refused, match="sudah diumumkan"):
        workflow.proposal_transition(
            proposal=passed, actor=babel.sekretariat, to_state=S.ADMIN_FAILED, note="Terlambat."
        )
    passed.refresh_from_db()
    assert passed.state == S.ADMIN_PASSED


def test_only_the_organiser_changes_a_decision(babel, passed):
    with pytest.raises(Refused):
        workflow.proposal_transition(
            proposal=passed, actor=babel.admin_bb, to_state=S.ADMIN_FAILED, note="Bukan wewenang."
        )
    passed.refresh_from_db()
    assert passed.state == S.ADMIN_PASSED


def test_proposal_page_offers_the_change_before_publication(client, babel, passed):
    client.force_login(babel.sekretariat)

    page = client.get(f"/usulan/{passed.pk}/").content.decode()

    assert f'id="aksi-{S.ADMIN_FAILED}"' in page
    assert f'id="catatan-{S.ADMIN_FAILED}"' in page
