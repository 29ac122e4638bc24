"""Factories for competitions, innovations and proposals (complete and eligible by default)."""

import importlib
import io
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter

from hubs.enums import CLUSTER_OF_KIND
from kipp import defaults
from kipp.enums import QUOTA_STATES, EvidenceKind, GroupKind, ProposalState, ResultLevel
from kipp.models import (
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

# The smallest well-formed PDF: enough for the content check, tiny on disk.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


def competition(
    *,
    name="KIPP 2025",
    year=2025,
    opens=None,
    closes=None,
    verification_closes=None,
    hub=None,
    quotas=None,
) -> Competition:
    """A competition with all three groups, default sections, evidence rules and categories.

    By default registration opened 10 days ago and closes in 10 days; verification in 20.
    """
    now = timezone.now()
    competition = Competition.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        year=year,
        organiser_hub=hub,
        theme="Inovasi untuk Indonesia Emas",
        registration_opens_at=opens or now - timedelta(days=10),
        registration_closes_at=closes or now + timedelta(days=10),
        verification_closes_at=verification_closes or now + timedelta(days=20),
    )
    for kind in GroupKind.values:
        group = CompetitionGroup.objects.create(
            competition=competition,
            kind=kind,
            quota_per_instansi=(quotas or defaults.QUOTAS)[kind],
            min_age_months=defaults.MIN_AGE_MONTHS[kind],
            required_evidence=list(defaults.REQUIRED_EVIDENCE[kind]),
            invitation_only=kind == GroupKind.KHUSUS,
        )
        for order, (key, title, limit) in enumerate(defaults.SECTIONS[kind]):
            FormSection.objects.create(
                group=group, key=key, title=title, word_limit=limit, order=order
            )
    for order, category in enumerate(defaults.CATEGORIES_2025):
        Category.objects.create(competition=competition, name=category, order=order)
    return competition


def innovation(unit, actor, *, title="Inovasi Contoh", started_on=None) -> Innovation:
    return Innovation.objects.create(
        unit=unit,
        title=title,
        started_on=started_on or date(2020, 1, 6),
        summary="Uraian singkat inovasi.",
        created_by=actor,
    )


def proposal(
    unit,
    actor,
    *,
    competition: Competition,
    kind=GroupKind.UMUM,
    title="Inovasi Contoh",
    started_on=None,
    complete=True,
    state=ProposalState.DRAFT,
    source=None,
) -> Proposal:
    """A proposal of a new innovation of `unit`; `complete=True` fills every requirement.

    One made forwarded or later carries what the forward transition stamps.
    """
    group = competition.groups.get(kind=kind)
    made = Proposal.objects.create(
        competition=competition,
        group=group,
        innovation=innovation(unit, actor, title=title, started_on=started_on),
        unit=unit,
        instansi=unit.instansi,
        title=title,
        created_by=actor,
        state=state,
        source_innovation=source,
        **forward_stamps(unit.instansi, state),
    )
    ProposalEvent.objects.create(proposal=made, actor=actor, from_state="", to_state=state)
    if complete:
        fill(made, actor)
    return made


def forward_stamps(instansi, state, when=None) -> dict:
    """`forwarded_at`, cluster and 3T as `proposal_transition` writes them on forward."""
    if state not in QUOTA_STATES:
        return {}
    return {
        "forwarded_at": when or timezone.now(),
        "cluster": CLUSTER_OF_KIND[instansi.kind],
        "is_3t": bool(instansi.region and instansi.region.is_3t),
    }


def fill(made: Proposal, actor) -> Proposal:
    """Fill every section (within limits), team, category, SDG, evidence and statements."""
    made.sections = {s.key: "Isi bagian ini cukup singkat." for s in made.group.sections.all()}
    made.team = [{"name": "Siti Aminah", "position": "Kepala Bidang", "phone": "0812"}]
    made.category = made.competition.categories.first()
    made.truth_statement = True
    made.replication_statement = made.group.kind == GroupKind.REPLIKASI
    made.save()
    made.sdgs.set(sdg_goals().filter(number__in=[9, 16]))
    for kind in made.group.required_evidence:
        evidence_file(made, actor, kind)
    return made


