"""Browser journey through the whole local and administrative path of one proposal.

Operator drafts (autosave survives a reload) and submits; the Admin Lokal returns it with a
note; the operator revises and resubmits; the Admin Lokal forwards; the Sekretariat passes
it and publishes the announcement, which an anonymous visitor then sees. Each step leaves
a screenshot in artifacts/e2e.
"""

from django.conf import settings

from kipp.enums import ProposalState as S
from tests.kipp import factories as kf

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def _tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab, as a keyboard user would, until `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate("(s) => !!document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} not reached with Tab in {limit} presses")


def _login(browser, base_url, user, viewport=DESKTOP):
    """Sign in with the keyboard only: Tab to the name, type it, Tab, the password, Enter."""
    page = browser.new_context(viewport=viewport, locale="id-ID").new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base_url}/accounts/login/")
    _tab_to(page, "#id_username")
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(settings.KIPP_DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("[id^=dasbor-]")
    return page


def _messages(page) -> str:
    notices = page.locator(".kipp-messages")
    return notices.inner_text() if notices.count() else "(no message)"


def test_draft_to_public_announcement(
    transactional_db, babel, live_server, browser, audit, screenshot, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    competition = kf.competition(name="KIPP 2025", year=2025)
    proposal = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=competition, title="Babar Satu Data"
    )
    base = live_server.url

    # 1. The operator writes; autosave keeps the text across a reload; then submits. The
    # operator's part uses the keyboard only: fields and buttons are reached with Tab.
    operator = _login(browser, base, babel.operator_bb, PHONE)
    operator.goto(f"{base}/usulan/{proposal.pk}/ubah/")
    audit(operator)
    _tab_to(operator, "#id_section_ringkasan")
    operator.keyboard.press("Control+A")
    operator.keyboard.type("Satu data kabupaten untuk layanan warga Bangka Barat.")
    operator.wait_for_selector("[data-autosave=saved]", timeout=10_000)
    operator.reload()
    assert "Satu data kabupaten" in operator.input_value("#id_section_ringkasan")
    screenshot(operator, "20-operator-draf")
    _tab_to(operator, "#tombol-ajukan")
    operator.keyboard.press("Enter")
    operator.wait_for_selector("#status-usulan")
    assert operator.inner_text("#status-usulan") == S.SUBMITTED.label, _messages(operator)
    screenshot(operator, "21-operator-diajukan")

    # 2. The Admin Lokal returns it with a note.
    admin = _login(browser, base, babel.admin_bb)
    admin.goto(f"{base}/usulan/{proposal.pk}/")
    audit(admin)
    admin.fill(f"#catatan-{S.RETURNED}", "Lengkapi uraian dampak pada bagian Signifikansi.")
    admin.click(f"#aksi-{S.RETURNED}")
    admin.wait_for_selector("#status-usulan")
    assert admin.inner_text("#status-usulan") == S.RETURNED.label
    screenshot(admin, "22-admin-lokal-dikembalikan")

    # 3. The operator sees the note, revises and resubmits.
    operator.goto(f"{base}/usulan/{proposal.pk}/")
    audit(operator)
    assert "Lengkapi uraian dampak" in operator.inner_text("#riwayat-usulan")
    operator.goto(f"{base}/usulan/{proposal.pk}/ubah/")
    _tab_to(operator, "#id_section_signifikansi")
    operator.keyboard.press("Control+A")
    operator.keyboard.type("Dampak diukur dari waktu layanan dan survei kepuasan.")
    operator.wait_for_selector("[data-autosave=saved]", timeout=10_000)
    _tab_to(operator, "#tombol-ajukan")
    operator.keyboard.press("Enter")
    operator.wait_for_selector("#status-usulan")
    assert operator.inner_text("#status-usulan") == S.SUBMITTED.label
    screenshot(operator, "23-operator-diajukan-ulang")

    # 4. The Admin Lokal forwards it to the Sekretariat.
    admin.goto(f"{base}/usulan/{proposal.pk}/")
    admin.click(f"#aksi-{S.FORWARDED}")
    admin.wait_for_selector("#status-usulan")
    assert admin.inner_text("#status-usulan") == S.FORWARDED.label
    screenshot(admin, "24-admin-lokal-diteruskan")

    # 5. The Sekretariat passes it and publishes the announcement.
    sekretariat = _login(browser, base, babel.sekretariat)
    sekretariat.goto(f"{base}/usulan/{proposal.pk}/")
    audit(sekretariat)
    sekretariat.click(f"#aksi-{S.ADMIN_PASSED}")
    sekretariat.wait_for_selector("#status-usulan")
    assert sekretariat.inner_text("#status-usulan") == S.ADMIN_PASSED.label
    sekretariat.goto(f"{base}/seleksi/administrasi/?edisi={competition.pk}")
    audit(sekretariat)
    sekretariat.click("#tombol-umumkan")
    sekretariat.wait_for_load_state()
    screenshot(sekretariat, "25-sekretariat-diumumkan")

    # 6. Anyone reaches the announcement from the home page.
    visitor = browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    visitor.goto(f"{base}/")
    announcement = f"/pengumuman/{competition.slug}/seleksi-administrasi/"
    visitor.locator(f'a[href="{announcement}"]').first.click()
    visitor.wait_for_url(f"{base}{announcement}")
    text = visitor.inner_text("main")
    assert "Babar Satu Data" in text
    assert babel.bangka_barat.name in text
    screenshot(visitor, "26-publik-pengumuman")

    proposal.refresh_from_db()
    competition.refresh_from_db()
    assert proposal.state == S.ADMIN_PASSED
    assert competition.admin_results_published_at is not None
    assert list(proposal.events.values_list("to_state", flat=True)) == [
        S.DRAFT,
        S.SUBMITTED,
        S.RETURNED,
        S.SUBMITTED,
        S.FORWARDED,
        S.ADMIN_PASSED,
    ]
