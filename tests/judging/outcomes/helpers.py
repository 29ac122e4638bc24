"""Rounds, ranking runs and shortlists written straight as rows, for the outcome tests."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from judging.enums import JudgeTeam, RoundKind
from judging.models import RankedProposal, RankingRun, Round, RoundEntry
from kipp.enums import GroupKind
from kipp.enums import ProposalState as S
from kipp.models import Proposal
from tests.kipp import factories as kf

T0 = datetime(2023, 6, 1, 3, tzinfo=UTC)


def round_of(competition, order=1, kind=RoundKind.SCORING, **fields) -> Round:
    now = timezone.now()
    defaults = {
        "name": f"Babak {order}",
        "team": JudgeTeam.PANELIST if kind == RoundKind.PRESENTATION else JudgeTeam.EVALUATOR,
        "opens_at": now - timedelta(days=30),
        "closes_at": now - timedelta(days=1),
    }
    defaults.update(fields)
    return Round.objects.create(competition=competition, order=order, kind=kind, **defaults)


def passed(unit, actor, competition, count, *, prefix="Inovasi", kind=GroupKind.UMUM):
    """`count` proposals of `unit` that passed the administrative selection."""
    made = kf.bulk_proposals(
        unit, actor, competition=competition, count=count, state=S.ADMIN_PASSED, prefix=prefix
    )
    if kind != GroupKind.UMUM:
        Proposal.objects.filter(pk__in=[p.pk for p in made]).update(
            group=competition.groups.get(kind=kind)
        )
    return list(Proposal.objects.filter(pk__in=[p.pk for p in made]).order_by("pk"))


def run_of(round_, scores: dict, *, enter=True) -> RankingRun:
    """A ranking run of `round_` with `scores` {proposal: normalised score}, ranked."""
    run = RankingRun.objects.create(round=round_, normalization="zscore")
    order = sorted(scores.items(), key=lambda item: (-item[1], item[0].pk))
    RankedProposal.objects.bulk_create(
        RankedProposal(
            run=run,
            proposal=proposal,
            n=3,
            raw_mean=score,
            median=score,
            sd=1.0,
            normalized=score,
            rank=rank,
        )
        for rank, (proposal, score) in enumerate(order, start=1)
    )
    if enter:
        RoundEntry.objects.bulk_create(
            [RoundEntry(round=round_, proposal=p) for p in scores], ignore_conflicts=True
        )
    return run


def build_shortlist(babel, scored, size=2, level="top99", round_=None):
    """A shortlist of `size` from the `scored` fixture's run, built by the Sekretariat."""
    from judging.outcomes import shortlists

    return shortlists.shortlist_build(
        round_=round_ or scored["round"],
        run=scored["run"],
        actor=babel.sekretariat,
        level=level,
        rules={"size": size},
    )


def publish(babel, shortlist):
    from judging.outcomes import shortlists

    return shortlists.shortlist_publish(
        shortlist=shortlist, actor=babel.sekretariat, decree_number="B/1/2025", decree_file=None
    )
