"""Login throttling beyond one username on one address: a password sprayed over many
accounts from one address, and one account attacked from rotating addresses."""

from django.conf import settings
from django.test import RequestFactory

from hubs.throttle import client_ip_address
from tests import factories as f


def _attempt(client, username, password, address):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_limits_are_separate_and_higher_for_wider_counts():
    limits = settings.LOGIN_FAILURE_LIMITS

    assert settings.AXES_LOCKOUT_PARAMETERS == [
        ["username", "ip_address"],
        "username",
        "ip_address",
    ]
    assert settings.AXES_HANDLER == "hubs.throttle.LoginThrottleHandler"
    assert limits["username+ip_address"] < limits["username"] < limits["ip_address"]


def test_spraying_one_password_over_many_accounts_locks_the_address(client, babel):
    """Each username fails only once, far below its own limit; the address count adds up."""
    address = "203.0.113.50"
    for n in range(settings.LOGIN_FAILURE_LIMITS["ip_address"] - 1):
        response = _attempt(client, f"tebakan{n}", "Rahasia2025!", address)
        assert response.status_code == 200, n

    # The failure that reaches the limit is already answered with the lockout page.
    sprayed = _attempt(client, "tebakan-lagi", "Rahasia2025!", address)
    right_password = _attempt(
        client, babel.operator_bb.username, settings.KIPP_DEMO_PASSWORD, address
    )
    elsewhere = _attempt(
        client, babel.operator_bb.username, settings.KIPP_DEMO_PASSWORD, "198.51.100.8"
    )

    assert sprayed.status_code == 429
    assert right_password.status_code == 429
    assert 'id="masuk-dikunci"' in right_password.content.decode()
    assert elsewhere.status_code == 302  # the accounts themselves are not locked


def test_rotating_addresses_against_one_username_locks_the_username(client, babel):
    """Each address fails only a few times, below the username+address limit."""
    username = babel.operator_bb.username
    per_address = settings.LOGIN_FAILURE_LIMITS["username+ip_address"] - 1
    below_limit = settings.LOGIN_FAILURE_LIMITS["username"] - 1
    failures = 0
    n = 0
    while failures < below_limit:
        address = f"198.51.100.{n + 1}"
        for _ in range(min(per_address, below_limit - failures)):
            assert _attempt(client, username, "salah", address).status_code == 200
            failures += 1
        n += 1

    reaching = _attempt(client, username, "salah", "192.0.2.76")
    fresh_address = _attempt(client, username, settings.KIPP_DEMO_PASSWORD, "192.0.2.77")
    colleague = _attempt(
        client, babel.admin_bb.username, settings.KIPP_DEMO_PASSWORD, "198.51.100.1"
    )

    assert n > 1
    assert reaching.status_code == 429
    assert fresh_address.status_code == 429
    assert "_auth_user_id" in client.session  # the colleague got in from a used address
    assert colleague.status_code == 302


def test_logging_in_to_ones_own_account_does_not_clear_the_address_count(client, babel):
    """A sprayer with an account of its own cannot reset the address count by logging in."""
    address = "203.0.113.60"
    own = f.operator(babel.pdam, username="upp.penyemprot")
    limit = settings.LOGIN_FAILURE_LIMITS["ip_address"]
    for n in range(limit - 1):
        _attempt(client, f"tebakan{n}", "Rahasia2025!", address)

    own_login = _attempt(client, own.username, settings.KIPP_DEMO_PASSWORD, address)
    client.logout()
    last = _attempt(client, "tebakan-terakhir", "Rahasia2025!", address)
    after = _attempt(client, babel.operator_bb.username, settings.KIPP_DEMO_PASSWORD, address)

    assert own_login.status_code == 302
    assert last.status_code == 429
    assert after.status_code == 429


def test_client_address_behind_trusted_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7, 10.0.0.1"
    )

    settings.TRUSTED_PROXY_COUNT = 0
    direct = client_ip_address(request)
    settings.TRUSTED_PROXY_COUNT = 1
    one_proxy = client_ip_address(request)
    settings.TRUSTED_PROXY_COUNT = 2
    two_proxies = client_ip_address(request)
    settings.TRUSTED_PROXY_COUNT = 5
    misconfigured = client_ip_address(request)

    assert direct == "10.0.0.2"
    assert one_proxy == "10.0.0.1"
    assert two_proxies == "203.0.113.7"  # the forged "1.2.3.4" is never taken
    assert misconfigured == "10.0.0.2"


def test_forwarded_addresses_count_separately_behind_the_proxy(client, babel, settings):
    """Behind the proxy every request comes from its address; the header tells clients apart."""
    settings.TRUSTED_PROXY_COUNT = 1
    username = babel.operator_bb.username
    for _ in range(settings.LOGIN_FAILURE_LIMITS["username+ip_address"]):
        client.post(
            "/accounts/login/",
            {"username": username, "password": "salah"},
            REMOTE_ADDR="172.18.0.5",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )

    same_client = client.post(
        "/accounts/login/",
        {"username": username, "password": settings.KIPP_DEMO_PASSWORD},
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    other_client = client.post(
        "/accounts/login/",
        {"username": username, "password": settings.KIPP_DEMO_PASSWORD},
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )

    assert same_client.status_code == 429
    assert other_client.status_code == 302
