"""The Admin Lokal's checklist and notes as rows: one local Verification per proposal with an
item per checklist entry and a note per section; the page shows them as before, at a
constant number of queries."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from kipp.enums import ChecklistItem, VerificationStage
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Verification, VerificationItem, VerificationNote
from kipp.services.verification import verification_save
from tests.kipp import factories as kf

# The page with a saved verification: the proposal and its prefetches, the verification with
# its verifier, its items, its notes (the last two instead of reading the JSON column); the
# eligibility hints read the prefetched evidence; the lineage box ("Direplikasi di") reads
# the commitments and Replikasi proposals naming the innovation.
QUERIES = 19
UMUM_KEYS = [
    "ringkasan",
    "ide_inovatif",
    "signifikansi",
    "kontribusi_tpb",
    "adaptabilitas",
    "keberlanjutan",
    "kolaborasi",
]


@pytest.fixture
def submitted(babel, kipp2025):
    return kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED, title="Sadewa"
    )


def _save(proposal, actor, checklist=(), sections=None, general="", now=None):
    return verification_save(
        actor=actor,
        proposal=proposal,
        checklist=checklist,
        notes={"sections": sections or {}, "general": general},
        now=now,
    )


def _rows(proposal):
    verification = Verification.objects.get(proposal=proposal)
    return (
        verification,
        dict(verification.items.values_list("item", "checked")),
        dict(verification.notes.values_list("section", "text")),
    )


def test_save_writes_one_verification_with_items_and_notes(babel, submitted):
    now = timezone.now()

    _save(
        submitted,
        babel.admin_bb,
        checklist=[ChecklistItem.AGE, "not-an-item"],
        sections={"ringkasan": "  Perjelas.  ", "kolaborasi": " ", "bukan_bagian": "Abaikan."},
        general=" Lengkapi SK. ",
        now=now,
    )

    verification, items, notes = _rows(submitted)
    assert (verification.stage, verification.note) == (VerificationStage.LOCAL, "Lengkapi SK.")
    assert (verification.verified_by, verification.verified_at) == (babel.admin_bb, now)
    assert items == {item: item == ChecklistItem.AGE for item in ChecklistItem.values}
    assert notes == {"ringkasan": "Perjelas."}


def test_saving_again_replaces_the_rows(babel, submitted):
    _save(submitted, babel.admin_bb, checklist=[ChecklistItem.AGE], sections={"ringkasan": "A"})
    later = timezone.now() + timedelta(minutes=5)

    _save(
        submitted,
        babel.admin_bb2,
        checklist=[ChecklistItem.COMPLETE],
        sections={"kolaborasi": "B"},
        now=later,
    )

    verification, items, notes = _rows(submitted)
    assert Verification.objects.filter(proposal=submitted).count() == 1
    assert VerificationItem.objects.count() == len(ChecklistItem.values)
    assert [item for item, checked in items.items() if checked] == [ChecklistItem.COMPLETE]
    assert notes == {"kolaborasi": "B"}
    assert (verification.verified_by, verification.verified_at, verification.note) == (
        babel.admin_bb2,
        later,
        "",
    )


@pytest.mark.parametrize("actor", ["operator_bb", "admin_bt", "sekretariat"])
def test_only_the_instansi_admin_lokal_may_save(babel, submitted, actor):
    with pytest.raises(PermissionDenied):
        _save(submitted, getattr(babel, actor), checklist=[ChecklistItem.AGE])

    assert not Verification.objects.exists()


def test_save_refused_unless_submitted_and_before_the_close(babel, kipp2025, submitted):
    returned = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.RETURNED, title="Kembali"
    )
    after_close = kipp2025.verification_closes_at + timedelta(minutes=1)

    with pytest.raises(Refused):
        _save(returned, babel.admin_bb, checklist=[ChecklistItem.AGE])
    with pytest.raises(Refused):
        _save(submitted, babel.admin_bb, checklist=[ChecklistItem.AGE], now=after_close)

    assert not Verification.objects.exists()


def test_one_verification_per_stage(babel, submitted):
    _save(submitted, babel.admin_bb)

    with pytest.raises(IntegrityError), transaction.atomic():
        Verification.objects.create(
            proposal=submitted, stage=VerificationStage.LOCAL, verified_at=timezone.now()
        )
    field = Verification.objects.create(
        proposal=submitted, stage=VerificationStage.FIELD, verified_at=timezone.now()
    )
    assert field.pk is not None


def test_page_shows_the_stored_checklist_notes_and_return_note(client, babel, submitted):
    _save(
        submitted,
        babel.admin_bb,
        checklist=[ChecklistItem.COMPLETE, ChecklistItem.TRUTH_STATEMENT],
        sections={"ringkasan": "Perjelas ringkasan.", "kolaborasi": "Sebutkan mitra."},
        general="Lengkapi SK inovator.",
    )
    client.force_login(babel.admin_bb2)

    html = client.get(f"/verifikasi/{submitted.pk}/").content.decode()

    assert 'id="cek-complete" checked' in html
    assert 'id="cek-truth_statement" checked' in html
    assert 'id="cek-age" aria-describedby' in html
    assert ">\nPerjelas ringkasan.</textarea>" in html
    assert ">\nLengkapi SK inovator.</textarea>" in html
    assert (
        "Ringkasan: Perjelas ringkasan.\nKolaborasi pemangku kepentingan: Sebutkan mitra.\n"
        "Catatan umum: Lengkapi SK inovator.</textarea>"
    ) in html
    assert 'id="terakhir-disimpan"' in html
    assert babel.admin_bb.display_name in html


def test_page_without_a_saved_verification(client, babel, submitted):
    client.force_login(babel.admin_bb)

    html = client.get(f"/verifikasi/{submitted.pk}/").content.decode()

    assert "checked" not in html.split('id="form-checklist"')[1].split("</form>")[0]
    assert 'id="terakhir-disimpan"' not in html


def test_page_queries_do_not_grow_with_items_and_notes(
    client, babel, submitted, django_assert_num_queries
):
    client.force_login(babel.admin_bb)
    _save(submitted, babel.admin_bb, checklist=[ChecklistItem.AGE], sections={"ringkasan": "A"})

    with django_assert_num_queries(QUERIES):
        few = client.get(f"/verifikasi/{submitted.pk}/")
    _save(
        submitted,
        babel.admin_bb2,
        checklist=ChecklistItem.values,
        sections={key: f"Catatan {key}" for key in UMUM_KEYS},
        general="Semua bagian dicatat.",
    )
    with django_assert_num_queries(QUERIES):
        many = client.get(f"/verifikasi/{submitted.pk}/")

    assert few.status_code == many.status_code == 200
    assert VerificationNote.objects.count() == len(UMUM_KEYS)
    assert many.content.decode().count(">\nCatatan ") == len(UMUM_KEYS)
