"""Creating and configuring a competition: pre-filled groups, schedules in WIB, validation,
groups, sections and categories (those in use cannot be removed), and the list's queries."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kipp import defaults
from kipp.enums import EvidenceKind, GroupKind
from kipp.models import Category, Competition, CompetitionGroup, DeadlineExtension
from kipp.services import competitions as services_competitions
from tests import factories as f
from tests.kipp import factories as kf
from tests.kipp.competition_helpers import NEW_COMPETITION, _category, _umum, competition_data

# Creating a competition ------------------------------------------------------------------------


def test_create_prefills_groups_sections_and_categories(client, babel):
    client.force_login(babel.sekretariat)

    response = client.post("/kompetisi/kelola/baru/", NEW_COMPETITION)

    competition = Competition.objects.get(slug="kipp-2026")
    assert response.status_code == 302
    assert response["Location"] == f"/kompetisi/kelola/{competition.pk}/"
    assert competition.organiser_hub is None
    groups = {g.kind: g for g in competition.groups.all()}
    assert set(groups) == {GroupKind.UMUM, GroupKind.REPLIKASI, GroupKind.KHUSUS}
    assert [groups[k].sections.count() for k in GroupKind.values] == [7, 3, 4]
    assert (groups["umum"].quota_per_instansi, groups["umum"].min_age_months) == (10, 24)
    assert (groups["replikasi"].quota_per_instansi, groups["replikasi"].min_age_months) == (5, 12)
    assert groups["umum"].required_evidence == list(defaults.REQUIRED_EVIDENCE[GroupKind.UMUM])
    assert groups["khusus"].invitation_only is True
    assert groups["umum"].invitation_only is False
    first = groups["umum"].sections.order_by("order").first()
    assert (first.key, first.title, first.word_limit) == ("ringkasan", "Ringkasan", 200)
    assert list(competition.categories.values_list("name", flat=True)) == defaults.CATEGORIES_2025


def test_hub_admin_creates_competition_for_its_own_hub_only(client, babel):
    client.force_login(babel.hub_admin)

    form_page = client.get("/kompetisi/kelola/baru/").content.decode()
    response = client.post(
        "/kompetisi/kelola/baru/",
        {**NEW_COMPETITION, "organiser": "nasional", "organiser_hub": ""},
    )

    assert 'name="organiser' not in form_page
    assert "Hub JIPP Kepulauan Bangka Belitung" in form_page
    assert response.status_code == 302
    assert Competition.objects.get(slug="kipp-2026").organiser_hub == babel.hub


def test_service_refuses_a_hub_the_actor_does_not_administer(babel):
    other_hub = f.HubFactory(province=babel.muara_enim.region.parent)

    with pytest.raises(PermissionDenied):
        services_competitions.competition_create(
            actor=babel.hub_admin,
            organiser_hub=other_hub,
            name="KIPP Sumsel 2026",
            slug="kipp-sumsel-2026",
            year=2026,
            registration_opens_at=datetime(2026, 2, 1, tzinfo=UTC),
            registration_closes_at=datetime(2026, 4, 1, tzinfo=UTC),
            verification_closes_at=datetime(2026, 4, 15, tzinfo=UTC),
        )
    with pytest.raises(PermissionDenied):
        services_competitions.competition_create(
            actor=babel.hub_admin,
            organiser_hub=None,
            name="KIPP 2026",
            slug="kipp-2026",
            year=2026,
            registration_opens_at=datetime(2026, 2, 1, tzinfo=UTC),
            registration_closes_at=datetime(2026, 4, 1, tzinfo=UTC),
            verification_closes_at=datetime(2026, 4, 15, tzinfo=UTC),
        )

    assert Competition.objects.count() == 0
    assert CompetitionGroup.objects.count() == 0


def test_registration_close_entered_in_wib_is_stored_in_utc(client, babel):
    client.force_login(babel.sekretariat)

    client.post("/kompetisi/kelola/baru/", NEW_COMPETITION)

    competition = Competition.objects.get(slug="kipp-2026")
    assert competition.registration_closes_at == datetime(2026, 4, 16, 5, 0, tzinfo=UTC)
    assert competition.verification_closes_at == datetime(2026, 4, 30, 16, 59, tzinfo=UTC)
    edit_page = client.get(f"/kompetisi/kelola/{competition.pk}/ubah/").content.decode()
    assert 'type="datetime-local"' in edit_page
    assert 'value="2026-04-16T12:00"' in edit_page
    detail = client.get(f"/kompetisi/kelola/{competition.pk}/").content.decode()
    assert "16 April 2026 12:00 WIB" in detail


def test_registration_close_2025_04_16_noon_wib(client, babel, competitions):
    client.force_login(babel.sekretariat)
    competition = competitions.national

    response = client.post(
        f"/kompetisi/kelola/{competition.pk}/ubah/",
        competition_data(
            competition,
            registration_opens_at="2025-02-01T08:00",
            registration_closes_at="2025-04-16T12:00",
            verification_closes_at="2025-04-30T12:00",
        ),
    )

    assert response.status_code == 302
    competition.refresh_from_db()
    assert competition.registration_closes_at == datetime(2025, 4, 16, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "field_name", "message"),
    [
        (
            {"registration_closes_at": "2026-02-02T08:00"},
            "registration_closes_at",
            "Pendaftaran harus ditutup setelah dibuka.",
        ),
        (
            {"verification_closes_at": "2026-04-16T11:59"},
            "verification_closes_at",
            "Verifikasi lokal tidak boleh ditutup sebelum pendaftaran ditutup.",
        ),
        ({"registration_opens_at": "besok"}, "registration_opens_at", "format yang benar"),
        ({"slug": "kipp 2026!"}, "slug", "Slug hanya boleh berisi huruf kecil"),
        ({"max_file_mb": 0}, "max_file_mb", "Batas ukuran berkas minimal 1 MB."),
        ({"name": ""}, "name", "Bidang ini tidak boleh kosong."),
    ],
)
def test_create_validation_messages(client, babel, changes, field_name, message):
    client.force_login(babel.sekretariat)

    response = client.post("/kompetisi/kelola/baru/", {**NEW_COMPETITION, **changes})

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field_name])
    assert message in errors
    assert Competition.objects.count() == 0


def test_slug_and_name_must_be_unique(client, babel, competitions):
    client.force_login(babel.sekretariat)

    response = client.post(
        "/kompetisi/kelola/baru/", {**NEW_COMPETITION, "slug": "kipp-2025", "name": "KIPP 2025"}
    )

    form = response.context["form"]
    assert form.errors["slug"] == ["Slug ini sudah dipakai edisi lain."]
    assert form.errors["name"] == ["Nama ini sudah dipakai edisi lain."]
    assert Competition.objects.count() == 2


def test_update_keeps_the_organiser(client, babel, competitions):
    client.force_login(babel.hub_admin)
    competition = competitions.provincial

    client.post(
        f"/kompetisi/kelola/{competition.pk}/ubah/",
        competition_data(competition, name="KIPP Babel 2025 (perubahan)", organiser="nasional"),
    )

    competition.refresh_from_db()
    assert competition.name == "KIPP Babel 2025 (perubahan)"
    assert competition.organiser_hub == babel.hub


# Groups, sections, categories ---------------------------------------------------------------


def test_group_settings_are_saved(client, babel, competitions):
    client.force_login(babel.sekretariat)
    group = _umum(competitions.national)

    response = client.post(
        f"/kompetisi/kelola/{competitions.national.pk}/kelompok/{group.pk}/",
        {
            "quota_per_instansi": 8,
            "min_age_months": 18,
            "required_evidence": [EvidenceKind.START_PROOF, EvidenceKind.SERVICE_STANDARD],
            "invitation_only": "on",
        },
    )

    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.quota_per_instansi, group.min_age_months, group.invitation_only) == (
        8,
        18,
        True,
    )
    assert group.required_evidence == [EvidenceKind.SERVICE_STANDARD, EvidenceKind.START_PROOF]


def test_group_quota_below_one_is_refused(client, babel, competitions):
    client.force_login(babel.sekretariat)
    group = _umum(competitions.national)

    response = client.post(
        f"/kompetisi/kelola/{competitions.national.pk}/kelompok/{group.pk}/",
        {"quota_per_instansi": 0, "min_age_months": 24},
    )

    assert response.status_code == 200
    assert "Kuota minimal 1 usulan." in response.content.decode()
    group.refresh_from_db()
    assert group.quota_per_instansi == 10


def test_sections_are_added_changed_and_removed(client, babel, competitions):
    client.force_login(babel.sekretariat)
    competition = competitions.national
    group = _umum(competition)
    base = f"/kompetisi/kelola/{competition.pk}/"

    client.post(
        base + f"kelompok/{group.pk}/bagian/baru/",
        {
            "title": "Dampak bagi penerima manfaat",
            "help_text": "Data",
            "word_limit": 300,
            "order": 7,
        },
    )
    client.post(
        base + f"kelompok/{group.pk}/bagian/baru/",
        {"title": "Dampak bagi penerima manfaat", "word_limit": 100, "order": 8},
    )
    added = group.sections.get(key="dampak_bagi_penerima_manfaat")
    client.post(
        base + f"bagian/{added.pk}/",
        {"title": "Dampak", "help_text": "", "word_limit": 350, "order": 1},
    )
    client.post(base + f"bagian/{group.sections.get(key='ringkasan').pk}/hapus/")

    added.refresh_from_db()
    assert (added.key, added.title, added.word_limit, added.order) == (
        "dampak_bagi_penerima_manfaat",
        "Dampak",
        350,
        1,
    )
    assert group.sections.filter(key="dampak_bagi_penerima_manfaat_2").exists()
    assert not group.sections.filter(key="ringkasan").exists()
    assert group.sections.count() == 8


def test_section_word_limit_must_be_sensible(client, babel, competitions):
    client.force_login(babel.sekretariat)
    group = _umum(competitions.national)

    response = client.post(
        f"/kompetisi/kelola/{competitions.national.pk}/kelompok/{group.pk}/bagian/baru/",
        {"title": "Bagian kosong", "word_limit": 0, "order": 1},
    )

    assert response.status_code == 200
    assert "Batas kata minimal 10." in response.content.decode()
    assert group.sections.count() == 7


def test_category_added_renamed_and_duplicate_refused(client, babel, competitions):
    client.force_login(babel.hub_admin)
    competition = competitions.provincial
    base = f"/kompetisi/kelola/{competition.pk}/kategori/"

    client.post(base + "baru/", {"name": "Reformasi birokrasi", "order": 10})
    duplicate = client.post(base + "baru/", {"name": "kesehatan", "order": 11})
    category = competition.categories.get(name="Reformasi birokrasi")
    client.post(base + f"{category.pk}/", {"name": "Reformasi birokrasi tematik", "order": 10})

    assert duplicate.status_code == 200
    assert "Kategori dengan nama ini sudah ada di edisi ini." in duplicate.content.decode()
    category.refresh_from_db()
    assert category.name == "Reformasi birokrasi tematik"
    assert competition.categories.count() == len(defaults.CATEGORIES_2025) + 1


def test_category_used_by_a_proposal_cannot_be_removed(client, babel, competitions):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=competitions.national)
    category = proposal.category
    client.force_login(babel.sekretariat)

    response = client.post(
        f"/kompetisi/kelola/{competitions.national.pk}/kategori/{category.pk}/hapus/", follow=True
    )

    assert Category.objects.filter(pk=category.pk).exists()
    assert "tidak dapat dihapus karena dipakai oleh 1 usulan" in response.content.decode()
    with pytest.raises(ValidationError):
        services_competitions.category_remove(actor=babel.sekretariat, category=category)


def test_unused_category_is_removed(client, babel, competitions):
    client.force_login(babel.sekretariat)
    category = _category(competitions.national)

    client.post(f"/kompetisi/kelola/{competitions.national.pk}/kategori/{category.pk}/hapus/")

    assert not Category.objects.filter(pk=category.pk).exists()


# Queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 5])
def test_competition_list_queries(client, babel, django_assert_num_queries, count):
    for n in range(count):
        kf.competition(name=f"KIPP {2020 + n}", year=2020 + n)
    client.force_login(babel.sekretariat)

    with django_assert_num_queries(6):
        response = client.get("/kompetisi/kelola/")

    assert response.status_code == 200
    assert len(response.context["competitions"]) == count


@pytest.mark.parametrize("extra", [0, 5])
def test_competition_detail_queries(client, babel, competitions, django_assert_num_queries, extra):
    competition = competitions.national
    for n in range(extra):
        Category.objects.create(
            competition=competition, name=f"Kategori tambahan {n}", order=20 + n
        )
        DeadlineExtension.objects.create(
            competition=competition,
            instansi=f.InstansiFactory(name=f"Pemerintah Kota Uji {n}"),
            verification_closes_at=competition.verification_closes_at + timedelta(days=1),
            reason="Uji",
            created_by=babel.sekretariat,
        )
    client.force_login(babel.sekretariat)

    with django_assert_num_queries(12):
        response = client.get(f"/kompetisi/kelola/{competition.pk}/")

    assert response.status_code == 200
