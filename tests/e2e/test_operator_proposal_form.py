"""Browser journey: the proposal form's live word counter, autosave, a conflict with a
colleague's save, and restoring the unsaved text after a reload."""

from django.conf import settings
from django.db.models import F

from kipp.enums import GroupKind
from kipp.models import Proposal
from tests.kipp import factories as kf

DESKTOP = {"width": 1280, "height": 900}


def test_autosave_conflict_and_restore(
    transactional_db, babel, live_server, browser, screenshot, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    competition = kf.competition()
    draft = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        kind=GroupKind.UMUM,
        complete=False,
    )
    page = browser.new_context(viewport=DESKTOP, locale="id-ID").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", babel.operator_bb.username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#dasbor-operator")

    page.goto(f"{live_server.url}/usulan/{draft.pk}/ubah/")
    page.fill("#id_section_ringkasan", "Satu dua tiga empat")
    assert page.inner_text("#hitung-ringkasan .kipp-counter-n") == "4"
    page.wait_for_selector("[data-autosave=saved]", timeout=10_000)
    draft.refresh_from_db()
    assert draft.sections["ringkasan"] == "Satu dua tiga empat"
    assert page.input_value("#id_version") == str(draft.version)

    page.fill("#id_section_kolaborasi", " ".join(["kata"] * 201))
    assert "text-danger" in page.get_attribute("#hitung-kolaborasi", "class")
    page.wait_for_selector("[data-autosave=warnings]", timeout=10_000)

    # A colleague saves first: this tab's next autosave must be refused, not overwrite.
    Proposal.objects.filter(pk=draft.pk).update(version=F("version") + 1)
    page.fill("#id_section_ringkasan", "Teks yang belum tersimpan")
    page.wait_for_selector("#konflik-simpan", timeout=10_000)
    screenshot(page, "10-usulan-konflik")
    draft.refresh_from_db()
    assert draft.sections["ringkasan"] == "Satu dua tiga empat"

    page.reload()
    page.wait_for_selector("#pemulihan:not([hidden])")
    page.click("#pemulihan-pulihkan")
    assert page.input_value("#id_section_ringkasan") == "Teks yang belum tersimpan"
    page.wait_for_selector("[data-autosave=saved]", timeout=10_000)
    draft.refresh_from_db()
    assert draft.sections["ringkasan"] == "Teks yang belum tersimpan"
