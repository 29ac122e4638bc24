"""The Sekretariat's set-up of a round: its settings, rubric, entering proposals and judges."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from kipp.enums import ProposalState
from kipp.errors import Refused
from kipp.models import Competition, Proposal
from kipp.services.workflow import is_organiser

from .. import defaults
from ..enums import RUBRIC_KINDS
from ..models import Criterion, Descriptor, Judge, Round, RoundEntry, Score
from ..selectors.rounds import eligible_judges

# Fields of a round the Sekretariat sets on the round form.
ROUND_FIELDS = (
    "order",
    "kind",
    "name",
    "team",
    "opens_at",
    "closes_at",
    "judges_per_proposal",
    "normalization",
    "disagreement_threshold",
    "hide_identity",
    "scale_min",
    "scale_max",
    "objection_days",
)


def require_organiser(actor: User, competition: Competition) -> None:
    """Refuse (as 404 in views) anyone who does not organise the competition."""
    if not is_organiser(actor, competition):
        raise PermissionDenied


def _has_scores(round_: Round) -> bool:
    return Score.objects.filter(sheet__assignment__round=round_, value__isnull=False).exists()


@transaction.atomic
def round_save(*, competition: Competition, actor: User, values: dict, round_=None) -> Round:
    """Create a round of `competition` (or change `round_`) from the form's `values`.

    A new scoring or presentation round gets the default rubric (PermenPANRB 91/2021).
    The scale cannot change once a score was given. Sends nothing.
    """
    require_organiser(actor, competition)
    if (
        round_ is not None
        and (
            values.get("scale_min", round_.scale_min) != round_.scale_min
            or values.get("scale_max", round_.scale_max) != round_.scale_max
        )
        and _has_scores(round_)
    ):
        raise Refused(_("Skala tidak dapat diubah karena sudah ada nilai yang diberikan."))
    is_new = round_ is None
    if is_new:
        round_ = Round(competition=competition)
    for name in ROUND_FIELDS:
        if name in values:
            setattr(round_, name, values[name])
    round_.save()
    if is_new and round_.kind in RUBRIC_KINDS:
        rubric_default(round_=round_, actor=actor)
    return round_


def rubric_default(*, round_: Round, actor: User) -> list[Criterion]:
    """Give a round without criteria the five PermenPANRB 91/2021 criteria, each with its
    level descriptors laid over the round's scale. Changes nothing when criteria exist."""
    require_organiser(actor, round_.competition)
    if round_.criteria.exists():
        return list(round_.criteria.all())
    bands = defaults.bands(round_.scale_min, round_.scale_max)
    made = []
    for order, (name, description, weight, levels) in enumerate(defaults.CRITERIA):
        # Stored as written in the regulation (data, not interface text).
        criterion = Criterion.objects.create(
            round=round_, order=order, name=name, description=description, weight=weight
        )
        # A shorter scale has fewer bands: keep the strongest texts for the top bands.
        texts = levels[len(levels) - len(bands) :]
        Descriptor.objects.bulk_create(
            Descriptor(criterion=criterion, low=low, high=high, text=text)
            for (low, high), text in zip(bands, texts, strict=True)
        )
        made.append(criterion)
    return made


@dataclass
class CriterionInput:
    name: str
    weight: int
    description: str = ""
    descriptors: list[tuple[int, int, str]] = field(default_factory=list)
    pk: int | None = None


def rubric_problems(round_: Round, criteria: list[CriterionInput]) -> list[str]:
    """Every reason the rubric cannot be saved, in Indonesian (empty when it can)."""
    problems = []
    if not criteria:
        problems.append(_("Rubrik membutuhkan paling sedikit satu kriteria."))
    total = sum(c.weight for c in criteria)
    if round_.kind in RUBRIC_KINDS and criteria and total != 100:
        problems.append(
            _("Jumlah bobot kriteria harus 100%% (sekarang %(total)d%%).") % {"total": total}
        )
    names = [c.name.strip().lower() for c in criteria]
    if len(set(names)) != len(names):
        problems.append(_("Nama kriteria tidak boleh sama."))
    for c in criteria:
        for low, high, _text in c.descriptors:
            if not (round_.scale_min <= low <= high <= round_.scale_max):
                problems.append(
                    _(
                        "Rentang deskriptor %(low)d-%(high)d pada “%(name)s” di luar skala %(a)d-%(b)d."
                    )
                    % {
                        "low": low,
                        "high": high,
                        "name": c.name,
                        "a": round_.scale_min,
                        "b": round_.scale_max,
                    }
                )
    return problems


