"""Local verification by the Admin Lokal: the verification page (checklist, notes, hints) and
the moves made from it (return, reject, forward) against the deadlines."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kipp.enums import ChecklistItem, EvidenceKind
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import DeadlineExtension, Proposal, ProposalEvent, Verification
from kipp.selectors.verification import local_verification
from kipp.services import workflow
from tests.kipp import factories as kf

INBOX = "/verifikasi/"


@pytest.fixture
def submitted(babel, kipp2025):
    return kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED, title="Sadewa"
    )


def _refresh(proposal: Proposal) -> Proposal:
    proposal.refresh_from_db()
    return proposal


def _stored(proposal: Proposal) -> Verification | None:
    """The proposal's saved local verification, read afresh (the proposal refreshed too)."""
    return local_verification(_refresh(proposal))


# Verification page: checklist, hints ----------------------------------------------------------


def test_checklist_and_notes_are_saved(client, babel, submitted):
    client.force_login(babel.admin_bb)

    response = client.post(
        f"/verifikasi/{submitted.pk}/",
        {
            "checklist": [ChecklistItem.COMPLETE, ChecklistItem.AGE],
            "note_ringkasan": "  Perjelas ringkasan.  ",
            "note_kolaborasi": "",
            "general": "Lengkapi SK inovator.",
        },
    )

    assert response.status_code == 302
    stored = _stored(submitted)
    assert stored.checklist == {
        item: item in {ChecklistItem.COMPLETE, ChecklistItem.AGE} for item in ChecklistItem.values
    }
    assert stored.section_notes == {"ringkasan": "Perjelas ringkasan."}
    assert stored.note == "Lengkapi SK inovator."
    assert stored.verified_by == babel.admin_bb
    assert stored.verified_at <= timezone.now()
    assert submitted.state == S.SUBMITTED

    # The colleague sees the saved checklist and the notes ready to be sent back.
    client.force_login(babel.admin_bb2)
    html = client.get(f"/verifikasi/{submitted.pk}/").content.decode()
    assert 'id="cek-complete" checked' in html
    assert 'id="cek-word_limits" aria-describedby' in html
    assert "Ringkasan: Perjelas ringkasan.\nCatatan umum: Lengkapi SK inovator.</textarea>" in html


def test_checklist_cannot_be_saved_unless_submitted(client, babel, kipp2025):
    returned = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.RETURNED, title="Kembali"
    )
    client.force_login(babel.admin_bb)

    page = client.get(f"/verifikasi/{returned.pk}/").content.decode()
    response = client.post(
        f"/verifikasi/{returned.pk}/", {"checklist": [ChecklistItem.AGE]}, follow=True
    )

    assert 'id="checklist-terkunci"' in page
    assert "Checklist hanya dapat disimpan selama usulan berstatus" in response.content.decode()
    assert _stored(returned) is None


def test_checklist_cannot_be_saved_after_verification_close(client, babel):
    closed = _competition_closing(timedelta(minutes=-1))
    proposal = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=closed, state=S.SUBMITTED, title="Terlambat"
    )
    client.force_login(babel.admin_bb)

    response = client.post(
        f"/verifikasi/{proposal.pk}/", {"checklist": [ChecklistItem.AGE]}, follow=True
    )

    assert "Verifikasi lokal telah ditutup" in response.content.decode()
    assert _stored(proposal) is None


def test_hints_show_word_limits_evidence_and_age(client, babel, kipp2025):
    young = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2025,
        state=S.SUBMITTED,
        title="Inovasi Muda",
        started_on=timezone.localdate() - timedelta(days=30),
    )
    young.sections["ringkasan"] = "kata " * 201
    young.save()
    young.evidence.filter(kind=EvidenceKind.INNOVATOR_DECREE).delete()
    client.force_login(babel.admin_bb)

    response = client.get(f"/verifikasi/{young.pk}/")

    html = response.content.decode()
    hints = {
        item["value"]: [h.text for h in item["hints"]] for item in response.context["checklist"]
    }
    assert "Bagian “Ringkasan” berisi 201 kata; batasnya 200 kata." in hints["word_limits"]
    # Each problem appears once, at the checklist item it fails.
    assert hints["innovator_decree"] == ["Bukti dukung “SK inovator” belum diunggah."]
    assert not any("SK inovator" in text for text in hints["evidence_valid"])
    assert "baru memenuhi syarat pada" in hints["age"][0]
    assert "Inovasi harus sudah diterapkan minimal 24 bulan" in html  # submission_problems
    assert 'id="sisa-waktu"' in html


def test_clean_proposal_has_only_passing_hints(client, babel, submitted):
    client.force_login(babel.admin_bb)

    response = client.get(f"/verifikasi/{submitted.pk}/")

    assert response.context["problems"] == []
    oks = {h.ok for item in response.context["checklist"] for h in item["hints"]}
    assert False not in oks
    for state in (S.FORWARDED, S.RETURNED, S.REJECTED_LOCALLY):
        assert f'id="aksi-{state}"' in response.content.decode()


# Moves from the verification page -------------------------------------------------------------


