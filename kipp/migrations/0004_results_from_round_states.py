"""Proposals in the retired round states become `admin_passed`, their outcomes `Result` rows.

The levels come from the proposal's timeline, with its current state as a fallback where the
timeline lacks the step:
- finalist, presented, field_verified -> top99 (these followed the Top 99 in the old order);
- winner -> top99 and top45 (the Top 45 was chosen from the Top 99);
- outstanding -> outstanding (the Khusus award, not drawn from the Top 99);
- nominated, not_nominated, not_selected -> nothing beyond what the timeline reached.
Each level is published when its state was reached: the old rules counted a state from that
moment, so eligibility reads the same before and after. A disqualified proposal keeps its
levels, revoked at the disqualification, by its actor, with its note as the reason.
Timelines stay as written (events are immutable).

Reversed, each such proposal gets back the last round state of its timeline (or, for results
recorded since, the state that stood for its highest result) and the results are deleted.
"""

from django.db import migrations
from django.db.models import Prefetch

RETIRED = [
    "nominated",
    "not_nominated",
    "finalist",
    "presented",
    "field_verified",
    "winner",
    "outstanding",
    "not_selected",
    "disqualified",
]
LEVELS_OF_STATE = {
    "finalist": ["top99"],
    "presented": ["top99"],
    "field_verified": ["top99"],
    "winner": ["top99", "top45"],
    "outstanding": ["outstanding"],
}
DISQUALIFIED = "disqualified"


def _results(Result, proposal):
    reached, revocation = {}, None
    for event in proposal.events.all():  # prefetched in timeline order
        for level in LEVELS_OF_STATE.get(event.to_state, ()):
            reached.setdefault(level, (event.created_at, event.actor_id))
        if event.to_state == DISQUALIFIED and revocation is None:
            revocation = (event.created_at, event.actor_id, event.note.strip())
    for level in LEVELS_OF_STATE.get(proposal.state, ()):
        reached.setdefault(level, (proposal.updated_at, None))
    if proposal.state == DISQUALIFIED and revocation is None:
        revocation = (proposal.updated_at, None, "")
    revoked_at, revoked_by, reason = revocation or (None, None, "")
    return [
        Result(
            proposal_id=proposal.pk,
            level=level,
            published_at=at,
            created_at=at,
            created_by_id=actor_id,
            revoked_at=revoked_at,
            revoked_by_id=revoked_by,
            revoked_reason=(reason or "Didiskualifikasi.") if revocation else "",
        )
        for level, (at, actor_id) in reached.items()
    ]


def forwards(apps, schema_editor):
    Proposal = apps.get_model("kipp", "Proposal")
    ProposalEvent = apps.get_model("kipp", "ProposalEvent")
    Result = apps.get_model("kipp", "Result")
    retired = Proposal.objects.filter(state__in=RETIRED)
    events = ProposalEvent.objects.order_by("created_at", "pk")
    rows = []
    for proposal in retired.prefetch_related(Prefetch("events", queryset=events)).iterator(
        chunk_size=500
    ):
        rows.extend(_results(Result, proposal))
    Result.objects.bulk_create(rows, batch_size=500)
    retired.update(state="admin_passed")


def _state_of(results) -> str | None:
    """The old state that stood for these results: disqualified if revoked, else the highest."""
    if any(result.revoked_at for result in results):
        return DISQUALIFIED
    levels = {result.level for result in results}
    for level, state in (
        ("outstanding", "outstanding"),
        ("top45", "winner"),
        ("top99", "finalist"),
    ):
        if level in levels:
            return state
    return None


def backwards(apps, schema_editor):
    Proposal = apps.get_model("kipp", "Proposal")
    ProposalEvent = apps.get_model("kipp", "ProposalEvent")
    Result = apps.get_model("kipp", "Result")
    passed = Proposal.objects.filter(state="admin_passed").prefetch_related("results")
    for proposal in passed.iterator(chunk_size=500):
        last = (
            ProposalEvent.objects.filter(proposal=proposal)
            .order_by("-created_at", "-pk")
            .values_list("to_state", flat=True)
            .first()
        )
        state = last if last in RETIRED else _state_of(proposal.results.all())
        if state:
            Proposal.objects.filter(pk=proposal.pk).update(state=state)
    Result.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("kipp", "0003_result")]

    operations = [migrations.RunPython(forwards, backwards)]
