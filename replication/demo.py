"""Demo replication data (SPEC 4): the Babel 2021 programme with its 23 commitments.

Pemprov 3, Kota Pangkalpinang 2, Bangka 5, Bangka Barat 4, Bangka Tengah 2, Bangka Selatan
1, Belitung 3, Belitung Timur 3, at different stages, some with overdue activities; the
sources are demo innovations with published Top 99 or better results of KIPP 2023: two from
Babel and four winners of the judging demo from other provinces. Every write goes
through the services and the one transition function; keyed on programme name and
(instansi, source), so running it again changes nothing.
"""

from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from hubs.enums import Role
from hubs.models import Hub, Instansi, Membership, User
from kipp import demo as kipp_demo
from kipp.enums import ResultLevel
from kipp.models import Innovation, Result

from .enums import ActivityStatus, DocumentKind, HubEventKind, Stage
from .models import Commitment, HubEvent, Programme
from .services import commitments, programmes
from .services.stages import commitment_transition

PROGRAMME = "Replikasi Inovasi Pelayanan Publik Kepulauan Bangka Belitung 2021"
MENTOR = ("pendamping.ubb", "Dr. Rina Apriyanti (Universitas Bangka Belitung)")
PEMPROV = "Pemerintah Provinsi Kepulauan Bangka Belitung"
S = Stage

# Sources from other provinces fill four slots, in this order, with KIPP 2023 innovations the
# judging demo took to a published result (see `_sources`).
IZIN, AKTA, ANTREAN, STUNTING = "izin", "akta", "antrean", "stunting"
SLOTS = [IZIN, AKTA, ANTREAN, STUNTING]
SAPA, JEMPOL = "Sapa Warga Babar", "Si Jempol: Dukcapil Jemput Bola"

# Adopting instansi -> [(source title, stage reached)]; 23 in all.
COMMITMENTS = {
    PEMPROV: [(IZIN, S.PELEMBAGAAN), (ANTREAN, S.IMPLEMENTASI), (STUNTING, S.RENCANA_AKSI)],
    "Pemerintah Kota Pangkalpinang": [(SAPA, S.EVALUASI), (AKTA, S.IMPLEMENTASI)],
    "Pemerintah Kabupaten Bangka": [
        (SAPA, S.PELEMBAGAAN),
        (JEMPOL, S.IMPLEMENTASI),
        (IZIN, S.IMPLEMENTASI),
        (AKTA, S.RENCANA_AKSI),
        (STUNTING, S.KOMITMEN),
    ],
    kipp_demo.BANGKA_BARAT: [
        (JEMPOL, S.EVALUASI),
        (IZIN, S.IMPLEMENTASI),
        (ANTREAN, S.RENCANA_AKSI),
        (STUNTING, S.PERSIAPAN),
    ],
    kipp_demo.BANGKA_TENGAH: [(SAPA, S.IMPLEMENTASI), (AKTA, S.DROPPED)],
    "Pemerintah Kabupaten Bangka Selatan": [(JEMPOL, S.RENCANA_AKSI)],
    "Pemerintah Kabupaten Belitung": [
        (SAPA, S.IMPLEMENTASI),
        (ANTREAN, S.KOMITMEN),
        (STUNTING, S.PERSIAPAN),
    ],
    "Pemerintah Kabupaten Belitung Timur": [
        (JEMPOL, S.PELEMBAGAAN),
        (IZIN, S.RENCANA_AKSI),
        (AKTA, S.IMPLEMENTASI),
    ],
}
ORDER = [S.PERSIAPAN, S.KOMITMEN, S.RENCANA_AKSI, S.IMPLEMENTASI, S.EVALUASI, S.PELEMBAGAAN]


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, kipp_demo.PDF, "application/pdf")


