"""The one transition function of a commitment's stage: every move allowed and refused per
role, its requirements, the timeline and the notifications after commit."""

import pytest

from hubs.models import Notification
from kipp.errors import Refused
from replication.enums import Stage
from replication.models import Commitment, CommitmentEvent
from replication.services.stages import TRANSITIONS, allowed_moves, commitment_transition

from .helpers import at_stage, complete

# Who acts, and which side of the Bangka Barat commitment that gives them.
ACTORS = {
    "admin_bb": "adopter",
    "admin_bb2": "adopter",
    "hub_admin": "hub",
    "sekretariat": "hub",
    "mentor": None,
    "admin_bt": None,
    "operator_bb": None,
    "evaluator": None,
    "hub_sumsel": None,
    "mentor_sumsel": None,
}


def _actor(repl, name):
    return getattr(repl, name, None) or getattr(repl.babel, name)


@pytest.mark.parametrize(("source", "target"), sorted(TRANSITIONS))
@pytest.mark.parametrize("actor_name", sorted(ACTORS))
def test_transition_allowed_only_to_the_sides_of_its_rule(repl, source, target, actor_name):
    commitment = at_stage(complete(repl.commitment, repl.babel.admin_bb), source)
    actor = _actor(repl, actor_name)
    rule = TRANSITIONS[(source, target)]
    events_before = CommitmentEvent.objects.filter(commitment=commitment).count()
    allowed = ACTORS[actor_name] in rule.sides
    assert (target in allowed_moves(actor, commitment)) == allowed

    if allowed:
        commitment_transition(
            commitment=commitment, actor=actor, to_state=target, note="Alasan tertulis"
        )
        commitment.refresh_from_db()
        assert commitment.stage == target
        event = CommitmentEvent.objects.filter(commitment=commitment).latest("pk")
        assert (event.from_state, event.to_state, event.actor) == (source, target, actor)
    else:
        with pytest.raises(Refused):
            commitment_transition(
                commitment=commitment, actor=actor, to_state=target, note="Alasan tertulis"
            )
        commitment.refresh_from_db()
        assert commitment.stage == source
        assert CommitmentEvent.objects.filter(commitment=commitment).count() == events_before


@pytest.mark.parametrize(
    "source", [s for s in Stage.values if (s, Stage.DROPPED) not in TRANSITIONS]
)
def test_no_move_out_of_final_or_into_unlisted_stage(repl, source):
    commitment = at_stage(complete(repl.commitment, repl.babel.admin_bb), source)
    with pytest.raises(Refused):
        commitment_transition(
            commitment=commitment, actor=repl.babel.sekretariat, to_state=Stage.DROPPED, note="x"
        )
    assert Commitment.objects.get(pk=commitment.pk).stage == source


def test_commitment_needs_signatory_and_signed_document(repl):
    with pytest.raises(Refused) as refused:
        commitment_transition(
            commitment=repl.commitment, actor=repl.babel.admin_bb, to_state=Stage.KOMITMEN
        )
    assert len(refused.value.messages) == 2
    assert Commitment.objects.get(pk=repl.commitment.pk).stage == Stage.PERSIAPAN


def test_drop_needs_reason_and_keeps_it(repl):
    with pytest.raises(Refused):
        commitment_transition(
            commitment=repl.commitment, actor=repl.babel.admin_bb, to_state=Stage.DROPPED
        )
    commitment_transition(
        commitment=repl.commitment,
        actor=repl.babel.admin_bb,
        to_state=Stage.DROPPED,
        note="Anggaran dialihkan",
    )
    assert Commitment.objects.get(pk=repl.commitment.pk).dropped_reason == "Anggaran dialihkan"


def test_events_are_immutable(repl):
    event = CommitmentEvent.objects.get(commitment=repl.commitment)
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_transition_notifies_after_commit(repl, django_capture_on_commit_callbacks):
    commitment = complete(repl.commitment, repl.babel.admin_bb)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        commitment_transition(
            commitment=commitment, actor=repl.babel.admin_bb, to_state=Stage.KOMITMEN
        )
    recipients = set(
        Notification.objects.filter(subject__startswith="Tahap replikasi").values_list(
            "recipient__username", flat=True
        )
    )
    # The other Admin Lokal of the instansi and the hub admin; not the actor (also the
    # person in charge here), not the mentor nor other instansi.
    assert recipients == {"admin.bb2", "hub.babel"}
    # One notification each, sent after commit; the signed commitment also marks its source
    # as replicated in the public database, whose cache is refreshed after commit too.
    sent = [c for c in callbacks if "notification_create" in c.__qualname__]
    assert len(sent) == 2
    assert len(callbacks) == 3
