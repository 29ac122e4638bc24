"""The one door through which a proposal changes state (SPEC 3.3).

`proposal_transition()` locks the proposal, checks who may make the move in its current
state and before which deadline, applies the guards (eligibility on submit, the instansi's
quota on forward, a note where one is required), saves, appends the immutable event to the
timeline and notifies the people concerned after the transaction commits.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from hubs.enums import CLUSTER_OF_KIND, Role
from hubs.models import Instansi, User
from hubs.roles import roles_of
from hubs.services import notification_create
from hubs.transitions import Rule, rule_for
from hubs.transitions import rule as _rule

from ..deadlines import REGISTRATION, VERIFICATION, deadlines_for, require_open, window_problem
from ..eligibility import submission_problems
from ..enums import QUOTA_STATES, ProposalState, VerificationStage
from ..errors import Refused
from ..models import Competition, Proposal, ProposalEvent, VerificationItem
from ..selectors.selection import selection_changed

S = ProposalState

# Sides of a proposal: who the actor is in relation to it.
OPERATOR, ADMIN_LOKAL, ORGANISER = "operator", "admin_lokal", "organiser"


# Moves allowed only until the competition's administrative results are published.
UNTIL_PUBLISHED = frozenset({(S.ADMIN_PASSED, S.ADMIN_FAILED), (S.ADMIN_FAILED, S.ADMIN_PASSED)})

# (from, to) -> who may, until when. The Admin Lokal may act for its operators.
TRANSITIONS: dict[tuple[str, str], Rule] = {
    (S.DRAFT, S.SUBMITTED): _rule(OPERATOR, ADMIN_LOKAL, window=REGISTRATION),
    (S.RETURNED, S.SUBMITTED): _rule(OPERATOR, ADMIN_LOKAL, window=REGISTRATION),
    (S.SUBMITTED, S.RETURNED): _rule(ADMIN_LOKAL, window=VERIFICATION, note_required=True),
    (S.SUBMITTED, S.FORWARDED): _rule(ADMIN_LOKAL, window=VERIFICATION),
    (S.SUBMITTED, S.REJECTED_LOCALLY): _rule(ADMIN_LOKAL, window=VERIFICATION, note_required=True),
    (S.DRAFT, S.WITHDRAWN): _rule(OPERATOR, ADMIN_LOKAL),
    (S.SUBMITTED, S.WITHDRAWN): _rule(OPERATOR, ADMIN_LOKAL),
    (S.RETURNED, S.WITHDRAWN): _rule(OPERATOR, ADMIN_LOKAL),
    (S.FORWARDED, S.ADMIN_PASSED): _rule(ORGANISER),
    (S.FORWARDED, S.ADMIN_FAILED): _rule(ORGANISER, note_required=True),
    # A decision may be changed until the results are published (the reason is required).
    (S.ADMIN_PASSED, S.ADMIN_FAILED): _rule(ORGANISER, note_required=True),
    (S.ADMIN_FAILED, S.ADMIN_PASSED): _rule(ORGANISER, note_required=True),
    # The final outcome, when the organiser publishes the final results (judging services).
    (S.ADMIN_PASSED, S.WINNER): _rule(ORGANISER, manual=False),
    (S.ADMIN_PASSED, S.OUTSTANDING): _rule(ORGANISER, manual=False),
    (S.ADMIN_PASSED, S.NOT_SELECTED): _rule(ORGANISER, manual=False),
    # After an upheld objection against a published result, with the reason.
    (S.ADMIN_PASSED, S.DISQUALIFIED): _rule(ORGANISER, note_required=True, manual=False),
    (S.WINNER, S.DISQUALIFIED): _rule(ORGANISER, note_required=True, manual=False),
    (S.OUTSTANDING, S.DISQUALIFIED): _rule(ORGANISER, note_required=True, manual=False),
}

# The Admin Lokal submitting on the operator's behalf gets the later verification close.
ON_BEHALF_WINDOW = {ADMIN_LOKAL: VERIFICATION}


def sides_of(user: User, proposal: Proposal) -> set[str]:
    """The roles the user holds towards this proposal (possibly several, possibly none)."""
    roles = roles_of(user)
    sides = set()
    if proposal.unit_id in roles.operator_unit_ids:
        sides.add(OPERATOR)
    if proposal.instansi_id in roles.admin_instansi_ids:
        sides.add(ADMIN_LOKAL)
    if is_organiser(user, proposal.competition):
        sides.add(ORGANISER)
    return sides


def is_organiser(user: User, competition: Competition) -> bool:
    """Whether the user organises this competition (`RoleSet.organises`, the one answer)."""
    return roles_of(user).organises(competition.organiser_hub_id)


def allowed_moves(user: User, proposal: Proposal, now: datetime | None = None) -> list[str]:
    """Target states the user may move the proposal to now by hand (for showing buttons)."""
    now = now or timezone.now()
    sides = sides_of(user, proposal)
    limits = None
    moves = []
    for (source, target), rule in TRANSITIONS.items():
        if source != proposal.state or not rule.manual or not (rule.sides & sides):
            continue
        if (source, target) in UNTIL_PUBLISHED and proposal.competition.admin_results_published_at:
            continue
        window = _window(rule, sides)
        if window:
            limits = limits or deadlines_for(proposal.competition, proposal.instansi_id)
            if window_problem(proposal.competition, proposal.instansi_id, window, now, limits):
                continue
        moves.append(target)
    return moves


def _window(rule: Rule, sides: set[str]) -> str | None:
    """The latest window any of the actor's sides enjoys under this rule."""
    if rule.window != REGISTRATION:
        return rule.window
    acting = rule.sides & sides
    if any(ON_BEHALF_WINDOW.get(side) == VERIFICATION for side in acting):
        return VERIFICATION
    return REGISTRATION


