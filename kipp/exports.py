"""Lists to XLSX and CSV: one function for every export of the portal.

openpyxl's write-only mode streams rows to disk, so memory stays flat for thousands of
proposals; CSV gets a UTF-8 BOM so spreadsheet programs read Indonesian names correctly.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Cells starting with these would run as formulas in a spreadsheet program.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[object], object]


def _cell_text(value) -> object:
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_response(
    rows: Iterable[object], columns: list[Column], *, fmt: str, filename: str
) -> HttpResponse:
    """An attachment response with one line per row; `fmt` is "xlsx" or "csv"."""
    values = ([_cell_text(column.value(row)) for column in columns] for row in rows)
    titles = [str(column.title) for column in columns]
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(titles)
        for line in values:
            writer.writerow(
                [v.strftime("%Y-%m-%d %H:%M") if hasattr(v, "strftime") else v for v in line]
            )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        header = []
        for title in titles:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        for line in values:
            sheet.append(line)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
