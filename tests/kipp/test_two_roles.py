"""People with two roles in different scopes get each role's powers in its own scope only.

The matrices (tests/hubs/test_access_matrix.py, tests/kipp/test_competition_access.py) walk
every URL with these people; here the proposal side: lists, pages, transitions and the
services themselves.
"""

import pytest

from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal, ProposalEvent
from kipp.selectors.competitions import competition_organisers_for
from kipp.selectors.proposals import competitions_managed_by, proposals_visible_to
from kipp.services import workflow
from tests.access import two_role_people
from tests.kipp import factories as kf


@pytest.fixture
def people(babel):
    return two_role_people(babel)


@pytest.fixture
def provincial(babel):
    return kf.competition(name="KIPP Babel 2025", hub=babel.hub)


def test_sekretariat_panelist_of_a_hub_does_not_organise_the_hub_competition(
    client, babel, people, provincial, kipp2025
):
    person = people["sek_panelist_hub"]
    forwarded = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=provincial, state=S.FORWARDED
    )

    assert list(competitions_managed_by(person)) == [kipp2025]
    assert competition_organisers_for(person) == [None]
    assert not workflow.is_organiser(person, provincial)
    assert not proposals_visible_to(person).filter(pk=forwarded.pk).exists()
    with pytest.raises(Refused):
        workflow.proposal_transition(proposal=forwarded, actor=person, to_state=S.ADMIN_PASSED)
    client.force_login(person)
    assert client.get(f"/kompetisi/kelola/{provincial.pk}/").status_code == 404
    assert client.get(f"/usulan/{forwarded.pk}/").status_code == 404
    response = client.post(f"/usulan/{forwarded.pk}/status/", {"to_state": S.ADMIN_PASSED})
    assert response.status_code == 404
    forwarded.refresh_from_db()
    assert forwarded.state == S.FORWARDED


def test_evaluator_hub_admin_organises_its_hub_competition_only(
    babel, people, provincial, kipp2025
):
    person = people["evaluator_hub"]
    forwarded = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=provincial, state=S.FORWARDED
    )
    national = kf.proposal(babel.pdam, babel.admin_bb, competition=kipp2025, state=S.FORWARDED)

    assert list(competitions_managed_by(person)) == [provincial]
    assert [hub.pk for hub in competition_organisers_for(person)] == [babel.hub.pk]
    assert set(proposals_visible_to(person)) == {forwarded}
    workflow.proposal_transition(proposal=forwarded, actor=person, to_state=S.ADMIN_PASSED)
    with pytest.raises(Refused):
        workflow.proposal_transition(proposal=national, actor=person, to_state=S.ADMIN_PASSED)
    assert Proposal.objects.get(pk=forwarded.pk).state == S.ADMIN_PASSED
    assert Proposal.objects.get(pk=national.pk).state == S.FORWARDED


def test_admin_lokal_who_is_an_operator_elsewhere_verifies_only_its_own_instansi(
    client, babel, people, kipp2025
):
    person = people["admin_operator"]
    own_unit = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Sipandu")
    other_unit = kf.proposal(
        babel.pdam, babel.admin_bb, competition=kipp2025, title="Air Bersih", state=S.SUBMITTED
    )
    bangka_tengah = kf.proposal(
        babel.disdukcapil, babel.operator_bt, competition=kipp2025, title="Dukcapil Jemput"
    )
    kf.fill(own_unit, babel.operator_bb)
    submitted_bb = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2025,
        title="Kominfo Menyapa",
        state=S.SUBMITTED,
    )

    # As operator of Kominfo Bangka Barat and Admin Lokal of Bangka Tengah: nothing else.
    assert set(proposals_visible_to(person)) == {own_unit, bangka_tengah, submitted_bb}
    client.force_login(person)
    assert client.get(f"/usulan/{other_unit.pk}/").status_code == 404
    assert client.get(f"/verifikasi/{submitted_bb.pk}/").status_code == 404
    assert client.get(f"/verifikasi/{bangka_tengah.pk}/").status_code == 200
    events = ProposalEvent.objects.count()
    with pytest.raises(Refused):
        # The operator side cannot forward, and it is not Bangka Barat's Admin Lokal.
        workflow.proposal_transition(proposal=submitted_bb, actor=person, to_state=S.FORWARDED)
    response = client.post(
        f"/usulan/{submitted_bb.pk}/status/", {"to_state": S.RETURNED, "note": "Perbaiki"}
    )
    assert response.status_code == 302
    submitted_bb.refresh_from_db()
    assert submitted_bb.state == S.SUBMITTED
    assert ProposalEvent.objects.count() == events