def _move(client, proposal, to_state, note=None, follow=False):
    data = {"to_state": to_state, "next": f"{INBOX}?competition={proposal.competition_id}"}
    if note is not None:
        data["note"] = note
    return client.post(f"/usulan/{proposal.pk}/status/", data, follow=follow)


def test_return_with_note_reaches_the_operators_timeline(client, babel, submitted):
    note = "Ringkasan: Perjelas ringkasan.\nCatatan umum: Lengkapi SK inovator."
    client.force_login(babel.admin_bb)

    response = _move(client, submitted, S.RETURNED, note)

    assert response["Location"] == f"{INBOX}?competition={submitted.competition_id}"
    assert _refresh(submitted).state == S.RETURNED
    event = ProposalEvent.objects.filter(proposal=submitted).latest("pk")
    assert (event.from_state, event.to_state, event.note) == (S.SUBMITTED, S.RETURNED, note)
    client.force_login(babel.operator_bb)
    assert (
        "Perjelas ringkasan.<br>Catatan umum"
        in client.get(f"/usulan/{submitted.pk}/").content.decode()
    )


def test_reject_requires_a_reason(client, babel, submitted):
    client.force_login(babel.admin_bb)

    refused = _move(client, submitted, S.REJECTED_LOCALLY, "  ", follow=True)
    assert _refresh(submitted).state == S.SUBMITTED
    assert "Tuliskan catatan atau alasannya." in refused.content.decode()

    _move(client, submitted, S.REJECTED_LOCALLY, "Bukan inovasi pelayanan publik.")
    assert _refresh(submitted).state == S.REJECTED_LOCALLY
    assert ProposalEvent.objects.filter(proposal=submitted).latest("pk").note == (
        "Bukan inovasi pelayanan publik."
    )


def _competition_closing(offset: timedelta, name="KIPP Verifikasi"):
    """A competition whose registration closed two days ago and verification closes at now+offset."""
    now = timezone.now()
    return kf.competition(
        name=name,
        opens=now - timedelta(days=30),
        closes=now - timedelta(days=2),
        verification_closes=now + offset,
    )


def test_forward_is_refused_one_minute_after_verification_close(client, babel):
    competition = _competition_closing(timedelta(minutes=-1))
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        state=S.SUBMITTED,
        title="Terlambat",
    )
    client.force_login(babel.admin_bb)

    page = client.get(f"/verifikasi/{proposal.pk}/").content.decode()
    response = _move(client, proposal, S.FORWARDED, follow=True)

    assert "Verifikasi lokal telah ditutup" in response.content.decode()
    assert f'id="aksi-{S.FORWARDED}"' not in page
    assert _refresh(proposal).state == S.SUBMITTED
    assert not ProposalEvent.objects.filter(proposal=proposal, to_state=S.FORWARDED).exists()


def test_forward_works_one_minute_before_verification_close(client, babel):
    competition = _competition_closing(timedelta(minutes=1))
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        state=S.SUBMITTED,
        title="Tepat Waktu",
    )
    client.force_login(babel.admin_bb)

    response = _move(client, proposal, S.FORWARDED, follow=True)

    assert _refresh(proposal).state == S.FORWARDED
    assert "Status usulan kini: Diteruskan ke Sekretariat." in response.content.decode()
    assert ProposalEvent.objects.filter(proposal=proposal, to_state=S.FORWARDED).count() == 1


def test_forward_deadline_is_exact_to_the_minute(babel, submitted):
    closes = submitted.competition.verification_closes_at

    with pytest.raises(Refused) as refused:
        workflow.proposal_transition(
            proposal=submitted,
            actor=babel.admin_bb,
            to_state=S.FORWARDED,
            now=closes + timedelta(minutes=1),
        )
    assert refused.value.messages[0].startswith("Verifikasi lokal telah ditutup")
    assert _refresh(submitted).state == S.SUBMITTED

    workflow.proposal_transition(
        proposal=submitted,
        actor=babel.admin_bb,
        to_state=S.FORWARDED,
        now=closes - timedelta(minutes=1),
    )
    assert _refresh(submitted).state == S.FORWARDED


def test_extension_lets_the_instansi_act_after_the_competitions_close(client, babel):
    competition = _competition_closing(timedelta(minutes=-1))
    ours = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        state=S.SUBMITTED,
        title="Diperpanjang",
    )
    theirs = kf.proposal(
        babel.disdukcapil,
        babel.operator_bt,
        competition=competition,
        state=S.SUBMITTED,
        title="Tidak",
    )
    DeadlineExtension.objects.create(
        competition=competition,
        instansi=babel.bangka_barat,
        verification_closes_at=timezone.now() + timedelta(days=1),
        reason="Gangguan jaringan di kabupaten.",
        created_by=babel.sekretariat,
    )

    client.force_login(babel.admin_bb)
    client.post(f"/verifikasi/{ours.pk}/", {"checklist": [ChecklistItem.AGE]})
    # Items left unticked: the forward carries the Admin Lokal's reason.
    _move(client, ours, S.FORWARDED, note="Butir lain diperiksa di luar portal.")
    client.force_login(babel.admin_bt)
    _move(client, theirs, S.FORWARDED)

    assert _stored(ours).checklist[ChecklistItem.AGE] is True
    assert ours.state == S.FORWARDED
    assert _refresh(theirs).state == S.SUBMITTED
