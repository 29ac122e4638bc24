"""The proposals of KIPP 2023's demo history: a few hundred past the administrative selection,
from real regions and institutions, with invented titles, written in bulk.

Instansi and units are made through the hubs services (named "Pemerintah Kabupaten X" after
the region, as the Babel ones are); proposals, their innovations and their timelines
(draft, submitted, forwarded, admin_passed) are bulk-inserted with the snapshot the forward
transition writes (cluster, 3T, forwarding time). Deterministic: the same regions, titles
and quality for every run.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from hubs.enums import CLUSTER_OF_KIND, InstansiKind, RegionKind, RegionLevel
from hubs.models import Instansi, Region, Unit, User
from hubs.services import instansi_save, unit_save
from kipp.enums import GroupKind
from kipp.enums import ProposalState as S
from kipp.models import Competition, Innovation, Proposal, ProposalEvent

SEED = 2023
SUBMITTED_AT = datetime(2023, 3, 20, 3, tzinfo=UTC)
NATIONAL = [
    ("Kementerian Agama", InstansiKind.KEMENTERIAN),
    ("Kementerian Keuangan", InstansiKind.KEMENTERIAN),
    ("Kementerian Pertanian", InstansiKind.KEMENTERIAN),
    ("Kementerian Hukum dan Hak Asasi Manusia", InstansiKind.KEMENTERIAN),
    ("Kementerian Ketenagakerjaan", InstansiKind.KEMENTERIAN),
    ("Badan Kepegawaian Negara", InstansiKind.LEMBAGA),
    ("Badan Pengawas Obat dan Makanan", InstansiKind.LEMBAGA),
    ("Lembaga Administrasi Negara", InstansiKind.LEMBAGA),
    ("Badan Pertanahan Nasional", InstansiKind.LEMBAGA),
    ("PT Pos Indonesia (Persero)", InstansiKind.BUMN),
    ("PT Kereta Api Indonesia (Persero)", InstansiKind.BUMN),
    ("PT Bank Rakyat Indonesia (Persero) Tbk", InstansiKind.BUMN),
]
NATIONAL_UNITS = ["Direktorat Pelayanan Publik", "Kantor Wilayah Kepulauan Bangka Belitung"]
REGIONAL_UNITS = [
    "Dinas Kesehatan",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Sosial",
    "Dinas Pendidikan",
    "RSUD",
]
SERVICES = [
    "Antar Jemput Akta Kelahiran",
    "Perizinan Usaha Daring",
    "Posyandu Keliling",
    "Layanan Kesehatan Ibu Hamil",
    "Bank Sampah Digital",
    "Jemput Bola KTP Elektronik",
    "Pengaduan Warga 24 Jam",
    "Sekolah Ramah Disabilitas",
    "Lumbung Pangan Desa",
    "Air Bersih Berbasis Warga",
    "Pasar Tani Daring",
    "Pendampingan UMKM Perempuan",
    "Rujukan Pasien Terpadu",
    "Beasiswa Anak Nelayan",
    "Makan Bergizi untuk Balita",
    "Kartu Lansia Sehat",
]
PREFIXES = ["Si", "Gerakan", "Layanan", "Aplikasi", "Rumah", "Pojok", "Klinik", "Sistem"]


@dataclass
class Made:
    proposal: Proposal
    quality: float  # 1-10, around which its judges score it


def organisations(sekretariat: User, *, regional: int = 90, provinces: int = 10) -> list[Unit]:
    """Units of real instansi to enter proposals from (made once, kept after)."""
    regions = list(
        Region.objects.filter(level=RegionLevel.REGENCY)
        .exclude(code__startswith="19.")  # Babel's own are the demo's hand-written ones
        .order_by("code")
    )
    rng = random.Random(SEED)  # noqa: S311 (deterministic demo data)
    # Every 3T region among the first picks, so 3T rules have candidates.
    chosen = [r for r in regions if r.is_3t][:25]
    rest = [r for r in regions if not r.is_3t]
    chosen += rng.sample(rest, regional - len(chosen))
    wanted = [(f"Pemerintah {region.name}", _kind_of(region), region) for region in chosen]
    for province in Region.objects.filter(level=RegionLevel.PROVINCE).exclude(code="19")[
        :provinces
    ]:
        wanted.append((f"Pemerintah Provinsi {province.name}", InstansiKind.PROVINSI, province))
    wanted += [(name, kind, None) for name, kind in NATIONAL]
    existing = {i.name: i for i in Instansi.objects.filter(name__in=[w[0] for w in wanted])}
    units = []
    for name, kind, region in wanted:
        instansi = existing.get(name) or instansi_save(
            actor=sekretariat, instansi=Instansi(name=name, kind=kind, region=region)
        )
        names = NATIONAL_UNITS if region is None else rng.sample(REGIONAL_UNITS, 2)
        for unit_name in names:
            unit = Unit.objects.filter(instansi=instansi, name=unit_name).first()
            units.append(
                unit or unit_save(actor=sekretariat, unit=Unit(instansi=instansi, name=unit_name))
            )
    return units


def _kind_of(region: Region) -> str:
    return InstansiKind.KOTA if region.kind == RegionKind.KOTA else InstansiKind.KABUPATEN


def _title(rng: random.Random, unit: Unit, taken: set[str]) -> str:
    place = unit.instansi.region.name.split(" ", 1)[-1] if unit.instansi.region else ""
    for _attempt in range(20):
        title = f"{rng.choice(PREFIXES)} {rng.choice(SERVICES)}"
        title = f"{title} {place}".strip() if place else f"{title} {unit.instansi.name.split()[-1]}"
        if title.lower() not in taken:
            taken.add(title.lower())
            return title
    title = f"{title} {len(taken)}"
    taken.add(title.lower())
    return title


def proposals(
    competition: Competition,
    units: list[Unit],
    sekretariat: User,
    *,
    count: int,
    kind: str = GroupKind.UMUM,
) -> list[Made]:
    """`count` proposals of `kind` that passed the administrative selection, spread over
    `units`, each with its timeline and a hidden quality for the demo's judges."""
    rng = random.Random(f"{SEED}-{kind}")  # noqa: S311
    group = competition.groups.get(kind=kind)
    categories = list(competition.categories.order_by("order", "pk"))
    taken = {
        t.lower()
        for t in Proposal.objects.filter(competition=competition).values_list("title", flat=True)
    }
    picks = [units[(n * 7 + rng.randrange(3)) % len(units)] for n in range(count)]
    innovations = Innovation.objects.bulk_create(
        Innovation(
            unit=unit,
            title=_title(rng, unit, taken),
            started_on=date(2018 + rng.randrange(3), 1 + rng.randrange(12), 1),
            summary="Inovasi layanan yang dipilih untuk data demo.",
            created_by=sekretariat,
        )
        for unit in picks
    )
    rows = []
    for n, innovation in enumerate(innovations):
        unit = picks[n]
        region = unit.instansi.region
        forwarded = SUBMITTED_AT + timedelta(days=10, minutes=n)
        rows.append(
            Proposal(
                competition=competition,
                group=group,
                innovation=innovation,
                unit=unit,
                instansi=unit.instansi,
                title=innovation.title,
                category=categories[n % len(categories)] if categories else None,
                sections={"ringkasan": f"{innovation.title}: layanan yang mendekatkan warga."},
                truth_statement=True,
                state=S.ADMIN_PASSED,
                created_by=sekretariat,
                submitted_at=SUBMITTED_AT + timedelta(minutes=n),
                forwarded_at=forwarded,
                cluster=CLUSTER_OF_KIND[unit.instansi.kind],
                is_3t=bool(region and region.is_3t),
            )
        )
    made = Proposal.objects.bulk_create(rows, batch_size=500)
    steps = [
        ("", S.DRAFT, 0),
        (S.DRAFT, S.SUBMITTED, 1),
        (S.SUBMITTED, S.FORWARDED, 10),
        (S.FORWARDED, S.ADMIN_PASSED, 30),
    ]
    ProposalEvent.objects.bulk_create(
        (
            ProposalEvent(
                proposal=proposal,
                actor=sekretariat,
                from_state=source,
                to_state=target,
                created_at=SUBMITTED_AT
                + timedelta(days=days - 5 if days == 0 else days, minutes=n),
            )
            for n, proposal in enumerate(made)
            for source, target, days in steps
        ),
        batch_size=1000,
    )
    return [Made(proposal, round(rng.uniform(3.0, 9.2), 2)) for proposal in made]
