"""A round's results: weighted sheet totals aggregated per proposal, normalised, ranked,
with the reliability of the panel (Krippendorff's alpha, ICCs) and each judge's severity.

The maths is `judging.stats` (the same code as the `analyze_scores` command); here it is
fed from the submitted sheets of one round and its answer stored as a `RankingRun` with
one `RankedProposal` per proposal. Sheets of other rounds never enter.
"""

from collections import defaultdict
from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _

from hubs.models import User
from kipp.errors import Refused

from .. import stats
from ..charts import distribution_summary
from ..enums import SheetState
from ..models import Job, RankedProposal, RankingRun, Round, Score, ScoreSheet

Progress = Callable[[int, str], None]


def _quiet(percent: int, message: str) -> None:
    return None


def submitted_totals(round_: Round) -> list[tuple[int, int, float]]:
    """(proposal, judge, weighted 0-100 total) of every submitted sheet of the round."""
    return [
        (p, j, float(t))
        for p, j, t in ScoreSheet.objects.filter(
            assignment__round=round_, state=SheetState.SUBMITTED, total__isnull=False
        )
        .order_by("assignment__proposal_id", "assignment__judge_id")
        .values_list("assignment__proposal_id", "assignment__judge_id", "total")
    ]


def _criterion_scores(round_: Round):
    """criterion id -> proposal id -> {judge id: value} over the submitted sheets."""
    by_criterion = defaultdict(lambda: defaultdict(dict))
    rows = (
        Score.objects.filter(
            sheet__assignment__round=round_,
            sheet__state=SheetState.SUBMITTED,
            value__isnull=False,
        )
        .order_by()
        .values_list(
            "criterion_id", "sheet__assignment__proposal_id", "sheet__assignment__judge_id", "value"
        )
    )
    # Fetched at once, not through a server-side cursor: PostgreSQL plans a cursor for its
    # first rows (a nested loop here), which took seconds for a round's 50,000 scores.
    for criterion_id, proposal_id, judge_id, value in rows:
        by_criterion[criterion_id][proposal_id][judge_id] = float(value)
    return by_criterion


def _tiebreak(round_: Round, by_criterion, proposal_ids) -> dict[int, tuple]:
    """Per proposal, the keys after the normalised score and the raw mean (SPEC 3.4): the
    mean on the highest-weighted criterion (higher first), then the earlier forwarding
    time, then the id."""
    top = round_.criteria.order_by("-weight", "order", "pk").first()
    top_scores = by_criterion.get(top.pk, {}) if top else {}
    forwarded = dict(
        round_.entries.filter(proposal_id__in=proposal_ids).values_list(
            "proposal_id", "proposal__forwarded_at"
        )
    )
    keys = {}
    for pk in proposal_ids:
        values = list(top_scores.get(pk, {}).values())
        when = forwarded.get(pk)
        keys[pk] = (
            -(sum(values) / len(values)) if values else 0.0,
            when.timestamp() if when else float("inf"),
            pk,
        )
    return keys


@transaction.atomic
def results_compute(
    *, round_: Round, actor: User | None, job: Job | None = None, progress: Progress = _quiet
) -> RankingRun:
    """Compute the round's results from its submitted sheets and store them as a new
    RankingRun (earlier runs stay for the record). Refused when nothing was submitted.
    Sends nothing."""
    progress(5, _("Membaca lembar nilai"))
    rows = submitted_totals(round_)
    if not rows:
        raise Refused(_("Belum ada lembar nilai yang dikirim di babak ini."))
    by_criterion = _criterion_scores(round_)
    proposal_ids = sorted({p for p, _j, _s in rows})
    progress(30, _("Menghitung peringkat dan reliabilitas"))
    analysis = stats.analyze(
        rows,
        normalize=round_.normalization,
        disagreement_threshold=float(round_.disagreement_threshold),
        tiebreak=_tiebreak(round_, by_criterion, proposal_ids),
    )
    progress(60, _("Menghitung alfa per kriteria"))
    alpha_by_criterion = {}
    names = dict(round_.criteria.values_list("pk", "name"))
    for criterion_id, per_proposal in by_criterion.items():
        value = stats.krippendorff_alpha_interval(per_proposal)
        alpha_by_criterion[names.get(criterion_id, str(criterion_id))] = _finite(value)
    progress(80, _("Menyimpan hasil"))
    totals_by_judge = defaultdict(list)
    for _proposal, judge, total in rows:
        totals_by_judge[judge].append(float(total))
    run = RankingRun.objects.create(
        round=round_,
        job=job,
        created_by=actor,
        normalization=round_.normalization,
        alpha=_finite(analysis.krippendorff_alpha),
        alpha_by_criterion=alpha_by_criterion,
        icc=None if analysis.icc is None else {k: _finite(v) for k, v in analysis.icc.items()},
        judges={
            str(j.judge): {
                "n": j.n,
                "mean": round(j.mean, 4),
                "severity": None if j.severity is None else round(j.severity, 4),
                "fallback": j.fallback,
                "box": distribution_summary(totals_by_judge[j.judge]),
            }
            for j in analysis.judges.values()
        },
    )
    RankedProposal.objects.bulk_create(
        (
            RankedProposal(
                run=run,
                proposal_id=item.proposal,
                n=item.n,
                raw_mean=item.raw_mean,
                median=item.median,
                sd=item.sd,
                normalized=item.normalized,
                rank=item.rank,
                disagreement=item.disagreement,
                spread=item.max - item.min,
            )
            for item in analysis.proposals
        ),
        batch_size=5000,
    )
    return run


def _finite(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if value == value and abs(value) != float("inf") else None
