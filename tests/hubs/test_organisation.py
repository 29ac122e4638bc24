"""Managing the organisation structure: units, instansi, hubs, the 3T flag, notifications."""

import pytest
from django.utils import timezone

from hubs.enums import InstansiKind
from hubs.models import Hub, Instansi, Notification, Region, Unit
from tests import factories as f

# Units ------------------------------------------------------------------------------------


def test_admin_lokal_creates_unit_in_own_instansi(client, babel):
    client.force_login(babel.admin_bb)

    form = client.get("/kelola/unit/baru/")
    response = client.post(
        "/kelola/unit/baru/",
        {"instansi": babel.bangka_barat.pk, "name": "Dinas Pengendalian Penduduk dan KB"},
    )

    # The only instansi it manages is chosen already.
    assert form.context["form"].fields["instansi"].initial == babel.bangka_barat
    assert list(form.context["form"].fields["instansi"].queryset) == [babel.bangka_barat]
    assert response.status_code == 302
    unit = Unit.objects.get(name="Dinas Pengendalian Penduduk dan KB")
    assert (unit.instansi, unit.is_active) == (babel.bangka_barat, False)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Bidang ini tidak boleh kosong."),
        ("PDAM Tirta Sejiran Setason", "Unit dengan nama ini sudah ada di instansi tersebut."),
    ],
)
def test_bad_unit_is_refused(client, babel, name, message):
    client.force_login(babel.admin_bb)
    count = Unit.objects.count()

    response = client.post(
        "/kelola/unit/baru/", {"instansi": babel.bangka_barat.pk, "name": name, "is_active": "on"}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Unit.objects.count() == count


def test_unit_can_be_deactivated(client, babel):
    client.force_login(babel.admin_bb)

    client.post(
        f"/kelola/unit/{babel.pdam.pk}/ubah/",
        {"instansi": babel.bangka_barat.pk, "name": babel.pdam.name},
    )

    babel.pdam.refresh_from_db()
    assert babel.pdam.is_active is False


# Instansi ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "region_attr", "message"),
    [
        (InstansiKind.KABUPATEN, None, "Instansi daerah harus terhubung ke wilayahnya."),
        (InstansiKind.KEMENTERIAN, "bb_region", "Instansi pusat tidak terhubung ke wilayah."),
        (InstansiKind.PROVINSI, "bb_region", "Pemerintah provinsi harus terhubung ke provinsi."),
        (InstansiKind.KOTA, "bb_region", "Jenis wilayah tidak sesuai dengan jenis instansi."),
    ],
)
def test_instansi_must_match_its_region(client, babel, kind, region_attr, message):
    client.force_login(babel.sekretariat)
    count = Instansi.objects.count()
    data = {"name": "Instansi Uji", "kind": kind, "is_active": "on"}
    if region_attr:
        data["region"] = getattr(babel, region_attr).pk

    response = client.post("/kelola/instansi/baru/", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Instansi.objects.count() == count


def test_sekretariat_creates_regional_instansi(client, babel):
    client.force_login(babel.sekretariat)
    pangkalpinang = f.RegencyFactory(
        code="19.71", name="Kota Pangkal Pinang", parent=babel.province, kind="kota"
    )

    response = client.post(
        "/kelola/instansi/baru/",
        {
            "name": "Pemerintah Kota Pangkalpinang",
            "kind": InstansiKind.KOTA,
            "region": pangkalpinang.pk,
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    instansi = Instansi.objects.get(name="Pemerintah Kota Pangkalpinang")
    assert (instansi.kind, instansi.region) == (InstansiKind.KOTA, pangkalpinang)


def test_instansi_list_filters_by_kind_and_search(client, babel):
    f.InstansiFactory(name="Kementerian Kesehatan", kind=InstansiKind.KEMENTERIAN, region=None)
    client.force_login(babel.sekretariat)

    ministries = client.get("/kelola/instansi/", {"kind": InstansiKind.KEMENTERIAN})
    searched = client.get("/kelola/instansi/", {"q": "bangka tengah"})

    assert [i.name for i in ministries.context["instansi_list"]] == ["Kementerian Kesehatan"]
    assert [i.name for i in searched.context["instansi_list"]] == [babel.bangka_tengah.name]


# Hubs -------------------------------------------------------------------------------------


def test_one_hub_per_province(client, babel):
    client.force_login(babel.sekretariat)

    response = client.post(
        "/kelola/hub/baru/", {"province": babel.province.pk, "cohort": 2022, "is_active": "on"}
    )

    assert response.status_code == 200
    assert "Provinsi ini sudah menjadi hub JIPP." in response.content.decode()
    assert Hub.objects.count() == 1


def test_hub_province_must_be_a_province(client, babel):
    client.force_login(babel.sekretariat)

    response = client.post(
        "/kelola/hub/baru/", {"province": babel.bb_region.pk, "cohort": 2022, "is_active": "on"}
    )

    assert response.status_code == 200
    assert Hub.objects.count() == 1


# Regions: the 3T flag -----------------------------------------------------------------------


def test_flag_3t_with_htmx_answers_the_row(client, babel):
    client.force_login(babel.sekretariat)

    response = client.post(
        f"/kelola/wilayah/{babel.bb_region.pk}/3t/", {"is_3t": "1"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<tr")
    assert f'id="wilayah-{babel.bb_region.pk}"' in html
    assert "<html" not in html
    babel.bb_region.refresh_from_db()
    assert babel.bb_region.is_3t is True


def test_unflag_3t_without_htmx_redirects(client, babel):
    Region.objects.filter(pk=babel.bb_region.pk).update(is_3t=True)
    client.force_login(babel.sekretariat)

    response = client.post(f"/kelola/wilayah/{babel.bb_region.pk}/3t/", {"is_3t": "0"})

    assert response.status_code == 302
    assert response["Location"] == f"/kelola/wilayah/?q={babel.bb_region.code}"
    babel.bb_region.refresh_from_db()
    assert babel.bb_region.is_3t is False


def test_region_list_filters(client, babel):
    Region.objects.filter(pk=babel.bt_region.pk).update(is_3t=True)
    client.force_login(babel.sekretariat)

    province = client.get("/kelola/wilayah/", {"province": babel.province.code})
    only_3t = client.get("/kelola/wilayah/", {"only_3t": "1"})

    assert {r.code for r in province.context["regions"]} == {"19", "19.04", "19.05"}
    assert [r.code for r in only_3t.context["regions"]] == ["19.04"]


# Notifications --------------------------------------------------------------------------------


def test_read_all_marks_only_own_notifications(client, babel):
    mine = Notification.objects.create(recipient=babel.operator_bb, subject="Satu", body="-")
    theirs = Notification.objects.create(recipient=babel.admin_bb, subject="Dua", body="-")
    client.force_login(babel.operator_bb)

    listed = client.get("/notifikasi/")
    client.post("/notifikasi/baca-semua/")

    assert [n.subject for n in listed.context["notifications"]] == ["Satu"]
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None
    assert mine.read_at <= timezone.now()
    assert theirs.read_at is None


def test_empty_states_are_explained(client, babel):
    lonely = f.InstansiFactory(name="Pemerintah Kabupaten Belitung Timur")
    client.force_login(f.admin_lokal(lonely, username="admin.beltim"))

    notifications = client.get("/notifikasi/").content.decode()
    units = client.get("/kelola/unit/").content.decode()

    assert "Belum ada notifikasi" in notifications
    assert "Belum ada unit" in units


def test_instansi_office_contact_saved_and_bad_phone_refused(client, babel):
    client.force_login(babel.sekretariat)
    url = f"/kelola/instansi/{babel.bangka_barat.pk}/ubah/"
    data = {
        "name": babel.bangka_barat.name,
        "kind": babel.bangka_barat.kind,
        "region": babel.bb_region.pk,
        "is_active": "on",
        "contact_email": "organisasi@bangkabaratkab.example",
    }

    bad = client.post(url, {**data, "contact_phone": "telp. 0716<script>"})
    babel.bangka_barat.refresh_from_db()
    assert babel.bangka_barat.contact_phone == ""
    assert "Tulis nomor telepon dengan angka" in bad.content.decode()

    client.post(url, {**data, "contact_phone": "+62 716 21001"})
    babel.bangka_barat.refresh_from_db()
    assert (babel.bangka_barat.contact_email, babel.bangka_barat.contact_phone) == (
        "organisasi@bangkabaratkab.example",
        "+62 716 21001",
    )
