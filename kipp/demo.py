"""Demo competitions (SPEC section 6): KIPP 2023 finished, one in registration.

The open one is named for the year its registration closes in (its dates follow the clock);
it holds proposals in every state of the local and administrative stages, among them
Bangka Barat's five candidates; KIPP 2023 holds the history the eligibility rules read
(a Top 45 and a Top 99 innovation, as published results). Keyed on competition slug and
proposal title, so running it again changes nothing. Titles and places are real-sounding;
the people are invented.
"""

from datetime import UTC, datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from hubs.demo import BANGKA_BARAT, BANGKA_TENGAH
from hubs.enums import Role
from hubs.models import Membership, Unit, User

# The units are also read by the other apps' demo loaders as `kipp.demo.<UNIT>` (re-exported).
from .demo_data import (
    ADMIN_BB,
    ADMIN_BT,
    DRAFT_AUTHORS,
    HISTORY_2023,
    PROPOSALS_OPEN,
    PUBLISHED_2023,
    SECTION_TEXT,
)
from .demo_data import DINKES_PGK as DINKES_PGK
from .demo_data import DPMPTSP_ME as DPMPTSP_ME
from .demo_data import DPPKB as DPPKB
from .demo_data import DUKCAPIL_BT as DUKCAPIL_BT
from .demo_data import KOMINFO as KOMINFO
from .demo_data import PDAM as PDAM
from .demo_data import PERKIMHUB as PERKIMHUB
from .enums import GroupKind, ProposalState, ResultLevel
from .models import (
    Competition,
    Innovation,
    Proposal,
    Result,
    SdgGoal,
)
from .services import competitions, evidence, innovations, proposals, selection, workflow

S = ProposalState
# A one-page PDF, enough for the content check of every evidence upload.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


def _text_for(key: str, limit: int) -> str:
    text = SECTION_TEXT.get(
        key,
        "Pelaksanaan melibatkan perangkat desa, puskesmas dan komunitas setempat; hasilnya "
        "dipantau setiap bulan dan dilaporkan kepada kepala daerah.",
    )
    return " ".join(text.split()[:limit])


def _competition(actor, name, slug, year, opens, closes, verification_closes):
    """The competition, created through the same service as the organiser's screen."""
    existing = Competition.objects.filter(slug=slug).first()
    if existing:
        return existing
    return competitions.competition_create(
        actor=actor,
        organiser_hub=None,
        name=name,
        slug=slug,
        year=year,
        theme="Inovasi Pelayanan Publik untuk Indonesia Emas",
        registration_opens_at=opens,
        registration_closes_at=closes,
        verification_closes_at=verification_closes,
    )


def _unit(key) -> Unit:
    return Unit.objects.get(instansi__name=key[0], name=key[1])


