"""Every public list and API list runs the same number of queries with one row and with
many (measured uncached: the cache is emptied before each request)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hubs.enums import InstansiKind
from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from kipp.models import Result
from public import services
from tests import factories as f
from tests.kipp import factories as kf
from tests.public.conftest import past_competition


def grow(public_db, count=12):
    """`count` more public entries in KIPP 2023 (half of them Top 99) and in Muara Enim, a
    new province with a winner, more regions, instansi, hubs and a competition."""
    babel = public_db.babel
    for n in range(3):
        province = f.ProvinceFactory(code=f"7{n}", name=f"Provinsi Baru {n}")
        regency = f.RegencyFactory(code=f"7{n}.01", name=f"Kabupaten Baru {n}", parent=province)
        instansi = f.InstansiFactory(
            name=f"Pemerintah Kabupaten Baru {n}", kind=InstansiKind.KABUPATEN, region=regency
        )
        f.HubFactory(province=province)
        unit = f.UnitFactory(instansi=instansi, name="Dinas Kesehatan")
        winner = kf.bulk_proposals(
            unit, babel.operator_bb, competition=public_db.k2024, count=1,
            state=S.ADMIN_PASSED, prefix=f"Layanan Baru {n}",
        )[0]  # fmt: skip
        kf.result(winner, ResultLevel.TOP45)
    past_competition(2022, "KIPP 2022")
    made = kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=public_db.k2023, count=count,
        state=S.ADMIN_PASSED, prefix="Layanan Tambahan",
    ) + kf.bulk_proposals(
        public_db.muara_unit, babel.operator_bb, competition=public_db.k2024, count=count,
        state=S.ADMIN_PASSED, prefix="Layanan Muara",
    )  # fmt: skip
    Result.objects.bulk_create(
        Result(proposal=p, level=ResultLevel.TOP99, published_at=public_db.k2023.created_at)
        for p in made[::2]
    )
    services.records_refresh(proposal_ids=[p.pk for p in made])


# Four cached reads fill the filter bar (years, regions, categories, goals); PostgreSQL's
# API search first asks whether the words match at all before falling back to trigrams
# (the page tries full-text first and falls back only on an empty page). On PostgreSQL the
# page's search reads its two tiers (title, then elsewhere) in turn, the second only when
# the first does not fill the page: at most one query more, whatever the rows.
PG = 1 if connection.vendor == "postgresql" else 0
PAGES = [
    ("innovations", "/inovasi/", 5),
    ("innovations_search", "/inovasi/?q=layanan", (5, 5 + PG)),
    ("innovations_filtered", "/inovasi/?provinsi={province}&tahun=2023&kelompok=umum", 5),
    ("innovations_csv", "/inovasi/unduh.csv?provinsi={province}", 5),
    ("innovations_json", "/inovasi/unduh.json", 5),
    ("winners_index", "/pemenang/", 2),
    ("winners", "/pemenang/kipp-2023/", 2),
    ("winners_csv", "/pemenang/kipp-2023/unduh.csv", 2),
    ("winners_province", "/pemenang/provinsi/{province}/", 3),
    ("statistics", "/statistik/", 8),
    ("home", "/", 11),
    ("sitemap", "/sitemap.xml", 6),
    ("api_innovations", "/api/v1/innovations/", 6),
    ("api_innovations_search", "/api/v1/innovations/?q=layanan&provinsi={province}", 6 + PG),
    ("api_winners", "/api/v1/winners/", 6),
    ("api_outcomes", "/api/v1/outcomes/", 1),
    ("api_competitions", "/api/v1/competitions/", 1),
    ("api_regions", "/api/v1/regions/", 1),
    ("api_instansi", "/api/v1/instansi/", 1),
    ("api_hubs", "/api/v1/hubs/", 1),
]


def _get(client, url):
    cache.clear()
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(("url", "queries"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_same_query_count_for_one_and_many_rows(client, public_db, url, queries):
    url = url.format(province=public_db.babel.province.pk)
    least, most = queries if isinstance(queries, tuple) else (queries, queries)
    with CaptureQueriesContext(connection) as one:
        few = _get(client, url)
    grow(public_db)
    with CaptureQueriesContext(connection) as more:
        many = _get(client, url)
    assert least <= len(one) <= most, one.captured_queries
    assert least <= len(more) <= most, more.captured_queries
    assert len(many) > len(few)


def test_detail_pages_query_counts(client, public_db, django_assert_num_queries):
    record = public_db.perizinan
    # Records, SDGs, proposal ids, public documents, then the lineage both ways.
    with django_assert_num_queries(6):
        _get(client, f"/inovasi/{record.innovation_id}/")
    with django_assert_num_queries(4):
        _get(client, f"/pemenang/kipp-2023/{record.pk}/")
