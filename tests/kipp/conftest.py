"""Fixtures of the competition tests: an open KIPP 2025 on top of the Babel organisation."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from kipp.enums import ProposalState as S
from kipp.models import DeadlineExtension
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


@pytest.fixture
def submitted(babel, kipp2025):
    """A submitted proposal of Dinas Kominfo Bangka Barat in KIPP 2025."""
    return kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED, title="Sadewa"
    )
