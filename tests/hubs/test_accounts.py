"""People management: creating, editing, deactivating and resetting accounts, and logging in."""

import re

import pytest
from django.conf import settings
from django.core import mail

from hubs.enums import Role
from hubs.models import Membership, Notification, User

NEW_OPERATOR = {
    "username": "upp.perkimhub.bangkabarat",
    "name": "Nur Aisyah",
    "email": "nur.aisyah@bangkabaratkab.go.id",
    "phone": "081234567890",
    "role": Role.OPERATOR,
}


def _temporary_password(response) -> str:
    match = re.search(r'id="kata-sandi-sementara">([^<]+)<', response.content.decode())
    assert match, "the temporary password is not shown"
    return match.group(1).strip()


def _login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_admin_lokal_creates_operator_with_temporary_password(
    client, babel, django_capture_on_commit_callbacks
):
    client.force_login(babel.admin_bb)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kelola/akun/baru/", {**NEW_OPERATOR, "unit": babel.pdam.pk})

    assert response.status_code == 200
    password = _temporary_password(response)
    user = User.objects.get(username="upp.perkimhub.bangkabarat")
    assert (user.name, user.email, user.phone) == (
        "Nur Aisyah",
        "nur.aisyah@bangkabaratkab.go.id",
        "081234567890",
    )
    assert user.must_change_password is True
    assert user.check_password(password)
    assert list(user.memberships.values_list("role", "unit_id", "instansi_id", "hub_id")) == [
        (Role.OPERATOR, babel.pdam.pk, None, None)
    ]
    notification = Notification.objects.get(recipient=user)
    assert notification.subject == "Akun Portal KIPP Anda telah dibuat"
    # The e-mail announces the account but never carries the password.
    assert [m.to for m in mail.outbox] == [["nur.aisyah@bangkabaratkab.go.id"]]
    assert password not in mail.outbox[0].body


