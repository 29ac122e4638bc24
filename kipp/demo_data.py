"""The demo's data: units, accounts, the KIPP 2023 history and the open competition's
proposals (loaded by `kipp.demo`)."""

from datetime import UTC, date, datetime

from hubs.demo import BANGKA_BARAT, BANGKA_TENGAH

from .enums import GroupKind, ProposalState, ResultLevel

S = ProposalState
KOMINFO = (BANGKA_BARAT, "Dinas Komunikasi dan Informatika")
PERKIMHUB = (BANGKA_BARAT, "Dinas Perumahan Rakyat, Kawasan Permukiman dan Perhubungan")
DPPKB = (BANGKA_BARAT, "Dinas Pengendalian Penduduk dan Keluarga Berencana")
PDAM = (BANGKA_BARAT, "PDAM Tirta Sejiran Setason")
DUKCAPIL_BT = (BANGKA_TENGAH, "Dinas Kependudukan dan Pencatatan Sipil")
DINKES_PGK = ("Pemerintah Kota Pangkalpinang", "Dinas Kesehatan")
DPMPTSP_ME = ("Pemerintah Kabupaten Muara Enim", "Dinas Penanaman Modal dan PTSP")

ADMIN_BB, ADMIN_BT = "adminlokal.bangkabarat", "adminlokal.bangkatengah"
OPERATOR_KOMINFO, OPERATOR_PDAM, OPERATOR_BT = (
    "upp.kominfo.bangkabarat",
    "upp.pdam.bangkabarat",
    "upp.bangkatengah",
)

# KIPP 2023: (unit, title, started_on, states reached after draft, results published)
PASSED = [S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED]
HISTORY_2023 = [
    (
        KOMINFO,
        "Sapa Warga Babar",
        date(2019, 3, 4),
        PASSED,
        [ResultLevel.TOP99, ResultLevel.TOP45],
    ),
    (
        DUKCAPIL_BT,
        "Si Jempol: Dukcapil Jemput Bola",
        date(2020, 7, 1),
        PASSED,
        [ResultLevel.TOP99],
    ),
    (DINKES_PGK, "Posyandu Digital Pangkalpinang", date(2021, 1, 11), PASSED, []),
]
# When KIPP 2023 announced its Top 99 and its Top 45 (10:00 WIB).
PUBLISHED_2023 = {
    ResultLevel.TOP99: datetime(2023, 7, 3, 3, tzinfo=UTC),
    ResultLevel.TOP45: datetime(2023, 10, 2, 3, tzinfo=UTC),
}

