"""The round's results as the Sekretariat reads them: the latest ranking run, its rows in
a chosen order, and each judge's sheet totals for the distribution chart."""

from collections import defaultdict

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from ..enums import SheetState
from ..models import RankedProposal, RankingRun, Round, ScoreSheet

# ?urut= values -> the order of the rows (the last key unique).
SORTS = {
    "peringkat": ("rank", "pk"),
    "rata": ("-raw_mean", "rank"),
    "normal": ("-normalized", "rank"),
    "sb": ("-sd", "rank"),
    "selisih": ("-spread", "rank"),
    "n": ("n", "rank"),
    "beda": ("-disagreement", "rank"),
}


def latest_run(round_: Round) -> RankingRun | None:
    return round_.runs.order_by("-created_at", "-pk").first()


def run_page(run: RankingRun, sort: str, number, *, size: int) -> Page:
    """One page of a run's rows in `sort` order. The page's ids are cut from the run's rows
    alone (a sort of a few thousand narrow rows) and only those rows are joined to their
    proposals: joining first made the database join every row of the run before sorting."""
    ids = run.rows.order_by(*SORTS.get(sort, SORTS["peringkat"])).values_list("pk", flat=True)
    page = Paginator(ids, size).get_page(number)
    rows = run_rows(run, sort).in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list]
    return page


def run_rows(run: RankingRun, sort: str) -> QuerySet[RankedProposal]:
    return (
        run.rows.select_related("proposal__instansi")
        .only(
            "pk",
            "run_id",
            "proposal_id",
            "n",
            "raw_mean",
            "median",
            "sd",
            "normalized",
            "rank",
            "disagreement",
            "spread",
            "proposal__title",
            "proposal__instansi__name",
        )
        .order_by(*SORTS.get(sort, SORTS["peringkat"]))
    )


def judge_totals(round_: Round) -> dict[int, list[float]]:
    """judge id -> the totals of its submitted sheets in the round."""
    totals = defaultdict(list)
    rows = ScoreSheet.objects.filter(
        assignment__round=round_, state=SheetState.SUBMITTED, total__isnull=False
    ).values_list("assignment__judge_id", "total")
    for judge_id, total in rows:
        totals[judge_id].append(float(total))
    return dict(totals)
