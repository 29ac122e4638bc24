"""Writes of the proposer's side: draft proposals and their text (innovations in
`kipp.services.innovations`, evidence files in `kipp.services.evidence`).

Every function is keyword-only and atomic, checks that the actor is on the proposal's
operator or Admin Lokal side (PermissionDenied otherwise, which views answer with 404), that
the proposal may still be changed (ValidationError with an Indonesian message) and that the
actor's window is open (`Refused` with the message of `kipp.deadlines`). State changes
(submit, withdraw...) are not made here but by `kipp.workflow.proposal_transition`.
"""

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import Unit, User
from hubs.roles import roles_of

from .. import deadlines
from ..eligibility import WHILE_WRITING, proposal_problems
from ..enums import EDITABLE_STATES, GroupKind
from ..errors import Refused
from ..models import CompetitionGroup, Innovation, Proposal
from ..models.proposal import MAX_TEAM
from ..selectors.proposals import competitions_open_to, title_taken
from . import workflow

# Fields of a proposal the proposer's side writes (besides `sections` and the SDG goals).
EDITABLE_FIELDS = (
    "title",
    "category",
    "innovator_kind",
    "team",
    "source_innovation",
    "replication_statement",
    "video_url",
    "truth_statement",
)


class EditConflict(Exception):
    """Someone saved the proposal after the version the writer started from."""

    def __init__(self, changed_at: datetime):
        super().__init__("stale version")
        self.changed_at = changed_at


@dataclass(frozen=True)
class SavedVersion:
    version: int
    saved_at: datetime


def proposer_sides(user: User, *, unit: Unit) -> set[str]:
    """The proposer's sides the user holds for proposals of `unit` (operator, Admin Lokal)."""
    return _sides(user, unit.pk, unit.instansi_id)


def _sides(user: User, unit_id: int, instansi_id: int) -> set[str]:
    roles = roles_of(user)
    sides = set()
    if unit_id in roles.operator_unit_ids:
        sides.add(workflow.OPERATOR)
    if instansi_id in roles.admin_instansi_ids:
        sides.add(workflow.ADMIN_LOKAL)
    return sides


def _proposal_sides(user: User, proposal: Proposal) -> set[str]:
    # The proposal keeps its unit's instansi, so neither row needs reading.
    return _sides(user, proposal.unit_id, proposal.instansi_id)


def require_proposer(user: User, proposal: Proposal) -> set[str]:
    sides = _proposal_sides(user, proposal)
    if not sides:
        raise PermissionDenied
    return sides


def actor_window(sides: set[str]) -> str:
    """The window in which the proposer's side writes: the operator until registration
    closes for its instansi, the Admin Lokal (acting for its operators) until local
    verification closes; extensions move either close (`kipp.deadlines.deadlines_for`)."""
    return deadlines.VERIFICATION if workflow.ADMIN_LOKAL in sides else deadlines.REGISTRATION


def creation_window(
    sides: set[str], *, group: CompetitionGroup, instansi_id: int
) -> tuple[str, datetime]:
    """Until when the actor may create a draft (see `actor_window`)."""
    limits = deadlines.deadlines_for(group.competition, instansi_id)
    window = actor_window(sides)
    return window, limits[window]


def edit_window_problem(proposal: Proposal, actor: User, now=None) -> str | None:
    """Why `actor` may not write `proposal` now because of the deadline (None while its
    window is open): the standard message of `kipp.deadlines.window_problem`."""
    sides = _proposal_sides(actor, proposal)
    return deadlines.window_problem(
        proposal.competition, proposal.instansi_id, actor_window(sides), now
    )


def require_edit_window(proposal: Proposal, sides: set[str], now=None) -> None:
    """Raise Refused once the actor's window has closed for the proposal's instansi."""
    problem = deadlines.window_problem(
        proposal.competition, proposal.instansi_id, actor_window(sides), now
    )
    if problem:
        raise Refused(problem)


# Proposals --------------------------------------------------------------------------------


