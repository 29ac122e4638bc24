"""Reads of the administrative selection: the organiser's list with its counts, and the
proposals announced as passed.

Every proposal is reached through `proposals_visible_to`; the list sorts on the stored
`forwarded_at` (indexed with competition and state), never on a subquery.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from hubs.models import User

from ..enums import QUOTA_STATES, SELECTION_STATES
from ..enums import ProposalState as S
from ..models import Competition, Proposal, ProposalEvent
from .proposals import proposals_visible_to


def _last_event(to_state: str, column: str):
    return Subquery(
        ProposalEvent.objects.filter(proposal=OuterRef("pk"), to_state=to_state)
        .order_by("-created_at", "-pk")
        .values(column)[:1]
    )


def proposals_in_selection(*, user: User, competition: Competition) -> QuerySet[Proposal]:
    """Forwarded-and-later proposals of one competition that `user` may see as its organiser.

    Each row carries `failed_note` (the reason of an administrative fail), so lists and
    exports need no query per row; `forwarded_at` is a column of the proposal.
    """
    return (
        proposals_visible_to(user)
        .filter(competition=competition, state__in=QUOTA_STATES)
        .select_related("instansi__region__parent")
        .annotate(failed_note=_last_event(S.ADMIN_FAILED, "note"))
    )


def selection_counts(queryset: QuerySet[Proposal]) -> dict[str, int]:
    """Proposals per selection state and in total, in one aggregate query."""
    return queryset.order_by().aggregate(
        total=Count("pk"),
        **{state: Count("pk", filter=Q(state=state)) for state in SELECTION_STATES},
    )


def announced_passed(competition: Competition) -> QuerySet[Proposal]:
    """Proposals that passed the administrative selection before its publication."""
    passed = ProposalEvent.objects.filter(
        proposal=OuterRef("pk"),
        to_state=S.ADMIN_PASSED,
        created_at__lte=competition.admin_results_published_at,
    )
    return (
        Proposal.objects.filter(competition=competition)
        .filter(Exists(passed))
        .select_related("instansi")
        .order_by("instansi__name", "title", "pk")
    )
