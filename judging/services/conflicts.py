"""Conflicts of interest: detected from the organisation, declared by a judge, or set by the
Sekretariat. Each is a `Conflict` row (with its source, reason and author), so every
exclusion of a judge can be shown and defended afterwards."""

from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.enums import Role
from hubs.models import Instansi, Membership, User
from kipp.errors import Refused
from kipp.models import Competition, Proposal

from ..enums import ConflictSource, SheetState
from ..models import Affiliation, Assignment, Conflict, Round
from .rounds import require_organiser


def _judge_ties(judge_ids) -> tuple[dict, dict]:
    """For each judge: the instansi it belongs to (its memberships as operator or Admin
    Lokal, and declared affiliations) and the regions it is tied to (those instansi's
    regions and declared regions)."""
    instansi = defaultdict(set)
    regions = defaultdict(set)
    rows = Membership.objects.filter(
        user_id__in=judge_ids, role__in=(Role.OPERATOR, Role.ADMIN_LOKAL)
    ).values_list("user_id", "instansi_id", "unit__instansi_id")
    for user_id, own, of_unit in rows:
        instansi[user_id].add(own or of_unit)
    for user_id, inst, region in Affiliation.objects.filter(user_id__in=judge_ids).values_list(
        "user_id", "instansi_id", "region_id"
    ):
        if inst:
            instansi[user_id].add(inst)
        if region:
            regions[user_id].add(region)
    all_instansi = {i for ids in instansi.values() for i in ids}
    region_of = dict(
        Instansi.objects.filter(pk__in=all_instansi, region__isnull=False).values_list(
            "pk", "region_id"
        )
    )
    for user_id, ids in instansi.items():
        regions[user_id].update(region_of[i] for i in ids if i in region_of)
    return instansi, regions


def structural_conflicts(*, judge_ids, proposal_ids) -> dict[tuple[int, int], str]:
    """(proposal id, judge id) -> reason, for every pair the organisation ties together: the
    judge's own instansi is the proposer, or the judge's region is the proposer's region or
    its province."""
    instansi, regions = _judge_ties(judge_ids)
    if not instansi and not regions:
        return {}
    proposals = Proposal.objects.filter(pk__in=proposal_ids).values_list(
        "pk", "instansi_id", "instansi__region_id", "instansi__region__parent_id"
    )
    found = {}
    for pk, inst, region, province in proposals:
        for judge_id in judge_ids:
            if inst in instansi.get(judge_id, ()):
                found[(pk, judge_id)] = _("Juri berasal dari instansi pengusul.")
            elif region and region in regions.get(judge_id, ()):
                found[(pk, judge_id)] = _("Juri berasal dari wilayah yang sama dengan pengusul.")
            elif province and province in regions.get(judge_id, ()):
                found[(pk, judge_id)] = _("Juri berasal dari provinsi pengusul.")
    return found


def conflicts_detect(*, round_: Round) -> int:
    """Write a `structure` conflict for every tie between the round's judges and entries
    (pairs already recorded stay as they are). Returns how many pairs are tied."""
    judge_ids = list(round_.judges.values_list("user_id", flat=True))
    proposal_ids = list(round_.entries.values_list("proposal_id", flat=True))
    found = structural_conflicts(judge_ids=judge_ids, proposal_ids=proposal_ids)
    now = timezone.now()
    Conflict.objects.bulk_create(
        [
            Conflict(
                competition_id=round_.competition_id,
                proposal_id=p,
                user_id=u,
                source=ConflictSource.STRUCTURE,
                reason=reason,
                created_at=now,
            )
            for (p, u), reason in sorted(found.items())
        ],
        ignore_conflicts=True,
    )
    return len(found)


def conflict_pairs(*, competition_id: int, proposal_ids, judge_ids) -> set[tuple[int, int]]:
    return set(
        Conflict.objects.filter(
            competition_id=competition_id, proposal_id__in=proposal_ids, user_id__in=judge_ids
        ).values_list("proposal_id", "user_id")
    )


