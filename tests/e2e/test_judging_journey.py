"""Browser journey of a scoring round: the Sekretariat assigns the judges automatically,
two judges score in Chromium (the second with the keyboard only), and the Sekretariat
computes the results. Screenshots at 375 and 1280 px go to artifacts/e2e."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from hubs.enums import Role
from judging.enums import JudgeTeam, RoundKind, SheetState
from judging.models import RankingRun, ScoreSheet
from judging.services.rounds import round_enter_admin_passed, round_judges_set, round_save
from kipp.enums import ProposalState as S
from tests import factories as f
from tests.kipp import factories as kf

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def _login(browser, base_url, user, viewport=DESKTOP):
    page = browser.new_context(viewport=viewport, locale="id-ID").new_page()
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("[id^=dasbor-]")
    return page


def _tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching `selector` has the focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus by Tab")


def _round(babel):
    competition = kf.competition(name="KIPP 2025", year=2025)
    for unit, actor, title in (
        (babel.disdukcapil, babel.operator_bt, "Dukcapil Jemput Bola"),
        (babel.kominfo, babel.operator_bb, "Sipadu Bangka Barat"),
    ):
        kf.proposal(unit, actor, competition=competition, state=S.ADMIN_PASSED, title=title)
    now = timezone.now()
    round_ = round_save(
        competition=competition,
        actor=babel.sekretariat,
        values={
            "order": 1,
            "kind": RoundKind.SCORING,
            "name": "Penilaian desk",
            "team": JudgeTeam.EVALUATOR,
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=5),
            "judges_per_proposal": 2,
        },
    )
    round_enter_admin_passed(round_=round_, actor=babel.sekretariat)
    second = f.organiser(Role.EVALUATOR, username="evaluator2")
    round_judges_set(round_=round_, actor=babel.sekretariat, users=[babel.evaluator, second])
    return round_, second


def test_assign_score_and_compute(transactional_db, babel, live_server, browser, screenshot):
    round_, keyboard_judge = _round(babel)
    criteria = list(round_.criteria.order_by("order"))
    base = live_server.url

    # 1. The Sekretariat assigns the judges automatically and follows the job.
    sek = _login(browser, base, babel.sekretariat)
    sek.goto(f"{base}/babak/{round_.pk}/")
    sek.click("#ke-penugasan")
    sek.click("#tugaskan-otomatis")
    sek.wait_for_selector("#lihat-hasil-proses")
    screenshot(sek, "40-sekretariat-penugasan-selesai")
    sek.click("#lihat-hasil-proses")
    assert sek.locator("#daftar-penugasan tbody tr").count() == 2
    screenshot(sek, "41-sekretariat-daftar-penugasan")

    # 2. The first judge scores on a phone, with autosave, then "kirim dan berikutnya".
    judge = _login(browser, base, babel.evaluator, PHONE)
    judge.goto(f"{base}/penilaian/")
    judge.click("#babak-saya a")
    judge.locator("#lembar-saya a").first.click()
    for n, criterion in enumerate(criteria):
        judge.fill(f"#nilai-{criterion.pk}", str(6 + n % 3))
    judge.wait_for_selector("[data-autosave=saved]", timeout=10_000)
    screenshot(judge, "42-juri-lembar-nilai-375")
    judge.click("#kirim-berikutnya")
    judge.wait_for_selector("#form-lembar")
    for criterion in criteria:
        judge.fill(f"#nilai-{criterion.pk}", "8")
    judge.click("#kirim-lembar")
    judge.wait_for_selector("#lembar-terkunci")
    screenshot(judge, "43-juri-lembar-terkirim-375")

    # 3. The second judge uses the keyboard only.
    keys = _login(browser, base, keyboard_judge)
    keys.goto(f"{base}/penilaian/babak/{round_.pk}/")
    _tab_to(keys, "#lembar-saya a")
    keys.keyboard.press("Enter")
    for _sheet in range(2):
        keys.wait_for_selector("#form-lembar")
        for criterion in criteria:
            _tab_to(keys, f"#nilai-{criterion.pk}")
            keys.keyboard.type("7")
        _tab_to(keys, "#kirim-berikutnya")
        keys.keyboard.press("Enter")
        keys.wait_for_load_state()
    keys.wait_for_selector("#lembar-saya")
    screenshot(keys, "44-juri-papan-ketik-selesai")
    assert set(ScoreSheet.objects.values_list("state", flat=True)) == {SheetState.SUBMITTED}

    # 4. The Sekretariat computes the results and reads them on desktop and phone.
    sek.goto(f"{base}/babak/{round_.pk}/hasil/")
    sek.click("#hitung-hasil")
    sek.wait_for_selector("#lihat-hasil-proses")
    sek.click("#lihat-hasil-proses")
    sek.wait_for_selector("#tabel-hasil")
    assert sek.locator("#tabel-hasil tbody tr").count() == 2
    assert sek.locator("#grafik-juri").count() == 1
    screenshot(sek, "45-sekretariat-hasil-1280")
    phone = sek.context.browser.new_context(
        viewport=PHONE, locale="id-ID", storage_state=sek.context.storage_state()
    ).new_page()
    phone.goto(f"{base}/babak/{round_.pk}/hasil/")
    screenshot(phone, "46-sekretariat-hasil-375")
    assert RankingRun.objects.get(round=round_).rows.count() == 2
