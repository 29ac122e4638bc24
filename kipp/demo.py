"""Demo competitions (SPEC section 6): KIPP 2023 finished, KIPP 2025 in registration.

KIPP 2025 holds proposals in every state of the local and administrative stages, among them
Bangka Barat's five candidates; KIPP 2023 holds the history the eligibility rules read
(a Top 45 and a Top 99 innovation, as published results). Keyed on competition slug and
proposal title, so running it again changes nothing. Titles and places are real-sounding;
the people are invented.
"""

from datetime import UTC, date, datetime, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from hubs.demo import BANGKA_BARAT, BANGKA_TENGAH
from hubs.enums import CLUSTER_OF_KIND
from hubs.models import Unit, User

from . import defaults
from .enums import GroupKind, ProposalState, ResultLevel
from .models import (
    Category,
    Competition,
    CompetitionGroup,
    Evidence,
    FormSection,
    Innovation,
    Proposal,
    ProposalEvent,
    Result,
    SdgGoal,
)

S = ProposalState
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
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

# KIPP 2025: (unit, title, group, started_on, [(state, actor username, note)], source title)
PROPOSALS_2025 = [
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
        date(2025, 6, 3),
        [
            (S.SUBMITTED, None, ""),
            (S.REJECTED_LOCALLY, None, "Usia inovasi belum dua tahun saat pendaftaran ditutup."),
        ],
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

SECTION_TEXT = {
    "ringkasan": "Inovasi ini memangkas waktu layanan dan membuka kanal pengaduan bagi warga "
    "di kecamatan terjauh, termasuk desa pesisir, dengan petugas yang datang langsung.",
    "ide_inovatif": "Sebelum inovasi, warga harus datang ke kantor kabupaten dan menunggu "
    "berhari-hari. Tujuannya layanan tuntas di desa dalam satu kunjungan.",
    "signifikansi": "Dilaksanakan bertahap di enam kecamatan; dampak diukur dari waktu layanan "
    "rata-rata dan survei kepuasan masyarakat setiap semester.",
}


def _text_for(key: str, limit: int) -> str:
    text = SECTION_TEXT.get(
        key,
        "Pelaksanaan melibatkan perangkat desa, puskesmas dan komunitas setempat; hasilnya "
        "dipantau setiap bulan dan dilaporkan kepada kepala daerah.",
    )
    return " ".join(text.split()[:limit])


def _competition(name, slug, year, opens, closes, verification_closes, published=None):
    competition, created = Competition.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "year": year,
            "theme": "Inovasi Pelayanan Publik untuk Indonesia Emas",
            "registration_opens_at": opens,
            "registration_closes_at": closes,
            "verification_closes_at": verification_closes,
            "admin_results_published_at": published,
        },
    )
    if created:
        for kind in GroupKind.values:
            group = CompetitionGroup.objects.create(
                competition=competition,
                kind=kind,
                quota_per_instansi=defaults.QUOTAS[kind],
                min_age_months=defaults.MIN_AGE_MONTHS[kind],
                required_evidence=list(defaults.REQUIRED_EVIDENCE[kind]),
                invitation_only=kind == GroupKind.KHUSUS,
            )
            FormSection.objects.bulk_create(
                FormSection(group=group, key=key, title=title, word_limit=limit, order=n)
                for n, (key, title, limit) in enumerate(defaults.SECTIONS[kind])
            )
        Category.objects.bulk_create(
            Category(competition=competition, name=name, order=n)
            for n, name in enumerate(defaults.CATEGORIES_2025)
        )
    return competition


def _unit(key) -> Unit:
    return Unit.objects.get(instansi__name=key[0], name=key[1])


