"""Reads of the public side. Everything here is public by construction: it reads the public
records (`InnovationRecord`) or counted results only, never drafts, rejected proposals,
teams, judges or scores."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from kipp.enums import QUOTA_STATES, EvidenceKind, GroupKind
from kipp.models import Competition, Evidence, Proposal
from kipp.selectors.results import results_counted
from replication.enums import SIGNED_STAGES
from replication.models import Commitment

from .enums import WINNER_STAGES
from .models import InnovationRecord

# Evidence the public may download: documents a service publishes anyway. Decrees naming
# people and the replication letter stay inside the portal.
PUBLIC_EVIDENCE_KINDS = (EvidenceKind.SERVICE_STANDARD, EvidenceKind.MAKLUMAT)
LIST_FIELDS = (
    "innovation_id",
    "competition_id",
    "year",
    "title",
    "title_key",
    "instansi_name",
    "unit_name",
    "province__name",
    "regency__name",
    "cluster",
    "group",
    "category_name",
    "stage",
    "replicated",
)


def replicated_innovation_ids(innovation_ids: Iterable[int]) -> set[int]:
    """Which of these innovations have been replicated: a Replikasi proposal that names it
    as its source went past its own instansi (forwarded or later), or an instansi signed a
    replication commitment to it (komitmen or a later stage, not dropped).

    The one place that decides "replicated"; `public.signals` refreshes the records when a
    proposal or a commitment changes."""
    ids = set(innovation_ids)
    if not ids:
        return set()
    proposals = Proposal.objects.filter(
        source_innovation_id__in=ids,
        group__kind=GroupKind.REPLIKASI,
        state__in=QUOTA_STATES,
    ).values_list("source_innovation_id", flat=True)
    commitments = Commitment.objects.filter(
        source_innovation_id__in=ids, stage__in=SIGNED_STAGES
    ).values_list("source_innovation_id", flat=True)
    return set(proposals) | set(commitments)


def records() -> QuerySet[InnovationRecord]:
    """Every public record, with what a list row shows and nothing heavier."""
    return InnovationRecord.objects.select_related("province", "regency").only(
        "proposal_id", *LIST_FIELDS
    )


def winner_records() -> QuerySet[InnovationRecord]:
    return records().filter(stage__in=WINNER_STAGES)


def competition_results(competition: Competition) -> dict[str, list]:
    """The counted results of a competition by level, each with its public record."""
    rows = (
        results_counted()
        .filter(proposal__competition=competition, proposal__public_record__isnull=False)
        .select_related("proposal__public_record__province", "proposal__public_record__regency")
        .only(
            "level",
            "proposal_id",
            "proposal__public_record__innovation_id",
            "proposal__public_record__competition_id",
            "proposal__public_record__year",
            "proposal__public_record__replicated",
            "proposal__public_record__stage",
            "proposal__public_record__title",
            "proposal__public_record__instansi_name",
            "proposal__public_record__unit_name",
            "proposal__public_record__province__name",
            "proposal__public_record__regency__name",
            "proposal__public_record__category_name",
            "proposal__public_record__group",
            "proposal__public_record__cluster",
        )
        .order_by("level", "proposal__public_record__title_key", "proposal_id")
    )
    by_level: dict[str, list] = {}
    for result in rows:
        by_level.setdefault(result.level, []).append(result.proposal.public_record)
    return by_level


def innovation_records(innovation_id: int) -> list[InnovationRecord]:
    """The innovation's public history across competitions, latest first (404 when empty)."""
    return list(
        InnovationRecord.objects.filter(innovation_id=innovation_id)
        .select_related("province", "regency", "competition")
        .prefetch_related(
            "sdgs",
            Prefetch("proposal", queryset=Proposal.objects.only("pk")),
            Prefetch(
                "proposal__evidence",
                queryset=Evidence.objects.filter(kind__in=PUBLIC_EVIDENCE_KINDS).only(
                    "pk", "proposal_id", "kind", "original_name", "size"
                ),
                to_attr="public_evidence",
            ),
        )
        .defer("search")
        .order_by("-year", "proposal_id")
    )


def lineage(innovation_id: int) -> dict[str, list]:
    """Innovations this one replicated (from) and public replications of it (to)."""
    sources = (
        InnovationRecord.objects.filter(
            innovation__replications__innovation_id=innovation_id,
        )
        .values("innovation_id", "title", "instansi_name")
        .distinct()
    )
    copies = (
        InnovationRecord.objects.filter(
            proposal__source_innovation_id=innovation_id,
        )
        .values("innovation_id", "title", "instansi_name")
        .distinct()
    )
    return {"from": list(sources), "to": list(copies)}


def public_evidence(evidence_id: int) -> Evidence | None:
    """A downloadable document: a public kind, of a proposal with a public record."""
    return (
        Evidence.objects.filter(
            pk=evidence_id,
            kind__in=PUBLIC_EVIDENCE_KINDS,
            proposal__public_record__isnull=False,
        )
        .only("file", "original_name", "content_type")
        .first()
    )


def public_competitions() -> QuerySet[Competition]:
    """Competitions with at least one public record, latest first."""
    return (
        Competition.objects.filter(public_records__isnull=False)
        .distinct()
        .order_by("-year", "name")
    )


def public_evidence_of(proposal_id: int) -> QuerySet[Evidence]:
    return Evidence.objects.filter(proposal_id=proposal_id, kind__in=PUBLIC_EVIDENCE_KINDS).only(
        "pk", "proposal_id", "kind", "original_name", "size"
    )
