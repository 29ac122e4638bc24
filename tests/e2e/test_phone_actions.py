"""At 375 px the Admin Lokal reaches the decision without scrolling past the proposal: a
bar fixed to the bottom of the screen leads to it."""

from django.conf import settings

from kipp.enums import ProposalState as S
from tests.kipp import factories as kf

PHONE = {"width": 375, "height": 812}


def test_decision_is_one_tap_away_on_a_phone(
    transactional_db, babel, live_server, browser, audit, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    made = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=kf.competition(),
        state=S.SUBMITTED,
        title="Layanan Cepat",
    )
    page = browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", babel.admin_bb.username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("#dasbor-admin-lokal")
    page.goto(f"{live_server.url}/verifikasi/{made.pk}/")
    audit(page)

    bar = page.locator("#ke-tindakan")
    box = bar.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    assert not page.locator(f"#aksi-{S.FORWARDED}").is_visible() or (
        page.locator(f"#aksi-{S.FORWARDED}").bounding_box()["y"] > PHONE["height"]
    )
    bar.click()
    # Bootstrap scrolls smoothly: wait until the decision has arrived on the screen (polled
    # from here: the page's CSP refuses the eval that wait_for_function would use).
    for _ in range(40):
        top = page.evaluate("document.getElementById('tindakan').getBoundingClientRect().top")
        if 0 <= top < PHONE["height"] / 2:
            break
        page.wait_for_timeout(100)
    decision = page.locator(f"#aksi-{S.FORWARDED}").bounding_box()
    assert decision is not None and 0 <= decision["y"] < PHONE["height"]
