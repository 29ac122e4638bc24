"""A unit with operators or innovations stays in its instansi: its tenancy is never split."""

from hubs.models import Unit
from tests import factories as f
from tests.kipp import factories as kf

MESSAGE = "Unit ini tidak dapat dipindahkan ke instansi lain"


def _move(client, unit, instansi):
    return client.post(
        f"/kelola/unit/{unit.pk}/ubah/",
        {"instansi": instansi.pk, "name": unit.name, "is_active": "on"},
    )


def test_unit_with_an_operator_is_not_moved(client, babel):
    client.force_login(babel.sekretariat)

    response = _move(client, babel.kominfo, babel.bangka_tengah)

    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert Unit.objects.get(pk=babel.kominfo.pk).instansi == babel.bangka_barat


def test_unit_with_an_innovation_is_not_moved(client, babel):
    kf.innovation(babel.pdam, babel.admin_bb, title="Air Bersih Setason")
    client.force_login(babel.sekretariat)

    response = _move(client, babel.pdam, babel.bangka_tengah)

    assert MESSAGE in response.content.decode()
    assert Unit.objects.get(pk=babel.pdam.pk).instansi == babel.bangka_barat


def test_empty_unit_moves_and_keeps_its_other_changes(client, babel):
    empty = f.UnitFactory(instansi=babel.bangka_barat, name="Dinas Perkimhub")
    client.force_login(babel.sekretariat)

    response = _move(client, empty, babel.bangka_tengah)

    assert response.status_code == 302
    empty.refresh_from_db()
    assert (empty.instansi, empty.is_active) == (babel.bangka_tengah, True)


def test_unit_with_operator_keeps_renaming(client, babel):
    client.force_login(babel.admin_bb)

    response = client.post(
        f"/kelola/unit/{babel.kominfo.pk}/ubah/",
        {"instansi": babel.bangka_barat.pk, "name": "Diskominfo Bangka Barat", "is_active": "on"},
    )

    assert response.status_code == 302
    babel.kominfo.refresh_from_db()
    assert babel.kominfo.name == "Diskominfo Bangka Barat"
