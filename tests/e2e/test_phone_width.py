"""At 375 px, pages with tables stay as wide as the screen: list tables become labelled
cards, tables of figures scroll inside their own box."""

from datetime import date, timedelta

from django.conf import settings

from replication.enums import Stage
from replication.models import Activity
from tests.replication.conftest import repl  # noqa: F401 - the replication fixture
from tests.replication.helpers import at_stage

PHONE = {"width": 375, "height": 812}
WIDER_THAN_SCREEN = "document.documentElement.scrollWidth > window.innerWidth"
UNLABELLED = (
    "Array.from(document.querySelectorAll('#daftar-kegiatan tbody td'))"
    ".filter(td => !td.dataset.label).length"
)


def test_replication_pages_fit_a_phone(transactional_db, repl, live_server, browser, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    commitment = at_stage(repl.commitment, Stage.IMPLEMENTASI)
    for n, name in enumerate(["Sosialisasi kepada OPD dan masyarakat", "Uji coba layanan"]):
        Activity.objects.create(
            commitment=commitment,
            name=name,
            responsible_unit="Bagian Organisasi",
            due_on=date.today() + timedelta(days=n - 3),
        )
    page = browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", repl.babel.admin_bb.username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("#dasbor-admin-lokal")

    widths = {}
    for path in [
        f"/replikasi/komitmen/{commitment.pk}/",
        "/replikasi/program/",
        "/replikasi/dasbor/",
        "/statistik/",
    ]:
        page.goto(f"{live_server.url}{path}")
        widths[path] = page.evaluate(WIDER_THAN_SCREEN)
    page.goto(f"{live_server.url}/replikasi/komitmen/{commitment.pk}/")

    assert not any(widths.values()), widths
    assert page.locator("#daftar-kegiatan tbody tr").count() == 2
    assert page.evaluate(UNLABELLED) == 0