# The open competition: (unit, title, group, started_on, [(state, actor username, note)], source title)
PROPOSALS_OPEN = [
    (
        KOMINFO,
        "Babar Satu Data",
        GroupKind.UMUM,
        date(2022, 5, 2),
        [(S.SUBMITTED, OPERATOR_KOMINFO, "")],
        None,
    ),
    (
        PERKIMHUB,
        "SIPETA Rumah Layak",
        GroupKind.UMUM,
        date(2021, 9, 6),
        [
            (S.SUBMITTED, ADMIN_BB, ""),
            (
                S.RETURNED,
                ADMIN_BB,
                "Lengkapi bukti tanggal mulai dan perbaiki bagian Signifikansi: "
                "tuliskan cara dampak diukur.",
            ),
        ],
        None,
    ),
    (
        DPPKB,
        "Kelas Ayah Hebat",
        GroupKind.UMUM,
        date(2021, 2, 15),
        [(S.SUBMITTED, ADMIN_BB, ""), (S.FORWARDED, ADMIN_BB, "")],
        None,
    ),
    (DPPKB, "Genting Stunting Babar", GroupKind.UMUM, date(2022, 8, 1), [], None),
    (
        PDAM,
        "Tirta Tagih Online",
        GroupKind.UMUM,
        date(2020, 10, 5),
        [
            (S.SUBMITTED, OPERATOR_PDAM, ""),
            (S.FORWARDED, ADMIN_BB, ""),
            (S.ADMIN_PASSED, "sekretariat", ""),
        ],
        None,
    ),
    (
        DUKCAPIL_BT,
        "Akta Kilat Bangka Tengah",
        GroupKind.UMUM,
        date(2021, 4, 12),
        [
            (S.SUBMITTED, OPERATOR_BT, ""),
            (S.FORWARDED, ADMIN_BT, ""),
            (S.ADMIN_FAILED, "sekretariat", "SK inovator tidak ditandatangani pejabat berwenang."),
        ],
        None,
    ),
    (
        DUKCAPIL_BT,
        "Dukcapil Sahabat Lansia",
        GroupKind.UMUM,
        date(2022, 1, 10),
        [(S.SUBMITTED, OPERATOR_BT, ""), (S.WITHDRAWN, OPERATOR_BT, "Akan diajukan tahun depan.")],
        None,
    ),
    (
        DPMPTSP_ME,
        "Izin Usaha Sehari",
        GroupKind.UMUM,
        date(2024, 2, 5),
        [
            (S.SUBMITTED, None, ""),
            (
                S.REJECTED_LOCALLY,
                None,
                "Dampak belum dapat diukur (belum ada data sebelum dan sesudah); "
                "diusulkan kembali tahun depan.",
            ),
        ],
        None,
    ),
    # Each demo operator has work of its own in several states (a draft to open, a
    # returned proposal with the Admin Lokal's note, one waiting or decided).
    (
        KOMINFO,
        "Babar Data Desa",
        GroupKind.UMUM,
        date(2022, 3, 7),
        [],
        None,
    ),
    (
        KOMINFO,
        "Lapor Cepat Babar",
        GroupKind.UMUM,
        date(2021, 11, 1),
        [
            (S.SUBMITTED, OPERATOR_KOMINFO, ""),
            (
                S.RETURNED,
                ADMIN_BB,
                "Bagian Ringkasan belum menyebut jumlah aduan yang selesai; tambahkan data "
                "sebelum dan sesudah inovasi.",
            ),
        ],
        None,
    ),
    (PDAM, "Meter Air Pintar", GroupKind.UMUM, date(2022, 6, 13), [], None),
    (
        PDAM,
        "Sahabat Pelanggan Tirta",
        GroupKind.UMUM,
        date(2021, 8, 2),
        [
            (S.SUBMITTED, OPERATOR_PDAM, ""),
            (S.RETURNED, ADMIN_BB, "Unggah SK inovator yang sudah ditandatangani direktur."),
        ],
        None,
    ),
    (DUKCAPIL_BT, "KTP Keliling Desa", GroupKind.UMUM, date(2022, 9, 5), [], None),
    (
        DUKCAPIL_BT,
        "Kartu Identitas Anak Sekolah",
        GroupKind.UMUM,
        date(2021, 5, 3),
        [(S.SUBMITTED, OPERATOR_BT, "")],
        None,
    ),
    (
        DINKES_PGK,
        "Sapa Warga Sehat Pangkalpinang",
        GroupKind.REPLIKASI,
        date(2023, 6, 5),
        [(S.SUBMITTED, None, "")],
        "Sapa Warga Babar",
    ),
]

# Drafts written by an operator (the others' author is their first step's actor).
DRAFT_AUTHORS = {
    "Babar Data Desa": OPERATOR_KOMINFO,
    "Meter Air Pintar": OPERATOR_PDAM,
    "KTP Keliling Desa": OPERATOR_BT,
}

SECTION_TEXT = {
    "ringkasan": "Inovasi ini memangkas waktu layanan dan membuka kanal pengaduan bagi warga "
    "di kecamatan terjauh, termasuk desa pesisir, dengan petugas yang datang langsung.",
    "ide_inovatif": "Sebelum inovasi, warga harus datang ke kantor kabupaten dan menunggu "
    "berhari-hari. Tujuannya layanan tuntas di desa dalam satu kunjungan.",
    "signifikansi": "Dilaksanakan bertahap di enam kecamatan; dampak diukur dari waktu layanan "
    "rata-rata dan survei kepuasan masyarakat setiap semester.",
}
