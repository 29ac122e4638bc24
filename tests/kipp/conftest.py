"""Fixtures of the competition tests: an open KIPP 2025 on top of the Babel organisation."""

import pytest

from tests.kipp import factories as kf


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded evidence goes to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def kipp2025(db):
    """KIPP 2025, in registration: opened 10 days ago, closes in 10, verification in 20."""
    return kf.competition()
