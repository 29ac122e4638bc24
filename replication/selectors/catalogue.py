"""The catalogue of replicable innovations: every innovation with a published, unrevoked
Top 99 or better result (`kipp.Result.counts`), in any edition."""

from django.db.models import Exists, OuterRef, QuerySet

from kipp.models import Innovation, Result


def counting_results() -> QuerySet[Result]:
    """Results that count: published and not revoked (`Result.counts` as a query)."""
    return Result.objects.filter(published_at__isnull=False, revoked_at__isnull=True)


def catalogue_innovations() -> QuerySet[Innovation]:
    """Innovations that reached Top 99 or better in some edition."""
    return Innovation.objects.filter(
        Exists(counting_results().filter(proposal__innovation=OuterRef("pk")))
    )
