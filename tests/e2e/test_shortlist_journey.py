"""Browser journey of a shortlist: the Sekretariat builds it under composition rules and
publishes it with its decree; an anonymous visitor reads it on a phone and files an
objection; the Sekretariat upholds it, disqualifying the proposal. Screenshots at 375 and
1280 px in artifacts/e2e."""

from django.conf import settings

from hubs.enums import Cluster
from judging.enums import ObjectionState
from judging.models import Objection, Shortlist
from kipp.enums import ProposalState as S
from kipp.models import Proposal
from tests.e2e.test_proposal_journey import DESKTOP, PHONE, _login, _messages
from tests.judging.outcomes.helpers import passed, round_of, run_of
from tests.judging.outcomes.test_shortlist_service import PDF
from tests.kipp import factories as kf


def test_shortlist_published_objected_and_upheld(
    transactional_db, babel, live_server, browser, screenshot, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    competition = kf.competition(name="KIPP 2025", year=2025)
    kab = passed(babel.kominfo, babel.operator_bb, competition, 5, prefix="Layanan Babar")
    kota = passed(babel.disdukcapil, babel.operator_bt, competition, 2, prefix="Layanan Kota")
    Proposal.objects.filter(pk__in=[p.pk for p in kota]).update(cluster=Cluster.KOTA)
    scoring = round_of(competition, 1)
    round_of(competition, 2, "presentation")
    run_of(scoring, dict(zip(kab + kota, [90, 85, 80, 75, 70, 60, 50], strict=True)))
    decree = tmp_path / "sk-top.pdf"
    decree.write_bytes(PDF)
    base = live_server.url

    # 1. The Sekretariat asks for 4 with at least one kota.
    for viewport, suffix in ((PHONE, "375"), (DESKTOP, "1280")):
        sek = _login(browser, base, babel.sekretariat, viewport)
        sek.goto(f"{base}/babak/{scoring.pk}/daftar-pendek/")
        screenshot(sek, f"60-sekretariat-aturan-{suffix}")
    sek.select_option("#id_level", "top99")
    sek.fill("#id_size", "4")
    sek.fill("#id_cluster_kota_min", "1")
    sek.click("#susun")
    sek.wait_for_selector("#kandidat")
    assert "Semua aturan terpenuhi" in sek.inner_text("#status-aturan"), _messages(sek)
    assert "Kota >= 1" in sek.inner_text("#aturan-mengikat")
    table = sek.inner_text("#kandidat")
    assert "diambil untuk memenuhi Kota >= 1" in table
    assert "tidak terpilih: tempatnya dipakai untuk memenuhi Kota >= 1" in table
    screenshot(sek, "61-sekretariat-daftar-pendek-1280")
    shortlist = Shortlist.objects.get()

    # 2. Published with the decree number and its PDF.
    sek.fill("#id_decree_number", "B/99/M.KT.01/2025")
    sek.set_input_files("#id_decree_file", str(decree))
    sek.click("#umumkan")
    sek.wait_for_selector("#diumumkan")
    screenshot(sek, "62-sekretariat-diumumkan-1280")

    # 3. An anonymous visitor on a phone reads the list and files an objection.
    visitor = browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    visitor.goto(f"{base}/uji-publik/")
    visitor.click(f"a[href='/uji-publik/{shortlist.pk}/']")
    visitor.wait_for_selector("#daftar-publik")
    assert "Layanan Kota 0" in visitor.inner_text("#daftar-publik")
    assert "Layanan Babar 3" not in visitor.inner_text("#daftar-publik")
    target = kota[0]
    visitor.select_option("#id_proposal", str(target.pk))
    visitor.fill("#id_name", "Budi Santoso")
    visitor.fill("#id_email", "budi@example.id")
    visitor.fill("#id_text", "Layanan ini sudah berhenti sejak tahun lalu menurut warga.")
    screenshot(visitor, "63-publik-keberatan-375")
    visitor.click("#kirim-keberatan")
    visitor.wait_for_selector(".kipp-messages")
    assert "Keberatan Anda diterima" in _messages(visitor)
    desktop_visitor = browser.new_context(viewport=DESKTOP, locale="id-ID").new_page()
    desktop_visitor.goto(f"{base}/uji-publik/{shortlist.pk}/")
    screenshot(desktop_visitor, "64-publik-daftar-1280")
    objection = Objection.objects.get()

    # 4. The Sekretariat upholds it: the proposal is disqualified and marked out.
    sek.goto(f"{base}/daftar-pendek/{shortlist.pk}/")
    sek.fill(f"#catatan-{objection.pk}", "Terbukti: layanan berhenti sejak Januari.")
    sek.click(f"#keberatan-{objection.pk} button[value=uphold]")
    sek.wait_for_selector(".kipp-messages")
    assert "usulan didiskualifikasi" in _messages(sek)
    screenshot(sek, "65-sekretariat-keberatan-dikabulkan-1280")
    phone = _login(browser, base, babel.sekretariat, PHONE)
    phone.goto(f"{base}/daftar-pendek/{shortlist.pk}/")
    screenshot(phone, "66-sekretariat-keberatan-dikabulkan-375")

    objection.refresh_from_db()
    target.refresh_from_db()
    assert objection.state == ObjectionState.UPHELD
    assert target.state == S.DISQUALIFIED
    assert not shortlist.entries.get(proposal=target).selected
