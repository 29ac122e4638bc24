"""Reads of the administrative selection: the organiser's list with its counts, and the
proposals announced as passed.

Every proposal is reached through `proposals_visible_to`; the list sorts on the stored
`forwarded_at` (indexed with competition and state) and pages by keyset, never by OFFSET.
The counts per state are one aggregate over that index, kept in the cache per competition
until a transition of the competition changes them (`selection_changed`).
"""

import time

from django.core.cache import cache
from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When

from hubs.enums import CLUSTER_OF_KIND
from hubs.models import Region, User

from ..enums import PASSED_STATES, QUOTA_STATES, SELECTION_STATES
from ..enums import ProposalState as S
from ..models import Competition, Proposal, ProposalEvent
from .proposals import proposals_visible_to

# Counts are recomputed at least this often, whatever changed them (seconds).
COUNTS_TIMEOUT = 600


def proposals_in_selection(*, user: User, competition: Competition) -> QuerySet[Proposal]:
    """Forwarded-and-later proposals of one competition that `user` may see as its organiser,
    without the proposal text (`sections`, `team`), which no list shows."""
    return (
        proposals_visible_to(user)
        .filter(competition=competition, state__in=QUOTA_STATES)
        .select_related("instansi__region__parent")
        .defer("sections", "team")
    )


def selection_page(queryset: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """`queryset` shaped for one page of the list: the instansi and unit joined, the small
    lookup tables (region, group) read once for the page instead of joined, so the page's
    query stays cheap to plan. The categories come from the filters, which read them anyway
    (`AdminSelectionFilter.categories`)."""
    return (
        queryset.select_related(None)
        .select_related("instansi", "unit")
        .prefetch_related(
            Prefetch("instansi__region", queryset=Region.objects.select_related("parent")),
            "group",
        )
    )


def failed_notes(proposals) -> dict[int, str]:
    """The reason of the last administrative fail of each of `proposals` (one query)."""
    ids = [proposal.pk for proposal in proposals]
    if not ids:
        return {}
    rows = (
        ProposalEvent.objects.filter(proposal_id__in=ids, to_state=S.ADMIN_FAILED)
        .order_by("proposal_id", "created_at", "pk")
        .values_list("proposal_id", "note")
    )
    return dict(rows)


def selection_counts(queryset: QuerySet[Proposal]) -> dict[str, int]:
    """Proposals per selection state and in total, and how many have no forwarding time
    (rows older than that column, which the list then pages separately), in one aggregate.
    Passed counts every proposal that passed, whatever its final outcome since."""
    return queryset.order_by().aggregate(
        total=Count("pk"),
        undated=Count("pk", filter=Q(forwarded_at__isnull=True)),
        **{state: Count("pk", filter=in_selection_state(state)) for state in SELECTION_STATES},
    )


def in_selection_state(state: str) -> Q:
    """Proposals under one tab of the selection: passed includes the final outcomes."""
    if state == S.ADMIN_PASSED:
        return Q(state__in=PASSED_STATES)
    return Q(state=state)


def _counts_key(competition: Competition) -> str:
    # The creation time tells a competition from an earlier one that had the same id.
    stamp = competition.created_at.timestamp() if competition.created_at else 0
    return f"kipp:selection-counts:{competition.pk}:{stamp}"


def selection_counts_of(competition: Competition, queryset: QuerySet[Proposal]) -> dict[str, int]:
    """`selection_counts(queryset)` of the competition's whole selection, from the cache
    while no transition of the competition has changed them."""
    key = _counts_key(competition)
    # A new generation (also when the cache lost it) names counts never stored before.
    generation = cache.get_or_set(f"{key}:generation", time.time_ns, timeout=None)
    counts = cache.get(f"{key}:{generation}")
    if counts is None:
        counts = selection_counts(queryset)
        cache.set(f"{key}:{generation}", counts, COUNTS_TIMEOUT)
    return counts


def selection_changed(competition: Competition) -> None:
    """Forget the competition's cached counts (after a transition has committed)."""
    cache.set(f"{_counts_key(competition)}:generation", time.time_ns(), timeout=None)


def shown_cluster():
    """The cluster a proposal is announced under: the one stored when it was forwarded, or
    for a proposal without one, its instansi's (an expression to annotate with)."""
    return Case(
        *(
            When(cluster="", instansi__kind=kind, then=Value(cluster))
            for kind, cluster in CLUSTER_OF_KIND.items()
        ),
        default=F("cluster"),
    )


def in_cluster(cluster: str) -> Q:
    """Proposals announced under `cluster` (see `shown_cluster`), as a condition the
    planner can estimate."""
    kinds = [kind for kind, of in CLUSTER_OF_KIND.items() if of == cluster]
    return Q(cluster=cluster) | Q(cluster="", instansi__kind__in=kinds)


def announced_passed(competition: Competition) -> QuerySet[Proposal]:
    """Proposals that passed the administrative selection before its publication.

    Publishing is refused while any proposal is still forwarded, so a proposal forwarded by
    then was decided by then: the passed ones forwarded before the publication (or before
    forwarding times were stored) are exactly those announced.
    """
    published = competition.admin_results_published_at
    return Proposal.objects.filter(
        Q(forwarded_at__lte=published) | Q(forwarded_at__isnull=True),
        competition=competition,
        state__in=PASSED_STATES,
    )
