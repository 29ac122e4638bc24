"""The hourly sweep removes evidence files that no row names (an upload whose transaction
rolled back), keeping every file a row points to and any file still within the grace period."""

import os
import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from kipp.models import Evidence
from kipp.tasks import evidence_orphans_sweep
from tests.kipp import factories as kf

TWO_HOURS = 2 * 3600


def _on_disk(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


def _age(name: str, seconds: int) -> None:
    then = time.time() - seconds
    os.utime(_on_disk(name), (then, then))


def test_sweep_removes_old_orphans_only(babel, kipp2025):
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, complete=False)
    kept = kf.evidence_file(draft, babel.operator_bb)
    _age(kept.file.name, TWO_HOURS)
    orphan = default_storage.save(f"evidence/{draft.pk}/rolled-back.pdf", ContentFile(b"%PDF"))
    _age(orphan, TWO_HOURS)
    stray = default_storage.save("evidence/999999/gone-proposal.pdf", ContentFile(b"%PDF"))
    _age(stray, TWO_HOURS)
    fresh = default_storage.save(f"evidence/{draft.pk}/uploading.pdf", ContentFile(b"%PDF"))

    removed = evidence_orphans_sweep.delay().get()

    assert removed == 2
    assert [_on_disk(n).exists() for n in (kept.file.name, orphan, stray, fresh)] == [
        True,
        False,
        False,
        True,
    ]
    assert list(Evidence.objects.values_list("pk", flat=True)) == [kept.pk]


def test_sweep_twice_removes_nothing_more(babel, kipp2025):
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, complete=False)
    orphan = default_storage.save(f"evidence/{draft.pk}/rolled-back.pdf", ContentFile(b"%PDF"))
    _age(orphan, TWO_HOURS)

    first = evidence_orphans_sweep.delay().get()
    second = evidence_orphans_sweep.delay().get()

    assert (first, second) == (1, 0)


def test_sweep_without_any_evidence_folder(db):
    assert evidence_orphans_sweep.delay().get() == 0


def test_sweep_is_scheduled_by_beat():
    schedule = settings.CELERY_BEAT_SCHEDULE["evidence-orphan-sweep"]

    assert schedule["task"] == evidence_orphans_sweep.name == "kipp.tasks.evidence_orphans_sweep"
    assert schedule["schedule"] == 3600.0