@transaction.atomic
def proposal_create(
    *, actor: User, group: CompetitionGroup, innovation: Innovation, now=None
) -> Proposal:
    """Enter `innovation` into `group`'s competition as a draft proposal.

    Creates the Proposal (title, unit and instansi taken from the innovation) and the first
    event of its timeline; sends nothing. Refused outside the actor's window (the operator
    until registration closes for its instansi, the Admin Lokal until local verification
    closes), for invitation-only groups, and when the innovation or its title is already
    entered in the competition.
    """
    now = now or timezone.now()
    unit = innovation.unit
    sides = proposer_sides(actor, unit=unit)
    if not sides:
        raise PermissionDenied
    competition = group.competition
    if not competitions_open_to(unit.instansi, now=now).filter(pk=competition.pk).exists():
        if now < competition.registration_opens_at:
            raise ValidationError(_("Pendaftaran %(c)s belum dibuka.") % {"c": competition})
        raise ValidationError(_("%(c)s tidak terbuka untuk instansi ini.") % {"c": competition})
    if group.invitation_only:
        raise ValidationError(
            _("Kelompok %(g)s hanya untuk peserta undangan; belum dapat dipilih di sini.")
            % {"g": group.get_kind_display()}
        )
    window, _closes_at = creation_window(sides, group=group, instansi_id=unit.instansi_id)
    problem = deadlines.window_problem(competition, unit.instansi_id, window, now)
    if problem:
        raise ValidationError(problem)
    if Proposal.objects.filter(competition=competition, innovation=innovation).exists():
        raise ValidationError(_("Inovasi ini sudah didaftarkan di %(c)s.") % {"c": competition})
    if title_taken(competition.pk, innovation.title):
        raise ValidationError(
            _("Judul “%(t)s” sudah didaftarkan di %(c)s.")
            % {"t": innovation.title, "c": competition}
        )
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                competition=competition,
                group=group,
                innovation=innovation,
                unit=unit,
                instansi_id=unit.instansi_id,
                title=innovation.title,
                created_by=actor,
            )
    except IntegrityError:
        # Two tabs (or two colleagues) entering the same innovation at the same moment.
        raise ValidationError(
            _("Inovasi atau judul ini sudah didaftarkan di %(c)s.") % {"c": competition}
        ) from None
    workflow.proposal_created(proposal=proposal, actor=actor, now=now)
    return proposal


def writing_problems(proposal: Proposal, fields: dict) -> dict[str, str]:
    """Problems a save refuses (autosave warns about) in the values being written: an empty
    or duplicate title, over-long sections (`eligibility.proposal_problems`), by field."""
    problems = proposal_problems(
        proposal, title=fields.get("title"), sections=fields.get("sections"), rules=WHILE_WRITING
    )
    return {problem.field: problem.message for problem in problems}


def _clean_changes(proposal: Proposal, changes: dict) -> dict:
    """Keep only the writable fields, normalised; refuse values outside the competition."""
    fields = {}
    for name in EDITABLE_FIELDS:
        if name in changes:
            fields[name] = changes[name]
    if "title" in fields:
        fields["title"] = " ".join((fields["title"] or "").split())
        if fields["title"] == proposal.title:
            # Unchanged: nothing to write or to check (the stored title is unique already).
            del fields["title"]
    category = fields.get("category")
    if category is not None and category.competition_id != proposal.competition_id:
        raise PermissionDenied
    if proposal.group.kind != GroupKind.REPLIKASI:
        fields.pop("source_innovation", None)
        fields.pop("replication_statement", None)
    if "team" in fields:
        fields["team"] = [
            {
                key: str(member.get(key) or "").strip()
                for key in ("name", "position", "phone", "email")
            }
            for member in fields["team"][:MAX_TEAM]
        ]
    if "sections" in changes:
        keys = {s.key for s in proposal.group.sections.all()}
        new = {k: str(v) for k, v in changes["sections"].items() if k in keys}
        fields["sections"] = {**proposal.sections, **new}
    return fields


