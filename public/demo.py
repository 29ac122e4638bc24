"""Demo history of the public side: KIPP 2019-2022, finished, with proposals from
many provinces that passed the administrative selection, Top 99 and Top 45 winners and a
few replications, so the innovation database, winners, statistics and home page show real-
looking data (KIPP 2023, 2024 and 2025 come from the kipp and judging demos). Top 45
winners end as `winner`, the other Top 99 as `not_selected`, as the final round leaves them.

Everything goes through the services a user would use: the instansi and units through
`hubs.services`, proposals through `kipp.services` and the transition function, results
through `kipp.services.results.result_record`, published. Keyed on competition slug and
proposal title, so running it again changes nothing. Real places and institutions; the
innovations' titles and the people are invented.
"""

from datetime import UTC, date, datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from hubs import services as hub_services
from hubs.enums import InstansiKind, RegionKind
from hubs.models import Instansi, Region, Unit, User
from kipp import demo as kipp_demo
from kipp.enums import GroupKind, ProposalState, ResultLevel
from kipp.models import Competition, Innovation, Proposal, SdgGoal
from kipp.services import evidence, innovations, proposals, results, selection, workflow

from . import cache, services

S, T99, T45 = ProposalState, ResultLevel.TOP99, ResultLevel.TOP45
KIND_OF_REGION = {
    RegionKind.PROVINSI: InstansiKind.PROVINSI,
    RegionKind.KABUPATEN: InstansiKind.KABUPATEN,
    RegionKind.KOTA: InstansiKind.KOTA,
}
# year: [(region code, unit, title, summary, category index, SDGs, levels, replicated title)]
HISTORY = {
    2019: [
        ("35.10", "Dinas Kependudukan dan Pencatatan Sipil", "Smart Kampung Adminduk",
         "Pelayanan administrasi kependudukan di balai desa tanpa ke kota kabupaten.", 7, [16], [T99, T45], ""),
        ("35.78", "Dinas Kesehatan", "Puskesmas Ramah Lansia Surabaya",
         "Layanan kesehatan lansia dengan jalur khusus dan kunjungan rumah.", 3, [3], [T99], ""),
        ("73.71", "Dinas Penanaman Modal dan PTSP", "Perizinan Kilat Makassar",
         "Perizinan usaha mikro selesai dalam satu hari melalui gerai keliling.", 5, [8, 9], [T99, T45], ""),
        ("32.11", "Badan Perencanaan Pembangunan Daerah", "Desa Digital Sumedang",
         "Data pembangunan desa terbuka untuk warga dan perangkat desa.", 7, [9, 16], [T99], ""),
        ("61.71", "Dinas Lingkungan Hidup", "Bank Sampah Sekolah Pontianak",
         "Pengelolaan sampah sekolah yang ditukar dengan tabungan pendidikan.", 8, [11, 12], [], ""),
    ],
    2020: [
        ("34.01", "Dinas Kesehatan", "Gerakan Ibu Hamil Sehat Kulon Progo",
         "Pendampingan ibu hamil oleh kader untuk menurunkan kematian ibu dan bayi.", 3, [3, 5], [T99, T45], ""),
        ("51.03", "Badan Pendapatan Daerah", "Pajak Online Badung",
         "Pelayanan pajak hotel dan restoran secara daring dengan pembayaran nontunai.", 7, [16, 17], [T99], ""),
        ("33.74", "Dinas Kesehatan", "Si Monik Kesehatan Anak Semarang",
         "Pemantauan tumbuh kembang balita untuk pencegahan stunting di posyandu.", 3, [2, 3], [T99], ""),
        ("11.71", "Dinas Pendidikan dan Kebudayaan", "Sekolah Siaga Bencana Banda Aceh",
         "Pendidikan kebencanaan terpadu untuk sekolah dasar di wilayah pesisir.", 0, [4, 11, 13], [T99, T45], ""),
        ("75.01", "Dinas Pertanian", "Petani Milenial Gorontalo",
         "Pelatihan pertanian jagung dengan teknologi untuk pemuda desa.", 1, [2, 8], [], ""),
        ("35.10", "Dinas Kesehatan", "Layanan Kesehatan Bergerak Banyuwangi",
         "Tenaga kesehatan mendatangi warga pelosok dengan mobil layanan terpadu.", 3, [3, 10], [], ""),
    ],
    2021: [
        ("32.73", "Dinas Komunikasi dan Informatika", "Bandung Command Center Warga",
         "Kanal pengaduan warga terpadu dengan tindak lanjut terukur per dinas.", 7, [9, 16], [T99, T45], ""),
        ("34.04", "Dinas Sosial", "Sleman Peduli Disabilitas",
         "Layanan terpadu bagi penyandang disabilitas: alat bantu, pelatihan kerja, dan pendataan.", 0, [1, 10], [T99], ""),
        ("16.03", "Dinas Penanaman Modal dan PTSP", "Izin Usaha Desa Muara Enim",
         "Pelayanan perizinan usaha mikro langsung di kantor kecamatan.", 5, [8], [T99], ""),
        ("63.71", "Dinas Kependudukan dan Pencatatan Sipil", "Akta Lahir Langsung Jadi",
         "Akta kelahiran diterbitkan di rumah sakit sebelum ibu dan bayi pulang.", 7, [16], [T99, T45], ""),
        ("33.22", "Dinas Kesehatan", "Smart Kampung Adminduk Semarang",
         "Mereplikasi layanan adminduk di balai desa dari Banyuwangi.", 7, [16], [], "Smart Kampung Adminduk"),
        ("81.71", "Dinas Perikanan", "Nelayan Sejahtera Ambon",
         "Pendampingan nelayan kecil untuk akses pasar dan asuransi.", 6, [1, 14], [], ""),
    ],
    2022: [
        ("52.71", "Dinas Kesehatan", "Posyandu Keluarga Mataram",
         "Pelayanan kesehatan keluarga di posyandu dengan pencatatan elektronik.", 3, [3], [T99, T45], ""),
        ("14.71", "Dinas Penanaman Modal dan PTSP", "Perizinan Daring Pekanbaru",
         "Layanan perizinan bangunan dan usaha dalam satu aplikasi dengan pelacakan berkas.", 5, [9, 11], [T99], ""),
        ("18.71", "Dinas Sosial", "Bantuan Sosial Tepat Sasaran Bandar Lampung",
         "Pemutakhiran data penerima bantuan oleh RT dengan verifikasi lapangan.", 6, [1, 10], [T99], ""),
        ("64.72", "Dinas Lingkungan Hidup", "Samarinda Sungai Bersih",
         "Gerakan warga membersihkan sungai dengan insentif retribusi sampah.", 8, [6, 11], [T99, T45], ""),
        ("13.71", "Dinas Kesehatan", "Perizinan Kilat Padang",
         "Mereplikasi perizinan usaha mikro satu hari dari Makassar.", 5, [8], [], "Perizinan Kilat Makassar"),
        ("82.71", "Dinas Pendidikan", "Sekolah Terapung Ternate",
         "Layanan pendidikan dengan kapal untuk pulau-pulau kecil.", 0, [4], [], ""),
    ],
}  # fmt: skip
PUBLISHED = {"admin": (5, 2), T99: (7, 3), T45: (10, 2)}  # (month, day), 10:00 WIB


