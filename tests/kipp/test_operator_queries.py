"""The proposer's lists cost the same number of queries for one row as for many."""

import pytest

from tests.kipp import factories as kf

MANY = 10


def _proposals(babel, competition, start, count):
    for n in range(start, start + count):
        kf.proposal(
            babel.kominfo,
            babel.operator_bb,
            competition=competition,
            title=f"Inovasi {n}",
            complete=False,
        )


def _innovations(babel, competition, start, count):
    """Innovations of the unit, every other one entered into the competition."""
    for n in range(start, start + count):
        if n % 2:
            kf.proposal(
                babel.kominfo,
                babel.operator_bb,
                competition=competition,
                title=f"Inovasi {n}",
                complete=False,
            )
        else:
            kf.innovation(babel.kominfo, babel.operator_bb, title=f"Inovasi {n}")


@pytest.mark.parametrize("actor", ["operator_bb", "admin_bb"])
def test_proposal_list_queries(client, babel, kipp2025, django_assert_num_queries, actor):
    client.force_login(getattr(babel, actor))
    _proposals(babel, kipp2025, 0, 1)

    with django_assert_num_queries(10):
        few = client.get("/usulan/")
    _proposals(babel, kipp2025, 1, MANY)
    with django_assert_num_queries(10):
        many = client.get("/usulan/")

    assert few.status_code == many.status_code == 200
    assert many.content.decode().count('<tr id="usulan-') == MANY + 1


def test_innovation_list_queries(client, babel, kipp2025, django_assert_num_queries):
    client.force_login(babel.operator_bb)
    _innovations(babel, kipp2025, 0, 2)

    with django_assert_num_queries(9):
        few = client.get("/usulan/inovasi/")
    _innovations(babel, kipp2025, 2, MANY)
    with django_assert_num_queries(9):
        many = client.get("/usulan/inovasi/")

    assert few.status_code == many.status_code == 200
    assert many.content.decode().count('<tr id="inovasi-') == MANY + 2
