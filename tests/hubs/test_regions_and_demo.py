"""The Kemendagri region loader and the demo data of SPEC section 6, end to end."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from hubs import demo
from hubs.enums import RegionKind, RegionLevel, Role
from hubs.models import Hub, Instansi, Membership, Region, Unit, User

# Every demo account of SPEC section 6 and the dashboard section it must land on.
DEMO_ACCOUNTS = {
    "sekretariat": "dasbor-sekretariat",
    "adminlokal.bangkabarat": "dasbor-admin-lokal",
    "adminlokal.bangkatengah": "dasbor-admin-lokal",
    "upp.kominfo.bangkabarat": "dasbor-operator",
    "upp.pdam.bangkabarat": "dasbor-operator",
    "upp.bangkatengah": "dasbor-operator",
    "evaluator1": "dasbor-juri",
    "evaluator2": "dasbor-juri",
    "evaluator3": "dasbor-juri",
    "panelis1": "dasbor-juri",
    "panelis2": "dasbor-juri",
    "panelis3": "dasbor-juri",
    "hub.babel": "dasbor-hub",
}
SECTIONS = {
    "dasbor-operator",
    "dasbor-admin-lokal",
    "dasbor-sekretariat",
    "dasbor-hub",
    "dasbor-juri",
}
# What each account's own section must show, so the right scope is proven, not just the role.
SECTION_CONTENT = {
    "sekretariat": "38 provinsi dan 514 kabupaten/kota",
    "adminlokal.bangkabarat": "Admin Lokal · Pemerintah Kabupaten Bangka Barat",
    "adminlokal.bangkatengah": "Admin Lokal · Pemerintah Kabupaten Bangka Tengah",
    "upp.kominfo.bangkabarat": "Dinas Komunikasi dan Informatika",
    "upp.pdam.bangkabarat": "PDAM Tirta Sejiran Setason",
    "upp.bangkatengah": "Dinas Kependudukan dan Pencatatan Sipil",
    "evaluator1": "Tim Evaluasi",
    "evaluator2": "Tim Evaluasi",
    "evaluator3": "Tim Evaluasi",
    "panelis1": "Tim Panel Independen",
    "panelis2": "Tim Panel Independen",
    "panelis3": "Tim Panel Independen",
    "hub.babel": "Admin Hub JIPP · Kepulauan Bangka Belitung",
}


def _run(command, **options) -> str:
    out = StringIO()
    call_command(command, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def _snapshot() -> dict[str, list[int]]:
    """The primary keys of everything the demo seeder owns, per model."""
    return {
        model.__name__: list(model.objects.order_by("pk").values_list("pk", flat=True))
        for model in (User, Membership, Instansi, Unit, Hub, Region)
    }


# Regions


@pytest.mark.django_db
def test_load_regions_creates_all_kemendagri_regions():
    assert Region.objects.count() == 0

    output = _run("load_regions")

    assert "552 dibuat, 0 diperbarui" in output
    provinces = Region.objects.filter(level=RegionLevel.PROVINCE)
    regencies = Region.objects.filter(level=RegionLevel.REGENCY)
    assert provinces.count() == 38
    assert regencies.count() == 514
    assert Region.objects.count() == 552
    assert set(provinces.values_list("kind", flat=True)) == {RegionKind.PROVINSI}
    assert set(regencies.values_list("kind", flat=True)) == {RegionKind.KABUPATEN, RegionKind.KOTA}
    assert not provinces.exclude(parent=None).exists()
    # The 62 daerah tertinggal of Perpres 63/2020 are flagged 3T, and only they.
    assert "62 baru ditandai 3T" in output
    flagged = Region.objects.filter(is_3t=True)
    assert flagged.count() == 62
    assert set(flagged.values_list("level", flat=True)) == {RegionLevel.REGENCY}
    assert {"13.09", "81.03", "95.08", "96.01"} <= set(flagged.values_list("code", flat=True))
    assert not Region.objects.get(code="19.05").is_3t

    babel = Region.objects.get(code="19")
    assert babel.name == "Kepulauan Bangka Belitung"
    assert babel.level == RegionLevel.PROVINCE
    assert babel.parent is None

    bangka_barat = Region.objects.get(code="19.05")
    assert bangka_barat.name == "Kabupaten Bangka Barat"
    assert (bangka_barat.level, bangka_barat.kind) == (RegionLevel.REGENCY, RegionKind.KABUPATEN)
    assert bangka_barat.parent == babel
    assert bangka_barat.province == babel

    pangkalpinang = Region.objects.get(code="19.71")
    assert pangkalpinang.kind == RegionKind.KOTA
    assert pangkalpinang.parent == babel
    assert sorted(babel.children.values_list("code", flat=True)) == [
        "19.01",
        "19.02",
        "19.03",
        "19.04",
        "19.05",
        "19.06",
        "19.71",
    ]

    # Every kabupaten/kota hangs under the province its Kemendagri code starts with.
    mismatched = [
        (code, parent_code)
        for code, parent_code in regencies.values_list("code", "parent__code")
        if code.split(".")[0] != parent_code or len(code.split(".")) != 2
    ]
    assert mismatched == []
    # Spot checks across the archipelago, including the 2022 Papua provinces.
    assert Region.objects.get(code="31").name == "Daerah Khusus Ibukota Jakarta"
    assert set(
        Region.objects.filter(code__in=["93", "94", "95", "96"]).values_list("name", flat=True)
    ) == {"Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"}


@pytest.mark.django_db
def test_load_regions_again_changes_nothing_and_keeps_3t_flags():
    _run("load_regions")
    before = {r.code: r.pk for r in Region.objects.all()}
    Region.objects.filter(code="19.05").update(is_3t=True)
    # A drifted name is corrected back from the source on the next run.
    Region.objects.filter(code="19.04").update(name="Nama Lama")

    output = _run("load_regions")

    assert "0 dibuat, 1 diperbarui" in output
    assert {r.code: r.pk for r in Region.objects.all()} == before
    assert "0 baru ditandai 3T" in output
    assert Region.objects.get(code="19.05").is_3t is True
    assert Region.objects.filter(is_3t=True).count() == 63
    assert Region.objects.get(code="19.04").name == "Kabupaten Bangka Tengah"

    output = _run("load_regions")

    assert "0 dibuat, 0 diperbarui" in output
    assert {r.code: r.pk for r in Region.objects.all()} == before
    assert Region.objects.get(code="19.05").is_3t is True


# Demo data


def test_demo_accounts_match_the_spec():
    assert {username for username, *_ in demo.ACCOUNTS} == set(DEMO_ACCOUNTS)
    assert len(demo.ACCOUNTS) == len(DEMO_ACCOUNTS)


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    output = _run("seed_demo")
    assert settings.KIPP_DEMO_PASSWORD in output
    return output


def test_seed_demo_creates_the_demo_organisation(seeded):
    assert Region.objects.filter(level=RegionLevel.PROVINCE).count() == 38
    assert Region.objects.filter(level=RegionLevel.REGENCY).count() == 514
    assert Hub.objects.count() == 19
    babel_hub = Hub.objects.get(province__code="19")
    assert babel_hub.cohort == 2020
    assert babel_hub.mentors == "Universitas Bangka Belitung"
    bangka_barat = Instansi.objects.get(name="Pemerintah Kabupaten Bangka Barat")
    assert bangka_barat.region.code == "19.05"
    assert set(bangka_barat.units.values_list("name", flat=True)) >= {
        "Dinas Komunikasi dan Informatika",
        "PDAM Tirta Sejiran Setason",
    }
    assert User.objects.filter(username__in=DEMO_ACCOUNTS).count() == len(DEMO_ACCOUNTS)
    hub_admin = Membership.objects.get(user__username="hub.babel")
    assert (hub_admin.role, hub_admin.hub) == (Role.HUB_ADMIN, babel_hub)
    operator = Membership.objects.get(user__username="upp.pdam.bangkabarat")
    assert (operator.role, operator.unit.name, operator.unit.instansi) == (
        Role.OPERATOR,
        "PDAM Tirta Sejiran Setason",
        bangka_barat,
    )
    for username in DEMO_ACCOUNTS:
        user = User.objects.get(username=username)
        assert user.check_password(settings.KIPP_DEMO_PASSWORD), (
            f"{username}: not the demo password"
        )
        assert user.is_active and not user.must_change_password, username


def test_every_demo_account_logs_in_to_its_own_dashboard_section(seeded, client, subtests):
    """One seed for all thirteen accounts; each account is reported as its own subtest."""
    dashboard_url = reverse("dashboard")
    login_url = reverse("login")
    assert login_url == "/accounts/login/"
    for username, section in DEMO_ACCOUNTS.items():
        with subtests.test(msg=username, section=section):
            client.logout()
            response = client.post(
                login_url,
                {"username": username, "password": settings.KIPP_DEMO_PASSWORD},
                follow=True,
            )
            page = response.content.decode()
            assert response.status_code == 200
            assert response.redirect_chain == [(dashboard_url, 302)], (
                f"{username} landed via {response.redirect_chain}, not on {dashboard_url}"
            )
            assert response.wsgi_request.path == dashboard_url
            assert response.wsgi_request.user.username == username
            assert f'id="{section}"' in page, f"{username} does not see its {section} section"
            others = sorted(other for other in SECTIONS - {section} if f'id="{other}"' in page)
            assert others == [], f"{username} also sees sections {others}"
            assert 'id="dasbor-tanpa-peran"' not in page
            assert SECTION_CONTENT[username] in page, (
                f"{username}'s section lacks {SECTION_CONTENT[username]!r}"
            )


def test_wrong_password_does_not_log_a_demo_account_in(seeded, client):
    response = client.post(
        reverse("login"), {"username": "sekretariat", "password": "salah-sandi"}, follow=True
    )

    assert response.redirect_chain == []
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(reverse("dashboard")).status_code == 302


def test_seed_demo_twice_changes_nothing_and_keeps_changed_passwords(seeded, client, settings):
    before = _snapshot()
    # A demo user signs in and changes their password before the seeder runs again.
    login = client.post(
        reverse("login"), {"username": "hub.babel", "password": settings.KIPP_DEMO_PASSWORD}
    )
    assert login.status_code == 302
    user = User.objects.get(username="hub.babel")
    user.set_password("sandi-baru-hub-2025")
    user.save()
    passwords = dict(User.objects.values_list("username", "password"))

    _run("seed_demo")

    assert _snapshot() == before
    assert dict(User.objects.values_list("username", "password")) == passwords
    user.refresh_from_db()
    assert user.check_password("sandi-baru-hub-2025")
    assert not user.check_password(settings.KIPP_DEMO_PASSWORD)
    assert Membership.objects.filter(user__username="hub.babel").count() == 1


@pytest.mark.django_db
def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        _run("seed_demo")

    assert _snapshot() == {name: [] for name in _snapshot()}


@pytest.mark.django_db
def test_seed_demo_force_runs_when_debug_is_off(settings):
    settings.DEBUG = False

    _run("seed_demo", force=True)

    assert Region.objects.count() == 552
    assert Hub.objects.count() == 19
    assert User.objects.filter(username__in=DEMO_ACCOUNTS).count() == len(DEMO_ACCOUNTS)
