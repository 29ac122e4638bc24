"""Deadline extensions per instansi: later closes, replaced, validated, scoped to the hub."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kipp import deadlines
from kipp.models import DeadlineExtension
from kipp.services import competitions as services_competitions
from tests.kipp.competition_helpers import wib_input

# Deadline extensions ------------------------------------------------------------------------


def _extension_post(client, competition, instansi, **changes):
    data = {
        "instansi": instansi.pk,
        "registration_closes_at": wib_input(competition.registration_closes_at + timedelta(days=5)),
        "verification_closes_at": "",
        "reason": "Surat permohonan nomor 100/2025: banjir di kantor.",
        **changes,
    }
    return client.post(f"/kompetisi/kelola/{competition.pk}/perpanjangan/", data)


def test_extension_extends_the_instansi_deadlines(client, babel, competitions):
    client.force_login(babel.hub_admin)
    competition = competitions.provincial
    registration = (competition.registration_closes_at + timedelta(days=5)).replace(
        second=0, microsecond=0
    )
    verification = (competition.verification_closes_at + timedelta(days=7)).replace(
        second=0, microsecond=0
    )

    response = _extension_post(
        client,
        competition,
        babel.bangka_barat,
        registration_closes_at=wib_input(registration),
        verification_closes_at=wib_input(verification),
    )

    assert response.status_code == 302
    extension = DeadlineExtension.objects.get(competition=competition, instansi=babel.bangka_barat)
    assert extension.created_by == babel.hub_admin
    assert deadlines.deadlines_for(competition, babel.bangka_barat.pk) == {
        deadlines.REGISTRATION: registration,
        deadlines.VERIFICATION: verification,
    }
    page = client.get(f"/kompetisi/kelola/{competition.pk}/").content.decode()
    assert "Surat permohonan nomor 100/2025" in page


def test_extension_set_again_replaces_the_earlier_one(client, babel, competitions):
    client.force_login(babel.sekretariat)
    competition = competitions.national

    _extension_post(client, competition, babel.bangka_barat, reason="Alasan pertama")
    later = competition.registration_closes_at + timedelta(days=9)
    _extension_post(
        client,
        competition,
        babel.bangka_barat,
        registration_closes_at=wib_input(later),
        reason="Alasan kedua",
    )

    extension = DeadlineExtension.objects.get(competition=competition, instansi=babel.bangka_barat)
    assert extension.reason == "Alasan kedua"
    assert extension.registration_closes_at == later.replace(second=0, microsecond=0)
    assert DeadlineExtension.objects.filter(competition=competition).count() == 2


def test_extension_requires_a_reason(client, babel, competitions):
    client.force_login(babel.sekretariat)

    response = _extension_post(client, competitions.national, babel.bangka_barat, reason="  ")

    assert response.status_code == 200
    assert response.context["extension_form"].errors["reason"] == [
        "Alasan perpanjangan wajib diisi."
    ]
    assert not DeadlineExtension.objects.filter(instansi=babel.bangka_barat).exists()


def test_extension_requires_a_date(client, babel, competitions):
    client.force_login(babel.sekretariat)

    response = _extension_post(
        client, competitions.national, babel.bangka_barat, registration_closes_at=""
    )

    assert response.status_code == 200
    assert "Isi minimal satu tanggal perpanjangan" in response.content.decode()
    assert not DeadlineExtension.objects.filter(instansi=babel.bangka_barat).exists()


def test_extension_must_be_later_than_the_competition(client, babel, competitions):
    client.force_login(babel.sekretariat)
    competition = competitions.national

    response = _extension_post(
        client,
        competition,
        babel.bangka_barat,
        registration_closes_at=wib_input(competition.registration_closes_at - timedelta(days=1)),
        verification_closes_at=wib_input(competition.verification_closes_at),
    )

    errors = response.context["extension_form"].errors
    assert response.status_code == 200
    assert errors["registration_closes_at"][0].startswith(
        "Harus lebih lambat dari penutupan pendaftaran edisi"
    )
    assert errors["verification_closes_at"][0].startswith(
        "Harus lebih lambat dari penutupan verifikasi lokal edisi"
    )
    assert not DeadlineExtension.objects.filter(instansi=babel.bangka_barat).exists()
    with pytest.raises(ValidationError):
        services_competitions.extension_set(
            actor=babel.sekretariat,
            competition=competition,
            instansi=babel.bangka_barat,
            registration_closes_at=competition.registration_closes_at,
            verification_closes_at=None,
            reason="Tetap",
        )


def test_extension_outside_the_hub_province_is_refused(client, babel, competitions):
    client.force_login(babel.hub_admin)
    competition = competitions.provincial

    page = client.get(f"/kompetisi/kelola/{competition.pk}/").content.decode()
    response = _extension_post(client, competition, babel.muara_enim)

    assert babel.muara_enim.name not in page
    assert babel.bangka_barat.name in page
    assert response.status_code == 200
    assert response.context["extension_form"].errors["instansi"] == [
        "Instansi ini tidak dapat mengikuti edisi ini."
    ]
    assert not DeadlineExtension.objects.filter(instansi=babel.muara_enim).exists()
    with pytest.raises(PermissionDenied):
        services_competitions.extension_set(
            actor=babel.hub_admin,
            competition=competition,
            instansi=babel.muara_enim,
            registration_closes_at=competition.registration_closes_at + timedelta(days=1),
            verification_closes_at=None,
            reason="Tidak boleh",
        )


def test_national_extension_accepts_any_active_instansi(client, babel, competitions):
    client.force_login(babel.sekretariat)

    response = _extension_post(client, competitions.national, babel.muara_enim)

    assert response.status_code == 302
    assert DeadlineExtension.objects.filter(
        competition=competitions.national, instansi=babel.muara_enim
    ).exists()


def test_extension_removed_restores_the_competition_deadlines(client, babel, competitions):
    client.force_login(babel.sekretariat)
    competition = competitions.national
    extension = competition.extensions.get()

    client.post(f"/kompetisi/kelola/{competition.pk}/perpanjangan/{extension.pk}/hapus/")

    assert deadlines.deadlines_for(competition, babel.bangka_tengah.pk)[deadlines.REGISTRATION] == (
        competition.registration_closes_at
    )
