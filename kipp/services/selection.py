"""Administrative selection by the organiser: deciding forwarded proposals in bulk and
publishing the announcement of who passed. Its reads live in `kipp.selectors.selection`.

Every proposal is reached through `kipp.selectors.proposals_visible_to` and every state
change goes through `kipp.workflow.proposal_transition`; a competition is reached only through
`kipp.selectors.competitions_managed_by`.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User

from ..enums import QUOTA_STATES, SELECTION_STATES
from ..enums import ProposalState as S
from ..errors import Refused
from ..models import Competition, Proposal
from ..params import parse_ids
from ..selectors import proposals as selectors
from ..selectors.selection import proposals_in_selection, selection_counts
from ..uploads import check_evidence_file
from . import workflow

# The reads above are also reached through this module by `kipp.views.selection`.
__all__ = [
    "DECISIONS",
    "FAIL",
    "PASS",
    "SELECTION_STATES",
    "BulkResult",
    "admin_results_publish",
    "admin_selection_decide",
    "proposals_in_selection",
    "selection_counts",
]

PASS, FAIL = "pass", "fail"
DECISIONS = {PASS: S.ADMIN_PASSED, FAIL: S.ADMIN_FAILED}


@dataclass
class BulkResult:
    done: list[Proposal] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def admin_selection_decide(
    *, actor: User, competition: Competition, proposal_ids, decision: str, note: str = ""
) -> BulkResult:
    """Pass or fail each of `proposal_ids`, one transition (and transaction) per proposal.

    An id outside the actor's selection for this competition is counted as refused and never
    touched; a value that is not an id at all (`kipp.params.parse_ids`) refuses the whole
    request before anything is looked up. Each passed or failed proposal gets its event and notifies its operators and
    Admin Lokal after its own commit (see `workflow.proposal_transition`).
    """
    if decision not in DECISIONS:
        raise Refused(_("Keputusan tidak dikenal."))
    note = (note or "").strip()
    if decision == FAIL and not note:
        raise Refused(_("Tuliskan alasan tidak lolos untuk usulan yang dipilih."))
    ids = parse_ids(proposal_ids)
    if ids is None:
        raise Refused(_("Pilihan usulan tidak sah."))
    found = {
        p.pk: p
        for p in proposals_in_selection(user=actor, competition=competition).filter(pk__in=ids)
    }
    result = BulkResult()
    for pk in ids:
        proposal = found.get(pk)
        if proposal is None:
            result.refused.append(_("Usulan #%(pk)s tidak ditemukan.") % {"pk": pk})
            continue
        try:
            workflow.proposal_transition(
                proposal=proposal, actor=actor, to_state=DECISIONS[decision], note=note
            )
        except Refused as refused:
            result.refused.append(f"{proposal.title}: {' '.join(refused.messages)}")
        else:
            result.done.append(proposal)
    return result


@transaction.atomic
def admin_results_publish(
    *, actor: User, competition: Competition, now=None, decree_number: str = "", decree=None
) -> Competition:
    """Publish the competition's administrative selection results (sets
    `admin_results_published_at`, and the decree's number and document when given), which
    opens the public announcement page. The decree document is checked by content
    (`kipp.uploads`: a real PDF, PNG or JPEG within the competition's file limit).

    Refused outside the actor's competitions (PermissionDenied), while any proposal is still
    `forwarded`, when nothing was forwarded, or when already published (Refused).
    Sends nothing: each proposer was notified when its proposal was decided.
    """
    locked = (
        selectors.competitions_managed_by(actor)
        .select_for_update(of=("self",))
        .filter(pk=competition.pk)
        .first()
    )
    if locked is None or not workflow.is_organiser(actor, locked):
        raise PermissionDenied
    if locked.admin_results_published_at:
        raise Refused(_("Hasil seleksi administrasi edisi ini sudah diumumkan."))
    counts = selection_counts(Proposal.objects.filter(competition=locked, state__in=QUOTA_STATES))
    if counts[S.FORWARDED]:
        raise Refused(
            _("Masih ada %(n)d usulan yang belum diputuskan.") % {"n": counts[S.FORWARDED]}
        )
    if not counts["total"]:
        raise Refused(_("Belum ada usulan yang diteruskan pada edisi ini."))
    fields = ["admin_results_published_at", "admin_results_decree_number"]
    if decree is not None:
        try:
            checked = check_evidence_file(decree, max_bytes=locked.max_file_mb * 1024 * 1024)
        except ValidationError as error:
            raise Refused(*error.messages) from None
        locked.admin_results_decree.save(checked.original_name, decree, save=False)
        fields.append("admin_results_decree")
    locked.admin_results_published_at = now or timezone.now()
    locked.admin_results_decree_number = (decree_number or "").strip()[:120]
    locked.save(update_fields=fields)
    for name in fields:
        setattr(competition, name, getattr(locked, name))
    return locked
