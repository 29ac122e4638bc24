"""The password-reset e-mail is sent by a Celery task queued after commit, so a known and
an unknown address take the same path, with the same queries, up to the response."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hubs.tasks import password_reset_email_send

RESET = "/accounts/password_reset/"


def _request_reset(client, email, capture):
    with CaptureQueriesContext(connection) as queries, capture() as callbacks:
        response = client.post(RESET, {"email": email})
    return response, len(queries), callbacks


def test_known_address_gets_one_mail_after_commit(
    client, babel, django_capture_on_commit_callbacks
):
    response, _, callbacks = _request_reset(
        client, babel.operator_bb.email, django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert mail.outbox == []  # nothing is sent before the transaction commits
    assert len(callbacks) == 1

    callbacks[0]()

    assert [m.to for m in mail.outbox] == [[babel.operator_bb.email]]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_unknown_address_gets_no_mail_the_same_way(
    client, babel, django_capture_on_commit_callbacks
):
    response, _, callbacks = _request_reset(
        client, "tidak.terdaftar@contoh.go.id", django_capture_on_commit_callbacks
    )
    assert len(callbacks) == 1

    callbacks[0]()

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert mail.outbox == []


def test_known_and_unknown_addresses_run_the_same_queries(
    client, babel, django_capture_on_commit_callbacks
):
    _, known, _ = _request_reset(
        client, babel.operator_bb.email, django_capture_on_commit_callbacks
    )
    _, unknown, _ = _request_reset(
        client, "tidak.terdaftar@contoh.go.id", django_capture_on_commit_callbacks
    )

    assert known == unknown


def test_task_sends_in_the_language_of_the_request(babel, settings):
    sent = password_reset_email_send.delay(babel.operator_bb.email, "en").get()

    assert sent == 1
    assert mail.outbox[0].to == [babel.operator_bb.email]
    assert mail.outbox[0].body.startswith("Dear")
    assert mail.outbox[0].body.count(settings.SITE_URL + "/accounts/reset/") == 1


def test_task_skips_inactive_accounts(babel):
    babel.operator_bb.is_active = False
    babel.operator_bb.save(update_fields=["is_active"])

    sent = password_reset_email_send.delay(babel.operator_bb.email).get()

    assert sent == 0
    assert mail.outbox == []