def _proposal(competition, unit, title, kind, started_on, steps, source, when, users):
    """Create the proposal with its timeline, or return None when it exists already."""
    if Proposal.objects.filter(competition=competition, title=title).exists():
        return None
    author = users.get(steps[0][1]) if steps and steps[0][1] else None
    author = author or users[ADMIN_BB if unit.instansi.name == BANGKA_BARAT else "sekretariat"]
    innovation, _ = Innovation.objects.get_or_create(
        unit=unit,
        title=title,
        defaults={"started_on": started_on, "created_by": author, "summary": title},
    )
    group = competition.groups.get(kind=kind)
    proposal = Proposal.objects.create(
        competition=competition,
        group=group,
        innovation=innovation,
        unit=unit,
        instansi=unit.instansi,
        title=title,
        category=competition.categories.order_by("order")[7],
        sections={s.key: _text_for(s.key, s.word_limit) for s in group.sections.all()},
        team=[{"name": "Tim Inovasi " + unit.name, "position": "Ketua Tim", "phone": "0717-1234"}],
        source_innovation=Innovation.objects.filter(title=source).first() if source else None,
        replication_statement=kind == GroupKind.REPLIKASI,
        truth_statement=True,
        created_by=author,
    )
    proposal.sdgs.set(SdgGoal.objects.filter(number__in=[9, 16]))
    for evidence_kind in group.required_evidence:
        item = Evidence(
            proposal=proposal,
            kind=evidence_kind,
            original_name=f"{evidence_kind}.pdf",
            content_type="application/pdf",
            size=len(PDF),
            uploaded_by=author,
        )
        item.file.save(f"{evidence_kind}.pdf", ContentFile(PDF), save=False)
        item.save()
    ProposalEvent.objects.create(
        proposal=proposal, actor=author, from_state="", to_state=S.DRAFT, created_at=when
    )
    state, stamps = S.DRAFT, {}
    for n, (target, username, note) in enumerate(steps, start=1):
        ProposalEvent.objects.create(
            proposal=proposal,
            actor=users.get(username),
            from_state=state,
            to_state=target,
            note=note,
            created_at=when + timedelta(days=n),
        )
        state = target
        if target == S.FORWARDED:
            # What the forward transition stamps: its time, the cluster and the 3T status.
            region = unit.instansi.region
            stamps = {
                "forwarded_at": when + timedelta(days=n),
                "cluster": CLUSTER_OF_KIND[unit.instansi.kind],
                "is_3t": bool(region and region.is_3t),
            }
    submitted = when + timedelta(days=1) if steps else None
    Proposal.objects.filter(pk=proposal.pk).update(state=state, submitted_at=submitted, **stamps)
    return proposal


@transaction.atomic
def seed() -> dict[str, int]:
    """Load KIPP 2023 (history) and KIPP 2025 (in registration) with their proposals."""
    users = {u.username: u for u in User.objects.all()}
    users[None] = None
    wib_noon = 5  # 12:00 WIB is 05:00 UTC
    kipp2023 = _competition(
        "KIPP 2023",
        "kipp-2023",
        2023,
        datetime(2023, 1, 9, wib_noon, tzinfo=UTC),
        datetime(2023, 3, 31, wib_noon, tzinfo=UTC),
        datetime(2023, 4, 14, wib_noon, tzinfo=UTC),
        published=datetime(2023, 5, 2, 3, tzinfo=UTC),
    )
    for unit_key, title, started_on, reached, levels in HISTORY_2023:
        steps = [(state, None, "") for state in reached]
        made = _proposal(
            kipp2023,
            _unit(unit_key),
            title,
            GroupKind.UMUM,
            started_on,
            steps,
            None,
            datetime(2023, 2, 1, 2, tzinfo=UTC),
            users,
        )
        if made:
            Result.objects.bulk_create(
                Result(
                    proposal=made,
                    level=level,
                    published_at=PUBLISHED_2023[level],
                    created_at=PUBLISHED_2023[level],
                )
                for level in levels
            )

    # KIPP 2025 stays in registration whenever the demo is loaded: open since a month ago,
    # closing at 12:00 WIB three weeks from today.
    today_noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    kipp2025 = _competition(
        "KIPP 2025",
        "kipp-2025",
        2025,
        today_noon - timedelta(days=30),
        today_noon + timedelta(days=21),
        today_noon + timedelta(days=35),
    )
    for unit_key, title, kind, started_on, steps, source in PROPOSALS_2025:
        _proposal(
            kipp2025,
            _unit(unit_key),
            title,
            kind,
            started_on,
            steps,
            source,
            today_noon - timedelta(days=20),
            users,
        )
    return {
        "competitions": Competition.objects.filter(slug__in=["kipp-2023", "kipp-2025"]).count(),
        "proposals": Proposal.objects.filter(competition__in=[kipp2023, kipp2025]).count(),
    }
