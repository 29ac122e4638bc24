"""Keyset pagination ("Sebelumnya / Berikutnya"): a page is found from the row next to it,
never by counting the rows before it, so the last page costs what the first one costs.

A list names its sort keys (`Key`: a field or annotation and its direction, the last one
unique, e.g. the id). The address carries a position, never a page number:
`?setelah=<cursor>` (the page after a row), `?sebelum=<cursor>` (the page before a row) or
`?akhir=1` (the last page, read in the reverse order). A cursor is the key values of a
row, encoded; a cursor that does not decode is ignored (the first page), and one past
either end shows the nearest page, as `kipp.params` asks of every list parameter.

The conditions are written so that an index on the keys can start right at the cursor
(`key >= value AND (key > value OR next keys...)`) instead of reading every row before it.
Only the first key may be NULL (`Key.nullable`): its empty rows come after all the others,
in id order, and are only looked for when the list says it has some (`with_nulls`).

A list may also come in tiers: querysets read one after the other, each with its own
constant first key (search matches in the title, then elsewhere: `public.search.tiers`).
A cursor's conditions rule out the tiers before it by that constant alone, which the
database decides without reading a row.
"""

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F, Q, QuerySet

from .params import MAX_ID

AFTER, BEFORE, LAST = "setelah", "sebelum", "akhir"
PARAMS = (AFTER, BEFORE, LAST)


@dataclass(frozen=True)
class Key:
    name: str
    descending: bool = False
    kind: type = int  # int, str or datetime: how a cursor value is read back
    nullable: bool = False

    def order(self, *, reverse: bool = False):
        descending = self.descending != reverse
        expression = F(self.name)
        if self.nullable:
            # NULLs last in the list's order, hence first when it is read backwards.
            return (
                expression.desc(nulls_first=True) if descending else expression.asc(nulls_last=True)
            )
        return expression.desc() if descending else expression.asc()


@dataclass
class KeysetPage:
    """One page: its rows and the cursors of the pages around it."""

    object_list: list
    has_next: bool
    has_previous: bool
    keys: tuple[Key, ...] = field(repr=False, default=())

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def next_cursor(self) -> str:
        return cursor_of(self.object_list[-1], self.keys) if self.object_list else ""

    @property
    def previous_cursor(self) -> str:
        return cursor_of(self.object_list[0], self.keys) if self.object_list else ""


def cursor_of(row, keys) -> str:
    values = []
    for key in keys:
        value = getattr(row, key.name)
        values.append(value.isoformat() if isinstance(value, datetime) else value)
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(text: str, keys) -> tuple | None:
    """The key values of a cursor, or None when it is not a cursor of these keys."""
    if not text or len(text) > 1000:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError):
        return None
    if not isinstance(values, list) or len(values) != len(keys):
        return None
    decoded = [
        _read(key, value, first=n == 0)
        for n, (key, value) in enumerate(zip(keys, values, strict=True))
    ]
    return None if any(value is INVALID for value in decoded) else tuple(decoded)


INVALID = object()


def _read(key: Key, value, *, first: bool):
    """One cursor value as its key's kind, or INVALID."""
    if value is None:
        return None if key.nullable and first else INVALID
    if key.kind is datetime:
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        return moment if moment is not None and moment.tzinfo is not None else INVALID
    if key.kind is int:
        return value if type(value) is int and -MAX_ID <= value <= MAX_ID else INVALID
    return value if isinstance(value, str) else INVALID


def _beyond(keys, values, *, forward: bool) -> Q:
    """Rows strictly after `values` in the list's order (`forward`), or strictly before."""
    key, value = keys[0], values[0]
    rest = _beyond(keys[1:], values[1:], forward=forward) if len(keys) > 1 else None
    smaller = key.descending == forward  # whether beyond means a smaller value
    strict, loose = ("lt", "lte") if smaller else ("gt", "gte")
    condition = Q(**{f"{key.name}__{loose}": value})
    if rest is None:
        return Q(**{f"{key.name}__{strict}": value})
    return condition & (Q(**{f"{key.name}__{strict}": value}) | rest)


