"""The read-only API: filters shared with the pages, cursor pages, throttling, caching,
and the exact list of fields every public answer carries (nothing private leaks)."""

import pytest
from rest_framework.throttling import AnonRateThrottle

from kipp.enums import ResultLevel
from public.enums import Stage
from public.exports import INNOVATION_FIELDS
from public.models import InnovationRecord
from tests.kipp import factories as kf

# Every field the public side exposes. A new one must be added here on purpose.
API_FIELDS = {
    "innovations": {
        "id", "innovation_id", "competition", "year", "title", "summary", "instansi_name",
        "unit_name", "province", "regency", "cluster", "group", "category_name", "sdgs",
        "stage", "stage_label", "replicated", "video_url", "url",
    },
    "outcomes": {"id", "proposal_id", "innovation_id", "title", "competition", "year", "level",
                 "published_at"},
    "competitions": {
        "slug", "name", "year", "theme", "organiser_province", "registration_opens_at",
        "registration_closes_at", "verification_closes_at", "admin_results_published_at",
    },
    "regions": {"id", "code", "name", "level", "kind", "parent_code", "is_3t"},
    "instansi": {"id", "name", "kind", "region_code", "is_active"},
    "hubs": {"id", "province", "province_code", "cohort", "decree", "is_active"},
}  # fmt: skip
API_FIELDS["winners"] = API_FIELDS["innovations"]
# The public copy of a proposal: what the pages and downloads can show at all.
RECORD_FIELDS = {
    "proposal", "innovation", "competition", "year", "title", "title_key", "summary",
    "instansi", "instansi_name", "unit_name", "province", "regency", "cluster", "group",
    "category", "category_name", "sdgs", "stage", "replicated", "video_url", "search",
    "refreshed_at",
}  # fmt: skip
DOWNLOAD_FIELDS = {
    "innovation_id", "year", "title", "instansi", "unit", "province", "regency", "cluster",
    "group", "category", "stage", "replicated",
}  # fmt: skip
PRIVATE = ["RAHASIA-INTERNAL", "0812-9999-0000", "Budi Santoso", "Izin Rahasia Draf",
           "Izin Gagal Seleksi", "@", "Keberatan diterima"]  # fmt: skip


@pytest.mark.parametrize("name", sorted(API_FIELDS))
def test_api_lists_only_listed_fields(client, public_db, name):
    response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 200
    body = response.json()
    assert body["results"], name
    for item in body["results"]:
        assert set(item) == API_FIELDS[name]
    text = response.content.decode()
    for secret in PRIVATE:
        assert secret not in text, (name, secret)


def test_public_copy_and_downloads_hold_only_listed_fields(public_db):
    assert {f.name for f in InnovationRecord._meta.get_fields() if not f.auto_created} == (
        RECORD_FIELDS
    )
    assert {f.key for f in INNOVATION_FIELDS} == DOWNLOAD_FIELDS


def test_api_filters_match_the_page(client, public_db):
    province = public_db.babel.province.pk
    titles = [
        item["title"]
        for item in client.get(
            "/api/v1/innovations/", {"provinsi": province, "tahun": 2024}
        ).json()["results"]
    ]
    assert sorted(titles) == ["Gerai Air Keliling", "Posyandu Digital"]
    searched = client.get("/api/v1/innovations/", {"q": "perizinan"}).json()["results"]
    assert {item["title"] for item in searched} == {
        "Layanan Perizinan Terpadu Satu Pintu",
        "Posyandu Digital",
    }
    winners = client.get("/api/v1/winners/").json()["results"]
    assert all(item["stage"] >= Stage.TOP99 for item in winners) and len(winners) == 3
    outcomes = client.get("/api/v1/outcomes/", {"level": ResultLevel.TOP45}).json()["results"]
    assert [item["title"] for item in outcomes] == ["Layanan Perizinan Terpadu Satu Pintu"]


def test_bad_filter_answers_400_in_indonesian(client, public_db):
    response = client.get("/api/v1/innovations/", {"tahun": "abc"})
    assert response.status_code == 400
    assert "pilihan yang valid" in response.json()["tahun"][0]


def test_cursor_pages_walk_every_row(client, public_db):
    seen, url = [], "/api/v1/innovations/?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(InnovationRecord.objects.values_list("pk", flat=True))
    assert len(seen) == 5


def test_detail_and_private_entries_404(client, public_db):
    assert client.get(f"/api/v1/innovations/{public_db.sapa.pk}/").json()["title"] == (
        "Sapa Warga Babar"
    )
    assert client.get(f"/api/v1/innovations/{public_db.draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/winners/{public_db.posyandu.pk}/").status_code == 404


def test_anonymous_clients_are_throttled(client, public_db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    assert client.get("/api/v1/regions/").status_code == 200
    assert client.get("/api/v1/regions/").status_code == 200
    assert client.get("/api/v1/regions/").status_code == 429


def test_answers_are_cached_until_results_change(client, public_db, django_assert_num_queries):
    client.get("/api/v1/winners/")
    with django_assert_num_queries(0):
        assert len(client.get("/api/v1/winners/").json()["results"]) == 3
    kf.result(public_db.posyandu, ResultLevel.TOP99)
    assert len(client.get("/api/v1/winners/").json()["results"]) == 4


def test_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    docs = client.get("/api/v1/docs/")
    page = docs.content.decode()
    assert docs.status_code == 200
    assert "<style" not in page and "<script>" not in page
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
