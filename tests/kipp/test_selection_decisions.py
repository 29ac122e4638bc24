"""Administrative selection: decisions per proposal and in bulk, and the publication of the
results."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied

from hubs.models import Notification
from kipp.enums import ProposalState as S
from kipp.models import ProposalEvent
from kipp.services import selection as services_selection
from tests.kipp import factories as kf

LIST = "/seleksi/administrasi/"


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _state(proposal) -> str:
    proposal.refresh_from_db()
    return proposal.state


# Decisions ----------------------------------------------------------------------------------


def test_fail_without_reason_is_refused(client, babel, national):
    client.force_login(babel.sekretariat)

    response = client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "fail", "note": "  "})

    assert _state(national.bb) == S.FORWARDED
    assert any("Tuliskan catatan atau alasannya." in m for m in _messages(response))


def test_fail_with_reason_is_recorded_on_the_event(client, babel, national):
    client.force_login(babel.sekretariat)

    client.post(
        f"{LIST}usulan/{national.bb.pk}/",
        {"decision": "fail", "note": "SK inovator tidak ada."},
    )

    assert _state(national.bb) == S.ADMIN_FAILED
    event = ProposalEvent.objects.filter(proposal=national.bb).last()
    assert (event.actor, event.from_state, event.to_state, event.note) == (
        babel.sekretariat,
        S.FORWARDED,
        S.ADMIN_FAILED,
        "SK inovator tidak ada.",
    )


def test_decide_on_a_proposal_not_forwarded_is_404(client, babel, kipp2025):
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED)
    client.force_login(babel.sekretariat)

    response = client.post(f"{LIST}usulan/{draft.pk}/", {"decision": "pass"})

    assert response.status_code == 404
    assert _state(draft) == S.SUBMITTED


def test_bulk_pass_reports_what_was_refused(client, babel, national, kipp2025):
    already = kf.proposal(
        babel.pdam,
        babel.operator_bb,
        competition=kipp2025,
        state=S.ADMIN_PASSED,
        title="Air Bersih",
    )
    client.force_login(babel.sekretariat)

    response = client.post(
        f"{LIST}{kipp2025.pk}/massal/",
        {"decision": "pass", "ids": [national.bb.pk, national.bt.pk, already.pk]},
    )

    assert response.status_code == 302
    assert (_state(national.bb), _state(national.bt), _state(already)) == (
        S.ADMIN_PASSED,
        S.ADMIN_PASSED,
        S.ADMIN_PASSED,
    )
    assert ProposalEvent.objects.filter(proposal=already, to_state=S.ADMIN_PASSED).count() == 1
    [message] = _messages(response)
    assert message.startswith("2 diloloskan, 1 ditolak: Air Bersih: ")
    assert _state(national.me) == S.FORWARDED


def test_bulk_never_acts_on_forged_ids(client, babel, national, hub_competition):
    submitted = kf.proposal(
        babel.pdam,
        babel.operator_bb,
        competition=national.competition,
        state=S.SUBMITTED,
        title="Draf",
    )
    client.force_login(babel.sekretariat)

    response = client.post(
        f"{LIST}{national.competition.pk}/massal/",
        {
            "decision": "pass",
            "ids": [national.bb.pk, submitted.pk, hub_competition.proposal.pk, "999999"],
        },
    )

    assert _state(national.bb) == S.ADMIN_PASSED
    assert _state(submitted) == S.SUBMITTED
    assert _state(hub_competition.proposal) == S.FORWARDED
    [message] = _messages(response)
    assert message.startswith("1 diloloskan, 3 ditolak")
    assert f"#{hub_competition.proposal.pk} tidak ditemukan" in message


def test_hub_admin_bulk_cannot_reach_national_proposals(client, babel, national, hub_competition):
    client.force_login(babel.hub_admin)

    client.post(
        f"{LIST}{hub_competition.competition.pk}/massal/",
        {"decision": "pass", "ids": [hub_competition.proposal.pk, national.bb.pk]},
    )

    assert _state(hub_competition.proposal) == S.ADMIN_PASSED
    assert _state(national.bb) == S.FORWARDED


def test_bulk_fail_needs_one_reason_and_records_it(client, babel, national):
    client.force_login(babel.sekretariat)
    url = f"{LIST}{national.competition.pk}/massal/"
    ids = [national.bb.pk, national.me.pk]

    refused = client.post(url, {"decision": "fail", "ids": ids})
    assert {_state(national.bb), _state(national.me)} == {S.FORWARDED}
    assert _messages(refused) == ["Tuliskan alasan tidak lolos untuk usulan yang dipilih."]

    done = client.post(url, {"decision": "fail", "ids": ids, "note": "Bukti tidak terbaca."})

    assert {_state(national.bb), _state(national.me)} == {S.ADMIN_FAILED}
    notes = ProposalEvent.objects.filter(to_state=S.ADMIN_FAILED).values_list("note", flat=True)
    assert list(notes) == ["Bukti tidak terbaca."] * 2
    assert _messages(done)[-1] == "2 dinyatakan tidak lolos, 0 ditolak."


def test_passing_notifies_operator_and_admin_lokal(
    client, babel, national, django_capture_on_commit_callbacks
):
    client.force_login(babel.sekretariat)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "pass"})

    recipients = set(
        Notification.objects.filter(subject__contains="Sipadu Bangka Barat").values_list(
            "recipient__username", flat=True
        )
    )
    assert recipients == {"upp.kominfo.bb", "admin.bb", "admin.bb2"}
    mailed = sorted(address for message in mail.outbox for address in message.to)
    assert mailed == sorted([babel.operator_bb.email, babel.admin_bb.email, babel.admin_bb2.email])
    assert all("lolos seleksi administrasi" in message.subject for message in mail.outbox)


# Publication --------------------------------------------------------------


def test_publish_refused_while_any_is_forwarded_then_allowed(client, babel, national):
    client.force_login(babel.sekretariat)
    competition = national.competition
    publish = f"{LIST}{competition.pk}/umumkan/"
    client.post(
        f"{LIST}{competition.pk}/massal/",
        {"decision": "pass", "ids": [national.bb.pk, national.bt.pk]},
    )

    refused = client.post(publish)
    competition.refresh_from_db()
    assert competition.admin_results_published_at is None
    assert _messages(refused)[-1] == "Masih ada 2 usulan yang belum diputuskan."

    client.post(f"{LIST}usulan/{national.me.pk}/", {"decision": "fail", "note": "Tidak sesuai"})
    client.post(f"{LIST}usulan/{national.prov.pk}/", {"decision": "pass"})
    allowed = client.post(publish)

    competition.refresh_from_db()
    assert competition.admin_results_published_at is not None
    assert allowed["Location"] == f"{LIST}?edisi={competition.pk}"
    again = client.post(publish)
    assert _messages(again)[-1] == "Hasil seleksi administrasi edisi ini sudah diumumkan."


def test_publish_service_checks_scope(babel, hub_competition):
    with pytest.raises(PermissionDenied):
        services_selection.admin_results_publish(
            actor=babel.sekretariat, competition=hub_competition.competition
        )
    hub_competition.competition.refresh_from_db()
    assert hub_competition.competition.admin_results_published_at is None
