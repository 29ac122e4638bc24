"""Writes of the competition's outcomes: publishing a level as a Result row, revoking it.

The judging services call these when a shortlist is published (Top 99, Top 45,
Outstanding Achievement) and when an upheld objection disqualifies a proposal; the
proposal's final state moves separately, through `workflow.proposal_transition`.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User

from ..errors import Refused
from ..models import Proposal, Result


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
    return len(fresh) + len(unpublished)


@transaction.atomic
def results_revoke(*, proposal: Proposal, actor: User, reason: str, now=None) -> int:
    """Revoke every result of `proposal` that still stands, with who, when and why (an upheld
    objection). Refused without a reason. Returns how many rows were revoked."""
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Tuliskan alasan pencabutan."))
    return Result.objects.filter(proposal=proposal, revoked_at__isnull=True).update(
        revoked_at=now or timezone.now(), revoked_by=actor, revoked_reason=reason
    )