@transaction.atomic
def proposal_transition(
    *, proposal: Proposal, actor: User, to_state: str, note: str = "", now=None
) -> Proposal:
    """Move `proposal` to `to_state` for `actor`, or raise Refused with the reasons.

    Changes the proposal's state (and `submitted_at` on submit; on forward `forwarded_at`
    and the snapshot of the instansi's cluster and 3T status), writes one ProposalEvent,
    and notifies operators / Admin Lokal / organisers as the move concerns them, by portal
    and e-mail once the transaction has committed.
    """
    now = now or timezone.now()
    note = (note or "").strip()
    locked = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("competition", "group", "innovation")
        .get(pk=proposal.pk)
    )
    source = locked.state
    sides = sides_of(actor, locked)
    rule = rule_for(
        TRANSITIONS,
        source,
        to_state,
        sides,
        no_such_move=_("Usulan berstatus “%(s)s” tidak dapat diubah menjadi “%(t)s”.")
        % {"s": S(source).label, "t": S(to_state).label},
        not_allowed=_("Anda tidak berwenang melakukan tindakan ini pada usulan ini."),
    )
    window = _window(rule, sides)
    if window:
        require_open(locked.competition, locked.instansi_id, window, now)
    if (source, to_state) in UNTIL_PUBLISHED and (
        # Locked like the publication does, so a change and the publication never cross.
        Competition.objects.select_for_update()
        .filter(pk=locked.competition_id, admin_results_published_at__isnull=False)
        .exists()
    ):
        raise Refused(
            _("Hasil seleksi administrasi sudah diumumkan; keputusan tidak dapat diubah lagi.")
        )
    if rule.note_required and not note:
        raise Refused(_("Tuliskan catatan atau alasannya."))
    if to_state == S.SUBMITTED:
        problems = submission_problems(locked)
        if problems:
            raise Refused(*problems)
    if to_state == S.FORWARDED:
        if not note and _unticked(locked):
            raise Refused(
                _(
                    "Ada butir checklist verifikasi yang belum dicentang; tuliskan catatan "
                    "mengapa usulan tetap diteruskan."
                )
            )
        instansi = _check_quota(locked)

    locked.state = to_state
    fields = ["state", "updated_at"]
    if to_state == S.SUBMITTED:
        locked.submitted_at = now
        fields.append("submitted_at")
    if to_state == S.FORWARDED:
        fields.extend(_snapshot(locked, instansi, now))
    locked.save(update_fields=fields)
    ProposalEvent.objects.create(
        proposal=locked,
        actor=actor,
        from_state=source,
        to_state=to_state,
        note=note,
        created_at=now,
    )
    _notify(locked, actor=actor, source=source, note=note)
    if source in QUOTA_STATES or to_state in QUOTA_STATES:
        # The selection list keeps its counts per competition until a move changes them.
        competition = locked.competition
        transaction.on_commit(lambda: selection_changed(competition))
    for name in fields:
        setattr(proposal, name, getattr(locked, name))
    return locked


def _unticked(proposal: Proposal) -> bool:
    """Whether the saved local checklist leaves an item unticked (none saved: nothing to
    hold against the forward)."""
    return VerificationItem.objects.filter(
        verification__proposal=proposal,
        verification__stage=VerificationStage.LOCAL,
        checked=False,
    ).exists()


