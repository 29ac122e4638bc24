"""Every view of the organisation area, for every kind of visitor.

Each case states the exact status per actor. A POST that is refused (404, 405, a login
redirect, or a form sent back with errors) must leave the database exactly as it was; an
accepted POST must change it.

Actors: `owner` is the Admin Lokal of Bangka Barat (who manages its operators and units),
`colleague` a second Admin Lokal of the same instansi, `outsider` the Admin Lokal of Bangka
Tengah, `judge` a Tim Evaluasi member; plus an operator, the national Sekretariat, the Babel
hub admin and an anonymous visitor.
"""

import pytest
from django.urls import get_resolver, resolve

from hubs.models import Hub, Instansi, Membership, Notification, Region, Unit, User
from tests.access import TWO_ROLE_ACTORS, Case, check_access, two_role_people, with_two_role_actors
from tests.access import statuses as _statuses

BASE_ACTORS = ("anon", "owner", "colleague", "outsider", "judge", "operator", "sekretariat", "hub")
ACTORS = BASE_ACTORS + TWO_ROLE_ACTORS
# Each two-role person gets exactly what one of its roles gives here: the Sekretariat's
# national powers (not the hub's), the Admin Lokal of Bangka Tengah's (operators manage
# nothing), the hub admin's.
MIRRORS = {"sek_panelist_hub": "sekretariat", "admin_operator": "outsider", "evaluator_hub": "hub"}
ACTOR_ATTR = {
    "owner": "admin_bb",
    "colleague": "admin_bb2",
    "outsider": "admin_bt",
    "judge": "evaluator",
    "operator": "operator_bb",
    "sekretariat": "sekretariat",
    "hub": "hub_admin",
}


def statuses(default: int, anon: int = 302, **overrides: int) -> dict[str, int]:
    return _statuses(BASE_ACTORS, default, anon, **overrides)


# Who may enter each management area (everyone else signed in gets 404).
ADMINS_AND_SEK = {"owner": 200, "colleague": 200, "outsider": 200, "sekretariat": 200}
BB_ADMINS = {"owner": 200, "colleague": 200}


