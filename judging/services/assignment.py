"""Who judges what: automatic conflict-free assignment, manual changes, an extra judge.

The automatic assignment (`judging.assign.assign`) gives every entry k judges, never a
conflicted one, loads within one of each other, the same answer for the same input; here
it is fed from the database and its answer written as assignments with draft sheets. It is
idempotent: assignments already made stay and count towards k.
"""

from collections import Counter, defaultdict
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from kipp.errors import Refused
from kipp.models import Proposal

from .. import assign as solver
from ..enums import SheetState
from ..models import Assignment, Conflict, Round, ScoreSheet
from .conflicts import conflict_pairs, conflicts_detect, structural_conflicts
from .rounds import require_organiser

Progress = Callable[[int, str], None]


def _quiet(percent: int, message: str) -> None:
    return None


def _existing(round_: Round) -> dict[int, list[int]]:
    existing = defaultdict(list)
    for proposal_id, judge_id in round_.assignments.values_list("proposal_id", "judge_id"):
        existing[proposal_id].append(judge_id)
    return dict(existing)


def _create(round_: Round, pairs, *, actor: User | None) -> int:
    """Write assignments for (proposal, judge) pairs and a draft sheet for each (pairs
    already assigned are skipped). Returns how many were made."""
    now = timezone.now()
    Assignment.objects.bulk_create(
        [
            Assignment(
                round=round_,
                proposal_id=p,
                judge_id=j,
                created_at=now,
                created_by=actor,
            )
            for p, j in pairs
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    without_sheet = round_.assignments.filter(sheet__isnull=True).values_list("pk", flat=True)
    made = ScoreSheet.objects.bulk_create(
        [ScoreSheet(assignment_id=pk) for pk in without_sheet],
        ignore_conflicts=True,
        batch_size=1000,
    )
    return len(made)


def _create_one(round_: Round, proposal_id: int, judge_id: int, **fields) -> Assignment:
    """One assignment made by hand, saved one by one so its history records who and why."""
    assignment = Assignment.objects.create(
        round=round_, proposal_id=proposal_id, judge_id=judge_id, **fields
    )
    ScoreSheet.objects.create(assignment=assignment)
    return assignment


@transaction.atomic
def assignment_run(*, round_: Round, actor: User | None, progress: Progress = _quiet) -> int:
    """Detect structural conflicts, then give every entry of the round its k judges.

    Writes `structure` conflicts, assignments and draft sheets; returns how many
    assignments were added. Refused (with the reason) when no conflict-free assignment
    exists. Sends nothing.
    """
    if actor is not None:
        require_organiser(actor, round_.competition)
    round_ = Round.objects.select_for_update().select_related("competition").get(pk=round_.pk)
    progress(5, _("Memeriksa konflik kepentingan"))
    conflicts_detect(round_=round_)
    proposals = list(round_.entries.order_by("proposal_id").values_list("proposal_id", flat=True))
    judges = list(round_.judges.order_by("user_id").values_list("user_id", flat=True))
    if not proposals:
        raise Refused(_("Belum ada usulan yang masuk ke babak ini."))
    if not judges:
        raise Refused(_("Belum ada juri di babak ini."))
    conflicts = conflict_pairs(
        competition_id=round_.competition_id, proposal_ids=proposals, judge_ids=judges
    )
    existing = _existing(round_)
    # An assignment kept by an explicit override is not a conflict for the solver.
    conflicts -= {(p, j) for p, js in existing.items() for j in js}
    progress(30, _("Menyusun penugasan"))
    try:
        plan = solver.assign(
            proposals, judges, round_.judges_per_proposal, conflicts=conflicts, existing=existing
        )
    except solver.AssignmentImpossible as impossible:
        raise Refused(
            _("Penugasan tidak mungkin dibuat tanpa konflik: %(why)s") % {"why": impossible}
        ) from None
    pairs = [(p, j) for p, chosen in plan.items() for j in chosen if j not in existing.get(p, ())]
    progress(70, _("Menyimpan %(n)d penugasan") % {"n": len(pairs)})
    return _create(round_, pairs, actor=None)


def _require_judge(round_: Round, judge: User) -> None:
    if not round_.judges.filter(user=judge).exists():
        raise Refused(_("%(name)s bukan juri babak ini.") % {"name": judge.display_name})


@transaction.atomic
def assignment_add(
    *,
    round_: Round,
    proposal: Proposal,
    judge: User,
    actor: User,
    override_reason: str = "",
    is_extra: bool = False,
) -> Assignment:
    """The Sekretariat assigns `judge` to `proposal` by hand. A conflicted pair needs an
    explicit override with a reason, which the assignment keeps. Sends nothing."""
    require_organiser(actor, round_.competition)
    override_reason = (override_reason or "").strip()
    _require_judge(round_, judge)
    if not round_.entries.filter(proposal=proposal).exists():
        raise Refused(_("Usulan ini bukan peserta babak ini."))
    if round_.assignments.filter(proposal=proposal, judge=judge).exists():
        raise Refused(_("Juri ini sudah ditugaskan pada usulan ini."))
    conflict = Conflict.objects.filter(proposal=proposal, user=judge).first()
    detected = structural_conflicts(judge_ids=[judge.pk], proposal_ids=[proposal.pk])
    if (conflict or detected) and not override_reason:
        reason = conflict.reason if conflict else next(iter(detected.values()))
        raise Refused(
            _(
                "Juri ini berkonflik kepentingan dengan usulan (%(why)s). Tuliskan alasan untuk "
                "tetap menugaskannya."
            )
            % {"why": reason}
        )
    return _create_one(
        round_,
        proposal.pk,
        judge.pk,
        created_by=actor,
        is_extra=is_extra,
        override_reason=override_reason if (conflict or detected) else "",
    )


@transaction.atomic
def assignment_remove(*, assignment: Assignment, actor: User) -> None:
    """The Sekretariat removes an assignment whose sheet was never submitted (the
    assignment's history keeps it). Sends nothing."""
    require_organiser(actor, assignment.round.competition)
    sheet = getattr(assignment, "sheet", None)
    if sheet is not None and sheet.state != SheetState.DRAFT:
        raise Refused(_("Lembar nilai ini sudah pernah dikirim dan tidak dapat dihapus."))
    assignment.delete()


def assignments_of_judges_remove(*, round_: Round, judge_ids) -> int:
    """Remove the never-submitted assignments of judges leaving the round."""
    removed = 0
    for assignment in round_.assignments.filter(
        judge_id__in=judge_ids, sheet__state=SheetState.DRAFT
    ):
        assignment.delete()
        removed += 1
    return removed


@transaction.atomic
def extra_judge_add(*, round_: Round, proposal: Proposal, actor: User) -> Assignment:
    """Give a proposal one more judge (after a disagreement): the round's judge with the
    lowest load that is neither assigned to it nor conflicted; ties go to the lower id.
    Writes the assignment (marked extra) and its draft sheet. Sends nothing."""
    require_organiser(actor, round_.competition)
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if not round_.entries.filter(proposal=proposal).exists():
        raise Refused(_("Usulan ini bukan peserta babak ini."))
    judges = list(round_.judges.order_by("user_id").values_list("user_id", flat=True))
    taken = set(round_.assignments.filter(proposal=proposal).values_list("judge_id", flat=True))
    blocked = conflict_pairs(
        competition_id=round_.competition_id, proposal_ids=[proposal.pk], judge_ids=judges
    )
    blocked |= set(structural_conflicts(judge_ids=judges, proposal_ids=[proposal.pk]))
    free = [j for j in judges if j not in taken and (proposal.pk, j) not in blocked]
    if not free:
        raise Refused(_("Tidak ada juri lain tanpa konflik yang dapat ditambahkan."))
    load = Counter(round_.assignments.values_list("judge_id", flat=True))
    chosen = min(free, key=lambda j: (load[j], j))
    return _create_one(round_, proposal.pk, chosen, created_by=actor, is_extra=True)
