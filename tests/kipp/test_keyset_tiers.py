"""Keyset pages over tiers (querysets read one after another, each with a constant first
key): every row once, in order, forwards, backwards and from the last page."""

import pytest
from django.db.models import IntegerField, Value
from django.http import QueryDict

from hubs.models import Region
from kipp.keyset import AFTER, BEFORE, LAST, Key, keyset_page
from tests import factories as f

KEYS = (Key("tier", descending=True), Key("name", kind=str), Key("pk"))


@pytest.fixture
def tiers(db):
    """Three provinces (the first tier) and four regencies (the second)."""
    provinces = [f.ProvinceFactory(code=f"8{n}", name=f"Provinsi {n}") for n in (3, 1, 2)]
    for n in range(4):
        f.RegencyFactory(code=f"81.0{n}", name=f"Kabupaten {n}", parent=provinces[1])
    made = Region.objects.filter(code__startswith="8")
    return [
        made.filter(level=1).annotate(tier=Value(2, IntegerField())),
        made.filter(level=2).annotate(tier=Value(1, IntegerField())),
    ]


EXPECTED = [f"Provinsi {n}" for n in (1, 2, 3)] + [f"Kabupaten {n}" for n in range(4)]


def _params(**values) -> QueryDict:
    query = QueryDict(mutable=True)
    query.update(values)
    return query


def test_forwards_walks_the_first_tier_then_the_second(tiers):
    seen, params = [], _params()
    while True:
        page = keyset_page(tiers, KEYS, params, size=2)
        seen += [region.name for region in page]
        if not page.has_next:
            break
        params = _params(**{AFTER: page.next_cursor})
    assert seen == EXPECTED


def test_backwards_from_the_last_page(tiers):
    page = keyset_page(tiers, KEYS, _params(**{LAST: "1"}), size=2)
    seen = [region.name for region in page]
    assert seen == EXPECTED[-2:]
    assert page.has_previous and not page.has_next
    while page.has_previous:
        page = keyset_page(tiers, KEYS, _params(**{BEFORE: page.previous_cursor}), size=2)
        seen = [region.name for region in page] + seen
    assert seen == EXPECTED


def test_a_page_crossing_the_tiers(tiers):
    first = keyset_page(tiers, KEYS, _params(), size=2)
    second = keyset_page(tiers, KEYS, _params(**{AFTER: first.next_cursor}), size=2)
    assert [region.name for region in second] == ["Provinsi 3", "Kabupaten 0"]
    back = keyset_page(tiers, KEYS, _params(**{BEFORE: second.previous_cursor}), size=2)
    assert [region.name for region in back] == ["Provinsi 1", "Provinsi 2"]
    assert not back.has_previous