def _at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 3, tzinfo=UTC)


def _unit(code: str, unit_name: str, sekretariat: User) -> Unit:
    region = Region.objects.get(code=code)
    prefix = "Pemerintah Provinsi " if region.kind == RegionKind.PROVINSI else "Pemerintah "
    # The region's government where the organisation demo has it already.
    instansi = Instansi.objects.filter(region=region, kind=KIND_OF_REGION[region.kind]).first()
    if instansi is None:
        instansi = hub_services.instansi_save(
            actor=sekretariat,
            instansi=Instansi(
                name=prefix + region.name, kind=KIND_OF_REGION[region.kind], region=region
            ),
        )
    unit = Unit.objects.filter(instansi=instansi, name=unit_name).first()
    if unit is None:
        unit = hub_services.unit_save(
            actor=sekretariat, unit=Unit(instansi=instansi, name=unit_name)
        )
    return unit


def _proposal(competition, unit, row, when, users):
    """The proposal written and moved as its Admin Lokal would: created, filled, evidence
    uploaded, submitted, forwarded; then passed by the Sekretariat."""
    _code, _unit_name, title, summary, category, sdgs, _levels, source = row
    if Proposal.objects.filter(competition=competition, title=title).exists():
        return Proposal.objects.get(competition=competition, title=title)
    kind = GroupKind.REPLIKASI if source else GroupKind.UMUM
    admin = kipp_demo._admin_of(unit.instansi, users)
    innovation = Innovation.objects.filter(unit=unit, title=title).first() or (
        innovations.innovation_create(
            actor=admin, unit=unit, title=title, summary=summary,
            started_on=date(competition.year - 3, 3, 1),
        )
    )  # fmt: skip
    group = competition.groups.get(kind=kind)
    proposal = proposals.proposal_create(actor=admin, group=group, innovation=innovation, now=when)
    texts = {s.key: kipp_demo._text_for(s.key, s.word_limit) for s in group.sections.all()}
    texts["ringkasan" if kind == GroupKind.UMUM else "inspirasi"] = summary
    changes = {
        "category": competition.categories.order_by("order")[category],
        "sections": texts,
        "team": [{"name": "Tim Inovasi " + unit.name, "position": "Ketua Tim", "phone": "-"}],
        "truth_statement": True,
        "video_url": f"https://www.youtube.com/watch?v=kipp{competition.year}{innovation.pk}",
    }
    if source:
        changes["source_innovation"] = Innovation.objects.get(title=source)
        changes["replication_statement"] = True
    proposals.proposal_save(
        proposal=proposal, actor=admin, version=proposal.version, changes=changes,
        sdgs=SdgGoal.objects.filter(number__in=sdgs), now=when,
    )  # fmt: skip
    for evidence_kind in group.required_evidence:
        evidence.evidence_add(
            proposal=proposal, actor=admin, kind=evidence_kind, now=when,
            upload=SimpleUploadedFile(f"{evidence_kind}.pdf", kipp_demo.PDF, "application/pdf"),
        )  # fmt: skip
    steps = [(S.SUBMITTED, admin), (S.FORWARDED, admin), (S.ADMIN_PASSED, users["sekretariat"])]
    for n, (target, actor) in enumerate(steps, start=1):
        workflow.proposal_transition(
            proposal=proposal, actor=actor, to_state=target, now=when + timedelta(days=n)
        )
    return proposal


