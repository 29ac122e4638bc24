"""Public pages kept whole for anonymous visitors (`public.cache.whole_page`): served
without a query, each visitor with its own CSRF token, never for a signed-in user, and
gone at the next change of results."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kipp.enums import ResultLevel
from public import cache
from public.models import InnovationRecord
from tests import factories as f
from tests.kipp import factories as kf

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
PAGES = [
    "/inovasi/",
    "/inovasi/?q=layanan",
    "/pemenang/kipp-2024/",
    "/statistik/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_second_visitor_gets_the_page_without_a_query(public_db, path):
    first = Client().get(path)
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(path)

    assert first.status_code == second.status_code == 200
    assert len(queries) == 0
    assert cache.TOKEN.sub("", first.content.decode()) == cache.TOKEN.sub(
        "", second.content.decode()
    )


def test_each_visitor_gets_a_token_that_its_own_cookie_accepts(public_db):
    Client().get("/inovasi/")  # keeps the page
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/inovasi/").content.decode()
    token = TOKEN.search(page)[1]

    assert cache.TOKEN_SLOT not in page
    assert f'"X-CSRFToken": "{token}"' in page
    switched = visitor.post(
        "/i18n/setlang/", {"language": "en", "next": "/inovasi/"}, HTTP_X_CSRFTOKEN=token
    )
    assert switched.status_code == 302
    assert visitor.cookies["django_language"].value == "en"
    assert 'lang="en"' in visitor.get("/inovasi/").content.decode()


def test_signed_in_users_get_their_own_page(client, public_db):
    Client().get("/inovasi/")
    user = f.UserFactory(name="Pengunjung Masuk")
    client.force_login(user)

    with CaptureQueriesContext(connection) as queries:
        page = client.get("/inovasi/").content.decode()

    assert len(queries) > 0
    assert "Pengunjung Masuk" in page


def test_a_change_of_results_is_shown_at_once(public_db):
    Client().get("/pemenang/kipp-2024/")
    cache.bump()  # what a published or revoked result does (public.signals)

    with CaptureQueriesContext(connection) as queries:
        Client().get("/pemenang/kipp-2024/")

    assert len(queries) > 0


def test_the_sitemap_lists_a_new_winner_at_once(public_db):
    before = Client().get("/sitemap.xml").content.decode()
    kf.result(public_db.posyandu, ResultLevel.TOP99)  # the signal writes the record and bumps
    record = InnovationRecord.objects.get(proposal=public_db.posyandu)

    after = Client().get("/sitemap.xml")

    assert f"/pemenang/kipp-2024/{record.pk}/" not in before
    assert after["Content-Type"].startswith("application/xml")
    assert f"/pemenang/kipp-2024/{record.pk}/" in after.content.decode()
