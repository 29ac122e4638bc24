"""Lists to XLSX and CSV: one place for every export of the portal.

Small exports are answered at once: CSV streams line by line, XLSX is built with
openpyxl's write-only mode (rows go straight to the file, memory stays flat). Large ones
are written to a file by a background job (`kipp.services.exports`) with the same
functions. CSV gets a UTF-8 BOM so spreadsheet programs read Indonesian names correctly.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from hubs.templatetags.kipp_format import WIB

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"xlsx": XLSX, "csv": "text/csv; charset=utf-8"}
# Cells starting with these would run as formulas in a spreadsheet program.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# How spreadsheet programs show the times (already in WIB, see `_cell_text`).
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[object], object]
    # Width in characters in the XLSX sheet.
    width: int = 18


def _cell_text(value) -> object:
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        # Wall-clock WIB to the second: a spreadsheet cell cannot hold a time zone.
        return timezone.localtime(value, WIB).replace(tzinfo=None, microsecond=0)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _lines(rows: Iterable[object], columns: list[Column]) -> Iterator[list]:
    return ([_cell_text(column.value(row)) for column in columns] for row in rows)


class _Echo:
    """A file-like object that hands back what the csv writer writes."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(rows: Iterable[object], columns: list[Column]) -> Iterator[str]:
    """The CSV text line by line, the BOM and the header first."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(column.title) for column in columns])
    for line in _lines(rows, columns):
        yield writer.writerow(
            [v.strftime("%Y-%m-%d %H:%M") if hasattr(v, "strftime") else v for v in line]
        )


def _sheet_title(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in str(title)).strip()
    return cleaned[:31] or "Data"


def write_xlsx(target, rows: Iterable[object], columns: list[Column], *, title="Data") -> None:
    """Write the rows as one named sheet into `target` (a path or binary file): a bold
    header that stays in view (frozen) and carries the filter buttons, columns as wide as
    their `width`, times in WIB to the minute."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(title))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=str(column.title))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for line in _lines(rows, columns):
        sheet.append([_xlsx_cell(sheet, value) for value in line])
    workbook.save(target)


def _xlsx_cell(sheet, value):
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    return value


def write_export(
    target, rows: Iterable[object], columns: list[Column], *, fmt: str, title="Data"
) -> None:
    """Write the export in `fmt` ("xlsx" or "csv") into the binary file `target`."""
    if fmt == "csv":
        for chunk in csv_chunks(rows, columns):
            target.write(chunk.encode("utf-8"))
    else:
        write_xlsx(target, rows, columns, title=title)


def export_response(
    rows: Iterable[object], columns: list[Column], *, fmt: str, filename: str, title="Data"
) -> HttpResponse:
    """An attachment response with one line per row; `fmt` is "xlsx" or "csv"."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in csv_chunks(rows, columns)),
            content_type=CONTENT_TYPES["csv"],
        )
    else:
        buffer = io.BytesIO()
        write_xlsx(buffer, rows, columns, title=title)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