@transaction.atomic
def seed() -> dict[str, int]:
    users = {u.username: u for u in User.objects.all()}
    sekretariat = users["sekretariat"]
    made = []
    for year, rows in HISTORY.items():
        competition = kipp_demo._competition(
            sekretariat, f"KIPP {year}", f"kipp-{year}", year,
            _at(year, 1, 10), _at(year, 3, 31), _at(year, 4, 14),
        )  # fmt: skip
        entered = [
            (
                _proposal(
                    competition, _unit(row[0], row[1], sekretariat), row, _at(year, 2, 1), users
                ),
                row[6],
            )
            for row in rows
        ]
        if competition.admin_results_published_at is None:
            selection.admin_results_publish(
                actor=sekretariat, competition=competition, now=_at(year, *PUBLISHED["admin"])
            )
        for proposal, levels in entered:
            for level in levels:
                results.result_record(
                    proposal=proposal, level=level, actor=sekretariat,
                    published_at=_at(year, *PUBLISHED[level]),
                )  # fmt: skip
            final = S.WINNER if T45 in levels else S.NOT_SELECTED if levels else None
            if final and proposal.state == S.ADMIN_PASSED:
                workflow.proposal_transition(
                    proposal=proposal, actor=sekretariat, to_state=final,
                    now=_at(year, *PUBLISHED[T45]),
                )  # fmt: skip
        made += [p.pk for p, _ in entered]
    services.records_rebuild()
    cache.bump()
    return {
        "competitions": Competition.objects.filter(public_records__isnull=False).distinct().count(),
        "public entries": services.InnovationRecord.objects.count(),
    }