BASE_CASES = [
    Case("home", lambda b: "/", statuses(200, anon=200)),
    Case("healthz", lambda b: "/healthz", statuses(200, anon=200)),
    Case("login", lambda b: "/accounts/login/", statuses(302, anon=200)),
    Case("password_change", lambda b: "/accounts/password_change/", statuses(200)),
    Case("password_reset", lambda b: "/accounts/password_reset/", statuses(200, anon=200)),
    Case("dashboard", lambda b: "/dasbor/", statuses(200)),
    Case("notifications", lambda b: "/notifikasi/", statuses(200)),
    Case(
        "notifications_read_all",
        lambda b: "/notifikasi/baca-semua/",
        statuses(302),
        method="post",
        data=lambda b: {},
        changes=frozenset(ACTORS) - {"anon"},
    ),
    # Accounts --------------------------------------------------------------------------
    Case("account_list", lambda b: "/kelola/akun/", statuses(404, **ADMINS_AND_SEK)),
    Case("account_create", lambda b: "/kelola/akun/baru/", statuses(404, **ADMINS_AND_SEK)),
    Case(
        "account_create_operator_of_bangka_barat",
        lambda b: "/kelola/akun/baru/",
        # The outsider's and the Sekretariat's forms refuse the unit / the role: 200 + errors.
        statuses(404, **ADMINS_AND_SEK),
        method="post",
        data=lambda b: {
            "username": "upp.perkimhub.bb",
            "name": "Nur Aisyah",
            "email": "nur.aisyah@contoh.go.id",
            "role": "operator",
            "unit": b.kominfo.pk,
        },
        changes=frozenset({"owner", "colleague"}),
    ),
    Case(
        "account_update_operator",
        lambda b: f"/kelola/akun/{b.operator_bb.pk}/ubah/",
        statuses(404, **BB_ADMINS),
    ),
    Case(
        "account_update_operator_post",
        lambda b: f"/kelola/akun/{b.operator_bb.pk}/ubah/",
        statuses(404, owner=302, colleague=302),
        method="post",
        data=lambda b: {"name": "Nama Diubah", "email": "ubah@contoh.go.id", "phone": "0812"},
        changes=frozenset({"owner", "colleague"}),
    ),
    Case(
        "account_deactivate_operator",
        lambda b: f"/kelola/akun/{b.operator_bb.pk}/status/",
        statuses(404, owner=302, colleague=302),
        method="post",
        data=lambda b: {"active": "0"},
        changes=frozenset({"owner", "colleague"}),
    ),
    Case(
        "account_status_by_get",
        lambda b: f"/kelola/akun/{b.operator_bb.pk}/status/",
        # The method is refused before any object is looked up, so 405 reveals nothing.
        statuses(404, owner=405, colleague=405, outsider=405, sekretariat=405),
    ),
    Case(
        "account_reset_operator",
        lambda b: f"/kelola/akun/{b.operator_bb.pk}/reset-sandi/",
        statuses(404, **BB_ADMINS),
        method="post",
        data=lambda b: {},
        changes=frozenset({"owner", "colleague"}),
    ),
    Case(
        "account_update_admin_lokal",
        lambda b: f"/kelola/akun/{b.admin_bt.pk}/ubah/",
        statuses(404, sekretariat=200),
    ),
    Case(
        "account_deactivate_admin_lokal",
        lambda b: f"/kelola/akun/{b.admin_bt.pk}/status/",
        statuses(404, sekretariat=302),
        method="post",
        data=lambda b: {"active": "0"},
        changes=frozenset({"sekretariat"}),
    ),
    Case(
        "account_reset_admin_lokal",
        lambda b: f"/kelola/akun/{b.admin_bt.pk}/reset-sandi/",
        statuses(404, sekretariat=200),
        method="post",
        data=lambda b: {},
        changes=frozenset({"sekretariat"}),
    ),
    # Units -----------------------------------------------------------------------------
    Case("unit_list", lambda b: "/kelola/unit/", statuses(404, **ADMINS_AND_SEK)),
    Case("unit_create", lambda b: "/kelola/unit/baru/", statuses(404, **ADMINS_AND_SEK)),
    Case(
        "unit_create_in_bangka_barat",
        lambda b: "/kelola/unit/baru/",
        statuses(404, owner=302, colleague=302, outsider=200, sekretariat=302),
        method="post",
        data=lambda b: {
            "instansi": b.bangka_barat.pk,
            "name": "Dinas Perumahan, Kawasan Permukiman dan Perhubungan",
            "is_active": "on",
        },
        changes=frozenset({"owner", "colleague", "sekretariat"}),
    ),
    Case(
        "unit_update",
        lambda b: f"/kelola/unit/{b.kominfo.pk}/ubah/",
        statuses(404, owner=200, colleague=200, sekretariat=200),
    ),
    Case(
        "unit_update_post",
        lambda b: f"/kelola/unit/{b.kominfo.pk}/ubah/",
        statuses(404, owner=302, colleague=302, sekretariat=302),
        method="post",
        data=lambda b: {"instansi": b.bangka_barat.pk, "name": "Dinas Kominfo", "is_active": ""},
        changes=frozenset({"owner", "colleague", "sekretariat"}),
    ),
    # Instansi --------------------------------------------------------------------------
    Case("instansi_list", lambda b: "/kelola/instansi/", statuses(404, sekretariat=200, hub=200)),
    Case("instansi_create", lambda b: "/kelola/instansi/baru/", statuses(404, sekretariat=200)),
    Case(
        "instansi_create_post",
        lambda b: "/kelola/instansi/baru/",
        statuses(404, sekretariat=302),
        method="post",
        data=lambda b: {"name": "Kementerian Contoh", "kind": "kementerian", "is_active": "on"},
        changes=frozenset({"sekretariat"}),
    ),
    Case(
        "instansi_update",
        lambda b: f"/kelola/instansi/{b.bangka_barat.pk}/ubah/",
        statuses(404, sekretariat=200),
    ),
    Case(
        "instansi_update_post",
        lambda b: f"/kelola/instansi/{b.bangka_barat.pk}/ubah/",
        statuses(404, sekretariat=302),
        method="post",
        data=lambda b: {
            "name": "Pemkab Bangka Barat",
            "kind": "kabupaten",
            "region": b.bb_region.pk,
            "is_active": "on",
        },
        changes=frozenset({"sekretariat"}),
    ),
    # Hubs ------------------------------------------------------------------------------
    Case("hub_list", lambda b: "/kelola/hub/", statuses(404, sekretariat=200, hub=200)),
    Case("hub_create", lambda b: "/kelola/hub/baru/", statuses(404, sekretariat=200)),
    Case(
        "hub_create_post",
        lambda b: "/kelola/hub/baru/",
        statuses(404, sekretariat=302),
        method="post",
        data=lambda b: {
            "province": b.muara_enim.region.parent_id,
            "cohort": 2021,
            "decree": "KepmenPANRB 100/2021",
            "mentors": "Universitas Sriwijaya",
            "is_active": "on",
        },
        changes=frozenset({"sekretariat"}),
    ),
    Case(
        "hub_update",
        lambda b: f"/kelola/hub/{b.hub.pk}/ubah/",
        statuses(404, sekretariat=200),
    ),
    Case(
        "hub_update_post",
        lambda b: f"/kelola/hub/{b.hub.pk}/ubah/",
        statuses(404, sekretariat=302),
        method="post",
        data=lambda b: {
            "province": b.province.pk,
            "cohort": 2020,
            "decree": "KepmenPANRB 94/2020",
            "mentors": "Universitas Bangka Belitung",
            "is_active": "on",
        },
        changes=frozenset({"sekretariat"}),
    ),
    # Regions ---------------------------------------------------------------------------
    Case("region_list", lambda b: "/kelola/wilayah/", statuses(404, sekretariat=200)),
    Case(
        "region_flag_3t",
        lambda b: f"/kelola/wilayah/{b.bb_region.pk}/3t/",
        statuses(404, sekretariat=302),
        method="post",
        data=lambda b: {"is_3t": "1"},
        changes=frozenset({"sekretariat"}),
    ),
]


