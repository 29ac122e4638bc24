"""Every transition, for every kind of actor, in every state; deadlines to the minute.

The expected table is written out here independently of `kipp.workflow.TRANSITIONS`, so a
change to the rules shows up as a failing case rather than being mirrored silently.
"""

from datetime import UTC, datetime, timedelta

import pytest

from hubs.models import Notification
from kipp import deadlines
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import DeadlineExtension, ProposalEvent
from kipp.services import workflow
from tests import factories as f
from tests.kipp import factories as kf

STATES = [
    S.DRAFT,
    S.SUBMITTED,
    S.RETURNED,
    S.FORWARDED,
    S.REJECTED_LOCALLY,
    S.WITHDRAWN,
    S.ADMIN_PASSED,
    S.ADMIN_FAILED,
]
PROPOSER = {"operator", "colleague", "admin", "admin_colleague"}
ALLOWED = {
    (S.DRAFT, S.SUBMITTED): PROPOSER,
    (S.RETURNED, S.SUBMITTED): PROPOSER,
    (S.SUBMITTED, S.RETURNED): {"admin", "admin_colleague"},
    (S.SUBMITTED, S.FORWARDED): {"admin", "admin_colleague"},
    (S.SUBMITTED, S.REJECTED_LOCALLY): {"admin", "admin_colleague"},
    (S.DRAFT, S.WITHDRAWN): PROPOSER,
    (S.SUBMITTED, S.WITHDRAWN): PROPOSER,
    (S.RETURNED, S.WITHDRAWN): PROPOSER,
    (S.FORWARDED, S.ADMIN_PASSED): {"sekretariat"},
    (S.FORWARDED, S.ADMIN_FAILED): {"sekretariat"},
    # Until the results are published (tests/kipp/test_decision_change.py).
    (S.ADMIN_PASSED, S.ADMIN_FAILED): {"sekretariat"},
    (S.ADMIN_FAILED, S.ADMIN_PASSED): {"sekretariat"},
}
ACTORS = [
    "operator",
    "colleague",
    "admin",
    "admin_colleague",
    "outsider_admin",
    "outsider_operator",
    "judge",
    "sekretariat",
    "hub",
]


def _actor(babel, name):
    if name == "colleague":
        return f.operator(babel.kominfo, username="upp.kominfo.rekan")
    return getattr(
        babel,
        {
            "operator": "operator_bb",
            "admin": "admin_bb",
            "admin_colleague": "admin_bb2",
            "outsider_admin": "admin_bt",
            "outsider_operator": "operator_bt",
            "judge": "evaluator",
            "sekretariat": "sekretariat",
            "hub": "hub_admin",
        }[name],
    )


@pytest.mark.parametrize("actor_name", ACTORS)
@pytest.mark.parametrize("target", STATES[1:])
@pytest.mark.parametrize("source", STATES)
def test_transition_matrix(babel, kipp2025, source, target, actor_name):
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2025,
        state=source,
        complete=target == S.SUBMITTED,
    )
    actor = _actor(babel, actor_name)
    events = ProposalEvent.objects.filter(proposal=proposal).count()
    allowed = actor_name in ALLOWED.get((source, target), set())

    if allowed:
        workflow.proposal_transition(
            proposal=proposal, actor=actor, to_state=target, note="Catatan pemeriksa."
        )
    else:
        with pytest.raises(Refused):
            workflow.proposal_transition(
                proposal=proposal, actor=actor, to_state=target, note="Catatan pemeriksa."
            )

    proposal.refresh_from_db()
    assert proposal.state == (target if allowed else source)
    assert ProposalEvent.objects.filter(proposal=proposal).count() == events + allowed
    if allowed:
        event = ProposalEvent.objects.filter(proposal=proposal).last()
        assert (event.actor, event.from_state, event.to_state) == (actor, source, target)


