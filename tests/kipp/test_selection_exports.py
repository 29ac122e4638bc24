"""Administrative selection: the filtered list as XLSX and CSV."""

import csv
import io

from openpyxl import load_workbook

from hubs.enums import Cluster
from tests.kipp.selection_helpers import LIST

# Exports ------------------------------------------------------------------------------------

HEADER = [
    "Judul",
    "Instansi",
    "Klaster",
    "Provinsi",
    "Kelompok",
    "Kategori",
    "Status",
    "Diteruskan (WIB)",
]


def test_xlsx_export_holds_the_filtered_rows_only(client, babel, national):
    client.force_login(babel.sekretariat)

    response = client.get(
        f"{LIST}ekspor/xlsx/", {"edisi": national.competition.pk, "province": babel.province.pk}
    )

    assert response["Content-Disposition"] == (
        'attachment; filename="seleksi-administrasi-kipp-2025.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert sorted(row[0] for row in rows[1:]) == [
        "Biro Cepat",
        "Replika Dukcapil",
        "Sipadu Bangka Barat",
    ]
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Replika Dukcapil"][1:7] == (
        "Pemerintah Kabupaten Bangka Tengah",
        "Kabupaten",
        "Kepulauan Bangka Belitung",
        "Replikasi",
        national.cat2.name,
        "Diteruskan ke Sekretariat",
    )
    assert by_title["Biro Cepat"][3] == "Kepulauan Bangka Belitung"
    assert by_title["Biro Cepat"][7] is not None


def test_csv_export_has_bom_and_the_filtered_rows_only(client, babel, national):
    client.force_login(babel.sekretariat)

    response = client.get(
        f"{LIST}ekspor/csv/", {"edisi": national.competition.pk, "cluster": Cluster.KABUPATEN}
    )

    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == HEADER
    assert sorted(row[0] for row in rows[1:]) == [
        "Replika Dukcapil",
        "Sehat Muara",
        "Sipadu Bangka Barat",
    ]
    assert {row[3] for row in rows[1:]} == {"Kepulauan Bangka Belitung", "Sumatera Selatan"}


def test_unknown_export_format_is_404(client, babel, national):
    client.force_login(babel.sekretariat)

    assert client.get(f"{LIST}ekspor/pdf/?edisi={national.competition.pk}").status_code == 404
