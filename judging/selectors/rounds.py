"""Rounds the user organises or judges in, and who may judge a round."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from hubs.models import User
from kipp.models import Competition
from kipp.selectors.proposals import competitions_managed_by

from ..enums import ROLE_OF_TEAM
from ..models import Assignment, Round


def competition_for_organiser(user: User, pk: int) -> Competition:
    """The competition `pk` if the user organises it, else 404."""
    return get_object_or_404(competitions_managed_by(user), pk=pk)


def rounds_managed_by(user: User) -> QuerySet[Round]:
    """Rounds of the competitions the user organises."""
    return Round.objects.filter(competition__in=competitions_managed_by(user)).select_related(
        "competition"
    )


def round_for_organiser(user: User, pk: int) -> Round:
    """The round `pk` if the user organises its competition, else 404."""
    return get_object_or_404(rounds_managed_by(user), pk=pk)


def rounds_of_competition(competition: Competition) -> QuerySet[Round]:
    return competition.rounds.annotate(
        entry_count=Count("entries", distinct=True),
        judge_count=Count("judges", distinct=True),
    ).order_by("order")


def eligible_judges(round_: Round) -> QuerySet[User]:
    """Active users holding the round team's role for the competition's organiser (the
    national organiser when the competition has no hub, else exactly that hub)."""
    role = ROLE_OF_TEAM[round_.team]
    hub_id = round_.competition.organiser_hub_id
    scope = Q(memberships__hub__isnull=True) if hub_id is None else Q(memberships__hub_id=hub_id)
    return (
        User.objects.filter(Q(memberships__role=role) & scope, is_active=True)
        .distinct()
        .order_by("username")
    )


def _count(assignments) -> Coalesce:
    counted = assignments.values("round").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def rounds_judged_by(user: User) -> QuerySet[Round]:
    """Rounds in which the user is a judge, with how many sheets it has and has submitted.

    The counts are subqueries on the (round, judge) index: joining the round's assignments
    and filtering the aggregate would read every judge's sheets (10,500 in a national
    round) to count one judge's."""
    own = Assignment.objects.filter(round=OuterRef("pk"), judge=user).order_by()
    return (
        Round.objects.filter(judges__user=user)
        .select_related("competition")
        .annotate(
            sheet_count=_count(own),
            submitted_count=_count(own.filter(sheet__state="submitted")),
        )
        .order_by("-opens_at", "pk")
    )