def _sources() -> dict[str, Innovation]:
    """The catalogue innovations used as sources: the two Babel ones of the kipp demo, and
    for the four other slots the first KIPP 2023 innovations from outside Babel (Top 45
    before Top 99, then by title) whose result the judging demo published and nobody
    revoked, so the sources are the competition's own winners and every run picks the same."""
    found = {i.title: i for i in Innovation.objects.filter(title__in=[SAPA, JEMPOL])}
    counted = Result.objects.filter(
        proposal__competition__slug="kipp-2023",
        published_at__isnull=False,
        revoked_at__isnull=True,
        level__in=[ResultLevel.TOP45, ResultLevel.TOP99],
    ).exclude(proposal__instansi__region__parent__code="19")
    ranked = counted.order_by("level", "proposal__innovation__title").values_list(
        "proposal__innovation_id", flat=True
    )
    chosen = list(dict.fromkeys(ranked))[: len(SLOTS)]
    innovations = Innovation.objects.in_bulk(chosen)
    found.update(zip(SLOTS, (innovations[pk] for pk in chosen), strict=True))
    return found


def _mentor(hub: Hub) -> User:
    username, name = MENTOR
    user, created = User.objects.get_or_create(
        username=username, defaults={"name": name, "email": f"{username}@demo.kipp.localhost"}
    )
    if created:
        user.set_password(settings.KIPP_DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, role=Role.MENTOR, hub=hub)
    return user


def _programme(hub, actor) -> Programme:
    existing = Programme.objects.filter(name=PROGRAMME).first()
    if existing:
        return existing
    invited = Instansi.objects.filter(name__in=COMMITMENTS)
    programme = programmes.programme_create(
        actor=actor,
        hub=hub,
        name=PROGRAMME,
        year=2021,
        starts_on=date(2021, 3, 1),
        ends_on=date(2021, 12, 31),
        description="Program replikasi inovasi pelayanan publik se-Kepulauan Bangka Belitung, "
        "didampingi Universitas Bangka Belitung.",
        signing_on=date(2021, 3, 25),
        signing_place="Gedung Mahligai Rumah Dinas Gubernur, Pangkalpinang",
        invited=invited,
    )
    for kind, title, day, place in (
        (HubEventKind.FORUM, "Forum Replikasi Inovasi Babel", date(2021, 3, 10), "Pangkalpinang"),
        (
            HubEventKind.COACHING,
            "Coaching clinic rencana aksi",
            date(2021, 4, 15),
            "UBB, Balunijuk",
        ),
    ):
        programmes.hub_event_create(
            actor=actor,
            hub=hub,
            kind=kind,
            title=title,
            date=day,
            place=place,
            invited=invited,
            attended=invited[:6],
        )
    today = timezone.localdate()
    programmes.hub_event_create(
        actor=actor,
        hub=hub,
        kind=HubEventKind.COACHING,
        title="Coaching clinic evaluasi dan pelembagaan",
        date=today + timedelta(days=10),
        place="Universitas Bangka Belitung",
        invited=invited,
    )
    return programme