@transaction.atomic
def rubric_save(*, round_: Round, actor: User, criteria: list[CriterionInput]) -> list[Criterion]:
    """Replace the round's rubric with `criteria` (names, weights, descriptors).

    Refused when the weights of a scoring/presentation round do not sum to 100, or once a
    score was given (changing the rubric would change what judges already scored). Every
    change is kept by the criteria's history. Sends nothing.
    """
    require_organiser(actor, round_.competition)
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    problems = rubric_problems(locked, criteria)
    if _has_scores(locked):
        problems.insert(0, _("Rubrik terkunci karena sudah ada nilai yang diberikan."))
    if problems:
        raise Refused(*problems)
    keep = {c.pk for c in criteria if c.pk}
    Score.objects.filter(sheet__assignment__round=locked).exclude(criterion_id__in=keep).delete()
    locked.criteria.exclude(pk__in=keep).delete()
    existing = {c.pk: c for c in locked.criteria.all()}
    saved = []
    for order, item in enumerate(criteria):
        criterion = existing.get(item.pk) or Criterion(round=locked)
        criterion.order = order
        criterion.name = item.name.strip()
        criterion.description = item.description.strip()
        criterion.weight = item.weight
        criterion.save()
        criterion.descriptors.all().delete()
        Descriptor.objects.bulk_create(
            Descriptor(criterion=criterion, low=low, high=high, text=text.strip())
            for low, high, text in item.descriptors
        )
        saved.append(criterion)
    return saved


@transaction.atomic
def round_entries_add(*, round_: Round, actor: User | None, proposals) -> int:
    """Enter `proposals` into the round (those already in stay); returns how many are new.

    Every proposal must belong to the round's competition. Sends nothing.
    """
    if actor is not None:
        require_organiser(actor, round_.competition)
    ids = {p.pk if isinstance(p, Proposal) else int(p) for p in proposals}
    foreign = Proposal.objects.filter(pk__in=ids).exclude(competition=round_.competition_id)
    if foreign.exists():
        raise Refused(_("Sebagian usulan bukan peserta kompetisi ini."))
    present = set(round_.entries.filter(proposal_id__in=ids).values_list("proposal_id", flat=True))
    now = timezone.now()
    RoundEntry.objects.bulk_create(
        [RoundEntry(round=round_, proposal_id=pk, created_at=now) for pk in sorted(ids - present)],
        ignore_conflicts=True,
    )
    return len(ids - present)


def round_enter_admin_passed(*, round_: Round, actor: User) -> int:
    """Enter every proposal that passed the administrative selection into the competition's
    first round; later rounds take the shortlist of the round before. Returns the new count."""
    first = round_.competition.rounds.order_by("order").values_list("pk", flat=True).first()
    if first != round_.pk:
        raise Refused(
            _("Hanya babak pertama yang diisi dari usulan yang lolos seleksi administrasi.")
        )
    passed = Proposal.objects.filter(
        competition=round_.competition_id, state=ProposalState.ADMIN_PASSED
    ).values_list("pk", flat=True)
    return round_entries_add(round_=round_, actor=actor, proposals=list(passed))


@transaction.atomic
def round_judges_set(*, round_: Round, actor: User, users) -> list[Judge]:
    """Make `users` the round's judges: each must hold the round team's role for the
    competition's organiser. A judge removed keeps the sheets already submitted; its
    unsubmitted assignments go. Sends nothing."""
    require_organiser(actor, round_.competition)
    wanted = {u.pk for u in users}
    allowed = set(eligible_judges(round_).filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - allowed:
        raise Refused(_("Sebagian pengguna tidak memegang peran tim juri babak ini."))
    from .assignment import assignments_of_judges_remove

    gone = set(round_.judges.exclude(user_id__in=wanted).values_list("user_id", flat=True))
    if gone:
        assignments_of_judges_remove(round_=round_, judge_ids=gone)
        round_.judges.filter(user_id__in=gone).delete()
    present = set(round_.judges.values_list("user_id", flat=True))
    Judge.objects.bulk_create(
        [Judge(round=round_, user_id=pk) for pk in sorted(wanted - present)],
        ignore_conflicts=True,
    )
    return list(round_.judges.select_related("user"))
