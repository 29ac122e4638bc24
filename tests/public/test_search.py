"""Search of the innovation database: Indonesian stems, typos, title above body.

PostgreSQL runs the full-text search (`indonesian` configuration) and the trigram fallback;
SQLite runs the rough-stem LIKE search. The same queries are asked of both."""

import pytest
from django.db import connection

from public.search import rough_stem

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text and trigram search need PostgreSQL"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the LIKE fallback")


def titles(client, **params):
    response = client.get("/inovasi/", params)
    assert response.status_code == 200
    rows = response.context["rows"]
    return [t for t in TITLES if t in rows and rows.index(t) >= 0], _in_order(rows)


TITLES = [
    "Layanan Perizinan Terpadu Satu Pintu",
    "Sapa Warga Babar",
    "Posyandu Digital",
    "Jemput Bola Kesehatan Desa",
    "Gerai Air Keliling",
    "Izin Rahasia Draf",
    "Izin Gagal Seleksi",
]


def _in_order(rows: str) -> list[str]:
    found = [(rows.index(t), t) for t in TITLES if t in rows]
    return [t for _, t in sorted(found)]


def search(client, q):
    return titles(client, q=q)[1]


def test_rough_stem_cuts_indonesian_affixes():
    assert rough_stem("perizinan") == "izin"
    assert rough_stem("pelayanan") == "layan"
    assert rough_stem("layanan") == "layan"
    assert rough_stem("kesehatan") == "sehat"
    assert rough_stem("desa") == "desa"


def test_stem_finds_title_above_body(client, public_db):
    # "perizinan" meets "Perizinan" in a title and "izin" in a summary; drafts and failed
    # proposals titled "Izin ..." are never found.
    assert search(client, "perizinan") == [
        "Layanan Perizinan Terpadu Satu Pintu",
        "Posyandu Digital",
    ]


def test_pelayanan_finds_layanan(client, public_db):
    assert search(client, "pelayanan") == [
        "Layanan Perizinan Terpadu Satu Pintu",
        "Sapa Warga Babar",
    ]


def test_unit_and_instansi_names_are_searched(client, public_db):
    assert search(client, "Muara Enim") == ["Jemput Bola Kesehatan Desa"]


def test_nothing_found_says_so(client, public_db):
    assert search(client, "zzzqqq") == []
    response = client.get("/inovasi/", {"q": "zzzqqq"})  # the page as kept whole
    assert "Tidak ada inovasi yang cocok" in response.content.decode()


@postgres_only
def test_typo_falls_back_to_trigrams(client, public_db):
    assert search(client, "posyandu digitl") == ["Posyandu Digital"]
    assert search(client, "sapa wraga") == ["Sapa Warga Babar"]


@postgres_only
def test_a_mistyped_word_is_corrected_to_a_word_the_entries_hold(client, public_db):
    from public.models import SearchWord
    from public.search import corrected

    # The vocabulary holds the words of every public entry, never those of a draft.
    assert SearchWord.objects.filter(word__in=["posyandu", "digital", "perizinan"]).count() == 3
    assert not SearchWord.objects.filter(word="rahasia").exists()
    assert corrected("puskesmsa perizinan") == ""  # no similar word: nothing to correct
    assert corrected("perizinn") == "perizinan"
    assert corrected("perizinn 2023") == "perizinan 2023"  # numbers stay as typed
    assert corrected("posyandu digitl") == "posyandu digital"
    assert corrected("posyandu digital") == ""  # nothing to correct
    response = client.get("/inovasi/", {"q": "posyandu digitl"})
    assert "kata yang mirip: posyandu digital" in response.context["rows"]


def test_a_title_match_of_an_older_year_comes_before_a_newer_body_match(client, public_db):
    # "Sapa Warga Babar" (KIPP 2023) holds "warga" in its title, the two others only in
    # their summaries: "Jemput Bola" (KIPP 2024) then "Layanan Perizinan" (KIPP 2023).
    assert search(client, "warga") == [
        "Sapa Warga Babar",
        "Jemput Bola Kesehatan Desa",
        "Layanan Perizinan Terpadu Satu Pintu",
    ]


@postgres_only
def test_search_vector_weights_title_above_summary(public_db):
    from public.models import InnovationRecord

    vector = InnovationRecord.objects.get(pk=public_db.perizinan.pk).search
    # Stems, with the title's words weighted A and the summary's B.
    assert "'layan':1A" in vector
    assert "'izin':2A" in vector
    assert "'loket':7B" in vector


@sqlite_only
def test_typo_on_sqlite_finds_nothing_but_words_still_work(client, public_db):
    assert search(client, "posyandu digitl") == []
    assert search(client, "posyandu") == ["Posyandu Digital"]


def test_search_keeps_filters(client, public_db):
    province = public_db.babel.province.pk
    assert titles(client, q="kesehatan")[1] == ["Jemput Bola Kesehatan Desa"]
    assert titles(client, q="kesehatan", provinsi=province)[1] == []
