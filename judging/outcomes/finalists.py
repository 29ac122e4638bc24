"""Writes of the finalists' rounds: the presentation schedule and field verification; and
the certificate of a winner."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from kipp.errors import Refused
from kipp.models import Proposal
from kipp.services import workflow

from ..certificates import Certificate, certificate_pdf
from ..enums import RoundKind
from ..models import FieldVerification, PresentationSlot, Round, Shortlist
from ..schedule import INTERVIEW_MINUTES, PRESENTATION_MINUTES, NotEnoughTime, build_schedule
from .selectors import finalists_of


@transaction.atomic
def schedule_build(*, round_: Round, actor: User, days, breaks=(), place: str = "") -> int:
    """Replace the round's presentation slots with a fresh timetable: one 20-minute slot per
    finalist (entered, not disqualified) in title order. Refused for another kind of round,
    without finalists, or when the days hold too few slots. Returns the number of slots."""
    if not workflow.is_organiser(actor, round_.competition):
        raise PermissionDenied
    if round_.kind != RoundKind.PRESENTATION:
        raise Refused(_("Jadwal hanya untuk babak presentasi."))
    finalists = list(finalists_of(round_).values_list("pk", flat=True))
    if not finalists:
        raise Refused(_("Belum ada finalis yang masuk babak ini."))
    try:
        slots = build_schedule(finalists, days=days, breaks=breaks)
    except NotEnoughTime as short:
        raise Refused(str(short)) from None
    except ValueError as bad:
        raise Refused(str(bad)) from None
    round_.slots.all().delete()
    PresentationSlot.objects.bulk_create(
        PresentationSlot(
            round=round_,
            proposal_id=slot.proposal,
            starts_at=slot.starts_at,
            minutes_presentation=PRESENTATION_MINUTES,
            minutes_interview=INTERVIEW_MINUTES,
            place=place.strip(),
        )
        for slot in slots
    )
    return len(slots)


@transaction.atomic
def field_verification_save(
    *,
    round_: Round,
    proposal: Proposal,
    actor: User,
    visited_on,
    checklist: list[str],
    findings: str,
    recommended: bool | None,
) -> FieldVerification:
    """Record (or update) the field visit of one finalist: date, checklist, findings and
    the recommendation. Only the organiser and the round's judges; only entered finalists."""
    allowed = (
        workflow.is_organiser(actor, round_.competition)
        or round_.judges.filter(user=actor).exists()
    )
    if not allowed:
        raise PermissionDenied
    if not finalists_of(round_).filter(pk=proposal.pk).exists():
        raise PermissionDenied
    visit, _created = FieldVerification.objects.select_for_update().get_or_create(
        round=round_, proposal=proposal, defaults={"recorded_by": actor}
    )
    visit.visited_on = visited_on
    visit.checklist = dict.fromkeys(checklist, True)
    visit.findings = findings.strip()
    visit.recommended = recommended
    visit.recorded_by = actor
    visit._history_user = actor
    visit.save()
    return visit


LEVEL_OF_STATE = {S.WINNER: ResultLevel.TOP45, S.OUTSTANDING: ResultLevel.OUTSTANDING}


def certificate_of(proposal: Proposal) -> bytes:
    """The PDF certificate of a winner (state winner or outstanding), dated and numbered by
    the decree of the published shortlist that made it so."""
    level = LEVEL_OF_STATE[proposal.state]
    shortlist = (
        Shortlist.objects.filter(
            level=level,
            published_at__isnull=False,
            entries__proposal=proposal,
            entries__selected=True,
        )
        .order_by("-published_at")
        .first()
    )
    issued = shortlist.published_at if shortlist else timezone.now()
    return certificate_pdf(
        Certificate(
            competition=proposal.competition.name,
            level=level,
            title=proposal.title,
            unit=proposal.unit.name,
            instansi=proposal.instansi.name,
            decree_number=shortlist.decree_number if shortlist else "",
            issued_on=timezone.localtime(issued).date(),
            serial=f"KIPP/{proposal.competition.year}/{level.upper()}/{proposal.pk:05d}",
        )
    )
