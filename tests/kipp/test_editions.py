"""Competition configuration: who may open each screen, what creating a competition pre-fills,
schedules in WIB, validation, categories in use, and deadline extensions per instansi.

Actors: the national Sekretariat organises national competitions, the Babel hub admin the Babel
hub's provincial competitions; an operator, an Admin Lokal, a judge and an anonymous visitor may
organise nothing.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import get_resolver, resolve

from kipp import deadlines, defaults
from kipp.enums import EvidenceKind, GroupKind
from kipp.models import Category, Competition, CompetitionGroup, DeadlineExtension, FormSection
from kipp.services import competitions as services_competitions
from tests import factories as f
from tests.kipp import factories as kf

WIB = ZoneInfo("Asia/Jakarta")
ACTORS = ("anon", "operator", "admin_lokal", "evaluator", "sekretariat", "hub")
ACTOR_ATTR = {
    "operator": "operator_bb",
    "admin_lokal": "admin_bb",
    "evaluator": "evaluator",
    "sekretariat": "sekretariat",
    "hub": "hub_admin",
}


def wib_input(value: datetime) -> str:
    return value.astimezone(WIB).strftime("%Y-%m-%dT%H:%M")


def competition_data(competition: Competition, **changes) -> dict:
    data = {
        "name": competition.name,
        "slug": competition.slug,
        "year": competition.year,
        "theme": competition.theme,
        "registration_opens_at": wib_input(competition.registration_opens_at),
        "registration_closes_at": wib_input(competition.registration_closes_at),
        "verification_closes_at": wib_input(competition.verification_closes_at),
        "max_file_mb": competition.max_file_mb,
    }
    data.update(changes)
    return data


NEW_COMPETITION = {
    "name": "KIPP 2026",
    "slug": "kipp-2026",
    "year": 2026,
    "theme": "Inovasi Pelayanan Publik untuk Indonesia Maju",
    "registration_opens_at": "2026-02-02T08:00",
    "registration_closes_at": "2026-04-16T12:00",
    "verification_closes_at": "2026-04-30T23:59",
    "max_file_mb": 2,
}


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


def statuses(default: int, anon: int = 302, **overrides: int) -> dict[str, int]:
    table = dict.fromkeys(ACTORS, default)
    table["anon"] = anon
    table.update(overrides)
    return table


ORGANISERS = {"sekretariat": 200, "hub": 200}


@dataclass(frozen=True)
class Case:
    name: str
    url: object  # callable(babel, competitions) -> str
    expected: dict[str, int]
    method: str = "get"
    data: object = None  # callable(babel, competitions) -> dict
    changes: frozenset[str] = field(default_factory=frozenset)


def _umum(competition):
    return competition.groups.get(kind=GroupKind.UMUM)


def _section(competition):
    return FormSection.objects.filter(group__competition=competition).order_by("pk").first()


def _category(competition):
    return competition.categories.order_by("pk").last()


def _competition_cases(label: str, attr: str, owner: str) -> list[Case]:
    """Every configuration view and POST on one competition: its organiser only."""

    def pick(e):
        return getattr(e, attr)

    def base(e):
        return f"/kompetisi/kelola/{pick(e).pk}/"

    def ok(code):
        return statuses(404, **{owner: code})

    def post(name, url, data):
        return Case(
            f"{label}_{name}",
            url,
            ok(302),
            method="post",
            data=data,
            changes=frozenset({owner}),
        )

    return [
        Case(f"{label}_detail", lambda b, e: base(e), ok(200)),
        Case(f"{label}_update", lambda b, e: base(e) + "ubah/", ok(200)),
        post(
            "update_post",
            lambda b, e: base(e) + "ubah/",
            lambda b, e: competition_data(pick(e), theme="Tema baru"),
        ),
        post(
            "group_update",
            lambda b, e: base(e) + f"kelompok/{_umum(pick(e)).pk}/",
            lambda b, e: {
                "quota_per_instansi": 7,
                "min_age_months": 18,
                "required_evidence": [EvidenceKind.INNOVATOR_DECREE],
            },
        ),
        post(
            "section_create",
            lambda b, e: base(e) + f"kelompok/{_umum(pick(e)).pk}/bagian/baru/",
            lambda b, e: {"title": "Dampak", "help_text": "", "word_limit": 300, "order": 9},
        ),
        post(
            "section_update",
            lambda b, e: base(e) + f"bagian/{_section(pick(e)).pk}/",
            lambda b, e: {"title": "Ringkasan inovasi", "word_limit": 250, "order": 0},
        ),
        post(
            "section_delete",
            lambda b, e: base(e) + f"bagian/{_section(pick(e)).pk}/hapus/",
            lambda b, e: {},
        ),
        Case(
            f"{label}_section_delete_by_get",
            lambda b, e: base(e) + f"bagian/{_section(pick(e)).pk}/hapus/",
            # The method is refused before any competition is looked up: 405 reveals nothing.
            statuses(404, sekretariat=405, hub=405),
        ),
        post(
            "category_create",
            lambda b, e: base(e) + "kategori/baru/",
            lambda b, e: {"name": "Reformasi birokrasi", "order": 20},
        ),
        post(
            "category_update",
            lambda b, e: base(e) + f"kategori/{_category(pick(e)).pk}/",
            lambda b, e: {"name": "Lingkungan hidup berkelanjutan", "order": 8},
        ),
        post(
            "category_delete",
            lambda b, e: base(e) + f"kategori/{_category(pick(e)).pk}/hapus/",
            lambda b, e: {},
        ),
        post(
            "extension_set",
            lambda b, e: base(e) + "perpanjangan/",
            lambda b, e: {
                "instansi": b.bangka_barat.pk,
                "registration_closes_at": wib_input(
                    pick(e).registration_closes_at + timedelta(days=2)
                ),
                "reason": "Surat Bupati Bangka Barat",
            },
        ),
        post(
            "extension_delete",
            lambda b, e: base(e) + f"perpanjangan/{pick(e).extensions.get().pk}/hapus/",
            lambda b, e: {},
        ),
    ]


CASES = [
    Case("competition_list", lambda b, e: "/kompetisi/kelola/", statuses(404, **ORGANISERS)),
    Case("competition_create", lambda b, e: "/kompetisi/kelola/baru/", statuses(404, **ORGANISERS)),
    Case(
        "competition_create_post",
        lambda b, e: "/kompetisi/kelola/baru/",
        statuses(404, sekretariat=302, hub=302),
        method="post",
        data=lambda b, e: NEW_COMPETITION,
        changes=frozenset({"sekretariat", "hub"}),
    ),
    *_competition_cases("national", "national", "sekretariat"),
    *_competition_cases("provincial", "provincial", "hub"),
]


def snapshot():
    """Everything a view of this area could write, in a comparable form."""
    return {
        "competitions": list(Competition.objects.order_by("pk").values_list()),
        "groups": list(CompetitionGroup.objects.order_by("pk").values_list()),
        "sections": list(FormSection.objects.order_by("pk").values_list()),
        "categories": list(Category.objects.order_by("pk").values_list()),
        "extensions": list(DeadlineExtension.objects.order_by("pk").values_list()),
    }


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_access(client, babel, competitions, case, actor):
    if actor != "anon":
        client.force_login(getattr(babel, ACTOR_ATTR[actor]))
    url = case.url(babel, competitions)
    data = case.data(babel, competitions) if case.method == "post" else None
    before = snapshot()

    response = client.post(url, data) if case.method == "post" else client.get(url)

    assert response.status_code == case.expected[actor], (case.name, actor)
    if response.status_code == 302 and actor == "anon":
        assert response["Location"].startswith("/accounts/login/?next=")
    after = snapshot()
    if case.method == "post" and actor in case.changes:
        assert after != before, f"{case.name}: {actor}'s accepted POST changed nothing"
    else:
        assert after == before, f"{case.name}: {actor}'s request changed data"


def test_every_competition_url_is_in_the_matrix(babel, competitions):
    covered = {resolve(case.url(babel, competitions)).route for case in CASES}
    routes = {
        str(p.pattern)
        for p in get_resolver("kipp.urls").url_patterns
        if str(p.pattern).startswith("kompetisi/kelola/")
    }
    assert routes - covered == set()


def test_menu_links_to_competition_list_for_organisers_only(client, babel):
    client.force_login(babel.hub_admin)
    assert 'href="/kompetisi/kelola/"' in client.get("/dasbor/").content.decode()
    client.force_login(babel.admin_bb)
    assert 'href="/kompetisi/kelola/"' not in client.get("/dasbor/").content.decode()


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

    with django_assert_num_queries(11):
        response = client.get(f"/kompetisi/kelola/{competition.pk}/")

    assert response.status_code == 200
