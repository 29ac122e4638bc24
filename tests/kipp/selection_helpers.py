"""Helpers of the administrative selection tests."""

from django.contrib.messages import get_messages

LIST = "/seleksi/administrasi/"


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def state_of(proposal) -> str:
    proposal.refresh_from_db()
    return proposal.state
