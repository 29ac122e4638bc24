"""Fixtures of the competition tests: an open KIPP 2025 on top of the Babel organisation."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from hubs.enums import InstansiKind
from kipp.enums import GroupKind
from kipp.enums import ProposalState as S
from kipp.models import DeadlineExtension
from tests import factories as f
from tests.kipp import factories as kf


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded evidence goes to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def kipp2025(db):
    """KIPP 2025, in registration: opened 10 days ago, closes in 10, verification in 20."""
    return kf.competition()


@pytest.fixture
def competitions(babel):
    """A national competition and the Babel hub's provincial one, each with one extension."""
    national = kf.competition()
    provincial = kf.competition(name="KIPP Babel 2025", hub=babel.hub)
    for competition, actor in ((national, babel.sekretariat), (provincial, babel.hub_admin)):
        DeadlineExtension.objects.create(
            competition=competition,
            instansi=babel.bangka_tengah,
            registration_closes_at=competition.registration_closes_at + timedelta(days=3),
            reason="Gangguan jaringan",
            created_by=actor,
        )
    return SimpleNamespace(national=national, provincial=provincial)


# The administrative selection (test_selection*.py, test_announcement.py) ---------------


@pytest.fixture
def org(babel):
    """Babel plus Muara Enim and the Babel provincial government, each with an operator."""
    muara_unit = f.UnitFactory(instansi=babel.muara_enim, name="Dinas Kesehatan Muara Enim")
    pemprov = f.InstansiFactory(
        name="Pemerintah Provinsi Kepulauan Bangka Belitung",
        kind=InstansiKind.PROVINSI,
        region=babel.province,
    )
    prov_unit = f.UnitFactory(instansi=pemprov, name="Biro Organisasi")
    return SimpleNamespace(
        babel=babel,
        muara_unit=muara_unit,
        operator_me=f.operator(muara_unit, username="upp.me"),
        pemprov=pemprov,
        prov_unit=prov_unit,
        operator_prov=f.operator(prov_unit, username="upp.prov"),
    )


@pytest.fixture
def national(org, kipp2025):
    """Four forwarded proposals of KIPP 2025: two Babel kabupaten, Muara Enim, Pemprov Babel."""
    b = org.babel
    first, second = list(kipp2025.categories.all()[:2])
    made = SimpleNamespace(
        competition=kipp2025,
        cat1=first,
        cat2=second,
        bb=kf.proposal(
            b.kominfo,
            b.operator_bb,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Sipadu Bangka Barat",
        ),
        bt=kf.proposal(
            b.disdukcapil,
            b.operator_bt,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Replika Dukcapil",
            kind=GroupKind.REPLIKASI,
        ),
        me=kf.proposal(
            org.muara_unit,
            org.operator_me,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Sehat Muara",
        ),
        prov=kf.proposal(
            org.prov_unit,
            org.operator_prov,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Biro Cepat",
        ),
    )
    for proposal, category in (
        (made.bb, first),
        (made.bt, second),
        (made.me, second),
        (made.prov, first),
    ):
        proposal.category = category
        proposal.save(update_fields=["category"])
    return made


@pytest.fixture
def hub_competition(babel):
    competition = kf.competition(hub=babel.hub, name="Kompetisi Inovasi Babel 2025")
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        state=S.FORWARDED,
        title="Babel Lokal",
    )
    return SimpleNamespace(competition=competition, proposal=proposal)