def _admin_of(instansi, users) -> User:
    """The instansi's Admin Lokal: the demo account where there is one, otherwise an invented
    colleague without a password (the demo logs in only with the accounts in the README)."""
    if instansi.name == BANGKA_BARAT:
        return users[ADMIN_BB]
    if instansi.name == BANGKA_TENGAH:
        return users[ADMIN_BT]
    username = "adminlokal." + slugify(instansi.name.removeprefix("Pemerintah ")).replace("-", "")
    user, created = User.objects.get_or_create(
        username=username, defaults={"name": f"Admin Lokal {instansi.name}"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        Membership.objects.create(user=user, role=Role.ADMIN_LOKAL, instansi=instansi)
    return user


def _proposal(competition, unit, title, kind, started_on, steps, source, when, users):
    """Write the proposal as its proposer would (innovation, draft, text, evidence) and move
    it through the transition function, a day per step; None when it exists already."""
    if Proposal.objects.filter(competition=competition, title=title).exists():
        return None
    admin = _admin_of(unit.instansi, users)
    first = steps[0][1] if steps else DRAFT_AUTHORS.get(title)
    author = users.get(first) or admin
    innovation = Innovation.objects.filter(unit=unit, title=title).first()
    if innovation is None:
        innovation = innovations.innovation_create(
            actor=author, unit=unit, title=title, started_on=started_on, summary=title
        )
    group = competition.groups.get(kind=kind)
    proposal = proposals.proposal_create(actor=author, group=group, innovation=innovation, now=when)
    changes = {
        "category": competition.categories.order_by("order")[7],
        "sections": {s.key: _text_for(s.key, s.word_limit) for s in group.sections.all()},
        "team": [
            {"name": "Tim Inovasi " + unit.name, "position": "Ketua Tim", "phone": "0717-1234"}
        ],
        "truth_statement": True,
    }
    if kind == GroupKind.REPLIKASI:
        changes["source_innovation"] = Innovation.objects.filter(title=source).first()
        changes["replication_statement"] = True
    proposals.proposal_save(
        proposal=proposal,
        actor=author,
        version=proposal.version,
        changes=changes,
        sdgs=SdgGoal.objects.filter(number__in=[9, 16]),
        now=when,
    )
    for evidence_kind in group.required_evidence:
        evidence.evidence_add(
            proposal=proposal,
            actor=author,
            kind=evidence_kind,
            upload=SimpleUploadedFile(f"{evidence_kind}.pdf", PDF, "application/pdf"),
            now=when,
        )
    sekretariat = users["sekretariat"]
    for n, (target, username, note) in enumerate(steps, start=1):
        if username:
            actor = users[username]
        elif target in (S.ADMIN_PASSED, S.ADMIN_FAILED):
            actor = sekretariat
        else:
            actor = admin
        workflow.proposal_transition(
            proposal=proposal, actor=actor, to_state=target, note=note, now=when + timedelta(days=n)
        )
    return proposal


@transaction.atomic
def seed() -> dict[str, int]:
    """Load KIPP 2023 (history) and the competition in registration with their proposals."""
    users = {u.username: u for u in User.objects.all()}
    users[None] = None
    wib_noon = 5  # 12:00 WIB is 05:00 UTC
    sekretariat = users["sekretariat"]
    kipp2023 = _competition(
        sekretariat,
        "KIPP 2023",
        "kipp-2023",
        2023,
        datetime(2023, 1, 9, wib_noon, tzinfo=UTC),
        datetime(2023, 3, 31, wib_noon, tzinfo=UTC),
        datetime(2023, 4, 14, wib_noon, tzinfo=UTC),
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
            # Outcomes of the judging rounds, which have no screens yet: written as rows.
            Result.objects.bulk_create(
                Result(
                    proposal=made,
                    level=level,
                    published_at=PUBLISHED_2023[level],
                    created_at=PUBLISHED_2023[level],
                )
                for level in levels
            )
            # Published with the Top 45: the Top 99 left out of it were not selected.
            outcome = S.WINNER if ResultLevel.TOP45 in levels else S.NOT_SELECTED
            if levels:
                workflow.proposal_transition(
                    proposal=made,
                    actor=sekretariat,
                    to_state=outcome,
                    now=PUBLISHED_2023[ResultLevel.TOP45],
                )

    # The open competition stays in registration whenever the demo is loaded: open since a month ago,
    # closing at 12:00 WIB three weeks from today.
    today_noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    if kipp2023.admin_results_published_at is None:
        selection.admin_results_publish(
            actor=sekretariat, competition=kipp2023, now=datetime(2023, 5, 2, 3, tzinfo=UTC)
        )

    # Named for the year its registration closes in, so the dates never contradict the name.
    closes = today_noon + timedelta(days=21)
    kipp_open = _competition(
        sekretariat,
        f"KIPP {closes.year}",
        f"kipp-{closes.year}",
        closes.year,
        today_noon - timedelta(days=30),
        closes,
        today_noon + timedelta(days=35),
    )
    for unit_key, title, kind, started_on, steps, source in PROPOSALS_OPEN:
        _proposal(
            kipp_open,
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
        "competitions": Competition.objects.filter(pk__in=[kipp2023.pk, kipp_open.pk]).count(),
        "proposals": Proposal.objects.filter(competition__in=[kipp2023, kipp_open]).count(),
    }
