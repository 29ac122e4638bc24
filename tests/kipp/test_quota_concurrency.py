"""The instansi's quota holds when two Admin Lokal forward at the same moment.

`workflow._check_quota` locks the Instansi row before counting, so the second forward waits
for the first to commit and then sees it. The concurrent test needs real row locks and two
connections, hence PostgreSQL; the sequential test runs on every database.
"""

import threading

import pytest
from django.db import connection

from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal, ProposalEvent
from kipp.services import workflow
from tests.kipp import factories as kf

QUOTAS = {"umum": 1, "replikasi": 5, "khusus": 1}


def _two_submitted(babel, competition):
    return [
        kf.proposal(
            babel.kominfo,
            babel.operator_bb,
            competition=competition,
            state=S.SUBMITTED,
            title=title,
        )
        for title in ("Layanan Satu Pintu Digital", "Posyandu Pintar")
    ]


def test_second_forward_past_the_quota_is_refused(babel):
    competition = kf.competition(quotas=QUOTAS)
    first, second = _two_submitted(babel, competition)

    workflow.proposal_transition(proposal=first, actor=babel.admin_bb, to_state=S.FORWARDED)
    with pytest.raises(Refused) as refused:
        workflow.proposal_transition(proposal=second, actor=babel.admin_bb2, to_state=S.FORWARDED)

    assert refused.value.messages == [
        "Kuota kelompok Umum untuk instansi ini sudah penuh (1 dari 1 usulan telah diteruskan)."
    ]
    assert list(Proposal.objects.order_by("pk").values_list("state", flat=True)) == [
        S.FORWARDED,
        S.SUBMITTED,
    ]
    assert ProposalEvent.objects.filter(to_state=S.FORWARDED).count() == 1


def test_quota_is_per_instansi(babel):
    competition = kf.competition(quotas=QUOTAS)
    ours, _ = _two_submitted(babel, competition)
    theirs = kf.proposal(
        babel.disdukcapil,
        babel.operator_bt,
        competition=competition,
        state=S.SUBMITTED,
        title="Lain",
    )

    workflow.proposal_transition(proposal=ours, actor=babel.admin_bb, to_state=S.FORWARDED)
    workflow.proposal_transition(proposal=theirs, actor=babel.admin_bt, to_state=S.FORWARDED)

    assert ProposalEvent.objects.filter(to_state=S.FORWARDED).count() == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: two connections and SELECT ... FOR UPDATE row locks "
    "(SQLite serialises every writer, so there is no race to show)",
)
@pytest.mark.django_db(transaction=True)
def test_two_admins_forwarding_at_once_respect_the_quota(babel, monkeypatch):
    competition = kf.competition(quotas=QUOTAS)
    proposals = _two_submitted(babel, competition)
    actors = [babel.admin_bb, babel.admin_bb2]

    # Hold each transaction open a little after the quota was counted (notifications are
    # the last step inside it), so without the lock both would count 0 and both forward.
    notify = workflow._notify

    def slow_notify(*args, **kwargs):
        threading.Event().wait(0.5)
        return notify(*args, **kwargs)

    monkeypatch.setattr(workflow, "_notify", slow_notify)

    barrier = threading.Barrier(2, timeout=10)
    outcomes: dict[int, object] = {}

    def forward(index: int) -> None:
        try:
            barrier.wait()
            workflow.proposal_transition(
                proposal=proposals[index], actor=actors[index], to_state=S.FORWARDED
            )
            outcomes[index] = "forwarded"
        except Refused as refused:
            outcomes[index] = refused
        finally:
            connection.close()

    threads = [threading.Thread(target=forward, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == [0, 1]
    refused = [o for o in outcomes.values() if isinstance(o, Refused)]
    assert len(refused) == 1, outcomes
    assert "Kuota kelompok Umum untuk instansi ini sudah penuh" in refused[0].messages[0]
    states = sorted(Proposal.objects.values_list("state", flat=True))
    assert states == sorted([S.FORWARDED, S.SUBMITTED])
    assert ProposalEvent.objects.filter(to_state=S.FORWARDED).count() == 1