def snapshot():
    """Everything a view of this area could write, in a comparable form."""
    return {
        "users": list(
            User.objects.order_by("pk").values_list(
                "pk", "username", "name", "email", "phone", "is_active", "password"
            )
        ),
        "memberships": list(Membership.objects.order_by("pk").values_list()),
        "units": list(Unit.objects.order_by("pk").values_list()),
        "instansi": list(Instansi.objects.order_by("pk").values_list()),
        "hubs": list(Hub.objects.order_by("pk").values_list()),
        "regions": list(Region.objects.order_by("pk").values_list("pk", "is_3t", "name")),
        "notifications": list(
            Notification.objects.order_by("pk").values_list("pk", "recipient_id", "read_at")
        ),
    }


CASES = with_two_role_actors(BASE_CASES, MIRRORS)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_access(client, babel, case, actor):
    two_role_people(babel)
    user = None
    if actor != "anon":
        user = getattr(babel, ACTOR_ATTR.get(actor, actor))
        Notification.objects.create(recipient=user, subject="Belum dibaca", body="-")
    check_access(client, user=user, actor=actor, case=case, context=(babel,), snapshot=snapshot)


def test_every_portal_url_is_in_the_matrix(babel):
    """A new view of this area cannot be added without a row in the matrix."""
    covered = {resolve(case.url(babel)).route for case in CASES}
    routes = {str(p.pattern) for p in get_resolver("hubs.urls").url_patterns}
    routes |= {f"accounts/{p.pattern}" for p in get_resolver("hubs.urls_accounts").url_patterns}
    # The reset links (uid/token) and their end pages are exercised in test_accounts.
    routes -= {
        "accounts/reset/<uidb64>/<token>/",
        "accounts/reset/done/",
        "accounts/password_reset/done/",
        "accounts/logout/",
    }
    assert routes - covered == set()
