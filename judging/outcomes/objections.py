"""Writes of the uji publik: anyone files an objection against a published shortlist while
its window is open; the Sekretariat upholds or dismisses it with a note. Upholding
disqualifies the proposal: its results are revoked with the note as the reason, its state
moves to disqualified, and its shortlist entry is marked out."""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal
from kipp.services import workflow
from kipp.services.results import results_revoke

from ..enums import ObjectionState
from ..models import Objection, Shortlist, ShortlistEntry

# Objections one client address may file per hour, and one e-mail address per shortlist.
PER_ADDRESS_PER_HOUR = 5
PER_EMAIL_PER_SHORTLIST = 3
# States from which an upheld objection disqualifies (a published result stands on them).
DISQUALIFIABLE = frozenset({S.ADMIN_PASSED, S.WINNER, S.OUTSTANDING})


class TooManyObjections(Refused):
    """Past the filing limits (answered 429 Too Many Requests)."""


def objection_window_open(shortlist: Shortlist, now=None) -> bool:
    now = now or timezone.now()
    return bool(
        shortlist.published_at
        and shortlist.objection_closes_at
        and shortlist.published_at <= now < shortlist.objection_closes_at
    )


def _address_allowed(address: str | None, now) -> bool:
    """Count one filing for `address` in the current hour; False past the limit. Filings
    without an address (the demo loader, a command) are not counted; the public form
    always passes the client's."""
    if address is None:
        return True
    key = f"judging:objections:{address}:{now:%Y%m%d%H}"
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) <= PER_ADDRESS_PER_HOUR
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=3600)
        return True


@transaction.atomic
def objection_file(
    *,
    shortlist: Shortlist,
    proposal: Proposal,
    name: str,
    email: str,
    text: str,
    file=None,
    address: str | None = None,
    now=None,
) -> Objection:
    """Record a public objection against one selected proposal of a published shortlist.

    Refused outside the uji publik window, for a proposal not on the list, or past the
    limits per client address and per e-mail address. Sends nothing (the Sekretariat sees
    it in the moderation list)."""
    now = now or timezone.now()
    if not objection_window_open(shortlist, now):
        raise Refused(_("Masa uji publik daftar ini tidak sedang dibuka."))
    if not shortlist.entries.filter(proposal=proposal, selected=True).exists():
        raise Refused(_("Usulan ini tidak ada di daftar yang diumumkan."))
    email = email.strip().lower()
    filed = Objection.objects.filter(shortlist=shortlist, email=email).count()
    if filed >= PER_EMAIL_PER_SHORTLIST or not _address_allowed(address, now):
        raise TooManyObjections(_("Terlalu banyak keberatan dikirim. Silakan coba lagi nanti."))
    objection = Objection(
        shortlist=shortlist,
        proposal=proposal,
        name=name.strip(),
        email=email,
        text=text.strip(),
        created_at=now,
    )
    if file:
        objection.file.save(file.name, file, save=False)
    objection.save()
    return objection


@transaction.atomic
def objection_moderate(
    *, objection: Objection, actor: User, uphold: bool, note: str, now=None
) -> Objection:
    """Uphold or dismiss a received objection, with a note (required either way).

    Upholding revokes the proposal's standing results (the note is the reason), moves the
    proposal to disqualified through the transition function (event and notifications), and
    marks its entry in the shortlist out, with the note, by the moderator."""
    now = now or timezone.now()
    locked = (
        Objection.objects.select_for_update(of=("self",))
        .select_related("shortlist__round__competition", "proposal")
        .get(pk=objection.pk)
    )
    if not workflow.is_organiser(actor, locked.shortlist.round.competition):
        raise PermissionDenied
    if locked.state != ObjectionState.RECEIVED:
        raise Refused(_("Keberatan ini sudah diputuskan."))
    note = (note or "").strip()
    if not note:
        raise Refused(_("Tuliskan catatan moderasi."))
    if uphold:
        proposal = locked.proposal
        results_revoke(proposal=proposal, actor=actor, reason=note, now=now)
        if proposal.state in DISQUALIFIABLE:
            workflow.proposal_transition(
                proposal=proposal, actor=actor, to_state=S.DISQUALIFIED, note=note, now=now
            )
        entry = ShortlistEntry.objects.select_for_update().get(
            shortlist=locked.shortlist, proposal=proposal
        )
        entry.selected = False
        entry.overridden = True
        entry.override_reason = _("Keberatan publik dikabulkan: %(note)s") % {"note": note}
        entry.overridden_by = actor
        entry._history_user = actor
        entry._change_reason = entry.override_reason
        entry.save(update_fields=["selected", "overridden", "override_reason", "overridden_by"])
    locked.state = ObjectionState.UPHELD if uphold else ObjectionState.DISMISSED
    locked.moderated_by = actor
    locked.moderated_at = now
    locked.moderation_note = note
    locked._history_user = actor
    locked._change_reason = note
    locked.save(update_fields=["state", "moderated_by", "moderated_at", "moderation_note"])
    return locked
