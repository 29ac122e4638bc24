"""The catalogue of replicable innovations: every innovation with a published, unrevoked
Top 99 or better result (`kipp.Result.counts`), in any edition."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from kipp.models import Innovation, Result


def counting_results() -> QuerySet[Result]:
    """Results that count: published and not revoked (`Result.counts` as a query)."""
    return Result.objects.filter(published_at__isnull=False, revoked_at__isnull=True)


def catalogue_innovations() -> QuerySet[Innovation]:
    """Innovations that reached Top 99 or better in some edition."""
    return Innovation.objects.filter(
        Exists(counting_results().filter(proposal__innovation=OuterRef("pk")))
    )


# Evidence kinds an adopting region needs, shown (and downloadable) in the catalogue.
ADOPTER_DOCUMENTS = ("service_standard", "maklumat", "replication_letter")


def catalogue_filtered(
    *,
    query: str = "",
    category: str = "",
    sdg: int | None = None,
    province: int | None = None,
    year: int | None = None,
) -> QuerySet[Innovation]:
    """The catalogue narrowed by title words, category name, SDG, province and year (the
    year and category of an edition in which the innovation reached Top 99 or better)."""
    results = counting_results().filter(proposal__innovation=OuterRef("pk"))
    if category:
        results = results.filter(proposal__category__name=category)
    if sdg:
        results = results.filter(proposal__sdgs=sdg)
    if year:
        results = results.filter(proposal__competition__year=year)
    queryset = Innovation.objects.filter(Exists(results))
    if province:
        queryset = queryset.filter(
            Q(unit__instansi__region_id=province) | Q(unit__instansi__region__parent_id=province)
        )
    if query:
        queryset = queryset.filter(title__icontains=query)
    return queryset


def catalogue_page_rows(innovations) -> list[Innovation]:
    """Attach to each innovation of a page its counting results, adopter documents and
    replications (commitments and Replikasi-group proposals), in a fixed number of queries."""
    from kipp.models import Evidence, Proposal

    from ..models import Commitment

    ids = [i.pk for i in innovations]
    results = (
        counting_results()
        .filter(proposal__innovation_id__in=ids)
        .select_related("proposal__competition", "proposal__category")
        .order_by("proposal__competition__year", "level")
    )
    documents = (
        Evidence.objects.filter(
            proposal__innovation_id__in=ids,
            proposal__results__in=counting_results(),
            kind__in=ADOPTER_DOCUMENTS,
        )
        .select_related("proposal")
        .distinct()
        .order_by("kind", "pk")
    )
    commitments = (
        Commitment.objects.filter(source_innovation_id__in=ids)
        .select_related("instansi")
        .order_by("instansi__name")
    )
    proposals = (
        Proposal.objects.filter(source_innovation_id__in=ids, group__kind="replikasi")
        .select_related("instansi", "competition")
        .order_by("instansi__name")
    )
    by_id = {i.pk: i for i in innovations}
    for innovation in innovations:
        innovation.levels, innovation.adopter_documents, innovation.replicated_in = [], [], []
    for result in results:
        by_id[result.proposal.innovation_id].levels.append(result)
    for item in documents:
        by_id[item.proposal.innovation_id].adopter_documents.append(item)
    for commitment in commitments:
        by_id[commitment.source_innovation_id].replicated_in.append(commitment.instansi.name)
    for proposal in proposals:
        by_id[proposal.source_innovation_id].replicated_in.append(proposal.instansi.name)
    for innovation in innovations:
        innovation.replicated_in = sorted(set(innovation.replicated_in))
    return innovations
