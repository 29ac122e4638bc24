"""The shared proposal page, the single transition endpoint and evidence downloads."""

import pytest

from kipp.enums import ProposalState as S
from kipp.models import ProposalEvent
from tests.kipp import factories as kf


@pytest.fixture
def submitted(babel, kipp2025):
    return kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED)


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("operator_bb", 200),
        ("admin_bb", 200),
        ("admin_bb2", 200),
        ("admin_bt", 404),
        ("operator_bt", 404),
        ("evaluator", 404),
        ("sekretariat", 404),  # not forwarded yet
        ("hub_admin", 404),
    ],
)
def test_proposal_page_access(client, babel, submitted, actor, status):
    client.force_login(getattr(babel, actor))

    response = client.get(f"/usulan/{submitted.pk}/")
    evidence = submitted.evidence.first()
    download = client.get(f"/usulan/{submitted.pk}/bukti/{evidence.pk}/")
    download.close()

    assert response.status_code == status
    assert download.status_code == status


def test_anonymous_is_sent_to_login(client, submitted):
    assert client.get(f"/usulan/{submitted.pk}/")["Location"].startswith("/accounts/login/")


def test_page_shows_timeline_and_moves(client, babel, submitted):
    client.force_login(babel.admin_bb)

    html = client.get(f"/usulan/{submitted.pk}/").content.decode()

    assert 'id="riwayat-usulan"' in html
    for state in (S.RETURNED, S.FORWARDED, S.REJECTED_LOCALLY, S.WITHDRAWN):
        assert f'id="aksi-{state}"' in html
    assert f'id="aksi-{S.ADMIN_PASSED}"' not in html


def test_download_is_an_attachment_with_the_original_name(client, babel, submitted):
    client.force_login(babel.operator_bb)
    evidence = submitted.evidence.first()

    response = client.get(f"/usulan/{submitted.pk}/bukti/{evidence.pk}/")

    assert response["Content-Disposition"].startswith("attachment")
    assert evidence.original_name in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "sandbox"
    assert b"".join(response.streaming_content) == kf.PDF_BYTES
    response.close()


def test_return_needs_a_note_and_is_recorded(client, babel, submitted):
    client.force_login(babel.admin_bb)

    refused = client.post(f"/usulan/{submitted.pk}/status/", {"to_state": S.RETURNED}, follow=True)
    submitted.refresh_from_db()
    assert submitted.state == S.SUBMITTED
    assert "Tuliskan catatan atau alasannya." in refused.content.decode()

    client.post(
        f"/usulan/{submitted.pk}/status/",
        {"to_state": S.RETURNED, "note": "Lengkapi SK inovator."},
    )
    submitted.refresh_from_db()
    assert submitted.state == S.RETURNED
    event = ProposalEvent.objects.filter(proposal=submitted).last()
    assert (event.actor, event.from_state, event.to_state, event.note) == (
        babel.admin_bb,
        S.SUBMITTED,
        S.RETURNED,
        "Lengkapi SK inovator.",
    )


def test_forged_transition_for_other_instansi_is_404(client, babel, submitted):
    client.force_login(babel.admin_bt)

    response = client.post(f"/usulan/{submitted.pk}/status/", {"to_state": S.FORWARDED})

    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.state == S.SUBMITTED


def test_next_must_stay_on_this_site(client, babel, submitted):
    client.force_login(babel.admin_bb)

    response = client.post(
        f"/usulan/{submitted.pk}/status/",
        {"to_state": S.FORWARDED, "next": "https://contoh.invalid/"},
    )

    assert response["Location"] == f"/usulan/{submitted.pk}/"
