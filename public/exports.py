"""Downloads of the public lists as CSV, XLSX and JSON: one column list per table, the
same filters as the page (the page's FilterSet), every row streamed from the database.

CSV and XLSX go through `kipp.exports` (formula-safe cells, UTF-8 BOM, write-only XLSX);
JSON is streamed as one array of objects keyed by the columns' keys.
"""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kipp import exports as kipp_exports

from .enums import Stage

FORMATS = ("csv", "xlsx", "json")


@dataclass(frozen=True)
class Field:
    key: str
    title: str
    value: Callable[[object], object]


def _attr(name: str):
    def value(row):
        return row[name] if isinstance(row, dict) else getattr(row, name)

    return value


def _region(name: str):
    def value(row):
        region = getattr(row, name)
        return region.name if region else ""

    return value


INNOVATION_FIELDS = [
    Field("innovation_id", _("ID inovasi"), _attr("innovation_id")),
    Field("year", _("Tahun"), _attr("year")),
    Field("title", _("Nama inovasi"), _attr("title")),
    Field("instansi", _("Instansi"), _attr("instansi_name")),
    Field("unit", _("Unit"), _attr("unit_name")),
    Field("province", _("Provinsi"), _region("province")),
    Field("regency", _("Kabupaten/kota"), _region("regency")),
    Field("cluster", _("Klaster"), lambda r: r.get_cluster_display()),
    Field("group", _("Kelompok"), lambda r: r.get_group_display()),
    Field("category", _("Kategori"), _attr("category_name")),
    Field("stage", _("Capaian"), lambda r: str(Stage(r.stage).label)),
    Field("replicated", _("Sudah direplikasi"), _attr("replicated")),
]


def table_fields(columns: Iterable[tuple[str, str]]) -> list[Field]:
    """Fields of a table whose rows are dicts keyed as `columns` (key, title) say."""
    return [Field(key, title, _attr(key)) for key, title in columns]


def _json_chunks(rows: Iterable[object], fields: list[Field]) -> Iterator[str]:
    yield "["
    for n, row in enumerate(rows):
        item = {field.key: field.value(row) for field in fields}
        yield ("," if n else "") + json.dumps(item, ensure_ascii=False, default=str)
    yield "]"


def download(rows: Iterable[object], fields: list[Field], *, fmt: str, filename: str):
    """The rows as an attachment in `fmt` (csv, xlsx or json); 404 for another format."""
    if fmt not in FORMATS:
        raise Http404
    if fmt == "json":
        response: HttpResponse = StreamingHttpResponse(
            (chunk.encode() for chunk in _json_chunks(rows, fields)),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        return response
    columns = [
        kipp_exports.Column(title=field.title, value=_plain(field.value)) for field in fields
    ]
    response = kipp_exports.export_response(rows, columns, fmt=fmt, filename=filename)
    # Public data: a proxy may keep it as the page does.
    response["Cache-Control"] = "public, max-age=300"
    return response


def _plain(value):
    def plain(row):
        result = value(row)
        if isinstance(result, bool):
            return gettext("ya") if result else gettext("tidak")
        return result

    return plain


def download_links(url_name: str, *args, query: str = "") -> list[tuple[str, str]]:
    """(format, address) of each download of a list, with the page's filters."""
    from django.urls import reverse

    suffix = f"?{query}" if query else ""
    return [(fmt, reverse(url_name, args=[*args, fmt]) + suffix) for fmt in FORMATS]
