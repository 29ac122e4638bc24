"""After `seed_demo`, each role opens its dashboard and finds what it must act on."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.kipp import factories as kf

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    kf.sdg_goals()  # an earlier transactional test's flush may have emptied them
    call_command("seed_demo", stdout=io.StringIO())


def _login(browser, audit, base, username, viewport=DESKTOP):
    page = browser.new_context(viewport=viewport, locale="id-ID").new_page()
    page.goto(f"{base}/accounts/login/")
    audit(page)
    page.fill("#id_username", username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("[id^=dasbor-]")
    audit(page)
    return page


def test_each_role_finds_its_work_on_the_dashboard(demo, live_server, browser, audit, screenshot):
    base = live_server.url

    operator = _login(browser, audit, base, "upp.kominfo.bangkabarat", PHONE)
    returned = operator.locator("#usulan-dikembalikan")
    assert "Lapor Cepat Babar" in returned.inner_text()
    assert "jumlah aduan yang selesai" in returned.inner_text()
    assert "Babar Data Desa" in operator.inner_text("#usulan-draf")
    assert "Diajukan ke Admin Lokal" in operator.inner_text("#usulan-berjalan")
    assert operator.get_by_role("link", name="Buat usulan").count() == 1
    screenshot(operator, "40-dasbor-operator")
    # The returned proposal's repair link opens its form.
    returned.get_by_role("link", name="Perbaiki").click()
    operator.wait_for_selector("#id_section_ringkasan")
    audit(operator)

    admin = _login(browser, audit, base, "adminlokal.bangkabarat")
    waiting = admin.locator("[data-menunggu]").first.inner_text()
    assert waiting == "1"
    quota = admin.locator("table.kipp-quota").first.inner_text()
    assert "Umum" in quota and "Sisa" in quota
    assert "Verifikasi lokal ditutup" in admin.inner_text("#dasbor-admin-lokal")
    screenshot(admin, "41-dasbor-admin-lokal")

    sekretariat = _login(browser, audit, base, "sekretariat", PHONE)
    funnel = sekretariat.locator("#dasbor-corong")
    assert funnel.locator("svg[role=img]").count() == 1
    assert "Kepulauan Bangka Belitung" in funnel.locator("#corong-provinsi").inner_text()
    assert "Kabupaten" in funnel.locator("#corong-klaster").inner_text()
    screenshot(sekretariat, "42-dasbor-sekretariat")
