"""The proposal lists run the same queries for one proposal as for a few thousand: the Admin
Lokal's inbox, the Sekretariat's selection list (first page, a state tab, the last page)
and the public announcement (STYLE "Queries")."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from kipp.enums import ProposalState as S
from kipp.models import Competition
from tests.kipp import factories as kf

# Enough rows for OFFSET, COUNT(*) or a per-row query to show, few enough for SQLite.
MANY = 2000
SELECTION = "/seleksi/administrasi/"


def _cold_get(client, url, queries, django_assert_num_queries):
    """GET `url` with nothing cached (the selection counts and the announcement pages are
    kept in the cache), so the queries that fill the cache are counted too."""
    cache.clear()
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    return response


def _rows(response) -> list[str]:
    return [proposal.title for proposal in response.context["proposals"]]


@pytest.mark.parametrize(
    ("actor", "url", "state", "queries"),
    [
        ("admin_bb", "/verifikasi/", S.SUBMITTED, 11),
        ("admin_bb", "/verifikasi/?state=submitted", S.SUBMITTED, 11),
        ("sekretariat", SELECTION, S.FORWARDED, 12),
        ("sekretariat", f"{SELECTION}?state=forwarded", S.FORWARDED, 12),
        ("sekretariat", f"{SELECTION}?akhir=1", S.FORWARDED, 12),
    ],
    ids=["inbox", "inbox_state", "selection", "selection_state", "selection_last_page"],
)
def test_one_or_thousands_of_proposals(
    client, babel, kipp2025, django_assert_num_queries, actor, url, state, queries
):
    kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=1, state=state, prefix="Satu"
    )
    client.force_login(getattr(babel, actor))

    one = _cold_get(client, url, queries, django_assert_num_queries)
    kf.bulk_proposals(
        babel.pdam,
        babel.operator_bb,
        competition=kipp2025,
        count=MANY,
        state=state,
        prefix="Massal",
    )
    many = _cold_get(client, url, queries, django_assert_num_queries)

    assert len(_rows(one)) == 1
    assert len(_rows(many)) == 25
    assert one.context["matching"] in (1, {"count": 1, "capped": False})
    assert many.context["matching"] in (MANY + 1, {"count": MANY + 1, "capped": False})


def test_selection_with_a_filter_counts_only_up_to_a_cap(
    client, babel, kipp2025, django_assert_num_queries
):
    kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=MANY, state=S.FORWARDED
    )
    client.force_login(babel.sekretariat)

    response = _cold_get(client, f"{SELECTION}?q=massal", 13, django_assert_num_queries)

    assert response.context["matching"] == {"count": 1000, "capped": True}
    assert "Lebih dari 1000 usulan" in response.content.decode()


def test_selection_pages_walk_every_row_once_in_forwarding_order(client, babel, kipp2025):
    made = kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=60, state=S.FORWARDED
    )
    client.force_login(babel.sekretariat)
    expected = [p.title for p in sorted(made, key=lambda p: (p.forwarded_at, p.pk))]

    seen, pages, response = [], 0, client.get(SELECTION)
    while True:
        seen += _rows(response)
        pages += 1
        page = response.context["page_obj"]
        if not page.has_next:
            break
        response = client.get(SELECTION, {"setelah": page.next_cursor})
    last = client.get(SELECTION, {"akhir": "1"})
    before_last = client.get(SELECTION, {"sebelum": last.context["page_obj"].previous_cursor})

    assert (seen, pages) == (expected, 3)
    assert _rows(last) == expected[-25:]
    assert last.context["page_obj"].has_previous and not last.context["page_obj"].has_next
    assert _rows(before_last) == expected[-50:-25]
    assert 'rel="last"' not in last.content.decode()


def test_selection_keeps_proposals_without_a_forwarding_time_at_the_end(client, babel, kipp2025):
    dated = kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=30, state=S.FORWARDED
    )
    undated = kf.bulk_proposals(
        babel.pdam,
        babel.operator_bb,
        competition=kipp2025,
        count=3,
        state=S.ADMIN_PASSED,
        prefix="Lama",
    )
    type(undated[0]).objects.filter(pk__in=[p.pk for p in undated]).update(forwarded_at=None)
    client.force_login(babel.sekretariat)

    first = client.get(SELECTION)
    second = client.get(SELECTION, {"setelah": first.context["page_obj"].next_cursor})
    last = client.get(SELECTION, {"akhir": "1"})

    assert len(_rows(first)) + len(_rows(second)) == 33
    assert _rows(second)[-3:] == [p.title for p in undated]
    assert _rows(last)[-3:] == [p.title for p in undated]
    assert set(_rows(first)) <= {p.title for p in dated}


@pytest.mark.parametrize("cursor", ["bukan-kursor", "W10", "WzEsMl0", "x" * 2000])
def test_a_cursor_that_is_not_one_shows_the_first_page(client, babel, kipp2025, cursor):
    kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=30, state=S.FORWARDED
    )
    client.force_login(babel.sekretariat)

    response = client.get(SELECTION, {"setelah": cursor})

    assert response.status_code == 200
    assert _rows(response) == _rows(client.get(SELECTION))


def test_announcement_one_or_thousands(client, babel, kipp2025, django_assert_num_queries):
    url = f"/pengumuman/{kipp2025.slug}/seleksi-administrasi/"
    kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=1, state=S.ADMIN_PASSED
    )
    Competition.objects.filter(pk=kipp2025.pk).update(admin_results_published_at=timezone.now())

    one = _cold_get(client, url, 4, django_assert_num_queries)
    with django_assert_num_queries(1):
        again = client.get(url)
    kf.bulk_proposals(
        babel.pdam,
        babel.operator_bb,
        competition=kipp2025,
        count=MANY,
        state=S.ADMIN_PASSED,
        prefix="Massal",
    )
    Competition.objects.filter(pk=kipp2025.pk).update(admin_results_published_at=timezone.now())
    many = _cold_get(client, url, 4, django_assert_num_queries)

    assert one.content.decode().count('class="kipp-lolos"') == 1
    assert again.content.decode().count('class="kipp-lolos"') == 1
    assert many.content.decode().count('class="kipp-lolos"') == 100
    assert 'rel="next"' in many.content.decode()
