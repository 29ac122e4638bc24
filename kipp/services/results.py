"""Writes of the competition's outcomes: recording, publishing and revoking Result rows.

The judging services publish a level when a shortlist is published (Top 99, Top 45,
Outstanding Achievement) and revoke when an upheld objection disqualifies a proposal; the
proposal's final state moves separately, through `workflow.proposal_transition`. Bulk writes
send `results_changed` with the proposals touched, so readers that keep copies (the public
database) refresh without kipp knowing them.
"""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.errors import Refused
from hubs.models import User

from ..enums import PASSED_STATES, ResultLevel
from ..models import Proposal, Result

# Sent with `proposal_ids` after a bulk publish or revoke, inside the transaction.
results_changed = Signal()


@transaction.atomic
def results_publish(*, proposals, level: str, actor: User, now=None) -> int:
    """Publish `level` for each of `proposals` at `now`: one Result row per proposal, made
    if missing, published if still unpublished (a revoked row stays revoked). Returns how
    many rows were created or published. Sends nothing (the state moves notify)."""
    now = now or timezone.now()
    ids = sorted({proposal.pk for proposal in proposals})
    existing = {
        row.proposal_id: row
        for row in Result.objects.select_for_update().filter(proposal_id__in=ids, level=level)
    }
    fresh = [
        Result(proposal_id=pk, level=level, published_at=now, created_at=now, created_by=actor)
        for pk in ids
        if pk not in existing
    ]
    Result.objects.bulk_create(fresh, batch_size=500)
    unpublished = [row.pk for row in existing.values() if row.published_at is None]
    Result.objects.filter(pk__in=unpublished).update(published_at=now)
    if fresh or unpublished:
        results_changed.send(sender=Result, proposal_ids=ids)
    return len(fresh) + len(unpublished)


@transaction.atomic
def results_revoke(*, proposal: Proposal, actor: User, reason: str, now=None) -> int:
    """Revoke every result of `proposal` that still stands, with who, when and why (an upheld
    objection). Refused without a reason. Returns how many rows were revoked."""
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Tuliskan alasan pencabutan."))
    revoked = Result.objects.filter(proposal=proposal, revoked_at__isnull=True).update(
        revoked_at=now or timezone.now(), revoked_by=actor, revoked_reason=reason
    )
    if revoked:
        results_changed.send(sender=Result, proposal_ids=[proposal.pk])
    return revoked


def result_record(
    *, proposal: Proposal, level: str, actor: User | None, published_at=None
) -> Result:
    """Record that `proposal` reached `level`, published at `published_at` (unpublished when
    None); an existing row of that level is returned unchanged. Refused unless the proposal
    passed the administrative selection. Sends nothing (the announcement is the notice)."""
    if level not in ResultLevel.values:
        raise Refused(_("Capaian tidak dikenal."))
    if proposal.state not in PASSED_STATES:
        raise Refused(_("Hanya usulan yang lolos seleksi administrasi yang dapat berprestasi."))
    result, _created = Result.objects.get_or_create(
        proposal=proposal,
        level=level,
        defaults={
            "published_at": published_at,
            "created_at": published_at or timezone.now(),
            "created_by": actor,
        },
    )
    return result