def _drop_open_assignments(*, competition_id: int, proposal_id: int, user_id: int) -> int:
    """Remove the judge's unsubmitted assignments on the proposal in every round of the
    competition (their history keeps them); a sheet ever submitted stays, with its timeline."""
    open_ = Assignment.objects.filter(
        round__competition_id=competition_id, proposal_id=proposal_id, judge_id=user_id
    ).filter(Q(sheet__isnull=True) | Q(sheet__state=SheetState.DRAFT))
    count = 0
    for assignment in open_:
        assignment.delete()
        count += 1
    return count


@transaction.atomic
def conflict_declare(*, assignment: Assignment, actor: User, reason: str) -> Conflict:
    """The judge declares a conflict on an assigned proposal: records it and removes the
    assignment (refused once the sheet was submitted). Sends nothing."""
    reason = (reason or "").strip()
    if assignment.judge_id != actor.pk:
        raise Refused(_("Hanya juri yang ditugaskan yang dapat menyatakan konflik."))
    if not reason:
        raise Refused(_("Tuliskan alasan konflik kepentingan Anda."))
    sheet = getattr(assignment, "sheet", None)
    if sheet is not None and sheet.state != SheetState.DRAFT:
        raise Refused(_("Lembar nilai ini sudah pernah dikirim; hubungi Sekretariat."))
    competition_id = assignment.round.competition_id
    conflict, _created = Conflict.objects.update_or_create(
        proposal_id=assignment.proposal_id,
        user=actor,
        defaults={
            "competition_id": competition_id,
            "source": ConflictSource.DECLARED,
            "reason": reason,
            "created_by": actor,
        },
    )
    _drop_open_assignments(
        competition_id=competition_id, proposal_id=assignment.proposal_id, user_id=actor.pk
    )
    return conflict


@transaction.atomic
def conflict_set(
    *, competition: Competition, proposal: Proposal, user: User, actor: User, reason: str
) -> Conflict:
    """The Sekretariat records a conflict between a judge and a proposal, with a reason;
    the judge's unsubmitted assignments on it go. Sends nothing."""
    require_organiser(actor, competition)
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Tuliskan alasan konflik kepentingan."))
    if proposal.competition_id != competition.pk:
        raise Refused(_("Usulan ini bukan peserta kompetisi ini."))
    conflict, _created = Conflict.objects.update_or_create(
        proposal=proposal,
        user=user,
        defaults={
            "competition": competition,
            "source": ConflictSource.SEKRETARIAT,
            "reason": reason,
            "created_by": actor,
        },
    )
    _drop_open_assignments(competition_id=competition.pk, proposal_id=proposal.pk, user_id=user.pk)
    return conflict


@transaction.atomic
def affiliation_add(
    *, user: User, instansi: Instansi | None = None, region=None, description: str = ""
) -> Affiliation:
    """The judge declares a tie (an instansi it worked for, a region it lives in). Draft
    assignments of the judge that the tie now conflicts with become `structure` conflicts
    and are removed, so no sheet is written under a conflict. Sends nothing."""
    if instansi is None and region is None:
        raise Refused(_("Pilih instansi atau wilayah."))
    affiliation = Affiliation.objects.create(
        user=user, instansi=instansi, region=region, description=(description or "").strip()
    )
    drafts = Assignment.objects.filter(judge=user, sheet__state=SheetState.DRAFT).select_related(
        "round"
    )
    tied = structural_conflicts(judge_ids=[user.pk], proposal_ids=[a.proposal_id for a in drafts])
    for assignment in drafts:
        reason = tied.get((assignment.proposal_id, user.pk))
        if reason is None:
            continue
        Conflict.objects.get_or_create(
            proposal_id=assignment.proposal_id,
            user=user,
            defaults={
                "competition_id": assignment.round.competition_id,
                "source": ConflictSource.STRUCTURE,
                "reason": reason,
                "created_by": user,
            },
        )
        assignment.delete()
    return affiliation


def affiliation_remove(*, affiliation: Affiliation, actor: User) -> None:
    """The judge withdraws one of its own declarations; conflicts already recorded stay
    (they are the record of why a judge did not judge). Sends nothing."""
    if affiliation.user_id != actor.pk:
        raise Refused(_("Afiliasi ini bukan milik Anda."))
    affiliation.delete()
