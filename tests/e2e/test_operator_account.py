"""Browser journey: an Admin Lokal creates an operator account; the operator logs in."""

from django.conf import settings

from hubs.enums import Role
from hubs.models import Membership, User

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def _login(page, base_url, username, password):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").click()


def test_admin_lokal_creates_operator_who_logs_in(
    transactional_db, babel, live_server, browser, screenshot
):
    admin_page = browser.new_context(viewport=DESKTOP, locale="id-ID").new_page()
    _login(admin_page, live_server.url, babel.admin_bb.username, settings.KIPP_DEMO_PASSWORD)
    admin_page.wait_for_selector("#dasbor-admin-lokal")

    admin_page.goto(f"{live_server.url}/kelola/akun/baru/")
    admin_page.fill("#id_username", "upp.perkimhub.bangkabarat")
    admin_page.fill("#id_name", "Nur Aisyah")
    admin_page.fill("#id_email", "nur.aisyah@bangkabaratkab.go.id")
    admin_page.select_option("#id_unit", label=babel.pdam.name)
    admin_page.locator("main form button[type=submit]").click()
    password = admin_page.locator("#kata-sandi-sementara").inner_text().strip()
    screenshot(admin_page, "01-admin-lokal-akun-dibuat")

    created = User.objects.get(username="upp.perkimhub.bangkabarat")
    assert created.must_change_password is True
    assert list(created.memberships.values_list("role", "unit_id")) == [
        (Role.OPERATOR, babel.pdam.pk)
    ]

    for name, viewport in (("375", PHONE), ("1280", DESKTOP)):
        page = browser.new_context(viewport=viewport, locale="id-ID").new_page()
        _login(page, live_server.url, "upp.perkimhub.bangkabarat", password)
        if name == "375":
            # First login: the temporary password must be replaced before anything else.
            page.wait_for_selector("#id_new_password1")
            page.fill("#id_old_password", password)
            page.fill("#id_new_password1", "Inovasi-Babel-2025!")
            page.fill("#id_new_password2", "Inovasi-Babel-2025!")
            page.locator("main form button[type=submit]").click()
        page.wait_for_selector("#dasbor-operator")
        assert babel.pdam.name in page.locator("#dasbor-operator").inner_text()
        shot = screenshot(page, f"02-operator-dasbor-{name}px")
        assert shot.stat().st_size > 10_000
        # Nothing may overflow the viewport horizontally on a phone.
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= viewport["width"]
        password = "Inovasi-Babel-2025!"

    created.refresh_from_db()
    assert created.must_change_password is False
    assert created.check_password("Inovasi-Babel-2025!")
    assert Membership.objects.filter(user=created).count() == 1
