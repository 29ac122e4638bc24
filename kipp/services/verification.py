"""Writes of local verification: the Admin Lokal's checklist and notes on a proposal.

State changes (return, reject, forward) are not made here: they go through
`kipp.workflow.proposal_transition`, like every other move.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from hubs.roles import roles_of

from ..deadlines import VERIFICATION, require_open
from ..enums import ChecklistItem, ProposalState
from ..errors import Refused
from ..models import Proposal


def verification_save(
    *,
    actor: User,
    proposal: Proposal,
    checklist: Iterable[str],
    notes: Mapping[str, object],
    now: datetime | None = None,
) -> Proposal:
    """Store the Admin Lokal's checklist and notes in `proposal.verification`.

    `checklist` names the ticked `ChecklistItem` values; `notes` is
    `{"sections": {section key: text}, "general": text}`. Stored as
    `{"checklist": {item: bool}, "notes": {...}, "by": user id, "at": ISO time}`.
    Only an Admin Lokal of the proposal's instansi may save (PermissionDenied otherwise),
    only while the proposal is submitted and before the instansi's verification close
    (Refused). Neither the state nor the timeline changes, and nothing is sent.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Proposal.objects.select_for_update(of=("self",))
            .select_related("competition", "group")
            .get(pk=proposal.pk)
        )
        if not actor.has_perm("kipp.verify") or (
            locked.instansi_id not in roles_of(actor).admin_instansi_ids
        ):
            raise PermissionDenied
        if locked.state != ProposalState.SUBMITTED:
            raise Refused(
                _("Checklist hanya dapat disimpan selama usulan berstatus “%(s)s”.")
                % {"s": ProposalState.SUBMITTED.label}
            )
        require_open(locked.competition, locked.instansi_id, VERIFICATION, now)

        ticked = set(checklist)
        section_keys = list(locked.group.sections.values_list("key", flat=True))
        section_notes = notes.get("sections") or {}
        locked.verification = {
            "checklist": {item: item in ticked for item in ChecklistItem.values},
            "notes": {
                "sections": {
                    key: text
                    for key in section_keys
                    if (text := str(section_notes.get(key) or "").strip())
                },
                "general": str(notes.get("general") or "").strip(),
            },
            "by": actor.pk,
            "at": now.isoformat(),
        }
        # Only the verification: the proposal's content and "last changed" stay as they were.
        locked.save(update_fields=["verification"])
    proposal.verification = locked.verification
    return locked
