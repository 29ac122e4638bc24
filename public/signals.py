"""Keeps the public database and its cache in step with the competition (a signal, so
kipp's services need not know the public side exists):

- a proposal's state saved (every `proposal_transition`): its record is rewritten or
  removed, and so are the records of the innovation it replicates ("replicated" flag);
- a result saved (created, published, revoked): its proposal's record is rewritten;
- a competition's administrative results published: its passed proposals enter.

Each change also bumps the cache version (`public.cache.bump`), now and again after
commit, so no reader caches the old answer between the two. Bulk writes (`bulk_create`,
`.update()`) of results arrive through kipp's `results_changed`; other bulk writers call
`public.services.records_refresh`.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from kipp.enums import PASSED_STATES, QUOTA_STATES, ProposalState
from kipp.models import Competition, Proposal, Result
from kipp.services.results import results_changed
from replication.models import Activity, Commitment

from . import cache, services
from .models import InnovationRecord


def _changed(update_fields, *names) -> bool:
    return update_fields is None or bool(set(update_fields) & set(names))


def _bump():
    cache.bump()
    transaction.on_commit(cache.bump)


@receiver(post_save, sender=Proposal, dispatch_uid="public_proposal_saved")
def proposal_saved(sender, instance: Proposal, created, update_fields, raw=False, **kwargs):
    """Only a change the public can see bumps the cache: the thousands of submissions of a
    deadline surge leave the public pages' cache alone."""
    if raw or created or not _changed(update_fields, "state"):
        return
    # A public record exists only from the administrative selection on, so the local moves
    # of a surge (submit, return, withdraw) cost no query here.
    changed = instance.state in PASSED_STATES or (
        instance.state in QUOTA_STATES and _has_record(instance.pk)
    )
    if changed:
        services.records_refresh(proposal_ids=[instance.pk])
    if instance.source_innovation_id and instance.state != ProposalState.SUBMITTED:
        changed = _refresh_source(instance.source_innovation_id) or changed
    if changed:
        _bump()


def _refresh_source(innovation_id: int) -> bool:
    """Refresh the records of a replicated innovation; whether its flag changed."""
    flags = InnovationRecord.objects.filter(innovation_id=innovation_id).values_list(
        "replicated", flat=True
    )
    before = set(flags)
    services.records_refresh_innovations(innovation_ids=[innovation_id])
    return set(flags.all()) != before


def _has_record(proposal_id: int) -> bool:
    return InnovationRecord.objects.filter(pk=proposal_id).exists()


@receiver(post_save, sender=Result, dispatch_uid="public_result_saved")
def result_saved(sender, instance: Result, raw=False, **kwargs):
    if raw:
        return
    services.records_refresh(proposal_ids=[instance.proposal_id])
    _bump()


@receiver(results_changed, dispatch_uid="public_results_changed")
def results_bulk_changed(sender, proposal_ids, **kwargs):
    """Results published or revoked in bulk (a shortlist, an upheld objection)."""
    services.records_refresh(proposal_ids=list(proposal_ids))
    _bump()


@receiver(post_save, sender=Commitment, dispatch_uid="public_commitment_saved")
def commitment_saved(sender, instance: Commitment, update_fields, raw=False, **kwargs):
    """A commitment signed or dropped may change its source's "replicated" flag."""
    if raw or not _changed(update_fields, "stage"):
        return
    _refresh_source(instance.source_innovation_id)
    # The open data's replication progress shows every stage.
    _bump()


@receiver(post_save, sender=Activity, dispatch_uid="public_activity_saved")
def activity_saved(sender, instance: Activity, update_fields, raw=False, **kwargs):
    """An activity done changes the replication progress the open data shows."""
    if raw or not _changed(update_fields, "status"):
        return
    _bump()


@receiver(post_save, sender=Competition, dispatch_uid="public_competition_saved")
def competition_saved(sender, instance: Competition, created, update_fields, raw=False, **kw):
    if raw or created or not _changed(update_fields, "admin_results_published_at", "year"):
        return
    ids = Proposal.objects.filter(competition=instance).values_list("pk", flat=True)
    services.records_refresh(proposal_ids=list(ids))
    _bump()
