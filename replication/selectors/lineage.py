"""Lineage: where an innovation was replicated (commitments and Replikasi-group proposals,
both pointing at it as their source)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from kipp.enums import GroupKind
from kipp.models import Proposal

from ..models import Commitment


@dataclass(frozen=True)
class Replication:
    instansi: str
    label: str
    stage: str


def replications_of(innovation_id: int) -> list[Replication]:
    """Every replication of the innovation, public facts only (2 queries)."""
    commitments = (
        Commitment.objects.filter(source_innovation_id=innovation_id)
        .select_related("instansi", "programme")
        .order_by("instansi__name", "pk")
    )
    proposals = (
        Proposal.objects.filter(source_innovation_id=innovation_id, group__kind=GroupKind.REPLIKASI)
        .select_related("instansi", "competition")
        .order_by("instansi__name", "pk")
    )
    rows = [
        Replication(c.instansi.name, c.programme.name, c.get_stage_display()) for c in commitments
    ]
    rows += [
        Replication(
            p.instansi.name, _("Usulan kelompok Replikasi, %(c)s") % {"c": p.competition.name}, ""
        )
        for p in proposals
    ]
    return rows