def test_first_login_must_replace_temporary_password(client, babel):
    client.force_login(babel.admin_bb)
    password = _temporary_password(
        client.post("/kelola/akun/baru/", {**NEW_OPERATOR, "unit": babel.kominfo.pk})
    )
    client.logout()

    login = _login(client, NEW_OPERATOR["username"], password)
    blocked = client.get("/dasbor/")
    change = client.post(
        "/accounts/password_change/",
        {
            "old_password": password,
            "new_password1": "Inovasi-Babel-2025!",
            "new_password2": "Inovasi-Babel-2025!",
        },
    )
    dashboard = client.get("/dasbor/")

    assert login.status_code == 302
    assert blocked.status_code == 302
    assert blocked["Location"] == "/accounts/password_change/"
    assert change.status_code == 302
    assert change["Location"] == "/dasbor/"
    assert dashboard.status_code == 200
    assert 'id="dasbor-operator"' in dashboard.content.decode()
    user = User.objects.get(username=NEW_OPERATOR["username"])
    assert user.must_change_password is False
    assert user.check_password("Inovasi-Babel-2025!")


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("UPP.KOMINFO.BB", "Nama pengguna ini sudah dipakai."),  # taken, in other case
        ("nama dengan spasi", "Nama pengguna hanya boleh berisi huruf, angka"),
        ("", "Bidang ini tidak boleh kosong."),
    ],
)
def test_bad_username_is_refused_with_a_message(client, babel, username, message):
    client.force_login(babel.admin_bb)
    count = User.objects.count()

    response = client.post(
        "/kelola/akun/baru/", {**NEW_OPERATOR, "username": username, "unit": babel.kominfo.pk}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == count


def test_operator_needs_a_unit(client, babel):
    client.force_login(babel.admin_bb)

    response = client.post("/kelola/akun/baru/", NEW_OPERATOR)

    assert "Pilih unit untuk Operator UPP." in response.content.decode()
    assert not User.objects.filter(username=NEW_OPERATOR["username"]).exists()


@pytest.mark.parametrize(
    ("role", "scope_field", "message"),
    [
        (Role.ADMIN_LOKAL, "instansi", "Pilih instansi untuk Admin Lokal."),
        (Role.HUB_ADMIN, "hub", "Pilih hub untuk Admin Hub JIPP."),
    ],
)
def test_sekretariat_creates_scoped_roles(client, babel, role, scope_field, message):
    client.force_login(babel.sekretariat)
    data = {**NEW_OPERATOR, "username": "akun.baru", "role": role}

    missing = client.post("/kelola/akun/baru/", data)
    scope = babel.bangka_barat if scope_field == "instansi" else babel.hub
    created = client.post("/kelola/akun/baru/", {**data, scope_field: scope.pk})

    assert message in missing.content.decode()
    assert created.status_code == 200
    membership = Membership.objects.get(user__username="akun.baru")
    assert membership.role == role
    assert getattr(membership, scope_field) == scope


def test_sekretariat_creates_national_judges(client, babel):
    client.force_login(babel.sekretariat)

    client.post(
        "/kelola/akun/baru/", {**NEW_OPERATOR, "username": "evaluator9", "role": "evaluator"}
    )

    membership = Membership.objects.get(user__username="evaluator9")
    assert (membership.role, membership.hub_id, membership.instansi_id) == (
        Role.EVALUATOR,
        None,
        None,
    )


def test_admin_lokal_edits_operator(client, babel):
    client.force_login(babel.admin_bb)

    response = client.post(
        f"/kelola/akun/{babel.operator_bb.pk}/ubah/",
        {"name": "Rahmat Hidayat", "email": "rahmat@bangkabaratkab.go.id", "phone": "0717"},
    )
    invalid = client.post(
        f"/kelola/akun/{babel.operator_bb.pk}/ubah/",
        {"name": "", "email": "bukan-surel", "phone": ""},
    )

    assert response.status_code == 302
    assert invalid.status_code == 200
    assert "Masukkan alamat email yang valid." in invalid.content.decode()
    babel.operator_bb.refresh_from_db()
    assert (babel.operator_bb.name, babel.operator_bb.email, babel.operator_bb.phone) == (
        "Rahmat Hidayat",
        "rahmat@bangkabaratkab.go.id",
        "0717",
    )


def test_deactivated_account_cannot_log_in_until_reactivated(client, babel):
    client.force_login(babel.admin_bb)
    client.post(f"/kelola/akun/{babel.operator_bb.pk}/status/", {"active": "0"})
    client.logout()

    refused = _login(client, babel.operator_bb.username, settings.KIPP_DEMO_PASSWORD)

    assert refused.status_code == 200
    assert not refused.wsgi_request.user.is_authenticated
    babel.operator_bb.refresh_from_db()
    assert babel.operator_bb.is_active is False

    client.force_login(babel.admin_bb)
    client.post(f"/kelola/akun/{babel.operator_bb.pk}/status/", {"active": "1"})
    client.logout()
    accepted = _login(client, babel.operator_bb.username, settings.KIPP_DEMO_PASSWORD)

    assert accepted.status_code == 302
    babel.operator_bb.refresh_from_db()
    assert babel.operator_bb.is_active is True


def test_reset_gives_a_new_temporary_password(client, babel):
    client.force_login(babel.admin_bb)

    response = client.post(f"/kelola/akun/{babel.operator_bb.pk}/reset-sandi/")

    password = _temporary_password(response)
    babel.operator_bb.refresh_from_db()
    assert babel.operator_bb.check_password(password)
    assert not babel.operator_bb.check_password(settings.KIPP_DEMO_PASSWORD)
    assert babel.operator_bb.must_change_password is True
    assert Notification.objects.filter(
        recipient=babel.operator_bb, subject="Kata sandi Portal KIPP Anda direset"
    ).exists()


def test_account_list_filters_by_role_and_search(client, babel):
    client.force_login(babel.sekretariat)

    judges = client.get("/kelola/akun/", {"role": Role.EVALUATOR})
    admins = client.get("/kelola/akun/", {"role": Role.ADMIN_LOKAL, "q": "admin.bt"})

    assert [a.username for a in judges.context["accounts"]] == ["evaluator"]
    assert [a.username for a in admins.context["accounts"]] == ["admin.bt"]


def test_password_reset_by_email(client, babel, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password_reset/", {"email": babel.operator_bb.email})

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[babel.operator_bb.email]]
    # The link points at the configured site, not at the Host header of the request.
    pattern = re.escape(settings.SITE_URL) + r"(/accounts/reset/\S+/)"
    link = re.search(pattern, mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Sandi-Baru-2025!", "new_password2": "Sandi-Baru-2025!"},
    )

    assert done.status_code == 302
    babel.operator_bb.refresh_from_db()
    assert babel.operator_bb.check_password("Sandi-Baru-2025!")


def test_logout_is_a_post(client, babel):
    client.force_login(babel.operator_bb)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert client.get("/dasbor/").status_code == 302
