"""The one door through which a commitment changes stage (SPEC 4).

`commitment_transition()` locks the commitment, checks who may make the move from its
current stage and what the move needs (the signed commitment before komitmen, a plan
before rencana aksi, a progress report before evaluasi, the regulation before
pelembagaan, a reason to drop), saves, appends the immutable event to the timeline and
notifies the people concerned after the transaction commits.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.enums import Role
from hubs.models import User
from hubs.roles import roles_of
from hubs.services import notification_create
from hubs.transitions import Rule, rule_for, targets
from hubs.transitions import rule as _rule
from kipp.errors import Refused

from ..enums import DocumentKind, Stage
from ..models import Commitment, CommitmentEvent

S = Stage

# Sides of a commitment: the adopting instansi's Admin Lokal, the hub of its province (or
# the national Sekretariat), the hub's mentors (who coach but never move a stage).
ADOPTER, HUB, MENTOR = "adopter", "hub", "mentor"


_FORWARD = [
    (S.PERSIAPAN, S.KOMITMEN),
    (S.KOMITMEN, S.RENCANA_AKSI),
    (S.RENCANA_AKSI, S.IMPLEMENTASI),
    (S.IMPLEMENTASI, S.EVALUASI),
    (S.EVALUASI, S.PELEMBAGAAN),
]
_LIVE = [S.PERSIAPAN, S.KOMITMEN, S.RENCANA_AKSI, S.IMPLEMENTASI, S.EVALUASI]

# (from, to) -> who may, and whether a note (the reason) is required.
TRANSITIONS: dict[tuple[str, str], Rule] = {
    **{move: _rule(ADOPTER, HUB) for move in _FORWARD},
    **{(stage, S.DROPPED): _rule(ADOPTER, HUB, note_required=True) for stage in _LIVE},
    # Only the hub reopens a dropped commitment, with its reason.
    (S.DROPPED, S.PERSIAPAN): _rule(HUB, note_required=True),
}


def sides_of(user: User, commitment: Commitment) -> set[str]:
    """The roles the user holds towards this commitment (possibly several, possibly none)."""
    roles = roles_of(user)
    sides = set()
    if commitment.instansi_id in roles.admin_instansi_ids:
        sides.add(ADOPTER)
    if roles.is_national_sekretariat or commitment.province_id in roles.hub_province_ids:
        sides.add(HUB)
    if commitment.province_id in roles.mentor_province_ids:
        sides.add(MENTOR)
    return sides


def allowed_moves(user: User, commitment: Commitment) -> list[str]:
    """Target stages the user may move the commitment to now (for showing buttons)."""
    return targets(TRANSITIONS, commitment.stage, sides_of(user, commitment))


def _requirements(commitment: Commitment, to_state: str) -> list[str]:
    """What the commitment still lacks for the move, in Indonesian (empty: nothing)."""
    problems = []
    if to_state == S.KOMITMEN:
        if not (commitment.signatory and commitment.signatory_position and commitment.signed_on):
            problems.append(_("Isi penanda tangan, jabatannya dan tanggal penandatanganan."))
        if not commitment.documents.filter(kind=DocumentKind.SIGNED_COMMITMENT).exists():
            problems.append(_("Unggah dokumen komitmen yang sudah ditandatangani."))
    elif to_state == S.RENCANA_AKSI:
        if not (commitment.person_in_charge_id and commitment.team and commitment.budget_source):
            problems.append(_("Isi tim, penanggung jawab dan sumber anggaran rencana aksi."))
        if not commitment.activities.exists():
            problems.append(_("Tambahkan sedikitnya satu kegiatan rencana aksi."))
    elif to_state == S.EVALUASI:
        if not commitment.progress_reports.exists():
            problems.append(_("Laporkan kemajuan implementasi sedikitnya sekali."))
    elif to_state == S.PELEMBAGAAN:
        if not (commitment.indicator_before and commitment.indicator_after):
            problems.append(_("Isi indikator sebelum dan sesudah replikasi (evaluasi)."))
        if not commitment.regulation:
            problems.append(_("Sebutkan regulasi atau keputusan yang melembagakannya."))
    return problems


@transaction.atomic
def commitment_transition(
    *, commitment: Commitment, actor: User, to_state: str, note: str = "", now=None
) -> Commitment:
    """Move `commitment` to `to_state` for `actor`, or raise Refused with the reasons.

    Changes the stage (and the drop reason when dropped), writes one CommitmentEvent, and
    notifies the adopter's Admin Lokal, the hub admins of its province and the person in
    charge (not the actor), in the portal and by e-mail once the transaction has committed.
    """
    now = now or timezone.now()
    note = (note or "").strip()
    locked = Commitment.objects.select_for_update(of=("self",)).get(pk=commitment.pk)
    source = locked.stage
    target_label = S(to_state).label if to_state in S.values else to_state
    rule = rule_for(
        TRANSITIONS,
        source,
        to_state,
        sides_of(actor, locked),
        no_such_move=_("Komitmen pada tahap “%(s)s” tidak dapat dipindah ke “%(t)s”.")
        % {"s": S(source).label, "t": target_label},
        not_allowed=_("Anda tidak berwenang mengubah tahap komitmen ini."),
    )
    if rule.note_required and not note:
        raise Refused(_("Tuliskan alasannya."))
    problems = _requirements(locked, to_state)
    if problems:
        raise Refused(*problems)

    locked.stage = to_state
    fields = ["stage", "updated_at"]
    if to_state == S.DROPPED:
        locked.dropped_reason = note
        fields.append("dropped_reason")
    locked.save(update_fields=fields)
    CommitmentEvent.objects.create(
        commitment=locked,
        actor=actor,
        from_state=source,
        to_state=to_state,
        note=note,
        created_at=now,
    )
    _notify(locked, actor=actor, source=source, note=note)
    for name in fields:
        setattr(commitment, name, getattr(locked, name))
    return locked


def commitment_created(*, commitment: Commitment, actor: User, now=None) -> None:
    """Record the creation of a commitment as the first event of its timeline."""
    CommitmentEvent.objects.create(
        commitment=commitment,
        actor=actor,
        from_state="",
        to_state=commitment.stage,
        created_at=now or timezone.now(),
    )


def people_concerned(commitment: Commitment) -> set[User]:
    """The adopter's Admin Lokal, the hub admins of its province, the person in charge."""
    admins = User.objects.filter(
        is_active=True,
        memberships__role=Role.ADMIN_LOKAL,
        memberships__instansi_id=commitment.instansi_id,
    )
    hub_admins = User.objects.filter(
        is_active=True,
        memberships__role=Role.HUB_ADMIN,
        memberships__hub__province_id=commitment.province_id,
    )
    people = set(admins) | set(hub_admins)
    if commitment.person_in_charge_id:
        people.add(commitment.person_in_charge)
    return people


def _notify(commitment: Commitment, *, actor: User, source: str, note: str) -> None:
    recipients = people_concerned(commitment)
    recipients.discard(actor)
    body = _("Tahap replikasi “%(title)s” berubah dari “%(from)s” menjadi “%(to)s”.") % {
        "title": commitment.title,
        "from": S(source).label,
        "to": S(commitment.stage).label,
    }
    if note:
        body += "\n\n" + _("Catatan: %(note)s") % {"note": note}
    for recipient in sorted(recipients, key=lambda u: u.pk):
        notification_create(
            recipient=recipient,
            subject=_("Tahap replikasi berubah: %(title)s") % {"title": commitment.title},
            body=body,
            url=commitment.get_absolute_url(),
        )
