"""Reads of shortlists, objections, schedules, field visits, feedback and certificates.

Every protected object comes through a selector scoped to the user; a shortlist is public
only once published, a proposal's scores only once the final results are published.
"""

from collections import Counter

from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from hubs.models import User
from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from kipp.models import Competition, Proposal
from kipp.selectors.proposals import proposals_visible_to

from ..enums import SCORED_KINDS, ObjectionState, SheetState
from ..models import (
    Criterion,
    FieldVerification,
    Objection,
    PresentationSlot,
    Round,
    Score,
    Shortlist,
    ShortlistEntry,
)
from ..selectors.rounds import rounds_managed_by
from ..shortlist import CLUSTER_LABELS, Rules

FINAL_LEVELS = (ResultLevel.TOP45, ResultLevel.OUTSTANDING)


def shortlists_of(round_: Round) -> QuerySet[Shortlist]:
    return round_.shortlists.select_related("run__round", "created_by").annotate(
        chosen=Count("entries", filter=Q(entries__selected=True))
    )


def shortlist_for_organiser(user: User, pk: int) -> Shortlist:
    """The shortlist `pk` if the user organises its competition, else 404."""
    return get_object_or_404(
        Shortlist.objects.filter(round__in=rounds_managed_by(user)).select_related(
            "round__competition", "run__round", "created_by"
        ),
        pk=pk,
    )


def shortlist_entries(shortlist: Shortlist) -> QuerySet[ShortlistEntry]:
    """All candidates of a shortlist, selected first, in rank order, with what the page shows."""
    return (
        shortlist.entries.select_related(
            "proposal__instansi", "proposal__unit", "proposal__category", "overridden_by"
        )
        .only(
            "rank",
            "score",
            "selected",
            "reason",
            "overridden",
            "override_reason",
            "overridden_by__username",
            "overridden_by__name",
            "overridden_by__first_name",
            "overridden_by__last_name",
            "proposal__title",
            "proposal__state",
            "proposal__cluster",
            "proposal__is_3t",
            "proposal__instansi__name",
            "proposal__unit__name",
            "proposal__category__name",
            "shortlist_id",
        )
        .order_by("-selected", "rank", "pk")
    )


def composition_problems(shortlist: Shortlist, entries) -> list[str]:
    """The rules the current selection breaks (after manual changes), as sentences."""
    rules = Rules.from_json(shortlist.rules)
    chosen = [entry.proposal for entry in entries if entry.selected]
    problems = []
    if len(chosen) != rules.size:
        problems.append(f"Jumlah terpilih {len(chosen)}, diminta {rules.size}.")
    clusters = Counter(p.cluster for p in chosen)
    for name, (low, high) in sorted(rules.cluster.items()):
        label = CLUSTER_LABELS[name]
        if low and clusters[name] < low:
            problems.append(f"{label} {clusters[name]}, minimum {low}.")
        if high is not None and clusters[name] > high:
            problems.append(f"{label} {clusters[name]}, maksimum {high}.")
    categories = Counter(p.category.name if p.category_id else "" for p in chosen)
    for name, low in sorted(rules.category_min.items()):
        if categories[name] < low:
            problems.append(f"Kategori {name} {categories[name]}, minimum {low}.")
    if rules.instansi_max is not None:
        per_instansi = Counter(p.instansi.name for p in chosen)
        for name, n in sorted(per_instansi.items()):
            if n > rules.instansi_max:
                problems.append(f"{name} {n}, maksimum {rules.instansi_max} per instansi.")
    if rules.min_3t:
        count = sum(1 for p in chosen if p.is_3t)
        if count < rules.min_3t:
            problems.append(f"3T {count}, minimum {rules.min_3t}.")
    return problems


def shortlist_trail(shortlist: Shortlist, limit: int = 200) -> list[dict]:
    """The shortlist's audit trail, newest first: built and published (its own history),
    every manual change of an entry with its author and reason (two queries)."""
    own = shortlist.history.select_related("history_user").only(
        "history_date", "history_type", "history_change_reason", "published_at", "history_user"
    )
    changes = (
        ShortlistEntry.history.filter(shortlist_id=shortlist.pk, history_type="~")
        .select_related("history_user", "proposal")
        .only(
            "history_date",
            "history_change_reason",
            "selected",
            "history_user",
            "proposal__title",
        )
    )
    trail = [
        {
            "at": row.history_date,
            "who": row.history_user,
            "what": row.history_change_reason or "",
            "title": "",
        }
        for row in own
    ] + [
        {
            "at": row.history_date,
            "who": row.history_user,
            "what": row.history_change_reason or "",
            "title": row.proposal.title,
            "selected": row.selected,
        }
        for row in changes.order_by("-history_date")[:limit]
    ]
    return sorted(trail, key=lambda item: item["at"], reverse=True)[:limit]


