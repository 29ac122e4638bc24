"""The judge's list and the results page run the same number of queries for 1 and for
many rows (pretalx's N+1 policy)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from judging.enums import SheetState
from judging.models import Assignment, RankedProposal, RankingRun, RoundEntry, ScoreSheet
from kipp.enums import ProposalState as S
from tests.kipp import factories as kf


def _fill(scoring, count: int):
    """`count` admin_passed proposals in the round, each judged by evaluator and evaluator2
    (submitted sheets), and a ranking run over them."""
    proposals = kf.bulk_proposals(
        scoring.babel.kominfo,
        scoring.babel.operator_bb,
        competition=scoring.competition,
        count=count,
        state=S.ADMIN_PASSED,
    )
    round_ = scoring.round
    RoundEntry.objects.bulk_create(RoundEntry(round=round_, proposal=p) for p in proposals)
    now = timezone.now()
    assignments = Assignment.objects.bulk_create(
        Assignment(round=round_, proposal=p, judge=j)
        for p in proposals
        for j in (scoring.evaluator, scoring.evaluator2)
    )
    ScoreSheet.objects.bulk_create(
        ScoreSheet(
            assignment=a,
            state=SheetState.SUBMITTED,
            total=Decimal(50 + (a.pk % 40)),
            submitted_at=now,
        )
        for a in assignments
    )
    run = RankingRun.objects.create(
        round=round_,
        normalization="zscore",
        alpha=0.5,
        alpha_by_criterion={"Kebaruan": 0.4},
        icc={"ICC1": 0.5, "ICC2": 0.5, "ICC3": 0.6},
        judges={
            str(scoring.evaluator.pk): {"n": count, "mean": 60, "severity": 1, "fallback": False},
            str(scoring.evaluator2.pk): {"n": count, "mean": 58, "severity": -1, "fallback": False},
        },
    )
    RankedProposal.objects.bulk_create(
        RankedProposal(
            run=run,
            proposal=p,
            n=2,
            raw_mean=60,
            median=60,
            sd=1,
            normalized=60,
            rank=i + 1,
            disagreement=i == 0,
            spread=30 if i == 0 else 1,
        )
        for i, p in enumerate(proposals)
    )


@pytest.mark.parametrize("count", [1, 30])
def test_judge_list_queries(client, scoring, count, django_assert_num_queries):
    _fill(scoring, count)
    client.force_login(scoring.evaluator)
    url = reverse("judging_round_sheets", args=[scoring.round.pk])

    with django_assert_num_queries(6):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count('href="/penilaian/lembar/') == count


@pytest.mark.parametrize("count", [1, 30])
def test_results_page_queries(client, scoring, count, django_assert_num_queries):
    _fill(scoring, count)
    client.force_login(scoring.sekretariat)
    url = reverse("judging_results", args=[scoring.round.pk])

    # The page's ids are read from the run's rows alone, then those rows with their proposals.
    with django_assert_num_queries(12):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count("<circle ") == 2 * count


def test_results_pages_keep_the_chosen_order(client, scoring):
    # 60 rows, 50 a page: rank order over two pages; by spread, the widest (rank 1) first.
    _fill(scoring, 60)
    client.force_login(scoring.sekretariat)
    url = reverse("judging_results", args=[scoring.round.pk])
    ids = dict(
        RankedProposal.objects.filter(run__round=scoring.round).values_list("rank", "proposal_id")
    )

    def shown(query: str) -> list[int]:
        html = client.get(url + query).content.decode()
        return sorted(
            (pk for pk in ids.values() if f"#{pk} " in html), key=lambda pk: html.index(f"#{pk} ")
        )

    first, second = shown(""), shown("?halaman=2")
    assert first == [ids[rank] for rank in range(1, 51)]
    assert second == [ids[rank] for rank in range(51, 61)]
    by_spread = client.get(url + "?urut=selisih").content.decode()
    assert by_spread.index(f"#{ids[1]} ") < by_spread.index(f"#{ids[2]} ")