@pytest.mark.parametrize("target", [S.RETURNED, S.REJECTED_LOCALLY])
def test_note_is_required_locally(babel, kipp2025, target):
    proposal = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED
    )

    with pytest.raises(Refused, match="Tuliskan catatan"):
        workflow.proposal_transition(
            proposal=proposal, actor=babel.admin_bb, to_state=target, note="   "
        )

    proposal.refresh_from_db()
    assert proposal.state == S.SUBMITTED


def test_fail_in_administrative_selection_needs_a_reason(babel, kipp2025):
    proposal = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.FORWARDED
    )

    with pytest.raises(Refused):
        workflow.proposal_transition(
            proposal=proposal, actor=babel.sekretariat, to_state=S.ADMIN_FAILED
        )

    proposal.refresh_from_db()
    assert proposal.state == S.FORWARDED


def test_events_cannot_be_changed_or_deleted(babel, kipp2025):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025)
    event = proposal.events.get()

    event.note = "diubah"
    with pytest.raises(ValueError, match="immutable"):
        event.save()
    with pytest.raises(ValueError, match="immutable"):
        event.delete()
    assert proposal.events.get().note == ""


def test_hub_competition_is_selected_by_its_hub(babel):
    competition = kf.competition(name="Kompetisi Inovasi Babel 2025", hub=babel.hub)
    proposal = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=competition, state=S.FORWARDED
    )

    with pytest.raises(Refused):
        workflow.proposal_transition(
            proposal=proposal, actor=babel.sekretariat, to_state=S.ADMIN_PASSED
        )
    workflow.proposal_transition(proposal=proposal, actor=babel.hub_admin, to_state=S.ADMIN_PASSED)

    proposal.refresh_from_db()
    assert proposal.state == S.ADMIN_PASSED


# Deadlines (WIB, to the minute) ------------------------------------------------------------


@pytest.fixture
def closing(babel):
    """A competition whose registration closes at 16 April 2025 12:00 WIB (05:00 UTC)."""
    closes = datetime(2025, 4, 16, 5, 0, tzinfo=UTC)
    return kf.competition(
        opens=closes - timedelta(days=30),
        closes=closes,
        verification_closes=closes + timedelta(days=7),
        year=2025,
    )


MINUTE = timedelta(minutes=1)


def test_operator_submits_until_the_minute_of_registration_close(babel, closing):
    early = kf.proposal(babel.kominfo, babel.operator_bb, competition=closing, title="Tepat Waktu")
    late = kf.proposal(babel.kominfo, babel.operator_bb, competition=closing, title="Terlambat")
    close = closing.registration_closes_at

    workflow.proposal_transition(
        proposal=early, actor=babel.operator_bb, to_state=S.SUBMITTED, now=close - MINUTE
    )
    with pytest.raises(Refused, match="16 April 2025 12:00 WIB"):
        workflow.proposal_transition(
            proposal=late, actor=babel.operator_bb, to_state=S.SUBMITTED, now=close + MINUTE
        )

    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.state, late.state) == (S.SUBMITTED, S.DRAFT)


def test_nothing_before_registration_opens(babel, closing):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=closing)

    with pytest.raises(Refused, match="belum dibuka"):
        workflow.proposal_transition(
            proposal=proposal,
            actor=babel.operator_bb,
            to_state=S.SUBMITTED,
            now=closing.registration_opens_at - MINUTE,
        )


def test_admin_lokal_acts_until_verification_close(babel, closing):
    on_behalf = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=closing, title="Atas Nama"
    )
    submitted = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=closing, title="Diteruskan", state=S.SUBMITTED
    )
    late = kf.proposal(
        babel.pdam, babel.operator_bb, competition=closing, title="Lewat", state=S.SUBMITTED
    )
    verification_close = closing.verification_closes_at

    # After registration closed the Admin Lokal may still submit for its operator...
    workflow.proposal_transition(
        proposal=on_behalf,
        actor=babel.admin_bb,
        to_state=S.SUBMITTED,
        now=closing.registration_closes_at + MINUTE,
    )
    workflow.proposal_transition(
        proposal=submitted,
        actor=babel.admin_bb,
        to_state=S.FORWARDED,
        now=verification_close - MINUTE,
    )
    # ...but not after the verification close.
    with pytest.raises(Refused, match="Verifikasi lokal telah ditutup"):
        workflow.proposal_transition(
            proposal=late, actor=babel.admin_bb, to_state=S.FORWARDED, now=verification_close
        )

    for proposal in (on_behalf, submitted, late):
        proposal.refresh_from_db()
    assert [on_behalf.state, submitted.state, late.state] == [S.SUBMITTED, S.FORWARDED, S.SUBMITTED]