def sdg_goals():
    """The 17 goals; reloaded from their data migration when a transactional test's flush
    emptied the table (migrations' data does not survive `TransactionTestCase`)."""
    if not SdgGoal.objects.exists():
        goals = importlib.import_module("kipp.migrations.0002_sdg_goals").GOALS
        SdgGoal.objects.bulk_create(SdgGoal(number=n, name=name) for n, name in goals)
    return SdgGoal.objects.all()


def evidence_file(made: Proposal, actor, kind=EvidenceKind.OTHER) -> Evidence:
    item = Evidence(
        proposal=made,
        kind=kind,
        original_name=f"{kind}.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by=actor,
    )
    item.file.save(f"{kind}.pdf", ContentFile(PDF_BYTES), save=False)
    item.save()
    return item


PASSED = [ProposalState.SUBMITTED, ProposalState.FORWARDED, ProposalState.ADMIN_PASSED]


def history(
    unit,
    actor,
    *,
    competition: Competition,
    title: str,
    reached: list[str],
    results=(),
) -> Proposal:
    """A proposal of an earlier competition that went through the given states and reached
    the given result levels, published (for eligibility and replication sources)."""
    made = proposal(unit, actor, competition=competition, title=title, complete=False)
    previous = made.state
    for state in reached:
        ProposalEvent.objects.create(
            proposal=made, actor=actor, from_state=previous, to_state=state
        )
        previous = state
    Proposal.objects.filter(pk=made.pk).update(
        state=previous, **forward_stamps(made.instansi, previous)
    )
    made.refresh_from_db()
    for level in results:
        result(made, level)
    return made


def result(
    made: Proposal, level=ResultLevel.TOP99, *, published=True, revoked_reason="", actor=None
) -> Result:
    """A result of `made`: published now unless `published=False`, revoked when a reason
    is given."""
    now = timezone.now()
    return Result.objects.create(
        proposal=made,
        level=level,
        published_at=now if published else None,
        revoked_at=now if revoked_reason else None,
        revoked_reason=revoked_reason,
        revoked_by=actor if revoked_reason else None,
        created_by=actor,
    )


def bulk_proposals(
    unit, actor, *, competition: Competition, count: int, state, prefix="Inovasi Massal"
):
    """`count` proposals of `unit` in `state`, inserted in bulk (for query-count tests)."""
    group = competition.groups.get(kind=GroupKind.UMUM)
    category = competition.categories.first()
    innovations = Innovation.objects.bulk_create(
        Innovation(unit=unit, title=f"{prefix} {n}", started_on=date(2020, 1, 6), created_by=actor)
        for n in range(count)
    )
    now = timezone.now()
    proposals = Proposal.objects.bulk_create(
        Proposal(
            competition=competition,
            group=group,
            innovation=innovation,
            unit=unit,
            instansi=unit.instansi,
            title=innovation.title,
            category=category,
            state=state,
            created_by=actor,
            submitted_at=now,
            **forward_stamps(unit.instansi, state, now),
        )
        for innovation in innovations
    )
    ProposalEvent.objects.bulk_create(
        ProposalEvent(proposal=p, actor=actor, from_state=ProposalState.DRAFT, to_state=state)
        for p in proposals
    )
    return proposals


def pdf_of_size(size: int) -> bytes:
    """A real one-page PDF of exactly `size` bytes (padded in its metadata)."""

    def build(padding: int) -> bytes:
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        writer.add_metadata({"/Padding": "0" * padding})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    padding = 0
    for _ in range(5):
        made = build(padding)
        if len(made) == size:
            return made
        padding += size - len(made)
    raise AssertionError(f"could not build a PDF of {size} bytes")
