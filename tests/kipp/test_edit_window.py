"""The proposer's side writes only inside its window: the operator until registration closes
for its instansi, the Admin Lokal until local verification closes; extensions honoured."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kipp.errors import Refused
from kipp.models import DeadlineExtension, Evidence
from kipp.selectors.proposals import competitions_open_to
from kipp.services import evidence as services_evidence
from kipp.services import proposals as services_proposals
from tests.kipp import factories as kf
from tests.kipp.operator_helpers import form_data

MINUTE = timedelta(minutes=1)
# 16 April 2025 12:00 WIB.
CLOSE = datetime(2025, 4, 16, 5, 0, tzinfo=UTC)


@pytest.fixture
def closing(db):
    return kf.competition(
        opens=CLOSE - timedelta(days=30),
        closes=CLOSE,
        verification_closes=CLOSE + timedelta(days=7),
    )


@pytest.fixture
def draft(babel, closing):
    return kf.proposal(babel.kominfo, babel.operator_bb, competition=closing, title="Sipandu")


def _save(proposal, actor, now, title="Judul baru"):
    proposal.refresh_from_db()
    return services_proposals.proposal_save(
        proposal=proposal, actor=actor, version=proposal.version, changes={"title": title}, now=now
    )


def _autosave(proposal, actor, now, title="Judul ketikan"):
    proposal.refresh_from_db()
    return services_proposals.proposal_autosave(
        proposal=proposal, actor=actor, version=proposal.version, changes={"title": title}, now=now
    )


def _pdf():
    return SimpleUploadedFile("bukti.pdf", kf.PDF_BYTES, content_type="application/pdf")


def _extend(competition, instansi, actor, **closes):
    return DeadlineExtension.objects.create(
        competition=competition,
        instansi=instansi,
        reason="Gangguan jaringan",
        created_by=actor,
        **closes,
    )


# Services at the minute of close ----------------------------------------------------------


def test_operator_saves_until_the_minute_before_close(babel, draft):
    _save(draft, babel.operator_bb, CLOSE - MINUTE, title="Tepat Waktu")

    with pytest.raises(Refused, match="Pendaftaran telah ditutup pada 16 April 2025 12:00 WIB"):
        _save(draft, babel.operator_bb, CLOSE, title="Terlambat")

    draft.refresh_from_db()
    assert draft.title == "Tepat Waktu"


def test_operator_autosave_is_refused_at_close(babel, draft):
    before = draft.version

    with pytest.raises(Refused, match="Pendaftaran telah ditutup"):
        _autosave(draft, babel.operator_bb, CLOSE)

    draft.refresh_from_db()
    assert (draft.title, draft.version) == ("Sipandu", before)


def test_operator_evidence_is_frozen_at_close(babel, draft):
    item = draft.evidence.first()
    count = Evidence.objects.count()

    with pytest.raises(Refused):
        services_evidence.evidence_add(
            proposal=draft, actor=babel.operator_bb, kind="other", upload=_pdf(), now=CLOSE
        )
    with pytest.raises(Refused):
        services_evidence.evidence_remove(
            proposal=draft, actor=babel.operator_bb, evidence=item, now=CLOSE
        )

    assert Evidence.objects.count() == count
    assert Evidence.objects.filter(pk=item.pk).exists()


def test_operator_evidence_changes_before_close(babel, draft):
    item = draft.evidence.first()

    added = services_evidence.evidence_add(
        proposal=draft, actor=babel.operator_bb, kind="other", upload=_pdf(), now=CLOSE - MINUTE
    )
    services_evidence.evidence_remove(
        proposal=draft, actor=babel.operator_bb, evidence=item, now=CLOSE - MINUTE
    )

    assert Evidence.objects.filter(pk=added.pk).exists()
    assert not Evidence.objects.filter(pk=item.pk).exists()


def test_extension_lets_the_operator_write_until_its_own_close(babel, closing, draft):
    extended = CLOSE + timedelta(days=2)
    _extend(closing, babel.bangka_barat, babel.sekretariat, registration_closes_at=extended)

    _save(draft, babel.operator_bb, CLOSE, title="Diperpanjang")
    with pytest.raises(Refused, match="18 April 2025 12:00 WIB"):
        _save(draft, babel.operator_bb, extended, title="Lewat Perpanjangan")

    draft.refresh_from_db()
    assert draft.title == "Diperpanjang"


def test_another_instansi_extension_changes_nothing(babel, closing, draft):
    _extend(
        closing,
        babel.bangka_tengah,
        babel.sekretariat,
        registration_closes_at=CLOSE + timedelta(days=2),
    )

    with pytest.raises(Refused):
        _save(draft, babel.operator_bb, CLOSE)


def test_admin_lokal_writes_until_verification_close(babel, closing, draft):
    verification_close = closing.verification_closes_at

    _save(draft, babel.admin_bb, CLOSE + MINUTE, title="Atas Nama Operator")
    with pytest.raises(Refused, match="Verifikasi lokal telah ditutup"):
        _save(draft, babel.admin_bb, verification_close, title="Terlambat")

    draft.refresh_from_db()
    assert draft.title == "Atas Nama Operator"


def test_admin_lokal_verification_extension_honoured(babel, closing, draft):
    extended = closing.verification_closes_at + timedelta(days=3)
    _extend(closing, babel.bangka_barat, babel.sekretariat, verification_closes_at=extended)

    _save(draft, babel.admin_bb, closing.verification_closes_at, title="Masih Boleh")
    with pytest.raises(Refused):
        _save(draft, babel.admin_bb, extended, title="Terlambat")

    draft.refresh_from_db()
    assert draft.title == "Masih Boleh"


# Competitions open to an instansi ---------------------------------------------------------


def test_competitions_open_to_honours_a_registration_extension(babel, closing):
    after_everyone = closing.verification_closes_at + MINUTE
    _extend(
        closing,
        babel.bangka_barat,
        babel.sekretariat,
        registration_closes_at=after_everyone + timedelta(days=1),
    )

    assert list(competitions_open_to(babel.bangka_barat, now=after_everyone)) == [closing]
    assert list(competitions_open_to(babel.bangka_tengah, now=after_everyone)) == []


def test_competitions_open_to_honours_a_verification_extension(babel, closing):
    after_everyone = closing.verification_closes_at + MINUTE
    _extend(
        closing,
        babel.bangka_barat,
        babel.sekretariat,
        verification_closes_at=after_everyone + timedelta(days=1),
    )

    assert list(competitions_open_to(babel.bangka_barat, now=after_everyone)) == [closing]
    assert (
        list(competitions_open_to(babel.bangka_barat, now=after_everyone + timedelta(days=1))) == []
    )


def test_competitions_open_to_until_verification_close_without_extension(babel, closing):
    verification_close = closing.verification_closes_at

    before = list(competitions_open_to(babel.bangka_barat, now=verification_close - MINUTE))
    at = list(competitions_open_to(babel.bangka_barat, now=verification_close))

    assert (before, at) == ([closing], [])


def test_an_extension_that_ended_opens_nothing(babel, closing):
    after_everyone = closing.verification_closes_at + timedelta(days=1)
    _extend(
        closing,
        babel.bangka_barat,
        babel.sekretariat,
        registration_closes_at=closing.verification_closes_at + MINUTE,
    )

    assert list(competitions_open_to(babel.bangka_barat, now=after_everyone)) == []


# The edit page after the close ------------------------------------------------------------


@pytest.fixture
def closed_draft(babel):
    """A draft whose registration closed a minute ago (verification still open)."""
    now = timezone.now()
    competition = kf.competition(
        opens=now - timedelta(days=30),
        closes=now - MINUTE,
        verification_closes=now + timedelta(days=7),
    )
    return kf.proposal(babel.kominfo, babel.operator_bb, competition=competition, title="Sipandu")


def test_edit_page_is_read_only_after_close(client, babel, closed_draft):
    client.force_login(babel.operator_bb)

    page = client.get(f"/usulan/{closed_draft.pk}/ubah/")

    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="formulir-ditutup"' in html
    assert "Pendaftaran telah ditutup pada" in html
    assert 'id="tombol-simpan"' not in html
    assert "hx-post" not in html
    assert 'id="form-bukti"' not in html
    assert 'name="title"' in html and "disabled" in html


def test_edit_page_stays_writable_for_the_admin_lokal(client, babel, closed_draft):
    client.force_login(babel.admin_bb)

    html = client.get(f"/usulan/{closed_draft.pk}/ubah/").content.decode()

    assert 'id="formulir-ditutup"' not in html
    assert 'id="tombol-simpan"' in html


def test_posts_after_close_change_nothing(client, babel, closed_draft):
    client.force_login(babel.operator_bb)
    count = Evidence.objects.count()
    item = closed_draft.evidence.first()
    data = form_data(closed_draft, title="Terlambat")

    saved = client.post(f"/usulan/{closed_draft.pk}/ubah/", data)
    autosaved = client.post(f"/usulan/{closed_draft.pk}/simpan-otomatis/", data)
    uploaded = client.post(
        f"/usulan/{closed_draft.pk}/bukti/unggah/", {"kind": "other", "file": _pdf()}
    )
    deleted = client.post(f"/usulan/{closed_draft.pk}/bukti/{item.pk}/hapus/")

    assert (saved.status_code, autosaved.status_code) == (409, 409)
    assert "Pendaftaran telah ditutup" in autosaved.content.decode()
    assert (uploaded.status_code, deleted.status_code) == (302, 302)
    closed_draft.refresh_from_db()
    assert (closed_draft.title, closed_draft.version) == ("Sipandu", data["version"])
    assert Evidence.objects.count() == count


def test_extension_reopens_the_edit_page(client, babel, closed_draft):
    _extend(
        closed_draft.competition,
        babel.bangka_barat,
        babel.sekretariat,
        registration_closes_at=timezone.now() + timedelta(days=1),
    )
    client.force_login(babel.operator_bb)

    page = client.get(f"/usulan/{closed_draft.pk}/ubah/").content.decode()
    saved = client.post(f"/usulan/{closed_draft.pk}/ubah/", form_data(closed_draft, title="Baru"))

    assert 'id="tombol-simpan"' in page
    assert saved.status_code == 302
    closed_draft.refresh_from_db()
    assert closed_draft.title == "Baru"