def test_extension_for_one_instansi_only(babel, closing):
    DeadlineExtension.objects.create(
        competition=closing,
        instansi=babel.bangka_barat,
        registration_closes_at=closing.registration_closes_at + timedelta(days=2),
        reason="Gangguan jaringan di Muntok saat penutupan.",
        created_by=babel.sekretariat,
    )
    bangka_barat = kf.proposal(babel.kominfo, babel.operator_bb, competition=closing, title="BB")
    bangka_tengah = kf.proposal(
        babel.disdukcapil, babel.operator_bt, competition=closing, title="BT"
    )
    day_after = closing.registration_closes_at + timedelta(days=1)

    workflow.proposal_transition(
        proposal=bangka_barat, actor=babel.operator_bb, to_state=S.SUBMITTED, now=day_after
    )
    with pytest.raises(Refused):
        workflow.proposal_transition(
            proposal=bangka_tengah, actor=babel.operator_bt, to_state=S.SUBMITTED, now=day_after
        )

    limits = deadlines.deadlines_for(closing, babel.bangka_barat.pk)
    assert limits["registration"] == closing.registration_closes_at + timedelta(days=2)
    bangka_barat.refresh_from_db()
    bangka_tengah.refresh_from_db()
    assert (bangka_barat.state, bangka_tengah.state) == (S.SUBMITTED, S.DRAFT)


# Quota (sequential; the concurrent case runs on PostgreSQL in test_quota_concurrency) -------


def test_forward_stops_at_the_quota(babel):
    competition = kf.competition(quotas={"umum": 2, "replikasi": 5, "khusus": 1})
    proposals = [
        kf.proposal(
            babel.kominfo,
            babel.operator_bb,
            competition=competition,
            title=f"Inovasi {n}",
            state=S.SUBMITTED,
        )
        for n in range(3)
    ]

    for proposal in proposals[:2]:
        workflow.proposal_transition(proposal=proposal, actor=babel.admin_bb, to_state=S.FORWARDED)
    with pytest.raises(Refused, match="2 dari 2"):
        workflow.proposal_transition(
            proposal=proposals[2], actor=babel.admin_bb, to_state=S.FORWARDED
        )

    proposals[2].refresh_from_db()
    assert proposals[2].state == S.SUBMITTED


# Notifications -----------------------------------------------------------------------------


def test_submit_notifies_admin_lokal_after_commit(
    babel, kipp2025, django_capture_on_commit_callbacks
):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.proposal_transition(
            proposal=proposal, actor=babel.operator_bb, to_state=S.SUBMITTED
        )

    recipients = set(
        Notification.objects.filter(url=f"/usulan/{proposal.pk}/").values_list(
            "recipient__username", flat=True
        )
    )
    assert recipients == {"admin.bb", "admin.bb2"}
    # One e-mail task per notification, queued only when the transaction commits.
    assert len(callbacks) == 2


def test_return_notifies_the_operators_with_the_note(babel, kipp2025):
    proposal = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED
    )

    workflow.proposal_transition(
        proposal=proposal, actor=babel.admin_bb, to_state=S.RETURNED, note="Lengkapi SK inovator."
    )

    note = Notification.objects.get(recipient=babel.operator_bb)
    assert note.subject == f"Usulan dikembalikan untuk perbaikan: {proposal.title}"
    assert "Lengkapi SK inovator." in note.body
