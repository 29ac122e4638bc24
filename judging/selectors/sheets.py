"""What a judge may see: only its own assignments, never one it is conflicted on (unless
the Sekretariat overrode the conflict with a reason), never another judge's scores."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from hubs.models import User

from ..enums import SheetState
from ..models import Assignment, Conflict, Round, ScoreSheet


def _visible(user: User) -> Q:
    conflicted = Exists(
        Conflict.objects.filter(proposal_id=OuterRef("proposal_id"), user_id=OuterRef("judge_id"))
    )
    return Q(judge=user) & (~conflicted | ~Q(override_reason=""))


def assignments_of_judge(user: User) -> QuerySet[Assignment]:
    """The user's own assignments it may judge, in every round."""
    return Assignment.objects.filter(_visible(user))


def sheets_of_judge(user: User, round_: Round) -> QuerySet[Assignment]:
    """The judge's assignments in one round with their sheet state and own total, for the
    judge's list (keyset by proposal id; no text columns of the proposal but its title)."""
    return (
        assignments_of_judge(user)
        .filter(round=round_)
        .select_related("sheet", "proposal")
        .only(
            "pk",
            "round_id",
            "judge_id",
            "proposal_id",
            "is_extra",
            "proposal__title",
            "sheet__id",
            "sheet__state",
            "sheet__total",
            "sheet__updated_at",
            "sheet__assignment_id",
        )
    )


def sheet_for_judge(user: User, pk: int) -> ScoreSheet:
    """The sheet `pk` if it belongs to one of the user's visible assignments, else 404."""
    visible = assignments_of_judge(user).values("pk")
    return get_object_or_404(
        ScoreSheet.objects.filter(assignment__in=visible).select_related(
            "assignment__round__competition",
            "assignment__proposal__group",
            "assignment__proposal__category",
            "assignment__proposal__unit",
            "assignment__proposal__instansi",
        ),
        pk=pk,
    )


def next_open_sheet(user: User, sheet: ScoreSheet) -> ScoreSheet | None:
    """The judge's next unfinished sheet in the same round (by proposal id, wrapping)."""
    assignment = sheet.assignment
    open_ = (
        ScoreSheet.objects.filter(
            assignment__in=assignments_of_judge(user)
            .filter(round_id=assignment.round_id)
            .values("pk")
        )
        .exclude(state=SheetState.SUBMITTED)
        .exclude(pk=sheet.pk)
        .order_by("assignment__proposal_id")
    )
    return open_.filter(assignment__proposal_id__gt=assignment.proposal_id).first() or open_.first()


def judge_progress(round_: Round) -> list[dict]:
    """Per judge of the round: assigned, submitted, reopened and draft sheet counts."""
    rows = (
        round_.assignments.values("judge_id", "judge__username", "judge__name")
        .annotate(
            assigned=Count("pk"),
            submitted=Count("pk", filter=Q(sheet__state=SheetState.SUBMITTED)),
            reopened=Count("pk", filter=Q(sheet__state=SheetState.REOPENED)),
        )
        .order_by("judge__username")
    )
    result = []
    for row in rows:
        row["open"] = row["assigned"] - row["submitted"]
        row["percent"] = round(100 * row["submitted"] / row["assigned"]) if row["assigned"] else 0
        result.append(row)
    return result


def round_progress(round_: Round) -> dict:
    """Sheets of the round: assigned and submitted, and the percentage submitted."""
    counts = round_.assignments.aggregate(
        assigned=Count("pk"), submitted=Count("pk", filter=Q(sheet__state=SheetState.SUBMITTED))
    )
    counts["percent"] = (
        round(100 * counts["submitted"] / counts["assigned"]) if counts["assigned"] else 0
    )
    return counts
