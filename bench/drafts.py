"""Complete, eligible drafts for the write scenarios (autosave, submit) and the surge."""

from datetime import date

from django.utils import timezone

from hubs.models import Unit
from kipp.enums import GroupKind, InnovatorKind, ProposalState
from kipp.models import Evidence, Innovation, Proposal, ProposalEvent, SdgGoal

from .proposals import Setup


def ready_drafts(setup: Setup, *, unit: Unit, operator, count: int, prefix: str) -> list[int]:
    """Complete, eligible Umum drafts of `unit` (sections, team, SDGs, evidence rows), ready
    to submit; the evidence rows name files that are never read."""
    group = setup.groups[GroupKind.UMUM]
    now = timezone.now()
    innovations = Innovation.objects.bulk_create(
        Innovation(
            unit=unit, title=f"{prefix} {n:04d}", started_on=date(2019, 1, 7), created_by=operator
        )
        for n in range(count)
    )
    drafts = Proposal.objects.bulk_create(
        Proposal(
            competition=setup.competition,
            group=group,
            innovation=innovation,
            unit=unit,
            instansi_id=unit.instansi_id,
            title=innovation.title,
            category=setup.categories[0],
            sections={
                key: "Isi bagian ini cukup singkat dan jelas."
                for key, _ in setup.sections[GroupKind.UMUM]
            },
            innovator_kind=InnovatorKind.TEAM,
            team=[
                {"name": "Siti Aminah", "position": "Kepala Bidang", "phone": "0812", "email": ""}
            ],
            truth_statement=True,
            created_by=operator,
        )
        for innovation in innovations
    )
    ProposalEvent.objects.bulk_create(
        ProposalEvent(
            proposal=p, actor=operator, from_state="", to_state=ProposalState.DRAFT, created_at=now
        )
        for p in drafts
    )
    goals = list(SdgGoal.objects.filter(number__in=[9, 16]))
    Proposal.sdgs.through.objects.bulk_create(
        Proposal.sdgs.through(proposal_id=p.pk, sdggoal_id=g.pk) for p in drafts for g in goals
    )
    Evidence.objects.bulk_create(
        Evidence(
            proposal=p,
            kind=kind,
            file=f"evidence/bench/{p.pk}-{kind}.pdf",
            original_name=f"{kind}.pdf",
            content_type="application/pdf",
            size=1024,
            uploaded_by=operator,
        )
        for p in drafts
        for kind in group.required_evidence
    )
    return [p.pk for p in drafts]
