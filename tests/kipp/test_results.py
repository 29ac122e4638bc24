"""Outcomes of the rounds as Result rows: only published, non-revoked results count, for the
Umum exclusion, for Replikasi sources, and in the record a selector gives eligibility."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from kipp.eligibility import submission_problems
from kipp.enums import CLOSED_LOCAL_STATES, QUOTA_STATES, GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.models import Proposal, Result
from kipp.selectors.results import innovation_record, replication_sources
from tests.kipp import factories as kf

TOP45_REFUSAL = "Inovasi ini sudah pernah masuk Top 45; tidak dapat diajukan di kelompok Umum."
TWICE_TOP99_REFUSAL = (
    "Inovasi ini sudah dua kali masuk Top 99; tidak dapat diajukan di kelompok Umum."
)
SOURCE_REFUSAL = "Inovasi asal harus inovasi yang pernah masuk Top 99 atau Top 45 KIPP."


def _competition_of(year: int):
    closes = datetime(year, 4, 16, 5, 0, tzinfo=UTC)
    return kf.competition(
        name=f"KIPP {year}",
        year=year,
        opens=closes - timedelta(days=60),
        closes=closes,
        verification_closes=closes + timedelta(days=7),
    )


@pytest.fixture
def competitions_by_year(db):
    return {year: _competition_of(year) for year in (2021, 2023, 2025)}


def _earlier(babel, competition, title, results=()) -> Proposal:
    return kf.history(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        title=title,
        reached=kf.PASSED,
        results=results,
    )


def _again(babel, competition, earlier: Proposal, *, kind=GroupKind.UMUM) -> Proposal:
    """The same innovation entered into `competition`, complete."""
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        title=f"{earlier.title} lagi",
        kind=kind,
        complete=False,
    )
    proposal.innovation = earlier.innovation
    proposal.save()
    return kf.fill(proposal, babel.operator_bb)


def _move_to(earlier: Proposal, innovation) -> None:
    Proposal.objects.filter(pk=earlier.pk).update(innovation=innovation)


def test_states_end_at_the_final_outcome():
    assert S.values == [
        "draft",
        "submitted",
        "returned",
        "forwarded",
        "rejected_locally",
        "withdrawn",
        "admin_passed",
        "admin_failed",
        "winner",
        "outstanding",
        "not_selected",
        "disqualified",
    ]
    assert {
        S.FORWARDED,
        S.ADMIN_PASSED,
        S.ADMIN_FAILED,
        S.WINNER,
        S.OUTSTANDING,
        S.NOT_SELECTED,
        S.DISQUALIFIED,
    } == QUOTA_STATES
    assert QUOTA_STATES | {S.REJECTED_LOCALLY, S.WITHDRAWN} == CLOSED_LOCAL_STATES
    assert ResultLevel.values == ["top99", "top45", "outstanding"]


def test_published_top_45_closes_umum(babel, competitions_by_year):
    earlier = _earlier(
        babel, competitions_by_year[2023], "Si Pentol", [ResultLevel.TOP99, ResultLevel.TOP45]
    )

    assert submission_problems(_again(babel, competitions_by_year[2025], earlier)) == [
        TOP45_REFUSAL
    ]


def test_revoked_top_45_may_enter_umum_again(babel, competitions_by_year):
    earlier = _earlier(babel, competitions_by_year[2023], "Si Pentol")
    kf.result(
        earlier,
        ResultLevel.TOP45,
        revoked_reason="Keberatan publik diterima: inovasi belum berjalan dua tahun.",
        actor=babel.sekretariat,
    )

    proposal = _again(babel, competitions_by_year[2025], earlier)

    assert innovation_record(earlier.innovation, before_year=2025) == {"top99": 0, "top45": 0}
    assert submission_problems(proposal) == []


def test_unpublished_result_does_not_count(babel, competitions_by_year):
    earlier = _earlier(babel, competitions_by_year[2023], "Belum Diumumkan")
    kf.result(earlier, ResultLevel.TOP45, published=False)
    replication = kf.proposal(
        babel.disdukcapil,
        babel.operator_bt,
        competition=competitions_by_year[2025],
        kind=GroupKind.REPLIKASI,
        title="Tiru Belum Diumumkan",
        source=earlier.innovation,
    )

    assert submission_problems(_again(babel, competitions_by_year[2025], earlier)) == []
    assert submission_problems(replication) == [SOURCE_REFUSAL]
    assert list(replication_sources(replication)) == []


def test_outstanding_achievement_counts_as_top_45(babel, competitions_by_year):
    earlier = _earlier(
        babel, competitions_by_year[2023], "Juara Bertahan", [ResultLevel.OUTSTANDING]
    )

    assert innovation_record(earlier.innovation, before_year=2025) == {"top99": 0, "top45": 1}
    assert submission_problems(_again(babel, competitions_by_year[2025], earlier)) == [
        TOP45_REFUSAL
    ]


def test_two_published_top_99s_block_umum(babel, competitions_by_year):
    first = _earlier(babel, competitions_by_year[2021], "Lapor Cepat", [ResultLevel.TOP99])
    second = _earlier(babel, competitions_by_year[2023], "Lapor Cepat 2023", [ResultLevel.TOP99])
    _move_to(second, first.innovation)

    assert innovation_record(first.innovation, before_year=2025) == {"top99": 2, "top45": 0}
    assert submission_problems(_again(babel, competitions_by_year[2025], first)) == [
        TWICE_TOP99_REFUSAL
    ]


def test_one_counted_and_one_revoked_top_99_leave_umum_open(babel, competitions_by_year):
    first = _earlier(babel, competitions_by_year[2021], "Lapor Cepat", [ResultLevel.TOP99])
    second = _earlier(babel, competitions_by_year[2023], "Lapor Cepat 2023")
    kf.result(second, ResultLevel.TOP99, revoked_reason="Didiskualifikasi.")
    _move_to(second, first.innovation)

    assert innovation_record(first.innovation, before_year=2025) == {"top99": 1, "top45": 0}
    assert submission_problems(_again(babel, competitions_by_year[2025], first)) == []


def test_record_counts_only_competitions_before_the_year(babel, competitions_by_year):
    earlier = _earlier(babel, competitions_by_year[2023], "Sapa Warga", [ResultLevel.TOP99])

    assert innovation_record(earlier.innovation, before_year=2023) == {"top99": 0, "top45": 0}
    assert innovation_record(earlier.innovation, before_year=2024) == {"top99": 1, "top45": 0}


def test_replication_sources_are_innovations_with_a_counted_result(babel, competitions_by_year):
    top99 = _earlier(
        babel, competitions_by_year[2023], "Top Sembilan Sembilan", [ResultLevel.TOP99]
    )
    top45 = _earlier(babel, competitions_by_year[2021], "Top Empat Lima", [ResultLevel.TOP45])
    revoked = _earlier(babel, competitions_by_year[2023], "Dicabut")
    kf.result(revoked, ResultLevel.TOP99, revoked_reason="Keberatan publik diterima.")
    unpublished = _earlier(babel, competitions_by_year[2023], "Belum Diumumkan")
    kf.result(unpublished, ResultLevel.TOP99, published=False)
    _earlier(babel, competitions_by_year[2023], "Tanpa Hasil")
    later = _earlier(babel, competitions_by_year[2025], "Sesudahnya", [ResultLevel.TOP99])
    replication = kf.proposal(
        babel.disdukcapil,
        babel.operator_bt,
        competition=competitions_by_year[2025],
        kind=GroupKind.REPLIKASI,
        title="Replika",
        complete=False,
    )

    sources = list(replication_sources(replication))

    assert sources == [top45.innovation, top99.innovation]  # by title
    assert later.innovation not in sources


def test_replication_source_with_a_revoked_result_is_refused_at_submit(babel, competitions_by_year):
    revoked = _earlier(babel, competitions_by_year[2023], "Dicabut")
    kf.result(revoked, ResultLevel.TOP45, revoked_reason="Didiskualifikasi.")
    replication = kf.proposal(
        babel.disdukcapil,
        babel.operator_bt,
        competition=competitions_by_year[2025],
        kind=GroupKind.REPLIKASI,
        title="Tiru Yang Dicabut",
        source=revoked.innovation,
    )

    assert submission_problems(replication) == [SOURCE_REFUSAL]


def test_one_result_per_proposal_and_level(babel, competitions_by_year):
    earlier = _earlier(babel, competitions_by_year[2023], "Sekali Saja", [ResultLevel.TOP99])

    with pytest.raises(IntegrityError), transaction.atomic():
        kf.result(earlier, ResultLevel.TOP99)
    assert Result.objects.filter(proposal=earlier).count() == 1


def test_revocation_needs_a_reason(babel, competitions_by_year):
    earlier = _earlier(babel, competitions_by_year[2023], "Tanpa Alasan", [ResultLevel.TOP99])

    with pytest.raises(IntegrityError), transaction.atomic():
        Result.objects.filter(proposal=earlier).update(revoked_at=timezone.now())
    assert Result.objects.get(proposal=earlier).revoked_at is None
