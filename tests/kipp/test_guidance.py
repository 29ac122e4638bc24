"""Guidance where the work is done: return notes beside the sections, a refused submit
that stays on the form, the receipt, and the Admin Lokal's checks on the proposal page."""

from kipp.enums import ChecklistItem
from kipp.enums import ProposalState as S
from kipp.services import verification, workflow
from tests.kipp import factories as kf


def _returned_with_notes(babel, competition):
    made = kf.proposal(babel.kominfo, babel.operator_bb, competition=competition, title="Aduan")
    workflow.proposal_transition(proposal=made, actor=babel.operator_bb, to_state=S.SUBMITTED)
    verification.verification_save(
        actor=babel.admin_bb,
        proposal=made,
        checklist=[ChecklistItem.COMPLETE],
        notes={"sections": {"signifikansi": "Tuliskan cara dampak diukur."}, "general": ""},
    )
    workflow.proposal_transition(
        proposal=made, actor=babel.admin_bb, to_state=S.RETURNED, note="Perbaiki Signifikansi."
    )
    return made


def test_edit_form_shows_return_notes_beside_their_section(client, babel, kipp2025):
    made = _returned_with_notes(babel, kipp2025)
    client.force_login(babel.operator_bb)

    page = client.get(f"/usulan/{made.pk}/ubah/").content.decode()

    row = page.split('id="baris-section_signifikansi"')[1].split('id="baris-section_')[0]
    assert 'id="catatan-bagian-signifikansi"' in row
    assert "Tuliskan cara dampak diukur." in row
    assert "Perbaiki Signifikansi." in page.split('id="catatan-pengembalian"')[1]
    assert page.count("kipp-section-note") == 1


def test_refused_submit_stays_on_the_form_with_the_problems(client, babel, kipp2025):
    made = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="Kosong", complete=False
    )
    client.force_login(babel.operator_bb)

    response = client.post(
        f"/usulan/{made.pk}/status/",
        {"to_state": S.SUBMITTED, "back": f"/usulan/{made.pk}/ubah/#ajukan"},
        follow=True,
    )

    made.refresh_from_db()
    assert made.state == S.DRAFT
    assert response.redirect_chain[0][0] == f"/usulan/{made.pk}/ubah/#ajukan"
    page = response.content.decode()
    assert 'id="kekurangan"' in page and 'id="form-usulan"' in page


def test_submitted_proposal_page_has_a_receipt_in_wib(client, babel, kipp2025):
    made = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Terima")
    workflow.proposal_transition(proposal=made, actor=babel.operator_bb, to_state=S.SUBMITTED)
    client.force_login(babel.operator_bb)

    page = client.get(f"/usulan/{made.pk}/").content.decode()

    receipt = page.split('id="tanda-terima"')[1].split("</section>")[0]
    assert "WIB" in receipt and str(made.pk) in receipt and "data-print" in receipt
    assert 'id="verifikasi-lokal"' not in page  # the operator does not see the checklist


def test_sekretariat_sees_the_local_checklist_where_it_decides(client, babel, kipp2025):
    made = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Teruskan")
    workflow.proposal_transition(proposal=made, actor=babel.operator_bb, to_state=S.SUBMITTED)
    verification.verification_save(
        actor=babel.admin_bb,
        proposal=made,
        checklist=[ChecklistItem.COMPLETE],
        notes={"sections": {}, "general": "Sudah dicek lengkap."},
    )
    workflow.proposal_transition(
        proposal=made, actor=babel.admin_bb, to_state=S.FORWARDED, note="Dicek manual."
    )
    client.force_login(babel.sekretariat)

    page = client.get(f"/usulan/{made.pk}/").content.decode()

    check = page.split('id="verifikasi-lokal"')[1].split("</section>")[0]
    assert "Sudah dicek lengkap." in check
    assert "Belum dicentang:" in check and "Sesuai:" in check
    assert f'id="aksi-{S.ADMIN_PASSED}"' in page


def test_enter_competition_offered_only_where_not_entered(client, babel, kipp2025):
    entered = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Ikut")
    free = kf.innovation(babel.kominfo, babel.operator_bb, title="Belum Ikut")
    client.force_login(babel.operator_bb)

    page = client.get("/usulan/inovasi/").content.decode()

    assert f"?inovasi={free.pk}" in page
    assert f"?inovasi={entered.innovation_id}" not in page


def test_status_filter_lists_only_states_the_proposals_are_in(client, babel, kipp2025):
    kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Draf")
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="Aju", state=S.SUBMITTED
    )
    client.force_login(babel.operator_bb)

    response = client.get("/usulan/")

    assert [value for value, _ in response.context["states"]] == [S.DRAFT, S.SUBMITTED]


def test_group_choice_is_explained_where_it_is_made(client, babel, kipp2025):
    kf.innovation(babel.kominfo, babel.operator_bb, title="Baru")
    client.force_login(babel.operator_bb)

    page = client.get("/usulan/baru/").content.decode()

    explained = page.split('id="penjelasan-kelompok"')[1].split("</details>")[0]
    assert "Umum" in explained and "Replikasi" in explained and "Khusus" in explained


def test_new_competition_sections_carry_guiding_questions_and_criterion(client, babel):
    from datetime import timedelta

    from django.utils import timezone

    from kipp.services import competitions

    now = timezone.now()
    made = competitions.competition_create(
        actor=babel.sekretariat,
        organiser_hub=None,
        name="KIPP Panduan",
        slug="kipp-panduan",
        year=now.year,
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=5),
        verification_closes_at=now + timedelta(days=9),
    )
    section = made.groups.get(kind="umum").sections.get(key="signifikansi")
    assert "data sebelum dan sesudah" in section.help_text
    assert section.criterion == "Besarnya dampak yang terukur bagi penerima layanan."

    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=made, title="Panduan")
    client.force_login(babel.operator_bb)
    page = client.get(f"/usulan/{draft.pk}/ubah/").content.decode()

    assert 'id="kriteria-signifikansi"' in page and section.criterion in page
    assert (
        'aria-describedby="panduan-signifikansi kriteria-signifikansi hitung-signifikansi"' in page
    )


def test_inbox_status_filter_offers_only_states_that_occur(client, babel, kipp2025):
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="A", state=S.SUBMITTED
    )
    kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="B", state=S.RETURNED)
    client.force_login(babel.admin_bb)

    response = client.get("/verifikasi/")

    choices = [value for value, _ in response.context["filter"].form.fields["state"].choices]
    assert choices == ["", S.SUBMITTED, S.RETURNED]
