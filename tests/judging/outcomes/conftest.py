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


@pytest.fixture
def scored(babel, kipp2025):
    """Three Bangka Barat proposals ranked 90, 80, 70 in a scoring round."""
    from tests.judging.outcomes.helpers import passed, round_of, run_of

    proposals = passed(babel.kominfo, babel.operator_bb, kipp2025, 3, prefix="Usulan")
    scoring = round_of(kipp2025, 1)
    run = run_of(scoring, dict(zip(proposals, [90, 80, 70], strict=True)))
    return {"round": scoring, "run": run, "proposals": proposals}