def _snapshot(proposal: Proposal, instansi: Instansi, now: datetime) -> list[str]:
    """Stamp the forwarding time and the instansi's participant cluster and 3T status as
    they are now (a 3T region is the instansi's own: the kabupaten/kota, or the province for
    a pemprov; ministries, agencies and BUMN have none). Returns the fields written."""
    proposal.forwarded_at = now
    proposal.cluster = CLUSTER_OF_KIND[instansi.kind]
    proposal.is_3t = bool(instansi.region and instansi.region.is_3t)
    return ["forwarded_at", "cluster", "is_3t"]


def _check_quota(proposal: Proposal) -> Instansi:
    """Refuse a forward past the instansi's quota for the group; return the locked instansi.

    The instansi row is locked first, so two Admin Lokal forwarding at the same moment are
    counted one after the other (on PostgreSQL; SQLite serialises writers anyway).
    """
    instansi = (
        Instansi.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=proposal.instansi_id)
    )
    used = Proposal.objects.filter(
        competition_id=proposal.competition_id,
        instansi_id=proposal.instansi_id,
        state__in=QUOTA_STATES,
        group=proposal.group,
    ).count()
    quota = proposal.group.quota_per_instansi
    if used >= quota:
        raise Refused(
            _(
                "Kuota kelompok %(g)s untuk instansi ini sudah penuh (%(used)d dari %(quota)d "
                "usulan telah diteruskan)."
            )
            % {"g": proposal.group.get_kind_display(), "used": used, "quota": quota}
        )
    return instansi


def proposal_created(*, proposal: Proposal, actor: User, now=None) -> None:
    """Record the creation of a draft as the first event of its timeline."""
    ProposalEvent.objects.create(
        proposal=proposal,
        actor=actor,
        from_state="",
        to_state=proposal.state,
        created_at=now or timezone.now(),
    )


# Notifications ------------------------------------------------------------------------------


def _operators(proposal: Proposal):
    return User.objects.filter(
        is_active=True, memberships__role=Role.OPERATOR, memberships__unit_id=proposal.unit_id
    ).distinct()


def _admins(proposal: Proposal):
    return User.objects.filter(
        is_active=True,
        memberships__role=Role.ADMIN_LOKAL,
        memberships__instansi_id=proposal.instansi_id,
    ).distinct()


MESSAGES = {
    S.SUBMITTED: (_admins, N_("Usulan baru menunggu verifikasi: %(title)s")),
    S.RETURNED: (_operators, N_("Usulan dikembalikan untuk perbaikan: %(title)s")),
    S.FORWARDED: (_operators, N_("Usulan diteruskan ke Sekretariat KIPP: %(title)s")),
    S.REJECTED_LOCALLY: (_operators, N_("Usulan ditolak Admin Lokal: %(title)s")),
    S.ADMIN_PASSED: (None, N_("Usulan lolos seleksi administrasi: %(title)s")),
    S.ADMIN_FAILED: (None, N_("Usulan tidak lolos seleksi administrasi: %(title)s")),
    S.WITHDRAWN: (None, N_("Usulan ditarik: %(title)s")),
    S.WINNER: (None, N_("Usulan meraih Top 45: %(title)s")),
    S.OUTSTANDING: (None, N_("Usulan meraih Outstanding Achievement: %(title)s")),
    S.NOT_SELECTED: (None, N_("Hasil akhir diumumkan, usulan tidak terpilih: %(title)s")),
    S.DISQUALIFIED: (None, N_("Usulan didiskualifikasi: %(title)s")),
}


def _notify(proposal: Proposal, *, actor: User, source: str, note: str) -> None:
    entry = MESSAGES.get(proposal.state)
    if entry is None:
        return
    audience, subject = entry
    if audience is None:
        recipients = set(_operators(proposal)) | set(_admins(proposal))
    else:
        recipients = set(audience(proposal))
    recipients.discard(actor)
    for recipient in sorted(recipients, key=lambda u: u.pk):
        # Written in the recipient's language (the one they chose with the switch).
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            body = _("Status usulan “%(title)s” berubah dari “%(from)s” menjadi “%(to)s”.") % {
                "title": proposal.title,
                "from": S(source).label,
                "to": S(proposal.state).label,
            }
            if note:
                body += "\n\n" + _("Catatan: %(note)s") % {"note": note}
            notification_create(
                recipient=recipient,
                subject=_(subject) % {"title": proposal.title},
                body=body,
                url=f"/usulan/{proposal.pk}/",
            )
