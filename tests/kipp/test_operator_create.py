"""Registering innovations and entering them into a competition, inside the right window."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from kipp.enums import GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.models import Competition, DeadlineExtension, Innovation, Proposal, ProposalEvent
from tests import factories as f
from tests.kipp import factories as kf


@pytest.fixture
def innovation(babel):
    return kf.innovation(babel.kominfo, babel.operator_bb, title="Sipandu")


def umum(competition):
    return competition.groups.get(kind=GroupKind.UMUM)


def create(client, competition, innovation, kind=GroupKind.UMUM):
    return client.post(
        "/usulan/baru/",
        {"group": competition.groups.get(kind=kind).pk, "innovation": innovation.pk},
    )


# Innovations ------------------------------------------------------------------------------


def test_operator_registers_an_innovation_of_its_unit(client, babel):
    client.force_login(babel.operator_bb)

    response = client.post(
        "/usulan/inovasi/baru/",
        {
            "unit": babel.kominfo.pk,
            "title": "  Layanan   Antar Jemput KTP ",
            "started_on": "2021-03-01",
            "summary": "Petugas menjemput berkas warga.",
        },
    )

    assert response.status_code == 302
    made = Innovation.objects.get()
    assert (made.unit, made.title, made.started_on, made.created_by) == (
        babel.kominfo,
        "Layanan Antar Jemput KTP",
        date(2021, 3, 1),
        babel.operator_bb,
    )


def test_admin_lokal_registers_for_any_unit_of_its_instansi(client, babel):
    client.force_login(babel.admin_bb)

    client.post(
        "/usulan/inovasi/baru/",
        {"unit": babel.pdam.pk, "title": "Meteran Pintar", "started_on": "2020-01-01"},
    )

    assert Innovation.objects.get().unit == babel.pdam


@pytest.mark.parametrize("actor", ["operator_bb", "admin_bb"])
def test_unit_of_another_instansi_cannot_be_chosen(client, babel, actor):
    client.force_login(getattr(babel, actor))

    response = client.post(
        "/usulan/inovasi/baru/",
        {"unit": babel.disdukcapil.pk, "title": "Dibajak", "started_on": "2020-01-01"},
    )

    assert response.status_code == 200
    assert Innovation.objects.count() == 0


def test_operator_cannot_register_for_a_sibling_unit(client, babel):
    client.force_login(babel.operator_bb)

    client.post(
        "/usulan/inovasi/baru/",
        {"unit": babel.pdam.pk, "title": "Bukan unit saya", "started_on": "2020-01-01"},
    )

    assert Innovation.objects.count() == 0


def test_duplicate_innovation_name_in_a_unit_is_refused(client, babel, innovation):
    client.force_login(babel.operator_bb)

    response = client.post(
        "/usulan/inovasi/baru/",
        {"unit": babel.kominfo.pk, "title": "SIPANDU", "started_on": "2020-01-01"},
    )

    assert "sudah memiliki inovasi dengan nama ini" in response.content.decode()
    assert Innovation.objects.count() == 1


def test_future_start_date_is_refused(client, babel):
    client.force_login(babel.operator_bb)
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = client.post(
        "/usulan/inovasi/baru/",
        {"unit": babel.kominfo.pk, "title": "Nanti", "started_on": tomorrow.isoformat()},
    )

    assert "tidak boleh di masa depan" in response.content.decode()
    assert Innovation.objects.count() == 0


# Proposals --------------------------------------------------------------------------------


def test_operator_creates_a_draft_with_its_first_event(client, babel, kipp2025, innovation):
    client.force_login(babel.operator_bb)

    response = create(client, kipp2025, innovation)

    made = Proposal.objects.get()
    assert response["Location"] == f"/usulan/{made.pk}/ubah/"
    assert (made.title, made.unit, made.instansi, made.state, made.group) == (
        "Sipandu",
        babel.kominfo,
        babel.bangka_barat,
        S.DRAFT,
        umum(kipp2025),
    )
    event = ProposalEvent.objects.get(proposal=made)
    assert (event.actor, event.from_state, event.to_state) == (babel.operator_bb, "", S.DRAFT)


def test_same_innovation_twice_in_an_competition_is_refused(client, babel, kipp2025, innovation):
    client.force_login(babel.operator_bb)
    create(client, kipp2025, innovation)

    response = create(client, kipp2025, innovation, kind=GroupKind.REPLIKASI)

    assert response.status_code == 200
    assert "Inovasi ini sudah didaftarkan di KIPP 2025." in response.content.decode()
    assert Proposal.objects.count() == 1


def test_same_title_twice_in_an_competition_is_refused(client, babel, kipp2025, innovation):
    kf.proposal(babel.pdam, babel.admin_bb, competition=kipp2025, title="SIPANDU")
    client.force_login(babel.operator_bb)

    response = create(client, kipp2025, innovation)

    assert "sudah didaftarkan di KIPP 2025" in response.content.decode()
    assert Proposal.objects.filter(innovation=innovation).count() == 0


def test_invitation_only_group_is_not_choosable(client, babel, kipp2025, innovation):
    client.force_login(babel.operator_bb)

    page = client.get("/usulan/baru/").content.decode()
    response = create(client, kipp2025, innovation, kind=GroupKind.KHUSUS)

    assert 'id="kelompok-undangan"' in page
    assert response.status_code == 200
    assert Proposal.objects.count() == 0


def test_innovation_of_another_instansi_cannot_be_entered(client, babel, kipp2025):
    foreign = kf.innovation(babel.disdukcapil, babel.operator_bt, title="Dukcapil Keliling")
    client.force_login(babel.operator_bb)

    response = create(client, kipp2025, foreign)

    assert response.status_code == 200
    assert Proposal.objects.count() == 0


def test_competition_of_another_province_hub_is_not_open(client, babel, innovation):
    other_hub = f.HubFactory(province=f.ProvinceFactory(code="35", name="Jawa Timur"))
    jatim = kf.competition(name="KIPP Jatim 2025", hub=other_hub)
    client.force_login(babel.operator_bb)

    create(client, jatim, innovation)

    assert Proposal.objects.count() == 0


def _close_registration(competition, *, minutes_from_now):
    now = timezone.now()
    Competition.objects.filter(pk=competition.pk).update(
        registration_closes_at=now + timedelta(minutes=minutes_from_now),
        verification_closes_at=now + timedelta(days=5),
    )


def test_operator_can_create_one_minute_before_close(client, babel, kipp2025, innovation):
    _close_registration(kipp2025, minutes_from_now=1)
    client.force_login(babel.operator_bb)

    create(client, kipp2025, innovation)

    assert Proposal.objects.count() == 1


def test_operator_cannot_create_one_minute_after_close(client, babel, kipp2025, innovation):
    _close_registration(kipp2025, minutes_from_now=-1)
    client.force_login(babel.operator_bb)

    response = create(client, kipp2025, innovation)

    assert "Pendaftaran telah ditutup pada" in response.content.decode()
    assert Proposal.objects.count() == 0


def test_admin_lokal_creates_on_behalf_after_registration_close(
    client, babel, kipp2025, innovation
):
    _close_registration(kipp2025, minutes_from_now=-1)
    client.force_login(babel.admin_bb)

    create(client, kipp2025, innovation)

    made = Proposal.objects.get()
    assert (made.unit, made.created_by) == (babel.kominfo, babel.admin_bb)


def test_admin_lokal_cannot_create_after_verification_close(client, babel, kipp2025, innovation):
    now = timezone.now()
    Competition.objects.filter(pk=kipp2025.pk).update(
        registration_closes_at=now - timedelta(days=2),
        verification_closes_at=now - timedelta(minutes=1),
    )
    client.force_login(babel.admin_bb)

    create(client, kipp2025, innovation)

    assert Proposal.objects.count() == 0


def test_extension_lets_the_operator_create_after_the_general_close(
    client, babel, kipp2025, innovation
):
    _close_registration(kipp2025, minutes_from_now=-1)
    DeadlineExtension.objects.create(
        competition=kipp2025,
        instansi=babel.bangka_barat,
        registration_closes_at=timezone.now() + timedelta(hours=3),
        reason="Gangguan jaringan",
        created_by=babel.sekretariat,
    )
    client.force_login(babel.operator_bb)

    create(client, kipp2025, innovation)

    assert Proposal.objects.count() == 1


def test_not_yet_open_competition_refuses(client, babel, innovation):
    now = timezone.now()
    later = kf.competition(
        name="KIPP 2026",
        year=2026,
        opens=now + timedelta(minutes=1),
        closes=now + timedelta(days=30),
        verification_closes=now + timedelta(days=40),
    )
    client.force_login(babel.operator_bb)

    create(client, later, innovation)

    assert Proposal.objects.count() == 0


def test_list_shows_countdown_to_the_instansi_close(client, babel, kipp2025):
    closes = timezone.now() + timedelta(days=3, hours=4, minutes=30)
    Competition.objects.filter(pk=kipp2025.pk).update(registration_closes_at=closes)
    client.force_login(babel.operator_bb)

    html = client.get("/usulan/").content.decode()

    assert "Pendaftaran ditutup" in html
    assert "WIB — " in html
    assert "3 hari 4 jam lagi" in html


def test_replication_sources_are_earlier_top_innovations(client, babel, kipp2025):
    kipp2023 = kf.competition(
        name="KIPP 2023",
        year=2023,
        opens=timezone.now() - timedelta(days=800),
        closes=timezone.now() - timedelta(days=780),
        verification_closes=timezone.now() - timedelta(days=770),
    )
    top = kf.history(
        babel.disdukcapil,
        babel.operator_bt,
        competition=kipp2023,
        title="Juara Lama",
        reached=kf.PASSED,
        results=[ResultLevel.TOP99],
    )
    kf.history(
        babel.disdukcapil,
        babel.operator_bt,
        competition=kipp2023,
        title="Tidak Juara",
        reached=[S.SUBMITTED, S.FORWARDED, S.ADMIN_FAILED],
    )
    draft = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2025,
        kind=GroupKind.REPLIKASI,
        title="Replika",
        complete=False,
    )
    client.force_login(babel.operator_bb)

    html = client.get(f"/usulan/{draft.pk}/ubah/").content.decode()

    assert f'<option value="{top.innovation_id}">Juara Lama' in html
    assert "Tidak Juara" not in html
