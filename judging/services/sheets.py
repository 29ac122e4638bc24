"""Score sheets: the judge's drafts and the one door through which a sheet changes state.

`sheet_transition()` locks the sheet, checks who may make the move in its state and
before when, computes the weighted total on submit, saves, appends the immutable
`SheetEvent` and notifies after commit. `sheet_save()` writes a draft with an optimistic
version check (two tabs cannot overwrite each other); every score change is kept by the
scores' history.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from hubs.services import notification_create
from kipp.errors import Refused
from kipp.services.workflow import is_organiser

from .. import stats
from ..enums import EDITABLE_SHEET_STATES, SheetState
from ..models import Score, ScoreSheet, SheetEvent

S = SheetState
JUDGE, ORGANISER = "judge", "organiser"


@dataclass(frozen=True)
class Rule:
    side: str
    before_close: bool = False
    note_required: bool = False


# (from, to) -> who may, and whether the round must still be open.
TRANSITIONS: dict[tuple[str, str], Rule] = {
    (S.DRAFT, S.SUBMITTED): Rule(JUDGE, before_close=True),
    (S.REOPENED, S.SUBMITTED): Rule(JUDGE, before_close=True),
    (S.SUBMITTED, S.REOPENED): Rule(ORGANISER, note_required=True),
}


def _sides(actor: User, sheet: ScoreSheet) -> set[str]:
    sides = set()
    if sheet.assignment.judge_id == actor.pk:
        sides.add(JUDGE)
    if is_organiser(actor, sheet.assignment.round.competition):
        sides.add(ORGANISER)
    return sides


def _locked(sheet: ScoreSheet) -> ScoreSheet:
    return (
        ScoreSheet.objects.select_for_update(of=("self",))
        .select_related("assignment__round__competition", "assignment__proposal")
        .get(pk=sheet.pk)
    )


def _require_open(sheet: ScoreSheet, now) -> None:
    round_ = sheet.assignment.round
    if now < round_.opens_at:
        raise Refused(_("Babak penilaian belum dibuka."))
    if now >= round_.closes_at:
        raise Refused(_("Babak penilaian sudah ditutup."))


def sheet_total(sheet: ScoreSheet) -> Decimal:
    """The sheet's weighted score on 0-100 (SPEC 3.4); refused while a criterion is unscored."""
    round_ = sheet.assignment.round
    criteria = list(round_.criteria.order_by("order", "pk"))
    values = dict(sheet.scores.values_list("criterion_id", "value"))
    missing = [c.name for c in criteria if values.get(c.pk) is None]
    if missing:
        raise Refused(
            _("Isi nilai semua kriteria sebelum mengirim: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    try:
        total = stats.sheet_total(
            {c.pk: float(values[c.pk]) for c in criteria},
            {c.pk: c.weight for c in criteria},
            scale_min=round_.scale_min,
            scale_max=round_.scale_max,
        )
    except ValueError as problem:
        raise Refused(str(problem)) from None
    return Decimal(str(round(total, 2)))


@transaction.atomic
def sheet_transition(
    *, sheet: ScoreSheet, actor: User, to_state: str, note: str = "", now=None
) -> ScoreSheet:
    """Move `sheet` to `to_state` for `actor`, or raise Refused with the reasons.

    Submit (the judge, while the round is open): every criterion scored, the weighted
    total stored, the sheet locked. Reopen (the organiser, with a reason): the judge may
    change it again and is notified after commit. Writes one SheetEvent per move.
    """
    now = now or timezone.now()
    note = (note or "").strip()
    locked = _locked(sheet)
    source = locked.state
    rule = TRANSITIONS.get((source, to_state))
    if rule is None:
        raise Refused(
            _("Lembar nilai berstatus “%(s)s” tidak dapat diubah menjadi “%(t)s”.")
            % {"s": S(source).label, "t": S(to_state).label}
        )
    if rule.side not in _sides(actor, locked):
        raise Refused(_("Anda tidak berwenang melakukan tindakan ini pada lembar nilai ini."))
    if rule.before_close:
        _require_open(locked, now)
    if rule.note_required and not note:
        raise Refused(_("Tuliskan alasannya."))
    fields = ["state", "version", "updated_at"]
    if to_state == S.SUBMITTED:
        locked.total = sheet_total(locked)
        locked.submitted_at = now
        fields += ["total", "submitted_at"]
    locked.state = to_state
    locked.version += 1
    locked.save(update_fields=fields)
    SheetEvent.objects.create(
        sheet=locked, actor=actor, from_state=source, to_state=to_state, note=note, created_at=now
    )
    if to_state == S.REOPENED:
        _notify_reopened(locked, note)
    for name in fields:
        setattr(sheet, name, getattr(locked, name))
    return locked


def _notify_reopened(sheet: ScoreSheet, note: str) -> None:
    assignment = sheet.assignment
    notification_create(
        recipient=assignment.judge,
        subject=_("Lembar nilai dibuka kembali: %(round)s") % {"round": assignment.round.name},
        body=_("Sekretariat membuka kembali lembar nilai Anda. Alasan: %(note)s") % {"note": note},
        url=reverse("judging_sheet", args=[sheet.pk]),
    )


def _parse(value, round_) -> Decimal | None:
    text = str(value if value is not None else "").strip().replace(",", ".")
    if text == "":
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise Refused(_("Nilai “%(v)s” bukan angka.") % {"v": value}) from None
    if not number.is_finite() or not (round_.scale_min <= number <= round_.scale_max):
        raise Refused(
            _("Nilai harus di antara %(a)d dan %(b)d.")
            % {"a": round_.scale_min, "b": round_.scale_max}
        )
    return number.quantize(Decimal("0.01"))


@transaction.atomic
def sheet_save(
    *, sheet: ScoreSheet, actor: User, version: int, scores: dict, comment: str | None, now=None
) -> ScoreSheet:
    """Save the judge's draft: `scores` maps criterion id -> (value or "", comment).

    Refused when the sheet is not the actor's, is locked (submitted), the round is closed,
    a value is outside the scale, or the sheet changed since `version` (another tab).
    Changes the scores (kept by their history), the comment and the version. Sends nothing.
    """
    now = now or timezone.now()
    locked = _locked(sheet)
    if locked.assignment.judge_id != actor.pk:
        raise Refused(_("Lembar nilai ini bukan milik Anda."))
    if locked.state not in EDITABLE_SHEET_STATES:
        raise Refused(_("Lembar nilai sudah dikirim dan terkunci."))
    _require_open(locked, now)
    round_ = locked.assignment.round
    criteria = set(round_.criteria.values_list("pk", flat=True))
    parsed = {}
    for criterion_id, (value, note) in scores.items():
        if int(criterion_id) not in criteria:
            continue
        parsed[int(criterion_id)] = (_parse(value, round_), (note or "").strip())
    bumped = ScoreSheet.objects.filter(pk=locked.pk, version=version).update(
        version=F("version") + 1,
        updated_at=now,
        **({"comment": comment} if comment is not None else {}),
    )
    if not bumped:
        raise Refused(
            _("Lembar nilai ini sudah diubah di tempat lain. Muat ulang halaman lalu ulangi.")
        )
    current = {s.criterion_id: s for s in locked.scores.all()}
    for criterion_id, (value, note) in parsed.items():
        score = current.get(criterion_id)
        if score is None and value is None and not note:
            continue
        if score is None:
            Score.objects.create(sheet=locked, criterion_id=criterion_id, value=value, comment=note)
        elif score.value != value or score.comment != note:
            score.value, score.comment = value, note
            score.save(update_fields=["value", "comment"])
    locked.refresh_from_db(fields=["version", "comment", "updated_at"])
    sheet.version, sheet.comment = locked.version, locked.comment
    return locked
