"""HTML is sent gzip-compressed, except the page showing a temporary password (BREACH)."""

from hubs.enums import Role
from hubs.models import User


def test_pages_are_compressed_for_clients_that_accept_gzip(client, babel):
    client.force_login(babel.admin_bb)

    response = client.get("/kelola/akun/", headers={"accept-encoding": "gzip"})

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_temporary_password_page_is_not_compressed(client, babel):
    client.force_login(babel.admin_bb)

    response = client.post(
        "/kelola/akun/baru/",
        {
            "username": "upp.baru",
            "name": "Operator Baru",
            "email": "upp.baru@bangkabaratkab.go.id",
            "phone": "081234567891",
            "role": Role.OPERATOR,
            "unit": babel.pdam.pk,
        },
        headers={"accept-encoding": "gzip"},
    )

    assert User.objects.filter(username="upp.baru").exists()
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert 'id="kata-sandi-sementara"' in response.content.decode()
