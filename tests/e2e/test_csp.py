"""Browser walk of the main pages under the Content-Security-Policy: nothing is refused.

Chromium reports every blocked script, style, handler or eval on the console ("Refused
to ..." / "Content Security Policy"); the walk collects the console of each role's pages
and the page errors, and expects none of them.
"""

from django.conf import settings
from django.utils import timezone

from kipp.enums import ProposalState as S
from tests import factories as f
from tests.kipp import factories as kf

DESKTOP = {"width": 1280, "height": 900}
BLOCKED = ("Content Security Policy", "Content-Security-Policy", "Refused to", "Permissions-Policy")


def _context(browser):
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    messages: list[str] = []
    context.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    return context, messages


def _login(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")


def _walk(browser, base, username, paths, errors):
    context, messages = _context(browser)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{username}: {error}"))
    page.on("dialog", lambda dialog: dialog.dismiss())
    if username:
        _login(page, base, username)
    for path in paths:
        response = page.goto(f"{base}{path}")
        assert response.status == 200, (username, path, response.status)
        assert response.headers["content-security-policy"], path
        page.wait_for_load_state("load")
    context.close()
    return messages


def test_main_pages_of_each_role_run_without_a_policy_violation(
    transactional_db, babel, live_server, browser, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    competition = kf.competition(name="KIPP 2025", year=2025)
    competition.admin_results_published_at = timezone.now()
    competition.save(update_fields=["admin_results_published_at"])
    draft = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=competition, title="Draf Satu"
    )
    kf.proposal(
        babel.pdam,
        babel.operator_bb,
        competition=competition,
        title="Diteruskan",
        state=S.FORWARDED,
    )
    f.UserFactory(username="root", is_staff=True, is_superuser=True)
    base = live_server.url
    walks = {
        None: ["/", "/accounts/login/", "/accounts/password_reset/"],
        babel.operator_bb.username: [
            "/dasbor/",
            "/usulan/",
            "/usulan/baru/",
            f"/usulan/{draft.pk}/",
            f"/usulan/{draft.pk}/ubah/",
            "/notifikasi/",
        ],
        babel.admin_bb.username: [
            "/dasbor/",
            "/kelola/akun/",
            "/kelola/akun/baru/",
            "/verifikasi/",
        ],
        babel.sekretariat.username: [
            "/dasbor/",
            "/kompetisi/kelola/",
            f"/kompetisi/kelola/{competition.pk}/",
            "/seleksi/administrasi/",
            "/kelola/wilayah/",
            f"/pengumuman/{competition.slug}/seleksi-administrasi/",
        ],
        "root": ["/admin/", "/admin/hubs/user/", f"/admin/hubs/user/{babel.admin_bb.pk}/change/"],
    }
    errors: list[str] = []
    console: list[str] = []

    for username, paths in walks.items():
        console += _walk(browser, base, username, paths, errors)

    # The proposal form's autosave (htmx) and word counters work under the policy.
    context, messages = _context(browser)
    page = context.new_page()
    _login(page, base, babel.operator_bb.username)
    page.goto(f"{base}/usulan/{draft.pk}/ubah/")
    page.fill("#id_section_ringkasan", "Layanan satu pintu untuk warga Bangka Barat.")
    page.wait_for_selector("[data-autosave=saved]", timeout=10_000)
    context.close()
    console += messages

    blocked = [line for line in console if any(word in line for word in BLOCKED)]
    assert blocked == []
    assert errors == []


def test_confirmation_moved_out_of_inline_handlers_still_asks(
    transactional_db, babel, live_server, browser
):
    """The account list's "Reset kata sandi" asks first (data-confirm in static/js/kipp.js)."""
    context, messages = _context(browser)
    page = context.new_page()
    _login(page, live_server.url, babel.admin_bb.username)
    page.goto(f"{live_server.url}/kelola/akun/?q={babel.operator_bb.username}")
    questions: list[str] = []

    def dismiss(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.locator("form[data-confirm] button[type=submit]").first.click()
    page.wait_for_timeout(300)
    before = babel.operator_bb.password
    babel.operator_bb.refresh_from_db()

    assert questions == ["Buat kata sandi sementara baru untuk akun ini?"]
    assert babel.operator_bb.password == before  # dismissed: nothing was reset
    assert page.url.endswith(f"/kelola/akun/?q={babel.operator_bb.username}")
    context.close()
    assert [line for line in messages if any(word in line for word in BLOCKED)] == []
