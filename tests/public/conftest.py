"""Fixtures of the public side: a small public database over two past competitions."""

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from kipp.models import Competition, Proposal
from public import services
from tests import factories as f
from tests.kipp import factories as kf

PASSED = [S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded evidence goes to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def past_competition(year: int, name: str) -> Competition:
    opens = timezone.make_aware(datetime(year, 1, 10, 12))
    made = kf.competition(
        name=name,
        year=year,
        opens=opens,
        closes=opens + timedelta(days=60),
        verification_closes=opens + timedelta(days=75),
    )
    Competition.objects.filter(pk=made.pk).update(
        admin_results_published_at=opens + timedelta(days=100)
    )
    made.refresh_from_db()
    return made


def entry(
    unit, actor, *, competition, title, summary="", results=(), reached=PASSED, sdgs=(9, 16),
    **extra,
):  # fmt: skip
    """A proposal of `competition` that went through `reached` with its public summary and
    published `results`, copied into the public database."""
    made = kf.history(unit, actor, competition=competition, title=title, reached=reached)
    Proposal.objects.filter(pk=made.pk).update(
        sections={"ringkasan": summary, "ide_inovatif": "RAHASIA-INTERNAL"},
        team=[{"name": "Budi Santoso", "position": "Ketua", "phone": "0812-9999-0000"}],
        category=competition.categories.order_by("order").last(),
        **extra,
    )
    made.sdgs.set(kf.sdg_goals().filter(number__in=sdgs))
    for level in results:
        kf.result(made, level)
    services.records_refresh(proposal_ids=[made.pk])
    return made


@pytest.fixture
def public_db(babel):
    """KIPP 2023 and KIPP 2024 with public entries in Babel and South Sumatra, plus
    proposals that must never be public (a draft, a failed one, a revoked winner)."""
    muara_unit = f.UnitFactory(instansi=babel.muara_enim, name="Dinas Kesehatan Muara Enim")
    k2023 = past_competition(2023, "KIPP 2023")
    k2024 = past_competition(2024, "KIPP 2024")
    actor = babel.operator_bb
    made = SimpleNamespace(babel=babel, k2023=k2023, k2024=k2024, muara_unit=muara_unit)
    made.perizinan = entry(
        babel.kominfo, actor, competition=k2023,
        title="Layanan Perizinan Terpadu Satu Pintu",
        summary="Satu loket untuk semua urusan warga di kecamatan.",
        results=[ResultLevel.TOP99, ResultLevel.TOP45],
        video_url="https://video.example.org/perizinan",
    )  # fmt: skip
    made.sapa = entry(
        babel.pdam, actor, competition=k2023, title="Sapa Warga Babar",
        summary="Pelayanan pengaduan pelanggan air bersih lewat pesan singkat.",
        results=[ResultLevel.TOP99],
    )  # fmt: skip
    made.posyandu = entry(
        babel.disdukcapil, babel.operator_bt, competition=k2024, title="Posyandu Digital",
        summary="Bidan mengurus izin praktik dan mencatat balita dari desa.", sdgs=(3,),
    )  # fmt: skip
    made.muara = entry(
        muara_unit, actor, competition=k2024, title="Jemput Bola Kesehatan Desa",
        summary="Tenaga kesehatan mendatangi warga lansia.", results=[ResultLevel.TOP99],
    )  # fmt: skip
    # Never public: a draft and a proposal that failed the selection. A revoked result
    # leaves the winners; the proposal still passed the administrative selection.
    made.draft = entry(
        babel.kominfo, actor, competition=k2024, title="Izin Rahasia Draf", reached=[]
    )
    made.failed = entry(
        babel.kominfo, actor, competition=k2024, title="Izin Gagal Seleksi",
        reached=[S.SUBMITTED, S.FORWARDED, S.ADMIN_FAILED],
    )  # fmt: skip
    made.revoked = entry(
        babel.pdam, actor, competition=k2024, title="Gerai Air Keliling", reached=PASSED
    )
    kf.result(made.revoked, ResultLevel.TOP99, revoked_reason="Keberatan diterima")
    return made