def after(keys, values, *, with_nulls: bool = False) -> Q:
    """Rows after `values` in the list's order."""
    if values[0] is None:
        return Q(**{f"{keys[0].name}__isnull": True}) & _beyond(keys[1:], values[1:], forward=True)
    condition = _beyond(keys, values, forward=True)
    if keys[0].nullable and with_nulls:
        condition |= Q(**{f"{keys[0].name}__isnull": True})
    return condition


def before(keys, values) -> Q:
    """Rows before `values` in the list's order (a NULL key sorts after every value)."""
    if values[0] is None:
        return Q(**{f"{keys[0].name}__isnull": False}) | (
            Q(**{f"{keys[0].name}__isnull": True}) & _beyond(keys[1:], values[1:], forward=False)
        )
    return _beyond(keys, values, forward=False)


def keyset_page(
    queryset: QuerySet | list[QuerySet], keys, params, *, size: int, with_nulls: bool = False
) -> KeysetPage:
    """The page of `queryset` that `params` (a QueryDict) asks for, `size` rows at most.

    `queryset` may be a list of tiers, read in that order (see the module's docstring).
    `with_nulls`: the list has rows whose (nullable) first key is empty; without it they
    are not looked for, so an index on the keys serves every page.
    """
    keys = tuple(keys)
    forward = [key.order() for key in keys]
    backward = [key.order(reverse=True) for key in keys]
    tiers = list(queryset) if isinstance(queryset, list | tuple) else [queryset]
    if not with_nulls and keys[0].nullable:
        tiers = [tier.filter(**{f"{keys[0].name}__isnull": False}) for tier in tiers]
    start, end = decode(params.get(AFTER, ""), keys), decode(params.get(BEFORE, ""), keys)
    if params.get(LAST) == "1":
        return _backwards(tiers, keys, backward, size, has_next=False)
    if end is not None:
        earlier = [tier.filter(before(keys, end)) for tier in tiers]
        page = _backwards(earlier, keys, backward, size, has_next=True)
        return page if page.object_list else _forwards(tiers, keys, forward, size, False)
    if start is not None:
        condition = after(keys, start, with_nulls=with_nulls)
        later = [tier.filter(condition) for tier in tiers]
        page = _forwards(later, keys, forward, size, True)
        return page if page.object_list else _backwards(tiers, keys, backward, size, False)
    return _forwards(tiers, keys, forward, size, has_previous=False)


def _rows(tiers, order, limit) -> list:
    """Up to `limit` rows of the tiers in turn, each in `order`."""
    rows = []
    for tier in tiers:
        rows += tier.order_by(*order)[: limit - len(rows)]
        if len(rows) >= limit:
            break
    return rows


def _forwards(tiers, keys, order, size, has_previous) -> KeysetPage:
    rows = _rows(tiers, order, size + 1)
    return KeysetPage(rows[:size], len(rows) > size, has_previous, keys)


def _backwards(tiers, keys, order, size, has_next) -> KeysetPage:
    rows = _rows(tiers[::-1], order, size + 1)
    return KeysetPage(rows[:size][::-1], has_next, len(rows) > size, keys)


class KeysetListMixin:
    """A ListView paginated by keyset: `keyset_keys`, `paginate_by`; `keyset_with_nulls()`
    tells whether rows with an empty first key exist. The template gets `page_obj` (a
    `KeysetPage`) and `is_paginated`; there is no `paginator` (nothing is counted)."""

    keyset_keys: tuple[Key, ...] = ()

    def keyset_with_nulls(self) -> bool:
        return False

    def paginate_queryset(self, queryset, page_size):
        page = keyset_page(
            queryset,
            self.keyset_keys,
            self.request.GET,
            size=page_size,
            with_nulls=self.keyset_with_nulls(),
        )
        return None, page, page.object_list, page.has_other_pages()
