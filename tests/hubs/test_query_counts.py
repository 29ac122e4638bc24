"""List pages and dashboards cost the same number of queries for one row as for many.

Each page is requested with the minimum of rows and again after `_grow` added about thirty
more of whatever it lists; both requests must run exactly the stated number of queries.
"""

import pytest

from hubs.enums import InstansiKind, Role
from hubs.models import Notification
from tests import factories as f

MANY = 30


def _grow_operators(b):
    for n in range(MANY):
        unit = f.UnitFactory(instansi=b.bangka_barat, name=f"Dinas Uji {n}")
        f.operator(unit, username=f"upp.uji{n}")


def _grow_units(b):
    for n in range(MANY):
        unit = f.UnitFactory(instansi=b.bangka_barat, name=f"Badan Uji {n}")
        f.operator(unit, username=f"upp.badan{n}")


def _grow_admin_lokal(b):
    for n in range(MANY):
        instansi = f.InstansiFactory(name=f"Pemerintah Kabupaten Uji {n}")
        f.admin_lokal(instansi, username=f"admin.uji{n}")
    for n in range(5):
        f.hub_admin(f.HubFactory(province=f.ProvinceFactory(code=f"{70 + n}")), username=f"h{n}")


def _grow_instansi(b):
    for n in range(MANY):
        regency = f.RegencyFactory(code=f"19.{10 + n}", parent=b.province)
        f.InstansiFactory(name=f"Pemerintah Kabupaten Babel {n}", region=regency)
        f.UnitFactory(instansi=b.bangka_barat, name=f"Unit {n}")
    f.InstansiFactory(name="Kementerian Uji", kind=InstansiKind.KEMENTERIAN, region=None)


def _grow_hubs(b):
    for n in range(MANY):
        f.HubFactory(province=f.ProvinceFactory(code=f"{60 + n}"))


def _grow_regions(b):
    for n in range(MANY):
        f.RegencyFactory(code=f"19.{10 + n}", parent=b.province)


def _grow_notifications(b):
    for n in range(MANY):
        for user in (b.operator_bb, b.admin_bb, b.sekretariat, b.hub_admin, b.evaluator):
            Notification.objects.create(recipient=user, subject=f"Pemberitahuan {n}", body="-")


def _grow_everything(b):
    _grow_operators(b)
    _grow_instansi(b)
    _grow_hubs(b)
    _grow_notifications(b)
    for n in range(5):
        f.organiser(Role.EVALUATOR, username=f"evaluator.uji{n}")


PAGES = [
    # (name, actor, url, queries, grow)
    ("account_list_admin_lokal", "admin_bb", "/kelola/akun/", 7, _grow_operators),
    ("account_list_sekretariat", "sekretariat", "/kelola/akun/", 7, _grow_admin_lokal),
    ("unit_list", "admin_bb", "/kelola/unit/", 6, _grow_units),
    ("instansi_list_sekretariat", "sekretariat", "/kelola/instansi/", 6, _grow_instansi),
    ("instansi_list_hub", "hub_admin", "/kelola/instansi/", 6, _grow_instansi),
    ("hub_list", "sekretariat", "/kelola/hub/", 6, _grow_hubs),
    ("region_list", "sekretariat", "/kelola/wilayah/", 7, _grow_regions),
    ("notifications", "operator_bb", "/notifikasi/", 6, _grow_notifications),
    ("dashboard_operator", "operator_bb", "/dasbor/", 14, _grow_everything),
    ("dashboard_admin_lokal", "admin_bb", "/dasbor/", 12, _grow_everything),
    ("dashboard_sekretariat", "sekretariat", "/dasbor/", 11, _grow_everything),
    ("dashboard_hub", "hub_admin", "/dasbor/", 11, _grow_everything),
    ("dashboard_judge", "evaluator", "/dasbor/", 6, _grow_everything),
    # The home page is cached; tests/public/test_query_counts.py measures it uncached.
]


@pytest.mark.parametrize(
    ("actor", "url", "queries", "grow"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES]
)
def test_same_query_count_for_one_and_many_rows(
    client, babel, django_assert_num_queries, actor, url, queries, grow
):
    if actor:
        user = getattr(babel, actor)
        Notification.objects.create(recipient=user, subject="Selamat datang", body="-")
        client.force_login(user)

    with django_assert_num_queries(queries):
        few = client.get(url)
    grow(babel)
    with django_assert_num_queries(queries):
        many = client.get(url)

    assert few.status_code == many.status_code == 200
    # The second request really listed more (so the equal counts mean something).
    assert len(many.content) > len(few.content)
