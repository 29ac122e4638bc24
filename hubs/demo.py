"""Demo organisation (SPEC section 6): hubs, Babel instansi and units, the demo accounts.

Real places and institutions; the people are invented. Every step is keyed on a natural
key, so running it again changes nothing and keeps what users changed (passwords included).
"""

from django.conf import settings
from django.db import transaction

from .enums import InstansiKind, Role
from .models import Hub, Instansi, Membership, Region, Unit, User
from .services import regions_load, regions_mark_3t

HUBS = [
    # (province code, cohort, decree)
    *[
        (code, 2020, "KepmenPANRB 94/2020")
        for code in ("35", "16", "73", "33", "13", "19", "63", "75")
    ],
    *[(code, 2021, "KepmenPANRB 359/2021") for code in ("14", "61", "51", "81")],
    *[
        (code, 2023, "Undangan KemenPANRB 2023")
        for code in ("15", "18", "32", "34", "52", "82", "64")
    ],
]
HUB_MENTORS = {"19": "Universitas Bangka Belitung"}

NATIONAL_ORGANISER = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"

INSTANSI = [
    # (name, kind, region code or None)
    (NATIONAL_ORGANISER, InstansiKind.KEMENTERIAN, None),
    ("Pemerintah Provinsi Kepulauan Bangka Belitung", InstansiKind.PROVINSI, "19"),
    ("Pemerintah Kabupaten Bangka", InstansiKind.KABUPATEN, "19.01"),
    ("Pemerintah Kabupaten Belitung", InstansiKind.KABUPATEN, "19.02"),
    ("Pemerintah Kabupaten Bangka Selatan", InstansiKind.KABUPATEN, "19.03"),
    ("Pemerintah Kabupaten Bangka Tengah", InstansiKind.KABUPATEN, "19.04"),
    ("Pemerintah Kabupaten Bangka Barat", InstansiKind.KABUPATEN, "19.05"),
    ("Pemerintah Kabupaten Belitung Timur", InstansiKind.KABUPATEN, "19.06"),
    ("Pemerintah Kota Pangkalpinang", InstansiKind.KOTA, "19.71"),
    ("Pemerintah Kabupaten Muara Enim", InstansiKind.KABUPATEN, "16.03"),
    ("Kementerian Kesehatan", InstansiKind.KEMENTERIAN, None),
    ("Badan Pusat Statistik", InstansiKind.LEMBAGA, None),
    ("PT PLN (Persero)", InstansiKind.BUMN, None),
]

BANGKA_BARAT = "Pemerintah Kabupaten Bangka Barat"
BANGKA_TENGAH = "Pemerintah Kabupaten Bangka Tengah"

UNITS = [
    (BANGKA_BARAT, "Dinas Komunikasi dan Informatika"),
    (BANGKA_BARAT, "Dinas Perumahan Rakyat, Kawasan Permukiman dan Perhubungan"),
    (BANGKA_BARAT, "Dinas Pengendalian Penduduk dan Keluarga Berencana"),
    (BANGKA_BARAT, "PDAM Tirta Sejiran Setason"),
    (BANGKA_TENGAH, "Dinas Kependudukan dan Pencatatan Sipil"),
    (BANGKA_TENGAH, "RSUD Bangka Tengah"),
    ("Pemerintah Kabupaten Muara Enim", "Dinas Penanaman Modal dan PTSP"),
    ("Pemerintah Kota Pangkalpinang", "Dinas Kesehatan"),
]

# (username, invented name, role, scope)
ACCOUNTS = [
    ("sekretariat", "Ratna Wulandari", Role.SEKRETARIAT, None),
    ("adminlokal.bangkabarat", "Hendra Saputra", Role.ADMIN_LOKAL, BANGKA_BARAT),
    ("adminlokal.bangkatengah", "Siti Aminah", Role.ADMIN_LOKAL, BANGKA_TENGAH),
    (
        "upp.kominfo.bangkabarat",
        "Rizky Pratama",
        Role.OPERATOR,
        (BANGKA_BARAT, "Dinas Komunikasi dan Informatika"),
    ),
    (
        "upp.pdam.bangkabarat",
        "Dewi Lestari",
        Role.OPERATOR,
        (BANGKA_BARAT, "PDAM Tirta Sejiran Setason"),
    ),
    (
        "upp.bangkatengah",
        "Agus Salim",
        Role.OPERATOR,
        (BANGKA_TENGAH, "Dinas Kependudukan dan Pencatatan Sipil"),
    ),
    ("evaluator1", "Dr. Bambang Hidayat", Role.EVALUATOR, None),
    ("evaluator2", "Dr. Maya Kusuma", Role.EVALUATOR, None),
    ("evaluator3", "Prof. Yusuf Hakim", Role.EVALUATOR, None),
    ("panelis1", "Teguh Santoso", Role.PANELIST, None),
    ("panelis2", "Indah Permatasari", Role.PANELIST, None),
    ("panelis3", "Fajar Nugroho", Role.PANELIST, None),
    ("hub.babel", "Yanti Marlina", Role.HUB_ADMIN, "19"),
]


@transaction.atomic
def seed() -> dict[str, int]:
    """Load regions and the demo organisation; returns counts of what exists afterwards."""
    regions_load()
    regions_mark_3t()
    regions = {r.code: r for r in Region.objects.all()}
    hubs = {}
    for code, cohort, decree in HUBS:
        hubs[code], _ = Hub.objects.get_or_create(
            province=regions[code],
            defaults={"cohort": cohort, "decree": decree, "mentors": HUB_MENTORS.get(code, "")},
        )
    instansi = {}
    for name, kind, region_code in INSTANSI:
        instansi[name], _ = Instansi.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "region": regions[region_code] if region_code else None},
        )
    units = {}
    for instansi_name, unit_name in UNITS:
        units[(instansi_name, unit_name)], _ = Unit.objects.get_or_create(
            instansi=instansi[instansi_name], name=unit_name
        )
    for username, name, role, scope in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"name": name, "email": f"{username}@demo.kipp.localhost"},
        )
        if created:
            user.set_password(settings.KIPP_DEMO_PASSWORD)
            user.save(update_fields=["password"])
        scope_fields = {"unit": None, "instansi": None, "hub": None}
        if role == Role.OPERATOR:
            scope_fields["unit"] = units[scope]
        elif role == Role.ADMIN_LOKAL:
            scope_fields["instansi"] = instansi[scope]
        elif role == Role.HUB_ADMIN:
            scope_fields["hub"] = hubs[scope]
        Membership.objects.get_or_create(user=user, role=role, **scope_fields)
    return {
        "regions": Region.objects.count(),
        "hubs": Hub.objects.count(),
        "instansi": Instansi.objects.count(),
        "units": Unit.objects.count(),
        "accounts": User.objects.filter(username__in=[a[0] for a in ACCOUNTS]).count(),
    }
