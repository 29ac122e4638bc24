"""Reads of the competition's outcomes: what an innovation reached in earlier competitions.

Only published, non-revoked `Result` rows count: a result that was never announced, or was
revoked after an upheld objection or a disqualification, closes nothing and opens nothing.
"""

from django.db.models import Count, Q, QuerySet

from ..enums import TOP45_LEVELS, ResultLevel
from ..models import Innovation, Proposal, Result


def results_counted() -> QuerySet[Result]:
    """Results that count: published and not revoked."""
    return Result.objects.filter(published_at__isnull=False, revoked_at__isnull=True)


def innovation_record(innovation: Innovation, *, before_year: int) -> dict[str, int]:
    """In how many competitions before `before_year` the innovation reached Top 99 and Top 45
    (an Outstanding Achievement counts as Top 45). One query."""
    return (
        results_counted()
        .filter(proposal__innovation=innovation, proposal__competition__year__lt=before_year)
        .aggregate(
            top99=Count("proposal__competition", filter=Q(level=ResultLevel.TOP99), distinct=True),
            top45=Count("proposal__competition", filter=Q(level__in=TOP45_LEVELS), distinct=True),
        )
    )


def replication_sources(proposal: Proposal) -> QuerySet[Innovation]:
    """Innovations a Replikasi proposal may link: those with a counted result in a
    competition before the proposal's, other than its own innovation."""
    reached = (
        results_counted()
        .filter(proposal__competition__year__lt=proposal.competition.year)
        .values("proposal__innovation_id")
    )
    return (
        Innovation.objects.filter(pk__in=reached)
        .exclude(pk=proposal.innovation_id)
        .select_related("unit__instansi")
        .order_by("title", "pk")
    )
