"""Keyboard use of the evidence card: after the htmx upload replaced the card, focus is
back on the upload control, not at the top of the page."""

from django.conf import settings

from tests.kipp import factories as kf

DESKTOP = {"width": 1280, "height": 900}


def test_focus_returns_to_the_upload_control_after_an_upload(
    transactional_db, babel, live_server, browser, audit, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    competition = kf.competition()
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=competition, complete=False)
    pdf = tmp_path / "sk-inovator.pdf"
    pdf.write_bytes(kf.pdf_of_size(1500))
    page = browser.new_context(viewport=DESKTOP, locale="id-ID").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", babel.operator_bb.username)
    page.fill("#id_password", settings.KIPP_DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("#dasbor-operator")
    page.goto(f"{live_server.url}/usulan/{draft.pk}/ubah/")
    audit(page)

    page.focus("#id_kind")
    page.select_option("#id_kind", "innovator_decree")
    page.set_input_files("#id_file", str(pdf))
    page.keyboard.press("Tab")  # from the kind to the file control
    page.keyboard.press("Tab")  # to the upload button
    page.keyboard.press("Enter")
    page.wait_for_selector("#bukti-dukung[data-swapped] .alert-success")
    # Polled from here: the page's CSP refuses the eval that wait_for_function would use
    # whenever the focus is not back at the first look.
    for _ in range(50):
        if page.evaluate("document.activeElement && document.activeElement.id") == "id_file":
            break
        page.wait_for_timeout(100)

    assert page.evaluate("document.activeElement.id") == "id_file"
    assert list(draft.evidence.values_list("original_name", flat=True)) == ["sk-inovator.pdf"]
    audit(page)
