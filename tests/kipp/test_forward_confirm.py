"""Forwarding shows the quota after the move and the unticked checklist items, which then
need a note."""

from kipp.enums import ChecklistItem
from kipp.enums import ProposalState as S
from kipp.services import verification
from tests.kipp import factories as kf


def _submitted(babel, competition, title="Teruskan"):
    return kf.proposal(
        babel.kominfo, babel.operator_bb, competition=competition, title=title, state=S.SUBMITTED
    )


def _check(babel, made, ticked):
    verification.verification_save(
        actor=babel.admin_bb, proposal=made, checklist=ticked, notes={"sections": {}, "general": ""}
    )


def test_forward_form_asks_for_confirmation_with_the_quota_after(client, babel, kipp2025):
    made = _submitted(babel, kipp2025)
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="Lain", state=S.FORWARDED
    )
    _check(babel, made, [ChecklistItem.COMPLETE])
    client.force_login(babel.admin_bb)

    page = client.get(f"/verifikasi/{made.pk}/").content.decode()

    form = page.split('id="form-teruskan"')[1].split("</form>")[0]
    assert "Sesudahnya kuota Umum terpakai 2 dari" in form  # in data-confirm
    assert 'id="kuota-sesudah"' in form
    assert str(ChecklistItem.AGE.label) in form.split('id="belum-dicentang"')[1]
    assert str(ChecklistItem.COMPLETE.label) not in form.split('id="belum-dicentang"')[1]
    assert 'name="note"' in form and "required" in form


def test_forward_with_unticked_items_needs_a_note(client, babel, kipp2025):
    made = _submitted(babel, kipp2025)
    _check(babel, made, [ChecklistItem.COMPLETE])
    client.force_login(babel.admin_bb)

    client.post(f"/usulan/{made.pk}/status/", {"to_state": S.FORWARDED})
    made.refresh_from_db()
    assert made.state == S.SUBMITTED

    client.post(f"/usulan/{made.pk}/status/", {"to_state": S.FORWARDED, "note": "Dicek manual."})
    made.refresh_from_db()
    assert made.state == S.FORWARDED
    assert made.events.order_by("-pk").first().note == "Dicek manual."


def test_forward_with_every_item_ticked_needs_no_note(client, babel, kipp2025):
    made = _submitted(babel, kipp2025)
    _check(babel, made, ChecklistItem.values)
    client.force_login(babel.admin_bb)

    client.post(f"/usulan/{made.pk}/status/", {"to_state": S.FORWARDED})

    made.refresh_from_db()
    assert made.state == S.FORWARDED


def test_proposal_page_forward_asks_first_and_wants_a_note_for_unticked(client, babel, kipp2025):
    made = _submitted(babel, kipp2025)
    _check(babel, made, [ChecklistItem.COMPLETE])
    client.force_login(babel.admin_bb)

    page = client.get(f"/usulan/{made.pk}/").content.decode()

    form = page.split('value="forwarded"')[0].rsplit("<form", 1)[1]
    assert "data-confirm=" in form
    after = page.split('value="forwarded"')[1].split("</form>")[0]
    assert "butir checklist belum dicentang" in after and "required" in after
