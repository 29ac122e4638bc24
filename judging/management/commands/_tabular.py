"""Reading the Sekretariat's spreadsheets (CSV) for the offline judging commands."""

import csv
from pathlib import Path

from django.core.management.base import CommandError


def read_csv(path: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a UTF-8 CSV (a BOM from Excel is fine) as (line number, {column: text}).

    Column names are matched case-insensitively and trimmed; extra columns are ignored.
    """
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"Berkas tidak ditemukan: {path}")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"Berkas {path} bukan teks UTF-8.") from error
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if not header:
        raise CommandError(f"Berkas {path} kosong: baris judul kolom tidak ada.")
    names = [name.strip().lower() for name in header]
    missing = [column for column in columns if column not in names]
    if missing:
        raise CommandError(
            f"Kolom wajib tidak ada: {', '.join(missing)} "
            f"(dibutuhkan: {','.join(columns)}; ditemukan: {','.join(names)})."
        )
    where = {column: names.index(column) for column in columns}
    rows = []
    for line, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        if len(values) < len(names):
            values = values + [""] * (len(names) - len(values))
        row = {column: values[index].strip() for column, index in where.items()}
        for column, value in row.items():
            if not value:
                raise CommandError(f"Baris {line}: kolom {column} kosong.")
        rows.append((line, row))
    if not rows:
        raise CommandError(f"Berkas {path} tidak berisi data.")
    return rows


def number(text: str, line: int, column: str) -> float:
    """A decimal number; a decimal comma ("85,5") is accepted too."""
    value = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    try:
        result = float(value)
    except ValueError:
        raise CommandError(f"Baris {line}: {column} '{text}' bukan angka.") from None
    if result != result or result in (float("inf"), float("-inf")):
        raise CommandError(f"Baris {line}: {column} '{text}' bukan angka.")
    return result


def proposal_id(text: str):
    """A proposal id: an integer when it is one, else the text as written."""
    return int(text) if text.isdigit() else text
