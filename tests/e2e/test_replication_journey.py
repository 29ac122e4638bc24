"""Browser journey of a replication: the hub admin creates a programme; the Admin Lokal of
Bangka Barat commits to a catalogue innovation, uploads the signed commitment, builds the
action plan and reports progress; the hub dashboard and the public hub page show it.
Each step leaves a screenshot in artifacts/e2e."""

from django.conf import settings

from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from replication.enums import Stage
from replication.models import Commitment, Programme
from tests import factories as f
from tests.kipp import factories as kf
from tests.kipp.factories import PDF_BYTES

DESKTOP = {"width": 1280, "height": 900}


# Console messages of every page opened, to show that no CSP rule was broken.
CONSOLE: list[str] = []


def _page(browser):
    page = browser.new_context(viewport=DESKTOP, locale="id-ID").new_page()
    page.on("console", lambda message: CONSOLE.append(message.text))
    return page


def _login(browser, base_url, user):
    page = _page(browser)
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _messages(page) -> str:
    notices = page.locator(".kipp-messages")
    return notices.inner_text() if notices.count() else "(no message)"


def _submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def _move(page, stage):
    _submit(page, f"#pindah-{stage}")
    assert page.inner_text("#tahap-komitmen") == Stage(stage).label, _messages(page)


def test_programme_to_public_hub_page(
    transactional_db, babel, live_server, browser, screenshot, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    muara_unit = f.UnitFactory(instansi=babel.muara_enim, name="Dinas Penanaman Modal dan PTSP")
    source = kf.history(
        muara_unit,
        f.operator(muara_unit, username="upp.me"),
        competition=kf.competition(name="KIPP 2023", year=2023),
        title="Izin Kilat Muara Enim",
        reached=[S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED],
        results=[ResultLevel.TOP99],
    ).innovation
    pdf = tmp_path / "komitmen.pdf"
    pdf.write_bytes(PDF_BYTES)
    base = live_server.url

    # 1. The hub admin creates the programme with its signing event.
    hub = _login(browser, base, babel.hub_admin)
    hub.goto(f"{base}/replikasi/program/baru/")
    hub.fill("#id_name", "Replikasi Inovasi Babel 2026")
    hub.select_option("#id_hub", str(babel.hub.pk))
    hub.fill("#id_year", "2026")
    hub.fill("#id_starts_on", "2026-01-05")
    hub.fill("#id_ends_on", "2026-12-18")
    hub.fill("#id_signing_on", "2026-02-10")
    hub.fill("#id_signing_place", "Pangkalpinang")
    screenshot(hub, "60-hub-program-baru")
    _submit(hub, "main form button[type=submit]")
    programme = Programme.objects.get(name="Replikasi Inovasi Babel 2026")
    assert programme.hub == babel.hub

    # 2. The Admin Lokal commits to a catalogue innovation.
    admin = _login(browser, base, babel.admin_bb)
    admin.goto(f"{base}{programme.get_absolute_url()}")
    admin.click("#tombol-komitmen-baru")
    admin.wait_for_selector("#daftar-katalog")
    screenshot(admin, "61-admin-katalog")
    admin.click(f"#replikasi-{source.pk}")
    admin.select_option("#id_instansi", str(babel.bangka_barat.pk))
    admin.fill("#id_title", "Izin Kilat Bangka Barat")
    _submit(admin, "main form button[type=submit]")
    commitment = Commitment.objects.get(title="Izin Kilat Bangka Barat")
    assert commitment.stage == Stage.PERSIAPAN

    # 3. The signed commitment: signatory, the signed document, then komitmen.
    admin.fill("#id_ttd-signatory", "Sukirman")
    admin.fill("#id_ttd-position", "Bupati Bangka Barat")
    admin.fill("#id_ttd-signed_on", "2026-02-10")
    _submit(admin, "#form-ttd button[type=submit]")
    admin.select_option("#id_dok-kind", "signed_commitment")
    admin.set_input_files("#id_dok-file", str(pdf))
    _submit(admin, "#form-dokumen button[type=submit]")
    _move(admin, Stage.KOMITMEN)

    # 4. The action plan and one activity, then rencana aksi and implementasi.
    admin.fill("#id_rencana-team", "Bagian Organisasi; DPMPTSP")
    admin.select_option("#id_rencana-person_in_charge", str(babel.admin_bb.pk))
    admin.fill("#id_rencana-budget_source", "APBD 2026")
    admin.fill("#id_rencana-adaptation", "Layanan keliling ke desa pesisir")
    _submit(admin, "#form-rencana button[type=submit]")
    admin.fill("#id_kegiatan-name", "Sosialisasi kepada OPD")
    admin.fill("#id_kegiatan-responsible_unit", "Bagian Organisasi")
    admin.fill("#id_kegiatan-due_on", "2026-03-01")
    _submit(admin, "#form-kegiatan button[type=submit]")
    _move(admin, Stage.RENCANA_AKSI)
    _move(admin, Stage.IMPLEMENTASI)

    # 5. A progress report with its evidence.
    admin.fill("#id_kemajuan-percent", "40")
    admin.fill("#id_kemajuan-summary", "Uji coba berjalan di dua kecamatan.")
    admin.set_input_files("#id_kemajuan-evidence", str(pdf))
    _submit(admin, "#form-kemajuan button[type=submit]")
    screenshot(admin, "62-admin-komitmen-implementasi")
    commitment.refresh_from_db()
    assert commitment.stage == Stage.IMPLEMENTASI
    assert commitment.progress_reports.get().percent == 40
    assert commitment.documents.count() == 2

    # 6. The hub dashboard and the public hub page reflect it.
    hub.goto(f"{base}/replikasi/dasbor/")
    assert hub.inner_text("#jumlah-komitmen") == "1"
    assert "Bangka Barat" in hub.inner_text("#tabel-wilayah")
    screenshot(hub, "63-hub-dasbor")
    visitor = _page(browser)
    visitor.goto(f"{base}/")
    visitor.click("#menu-jipp")
    visitor.click(f"#hub-{babel.province.code}")
    visitor.wait_for_selector("#judul-hub")
    table = visitor.inner_text("#tabel-wilayah")
    assert "Pemerintah Kabupaten Bangka Barat" in table
    assert "Sukirman" not in visitor.content()
    screenshot(visitor, "64-publik-halaman-hub")
    assert not [m for m in CONSOLE if "Content Security Policy" in m]
