"""Repeated wrong passwords lock one username from one address out for a while."""

from django.conf import settings

from hubs.models import User


def _attempt(client, username, password, address="203.0.113.7"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_five_wrong_passwords_lock_the_account_from_that_address(client, babel):
    username = babel.operator_bb.username
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _attempt(client, username, "salah")
        assert response.status_code == 200
        assert not response.wsgi_request.user.is_authenticated

    locked = _attempt(client, username, "salah")
    right_password = _attempt(client, username, settings.KIPP_DEMO_PASSWORD)

    assert locked.status_code == 429
    assert right_password.status_code == 429
    assert 'id="masuk-dikunci"' in right_password.content.decode()
    assert "Coba lagi dalam 15 menit" in right_password.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(client, babel):
    username = babel.operator_bb.username
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, username, "salah")

    colleague = _attempt(client, babel.admin_bb.username, settings.KIPP_DEMO_PASSWORD)
    client.logout()
    other_office = _attempt(client, username, settings.KIPP_DEMO_PASSWORD, "198.51.100.20")

    assert colleague.status_code == 302
    assert other_office.status_code == 302
    assert other_office.wsgi_request.user == User.objects.get(username=username)


def test_forged_forwarded_for_does_not_reset_the_count(client, babel):
    """Without a trusted proxy the address comes from the connection, not from a header."""
    username = babel.operator_bb.username
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/accounts/login/",
            {"username": username, "password": "salah"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )

    response = _attempt(client, username, settings.KIPP_DEMO_PASSWORD)

    assert response.status_code == 429


def test_success_clears_earlier_failures(client, babel):
    username = babel.operator_bb.username
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _attempt(client, username, "salah")
    assert _attempt(client, username, settings.KIPP_DEMO_PASSWORD).status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _attempt(client, username, "salah")
    response = _attempt(client, username, settings.KIPP_DEMO_PASSWORD)

    assert response.status_code == 302