def _advance(commitment, target, admin, hub_admin, mentor, n) -> None:
    """Bring the commitment to `target` the way its people would, step by step."""
    today = timezone.localdate()
    when = datetime(2021, 3, 25, 3, tzinfo=UTC)
    reached = ORDER.index(target) if target in ORDER else 1
    if reached >= 1:
        commitments.signing_update(
            actor=admin,
            commitment=commitment,
            signatory=f"Kepala Daerah {commitment.instansi}",
            position="Bupati/Wali Kota/Gubernur",
            signed_on=date(2021, 3, 25),
        )
        commitments.document_add(
            actor=admin,
            commitment=commitment,
            kind=DocumentKind.SIGNED_COMMITMENT,
            upload=_pdf("komitmen-replikasi.pdf"),
        )
        commitment_transition(commitment=commitment, actor=admin, to_state=S.KOMITMEN, now=when)
    if reached >= 2:
        commitments.plan_update(
            actor=admin,
            commitment=commitment,
            person_in_charge=admin,
            team="Bagian Organisasi; OPD pelaksana; Tim Pendamping UBB",
            budget_source="APBD 2021" if n % 2 else "APBD Perubahan 2021",
            adaptation="Disesuaikan dengan wilayah kepulauan: layanan keliling ke desa pesisir.",
        )
        for name, offset in (
            ("Sosialisasi kepada OPD dan masyarakat", -40),
            ("Penyiapan SOP dan sarana layanan", -8 - n % 5),
            ("Uji coba layanan di dua kecamatan", 3 + n % 4),
            ("Penerapan penuh", 45),
        ):
            commitments.activity_add(
                actor=admin,
                commitment=commitment,
                name=name,
                responsible_unit="Bagian Organisasi",
                due_on=today + timedelta(days=offset),
            )
        commitments.document_add(
            actor=admin,
            commitment=commitment,
            kind=DocumentKind.ACTION_PLAN,
            upload=_pdf("rencana-aksi.pdf"),
        )
        commitment_transition(
            commitment=commitment,
            actor=admin,
            to_state=S.RENCANA_AKSI,
            now=when + timedelta(days=30),
        )
    activities = list(commitment.activities.order_by("due_on"))
    if reached >= 3:
        commitment_transition(
            commitment=commitment,
            actor=admin,
            to_state=S.IMPLEMENTASI,
            now=when + timedelta(days=60),
        )
        done = len(activities) if reached >= 4 else 1 + n % 2
        for activity in activities[:done]:
            commitments.activity_set_status(
                actor=admin, activity=activity, status=ActivityStatus.DONE
            )
        commitments.progress_report(
            actor=admin,
            commitment=commitment,
            percent=min(100, 25 * done),
            summary="Layanan berjalan di kecamatan uji coba.",
            obstacles="" if n % 3 else "Jaringan internet di desa pesisir belum stabil.",
            evidence=[_pdf("bukti-kemajuan.pdf")],
        )
        commitments.coaching_note_add(
            actor=mentor,
            commitment=commitment,
            body="Lengkapi data dasar sebelum replikasi agar dampaknya dapat diukur.",
        )
    if reached >= 4:
        commitments.evaluation_update(
            actor=admin,
            commitment=commitment,
            indicator_before="Waktu layanan 7 hari kerja",
            indicator_after="Waktu layanan 1 hari kerja",
            regulation=f"Peraturan Kepala Daerah {commitment.instansi} No. {10 + n} Tahun 2022"
            if reached >= 5
            else "",
        )
        commitment_transition(
            commitment=commitment,
            actor=hub_admin,
            to_state=S.EVALUASI,
            now=when + timedelta(days=200),
        )
    if reached >= 5:
        commitment_transition(
            commitment=commitment,
            actor=hub_admin,
            to_state=S.PELEMBAGAAN,
            now=when + timedelta(days=300),
        )
    if target == S.DROPPED:
        commitment_transition(
            commitment=commitment,
            actor=admin,
            to_state=S.DROPPED,
            note="Anggaran dialihkan untuk penanganan COVID-19.",
            now=when + timedelta(days=20),
        )


@transaction.atomic
def seed() -> dict[str, int]:
    """Load the Babel 2021 programme, its 23 commitments, its events and the mentor."""
    users = {u.username: u for u in User.objects.all()}
    users[None] = None
    hub = Hub.objects.get(province__code="19")
    hub_admin = users["hub.babel"]
    mentor = _mentor(hub)
    sources = _sources()
    programme = _programme(hub, hub_admin)
    n = 0
    for instansi_name, items in COMMITMENTS.items():
        instansi = Instansi.objects.get(name=instansi_name)
        admin = kipp_demo._admin_of(instansi, users)
        for title, stage in items:
            n += 1
            source = sources[title]
            if Commitment.objects.filter(
                programme=programme, instansi=instansi, source_innovation=source
            ).exists():
                continue
            commitment = commitments.commitment_create(
                actor=admin,
                programme=programme,
                instansi=instansi,
                source_innovation=source,
                title=f"{source.title} ({instansi.name.removeprefix('Pemerintah ')})",
                problem="Layanan serupa di daerah ini masih lambat dan harus datang ke kantor.",
                now=datetime(2021, 3, 1, 3, tzinfo=UTC),
            )
            _advance(commitment, stage, admin, hub_admin, mentor, n)
    return {
        "programmes": Programme.objects.filter(name=PROGRAMME).count(),
        "commitments": Commitment.objects.filter(programme=programme).count(),
        "hub events": HubEvent.objects.filter(hub=hub).count(),
    }
