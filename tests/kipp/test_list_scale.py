"""The Admin Lokal's inbox and the Sekretariat's list cost the same queries for 1 or 500."""

import pytest

from kipp.enums import ProposalState as S
from tests.kipp import factories as kf


@pytest.mark.parametrize(
    ("actor", "url", "state", "queries"),
    [
        ("admin_bb", "/verifikasi/", S.SUBMITTED, 15),
        ("sekretariat", "/seleksi/administrasi/", S.FORWARDED, 10),
    ],
    ids=["inbox", "administrative_selection"],
)
def test_one_or_five_hundred_proposals(
    client, babel, kipp2025, django_assert_num_queries, actor, url, state, queries
):
    kf.bulk_proposals(babel.kominfo, babel.operator_bb, competition=kipp2025, count=1, state=state)
    client.force_login(getattr(babel, actor))

    with django_assert_num_queries(queries):
        one = client.get(url)
    kf.bulk_proposals(
        babel.pdam, babel.operator_bb, competition=kipp2025, count=499, state=state, prefix="Massal"
    )
    with django_assert_num_queries(queries):
        many = client.get(url)

    assert one.status_code == many.status_code == 200
    assert one.context["paginator"].count == 1
    assert many.context["paginator"].count == 500