def _write(*, proposal: Proposal, version: int, fields: dict, sdgs) -> SavedVersion:
    """The conditional update shared by explicit save and autosave.

    It touches the row only if it is still at `version` and editable, so a save that
    started from an older version (another tab, a colleague) never overwrites newer text.
    """
    now = timezone.now()
    goals = sdgs is not None and not _same_goals(proposal, sdgs)
    # The text alone is one statement; new goals are written with it or not at all, and a
    # new title (the one value a constraint can refuse) gets the savepoint that turns the
    # refusal into a message.
    block = transaction.atomic() if goals or "title" in fields else nullcontext()
    try:
        with block:
            updated = Proposal.objects.filter(
                pk=proposal.pk, version=version, state__in=EDITABLE_STATES
            ).update(**fields, version=version + 1, updated_at=now)
            if updated and goals:
                proposal.sdgs.set(sdgs)
    except IntegrityError:
        raise ValidationError(
            {"title": _("Judul ini sudah didaftarkan di kompetisi ini.")}
        ) from None
    if updated == 0:
        current = Proposal.objects.filter(pk=proposal.pk).values("state", "updated_at").first()
        if current is None or current["state"] not in EDITABLE_STATES:
            raise ValidationError(
                _("Usulan ini sudah diajukan atau diproses sehingga tidak dapat diubah lagi."),
                code="not_editable",
            )
        raise EditConflict(current["updated_at"])
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.version, proposal.updated_at = version + 1, now
    return SavedVersion(version=version + 1, saved_at=now)


def _same_goals(proposal: Proposal, sdgs) -> bool:
    """Whether `sdgs` are the proposal's goals already (known when they were prefetched)."""
    held = getattr(proposal, "_prefetched_objects_cache", {}).get("sdgs")
    return held is not None and {goal.pk for goal in held} == {goal.pk for goal in sdgs}


def check_editable(proposal: Proposal) -> None:
    if not proposal.is_editable:
        raise ValidationError(
            _("Usulan ini sudah diajukan atau diproses sehingga tidak dapat diubah lagi."),
            code="not_editable",
        )


@transaction.atomic
def proposal_save(
    *, proposal: Proposal, actor: User, version: int, changes: dict, sdgs=None, now=None
) -> SavedVersion:
    """Save the proposal form ("Simpan"): every field, refusing over-long sections and an
    empty or duplicate title. Raises EditConflict if `version` is no longer current, and
    Refused once the actor's window has closed (see `actor_window`). Changes the proposal's
    fields, its SDG goals and its version; sends nothing."""
    sides = require_proposer(actor, proposal)
    check_editable(proposal)
    require_edit_window(proposal, sides, now)
    fields = _clean_changes(proposal, changes)
    errors = writing_problems(proposal, fields)
    if errors:
        raise ValidationError(errors)
    return _write(proposal=proposal, version=version, fields=fields, sdgs=sdgs)


def proposal_autosave(
    *, proposal: Proposal, actor: User, version: int, changes: dict, sdgs=None, now=None
) -> tuple[SavedVersion, list[str]]:
    """Store what the proposer is typing, so nothing is lost; returns the new version and
    warnings. Over-long sections are stored (and warned about); an empty or duplicate
    title is not stored (the previous one stays). Raises EditConflict if `version` is no
    longer current and Refused once the actor's window has closed, in both cases without
    writing anything. Sends nothing. Its one write is a conditional update (with the goals,
    when they change, in one transaction), so it needs no transaction around the reads."""
    sides = require_proposer(actor, proposal)
    check_editable(proposal)
    require_edit_window(proposal, sides, now)
    fields = _clean_changes(proposal, changes)
    problems = writing_problems(proposal, fields)
    if "title" in problems:
        # The previous title stays; the rest of the text is stored whatever it says.
        fields.pop("title")
        problems["title"] = _("%(problem)s Judul sebelumnya tetap dipakai.") % {
            "problem": problems["title"]
        }
    warnings = list(problems.values())
    saved = _write(proposal=proposal, version=version, fields=fields, sdgs=sdgs)
    return saved, warnings
