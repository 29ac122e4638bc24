"""Fixtures of the outcome tests: KIPP 2025, uploads in a temporary folder, a fresh cache."""

import pytest
from django.core.cache import cache

from tests.kipp import factories as kf


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The objection limiter counts in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def kipp2025(db):
    return kf.competition()
