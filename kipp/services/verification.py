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
from ..enums import ChecklistItem, ProposalState, VerificationStage
from ..errors import Refused
from ..models import Proposal, Verification, VerificationItem, VerificationNote


def verification_save(
    *,
    actor: User,
    proposal: Proposal,
    checklist: Iterable[str],
    notes: Mapping[str, object],
    now: datetime | None = None,
) -> Proposal:
    """Store the Admin Lokal's checklist and notes as the proposal's local `Verification`.

    `checklist` names the ticked `ChecklistItem` values; `notes` is
    `{"sections": {section key: text}, "general": text}`. The verification row (general
    note, who, when) is created or updated, and its rows replaced: one `VerificationItem` per
    checklist item (ticked or not) and one `VerificationNote` per non-empty section note of
    the proposal's group. Only an Admin Lokal of the proposal's instansi may save
    (PermissionDenied otherwise), only while the proposal is submitted and before the
    instansi's verification close (Refused). The proposal itself (its state, content, "last
    changed" and timeline) stays as it was, and nothing is sent.
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
        verification, _created = Verification.objects.update_or_create(
            proposal=locked,
            stage=VerificationStage.LOCAL,
            defaults={
                "note": str(notes.get("general") or "").strip(),
                "verified_by": actor,
                "verified_at": now,
            },
        )
        verification.items.all().delete()
        VerificationItem.objects.bulk_create(
            VerificationItem(verification=verification, item=item, checked=item in ticked)
            for item in ChecklistItem.values
        )
        verification.notes.all().delete()
        VerificationNote.objects.bulk_create(
            VerificationNote(verification=verification, section=key, text=text)
            for key in section_keys
            if (text := str(section_notes.get(key) or "").strip())
        )
    return locked
