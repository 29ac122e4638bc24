"""An Admin Lokal of Bangka Barat never reaches the people or units of Bangka Tengah.

Lists do not show them, guessed URLs answer 404, and forged POSTs (another instansi's unit
or account in the form data) change nothing.
"""

import pytest
from django.core.exceptions import PermissionDenied

from hubs import selectors, services
from hubs.enums import Role
from hubs.models import Membership, Unit, User
from tests import factories as f


@pytest.fixture
def admin_client(client, babel):
    client.force_login(babel.admin_bb)
    return client


def test_lists_show_only_own_instansi(admin_client, babel):
    accounts = admin_client.get("/kelola/akun/").content.decode()
    units = admin_client.get("/kelola/unit/").content.decode()

    assert f'id="akun-{babel.operator_bb.pk}"' in accounts
    assert f'id="akun-{babel.operator_bt.pk}"' not in accounts
    assert f'id="akun-{babel.admin_bt.pk}"' not in accounts
    assert babel.kominfo.name in units
    assert babel.disdukcapil.name not in units
    # A search for the other instansi's people finds nothing either.
    found = admin_client.get("/kelola/akun/", {"q": babel.operator_bt.username})
    assert "upp.bt@contoh.go.id" not in found.content.decode()
    assert found.context["accounts"].count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/kelola/akun/{operator_bt}/ubah/",
        "/kelola/akun/{admin_bt}/ubah/",
        "/kelola/unit/{disdukcapil}/ubah/",
        "/kelola/instansi/{bangka_tengah}/ubah/",
    ],
)
def test_guessed_urls_answer_404(admin_client, babel, url):
    pks = {
        "operator_bt": babel.operator_bt.pk,
        "admin_bt": babel.admin_bt.pk,
        "disdukcapil": babel.disdukcapil.pk,
        "bangka_tengah": babel.bangka_tengah.pk,
    }
    assert admin_client.get(url.format(**pks)).status_code == 404


def test_forged_account_posts_change_nothing(admin_client, babel):
    target = babel.operator_bt
    password_hash = target.password

    edit = admin_client.post(
        f"/kelola/akun/{target.pk}/ubah/",
        {"name": "Diambil Alih", "email": "x@contoh.go.id", "phone": ""},
    )
    deactivate = admin_client.post(f"/kelola/akun/{target.pk}/status/", {"active": "0"})
    reset = admin_client.post(f"/kelola/akun/{target.pk}/reset-sandi/")

    assert (edit.status_code, deactivate.status_code, reset.status_code) == (404, 404, 404)
    target.refresh_from_db()
    assert target.name != "Diambil Alih"
    assert target.is_active is True
    assert target.password == password_hash
    assert target.must_change_password is False


def test_forged_operator_for_other_instansi_unit_is_refused(admin_client, babel):
    response = admin_client.post(
        "/kelola/akun/baru/",
        {
            "username": "penyusup",
            "name": "Penyusup",
            "email": "penyusup@contoh.go.id",
            "role": Role.OPERATOR,
            "unit": babel.disdukcapil.pk,
        },
    )

    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert not User.objects.filter(username="penyusup").exists()


def test_forged_role_is_refused(admin_client, babel):
    """An Admin Lokal cannot grant itself a colleague with a national role."""
    response = admin_client.post(
        "/kelola/akun/baru/",
        {
            "username": "sekretariat.palsu",
            "name": "Palsu",
            "email": "palsu@contoh.go.id",
            "role": Role.SEKRETARIAT,
            "unit": babel.kominfo.pk,
        },
    )

    assert response.status_code == 200
    assert not User.objects.filter(username="sekretariat.palsu").exists()
    assert (
        not Membership.objects.filter(role=Role.SEKRETARIAT)
        .exclude(user=babel.sekretariat)
        .exists()
    )


def test_forged_unit_posts_change_nothing(admin_client, babel):
    create = admin_client.post(
        "/kelola/unit/baru/",
        {"instansi": babel.bangka_tengah.pk, "name": "Unit Titipan", "is_active": "on"},
    )
    # Moving its own unit into the other instansi is refused the same way.
    move = admin_client.post(
        f"/kelola/unit/{babel.kominfo.pk}/ubah/",
        {"instansi": babel.bangka_tengah.pk, "name": babel.kominfo.name, "is_active": "on"},
    )
    edit_other = admin_client.post(
        f"/kelola/unit/{babel.disdukcapil.pk}/ubah/",
        {"instansi": babel.bangka_barat.pk, "name": "Diambil", "is_active": "on"},
    )

    assert (create.status_code, move.status_code, edit_other.status_code) == (200, 200, 404)
    assert not Unit.objects.filter(name="Unit Titipan").exists()
    babel.kominfo.refresh_from_db()
    babel.disdukcapil.refresh_from_db()
    assert babel.kominfo.instansi == babel.bangka_barat
    assert (babel.disdukcapil.instansi, babel.disdukcapil.name) == (
        babel.bangka_tengah,
        "Dinas Kependudukan dan Pencatatan Sipil",
    )


def test_services_refuse_out_of_scope_writes(babel):
    """The same refusals hold below the views, for any other caller of the services."""
    with pytest.raises(PermissionDenied):
        services.account_create(
            actor=babel.admin_bb,
            username="lewat.layanan",
            name="Lewat Layanan",
            email="l@contoh.go.id",
            role=Role.OPERATOR,
            unit=babel.disdukcapil,
        )
    with pytest.raises(PermissionDenied):
        services.account_set_active(actor=babel.admin_bb, account=babel.operator_bt, active=False)
    with pytest.raises(PermissionDenied):
        services.unit_save(
            actor=babel.admin_bb, unit=Unit(instansi=babel.bangka_tengah, name="Unit Lain")
        )
    assert not User.objects.filter(username="lewat.layanan").exists()
    assert not Unit.objects.filter(name="Unit Lain").exists()
    babel.operator_bt.refresh_from_db()
    assert babel.operator_bt.is_active is True


def test_account_with_a_role_outside_scope_is_left_alone(babel):
    """An operator who is also Admin Lokal elsewhere is not managed by Bangka Barat."""
    dual = f.operator(babel.kominfo, username="upp.ganda")
    f.MembershipFactory(user=dual, role=Role.ADMIN_LOKAL, instansi=babel.bangka_tengah)

    managed = set(selectors.accounts_managed_by(babel.admin_bb).values_list("pk", flat=True))

    assert babel.operator_bb.pk in managed
    assert dual.pk not in managed


def test_hub_admin_sees_only_its_province(client, babel):
    client.force_login(babel.hub_admin)

    page = client.get("/kelola/instansi/").content.decode()

    assert babel.bangka_barat.name in page
    assert babel.bangka_tengah.name in page
    assert babel.muara_enim.name not in page
