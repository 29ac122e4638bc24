"""An autosave conflict shows, per differing section, the stored text beside the unsaved
one; "pakai milik saya" / "ambil versi tersimpan" settle it without copying by hand."""

from django.conf import settings
from django.db.models import F

from kipp.models import Proposal
from tests.kipp import factories as kf

DESKTOP = {"width": 1280, "height": 900}


def test_conflict_is_settled_per_section(
    transactional_db, babel, live_server, browser, audit, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    draft = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kf.competition(), complete=False
    )
    page = browser.new_context(viewport=DESKTOP, locale="id-ID").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", babel.operator_bb.username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("#dasbor-operator")
    page.goto(f"{live_server.url}/usulan/{draft.pk}/ubah/")
    page.fill("#id_section_ringkasan", "Teks awal")
    page.wait_for_selector("[data-autosave=saved]", timeout=10_000)

    # A colleague saves other text in two sections.
    draft.refresh_from_db()
    sections = {**draft.sections, "ringkasan": "Teks rekan", "kolaborasi": "Kolaborasi rekan"}
    Proposal.objects.filter(pk=draft.pk).update(sections=sections, version=F("version") + 1)
    page.fill("#id_section_ringkasan", "Teks saya")
    page.fill("#id_section_kolaborasi", "Kolaborasi saya")
    page.wait_for_selector("#konflik-ringkasan", timeout=10_000)
    assert page.input_value("#tersimpan-ringkasan") == "Teks rekan"
    assert page.input_value("#milik-ringkasan") == "Teks saya"
    audit(page)

    page.click("#konflik-ringkasan [data-conflict-choice=mine]")
    page.click("#konflik-kolaborasi [data-conflict-choice=saved]")
    page.wait_for_selector("[data-autosave=saved]", timeout=10_000)

    draft.refresh_from_db()
    assert draft.sections["ringkasan"] == "Teks saya"
    assert draft.sections["kolaborasi"] == "Kolaborasi rekan"
    assert page.input_value("#id_section_kolaborasi") == "Kolaborasi rekan"
