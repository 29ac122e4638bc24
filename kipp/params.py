"""Numbers taken from a request, checked before they reach a query.

An integer beyond what the database holds must never reach it: SQLite's driver raises
OverflowError for anything past 2^63 (a 500), and an `IN (...)` lookup, unlike an exact
one, is not range-checked by Django. One answer per kind of parameter:

- an id in the path: matched by the URL converter and looked up exactly; any number that
  names nothing answers 404, like any object outside the visitor's scope;
- a filter or the `page` of a list (GET): a bad value is ignored and the list answers 200
  (the filter form says what was wrong; a page out of range shows the nearest page);
- a value the page itself writes into a request (the ids ticked for a bulk decision, the
  form's version, the competition named by `?edisi=`): 400 when it is not a valid id;
- a field the visitor fills or picks in a form: the form's own error, as for any bad input.
"""

from django import forms
from django.core.exceptions import ValidationError

# Ids are 32-bit on every supported database (AutoField); so are versions.
MAX_ID = 2**31 - 1


def parse_id(raw) -> int | None:
    """`raw` as an id (1 to 2^31-1), or None when it is not one (negative, too large,
    not an ASCII number)."""
    text = str(raw).strip()
    if not text or len(text) > 10 or not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def parse_ids(raws) -> list[int] | None:
    """Every value of `raws` as an id, duplicates dropped in order; None if any is not one."""
    ids: list[int] = []
    for raw in raws:
        value = parse_id(raw)
        if value is None:
            return None
        if value not in ids:
            ids.append(value)
    return ids


class ModelIdsField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows whose posted ids are range-checked before the `IN` query."""

    def _check_values(self, value):
        for raw in value:
            if parse_id(raw) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": raw},
                )
        return super()._check_values(value)


class LenientPageMixin:
    """Paginate a ListView with `Paginator.get_page`: a `page` that is not a number shows the
    first page, one past the end the last page, never an error."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
