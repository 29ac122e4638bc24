"""The shortlist pages run the same queries for one candidate as for many."""

import pytest
from django.urls import reverse

from judging.models import Objection
from judging.outcomes import shortlists as service
from kipp.enums import ResultLevel
from tests.judging.outcomes.helpers import passed, round_of, run_of

MANY = 25


def _shortlist(babel, competition, count, *, publish=False):
    proposals = passed(babel.kominfo, babel.operator_bb, competition, count, prefix="Usulan")
    round_ = round_of(competition, 1)
    run = run_of(round_, {p: 100 - n for n, p in enumerate(proposals)})
    shortlist = service.shortlist_build(
        round_=round_,
        run=run,
        actor=babel.sekretariat,
        level=ResultLevel.TOP99,
        rules={"size": max(1, count - 1), "instansi_max": count},
    )
    for entry in shortlist.entries.all()[:2]:
        service.shortlist_entry_override(
            entry=entry, actor=babel.sekretariat, selected=True, reason="Pleno."
        )
    if publish:
        shortlist = service.shortlist_publish(
            shortlist=shortlist, actor=babel.sekretariat, decree_number="B/1", decree_file=None
        )
        for proposal in proposals[:2]:
            Objection.objects.create(
                shortlist=shortlist, proposal=proposal, name="Budi", email="b@x.id", text="x"
            )
    return shortlist


@pytest.mark.parametrize("count", [1, MANY])
def test_shortlist_page_queries(client, babel, kipp2025, django_assert_num_queries, count):
    shortlist = _shortlist(babel, kipp2025, count)
    client.force_login(babel.sekretariat)
    url = reverse("judging_shortlist", args=[shortlist.pk])

    with django_assert_num_queries(8):
        response = client.get(url)

    assert response.status_code == 200
    assert len(response.context["entries"]) == count


@pytest.mark.parametrize("count", [1, MANY])
def test_published_shortlist_page_queries(
    client, babel, kipp2025, django_assert_num_queries, count
):
    shortlist = _shortlist(babel, kipp2025, count, publish=True)
    client.force_login(babel.sekretariat)
    url = reverse("judging_shortlist", args=[shortlist.pk])

    with django_assert_num_queries(9):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, MANY])
def test_public_shortlist_page_queries(client, babel, kipp2025, django_assert_num_queries, count):
    shortlist = _shortlist(babel, kipp2025, count, publish=True)
    url = reverse("judging_public_shortlist", args=[shortlist.pk])

    with django_assert_num_queries(2):
        response = client.get(url)

    assert response.status_code == 200
    assert len(response.context["entries"]) == shortlist.entries.filter(selected=True).count()