def objections_of(shortlist: Shortlist) -> QuerySet[Objection]:
    return shortlist.objections.select_related("proposal", "moderated_by").order_by(
        "state", "-created_at", "-pk"
    )


def received_objections(user: User) -> int:
    """Objections waiting for moderation in the competitions the user organises."""
    return Objection.objects.filter(
        shortlist__round__in=rounds_managed_by(user), state=ObjectionState.RECEIVED
    ).count()


# Public -------------------------------------------------------------------------------------


def published_shortlists() -> QuerySet[Shortlist]:
    return (
        Shortlist.objects.filter(published_at__isnull=False)
        .select_related("round__competition")
        .order_by("-published_at", "-pk")
    )


def published_shortlist(pk: int) -> Shortlist:
    """A published shortlist, else 404 (nothing is public before publication)."""
    return get_object_or_404(published_shortlists(), pk=pk)


def listed_entries(shortlist: Shortlist) -> QuerySet[ShortlistEntry]:
    """The selected proposals of a published shortlist as the public sees them."""
    return (
        shortlist.entries.filter(selected=True)
        .select_related("proposal__instansi", "proposal__unit")
        .only(
            "rank",
            "shortlist_id",
            "proposal__title",
            "proposal__instansi__name",
            "proposal__unit__name",
        )
        .order_by("rank", "pk")
    )


# Presentation and field verification -------------------------------------------------------


def finalists_of(round_: Round) -> QuerySet[Proposal]:
    """Proposals entered in the round, disqualified ones left out, in title order."""
    return (
        Proposal.objects.filter(round_entries__round=round_)
        .exclude(state=S.DISQUALIFIED)
        .select_related("instansi", "unit")
        .only("title", "state", "instansi__name", "unit__name")
        .order_by("title", "pk")
    )


def slots_of(round_: Round) -> QuerySet[PresentationSlot]:
    return round_.slots.select_related("proposal__instansi", "proposal__unit").order_by(
        "starts_at", "pk"
    )


def slots_for_judge(user: User, *, now=None) -> QuerySet[PresentationSlot]:
    """Presentation slots still to come (from today on) in the rounds the user judges."""
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        PresentationSlot.objects.filter(round__judges__user=user, starts_at__gte=today)
        .select_related("round__competition", "proposal__instansi", "proposal__unit")
        .order_by("starts_at", "pk")
    )


def field_round_for(user: User, pk: int) -> Round:
    """A field-verification round the user organises or judges in, else 404."""
    return get_object_or_404(
        Round.objects.filter(Q(pk__in=rounds_managed_by(user)) | Q(judges__user=user))
        .filter(kind="field_verification")
        .select_related("competition")
        .distinct(),
        pk=pk,
    )


def field_visits_of(round_: Round) -> dict[int, FieldVerification]:
    return {visit.proposal_id: visit for visit in round_.field_visits.select_related("recorded_by")}


# Final results: feedback and certificates ----------------------------------------------------


def final_published(competition: Competition) -> bool:
    return Shortlist.objects.filter(
        round__competition=competition, level__in=FINAL_LEVELS, published_at__isnull=False
    ).exists()


def proposal_for_feedback(user: User, pk: int) -> Proposal:
    """A proposal of the user's side (or competition) whose final results are published,
    else 404: nobody on the proposer's side sees a score before then."""
    proposal = get_object_or_404(proposals_visible_to(user), pk=pk)
    if not final_published(proposal.competition):
        raise Http404
    return proposal


def feedback_of(proposal: Proposal) -> list[dict]:
    """Per scored round: each criterion's average over the submitted sheets (no judge named),
    and the number of sheets."""
    rows = (
        Score.objects.filter(
            sheet__assignment__proposal=proposal,
            sheet__state=SheetState.SUBMITTED,
            sheet__assignment__round__kind__in=SCORED_KINDS,
            value__isnull=False,
        )
        .values("criterion_id")
        .annotate(mean=Avg("value"), n=Count("sheet_id", distinct=True))
    )
    means = {row["criterion_id"]: row for row in rows}
    criteria = (
        Criterion.objects.filter(pk__in=means)
        .select_related("round")
        .order_by("round__order", "order", "pk")
    )
    rounds: dict[int, dict] = {}
    for criterion in criteria:
        entry = rounds.setdefault(
            criterion.round_id, {"round": criterion.round, "criteria": [], "sheets": 0}
        )
        row = means[criterion.pk]
        entry["criteria"].append(
            {"name": criterion.name, "weight": criterion.weight, "mean": float(row["mean"])}
        )
        entry["sheets"] = max(entry["sheets"], row["n"])
    return list(rounds.values())


def certificate_proposal(user: User, pk: int) -> Proposal:
    """A winner (Top 45 or Outstanding Achievement) of the user's side or competition, else
    404: only the proposer's side and the organiser may download its certificate."""
    return get_object_or_404(
        proposals_visible_to(user).filter(state__in=[S.WINNER, S.OUTSTANDING]), pk=pk
    )
