"""Writes of innovations (the thing itself, owned by a unit) by the proposer's side.

An innovation's name and start date are what its proposals are entered and judged under:
the name is copied onto each proposal when it is created, and the innovation's age at
registration close comes from the start date. So both change only while every proposal of
the innovation is still a draft the actor may write (nothing was submitted, nothing is
written outside the actor's window); the summary belongs to the innovation alone and may
change any time. An innovation is deleted only with nothing submitted under it: its drafts
(never submitted) go with it, a submitted, withdrawn or later proposal keeps it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hubs.models import Unit, User

from ..enums import ProposalState
from ..errors import Refused
from ..models import Evidence, Innovation, Proposal
from ..selectors.proposals import innovation_title_taken, title_taken
from .proposals import edit_window_problem, proposer_sides

DUPLICATE = gettext_lazy("Unit ini sudah memiliki inovasi dengan nama ini.")


@transaction.atomic
def innovation_create(
    *, actor: User, unit: Unit, title: str, started_on, summary: str = ""
) -> Innovation:
    """Register a new innovation of `unit` (one of the operator's units, or any unit of the
    Admin Lokal's instansi). Creates one Innovation; sends nothing."""
    if not proposer_sides(actor, unit=unit) or not unit.is_active:
        raise PermissionDenied
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Nama inovasi wajib diisi.")})
    if started_on > timezone.localdate():
        raise ValidationError(
            {"started_on": _("Tanggal mulai diterapkan tidak boleh di masa depan.")}
        )
    if innovation_title_taken(unit.pk, title):
        raise ValidationError({"title": DUPLICATE})
    try:
        with transaction.atomic():
            return Innovation.objects.create(
                unit=unit,
                title=title,
                started_on=started_on,
                summary=(summary or "").strip(),
                created_by=actor,
            )
    except IntegrityError:
        raise ValidationError({"title": DUPLICATE}) from None


def _submitted_one(innovation: Innovation, proposals) -> tuple[list, Proposal | None]:
    """The innovation's proposals and the first of them that went beyond draft (if any)."""
    if proposals is None:
        proposals = innovation.proposals.select_related("competition")
    proposals = list(proposals)
    return proposals, next((p for p in proposals if p.state != ProposalState.DRAFT), None)


def identity_problem(innovation: Innovation, actor: User, proposals=None, now=None) -> str | None:
    """Why the innovation's name and start date cannot change now (None when they can):
    a proposal of it went beyond draft, or a draft of it is outside the actor's window."""
    proposals, submitted = _submitted_one(innovation, proposals)
    if submitted:
        return _(
            "Inovasi ini sudah diajukan di %(c)s; nama dan tanggal mulainya tidak dapat "
            "diubah lagi."
        ) % {"c": submitted.competition.name}
    for proposal in proposals:
        problem = edit_window_problem(proposal, actor, now)
        if problem:
            return _("Draf usulannya di %(c)s tidak dapat diubah lagi. %(p)s") % {
                "c": proposal.competition.name,
                "p": problem,
            }
    return None


def delete_problem(innovation: Innovation, proposals=None) -> str | None:
    """Why the innovation cannot be deleted (None when it can): a proposal of it went
    beyond draft, or another proposal names it as the innovation it replicates."""
    submitted = _submitted_one(innovation, proposals)[1]
    if submitted:
        return _(
            "Usulan inovasi ini di %(c)s berstatus “%(s)s”; riwayatnya harus tetap "
            "tersimpan sehingga inovasi tidak dapat dihapus."
        ) % {"c": submitted.competition.name, "s": submitted.get_state_display()}
    if innovation.replications.exists():
        return _("Inovasi ini dirujuk sebagai inovasi asal oleh usulan replikasi lain.")
    return None


def _locked(innovation: Innovation, actor: User) -> tuple[Innovation, list[Proposal]]:
    """The innovation and its proposals, row-locked so no proposal is submitted meanwhile."""
    if not proposer_sides(actor, unit=innovation.unit):
        raise PermissionDenied
    locked = (
        Innovation.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=innovation.pk)
    )
    proposals = list(
        Proposal.objects.select_for_update(of=("self",))
        .select_related("competition", "unit")
        .filter(innovation=locked)
        .order_by("pk")
    )
    return locked, proposals


@transaction.atomic
def innovation_update(
    *, actor: User, innovation: Innovation, title: str, started_on, summary: str = "", now=None
) -> Innovation:
    """Change the innovation's name, start date and summary.

    The name and start date change only while `identity_problem` finds nothing (Refused
    otherwise); a new name is also written onto the drafts still carrying the old one, whose
    version moves on so that a form open elsewhere reloads instead of writing the old name
    back. Changes the Innovation row and those drafts; sends nothing.
    """
    locked, proposals = _locked(innovation, actor)
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Nama inovasi wajib diisi.")})
    if started_on > timezone.localdate():
        raise ValidationError(
            {"started_on": _("Tanggal mulai diterapkan tidak boleh di masa depan.")}
        )
    renamed = title != locked.title
    if renamed or started_on != locked.started_on:
        problem = identity_problem(locked, actor, proposals, now)
        if problem:
            raise Refused(problem)
    if renamed and innovation_title_taken(locked.unit_id, title, exclude_pk=locked.pk):
        raise ValidationError({"title": DUPLICATE})
    drafts = [p for p in proposals if renamed and p.title == locked.title]
    for proposal in drafts:
        if title_taken(proposal.competition_id, title, exclude_pk=proposal.pk):
            raise ValidationError(
                {
                    "title": _("Judul ini sudah dipakai usulan lain di %(c)s.")
                    % {"c": proposal.competition.name}
                }
            )
    locked.title, locked.started_on = title, started_on
    locked.summary = (summary or "").strip()
    try:
        with transaction.atomic():
            locked.save(update_fields=["title", "started_on", "summary"])
            Proposal.objects.filter(pk__in=[p.pk for p in drafts]).update(
                title=title, version=F("version") + 1, updated_at=timezone.now()
            )
    except IntegrityError:
        raise ValidationError({"title": DUPLICATE}) from None
    return locked


@transaction.atomic
def innovation_delete(*, actor: User, innovation: Innovation) -> int:
    """Delete the innovation together with its drafts (never submitted): their timelines
    and evidence rows now, the evidence files after commit. Refused (`delete_problem`)
    while anything under it was submitted or another proposal replicates it, so no
    submitted proposal is ever lost. Returns how many drafts went with it; sends nothing."""
    locked, proposals = _locked(innovation, actor)
    problem = delete_problem(locked, proposals)
    if problem:
        raise Refused(problem)
    files = [
        (item.file.storage, item.file.name)
        for item in Evidence.objects.filter(proposal__in=proposals).only("file")
    ]
    Proposal.objects.filter(pk__in=[p.pk for p in proposals]).delete()
    locked.delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    return len(proposals)
