"""Writes on a commitment other than its stage: creating it, the signing, the action plan
and its activities, progress reports, evaluation, documents and coaching notes.

The adopter's Admin Lokal and the hub of its province (or the national Sekretariat) write;
the hub's mentors only add coaching notes. Anyone else gets PermissionDenied (404).
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import Instansi, User
from hubs.roles import roles_of
from kipp.errors import Refused
from kipp.models import Innovation
from kipp.uploads import stored_file_save

from ..enums import PLAN_STAGES, PROGRESS_STAGES, ActivityStatus, DocumentKind, Stage
from ..models import Activity, CoachingNote, Commitment, Document, Programme, ProgressReport
from ..selectors.catalogue import catalogue_innovations
from .stages import ADOPTER, HUB, MENTOR, commitment_created, sides_of

# Documents of a commitment, at most (the portal's request cap bounds each one).
MAX_DOCUMENT_MB = 10


def require_editor(actor: User, commitment: Commitment) -> set[str]:
    sides = sides_of(actor, commitment)
    if not sides & {ADOPTER, HUB}:
        raise PermissionDenied
    return sides


def _lock(commitment: Commitment) -> Commitment:
    return Commitment.objects.select_for_update(of=("self",)).get(pk=commitment.pk)


def _province_of(instansi: Instansi):
    region = instansi.region
    if region is None:
        return None
    return region.parent if region.parent_id else region


@transaction.atomic
def commitment_create(
    *,
    actor: User,
    programme: Programme,
    instansi: Instansi,
    source_innovation: Innovation,
    title: str,
    problem: str = "",
    now=None,
) -> Commitment:
    """Propose that `instansi` replicate `source_innovation` in `programme` (stage
    persiapan). The actor is the instansi's Admin Lokal or the hub admin of its province;
    the innovation must be in the catalogue (Top 99 or better). Writes the commitment and
    its first timeline event; sends nothing."""
    province = _province_of(instansi)
    if province is None:
        raise Refused(_("Hanya pemerintah daerah atau BUMD yang dapat mereplikasi di program ini."))
    roles = roles_of(actor)
    if not (
        instansi.pk in roles.admin_instansi_ids
        or province.pk in roles.hub_province_ids
        or roles.is_national_sekretariat
    ):
        raise PermissionDenied
    if programme.hub_id is not None and programme.hub.province_id != province.pk:
        raise Refused(_("Instansi ini berada di luar provinsi hub penyelenggara program."))
    if not catalogue_innovations().filter(pk=source_innovation.pk).exists():
        raise Refused(_("Hanya inovasi Top 99 atau lebih yang dapat direplikasi."))
    if source_innovation.unit.instansi_id == instansi.pk:
        raise Refused(_("Instansi tidak dapat mereplikasi inovasinya sendiri."))
    commitment = Commitment(
        programme=programme,
        instansi=instansi,
        province=province,
        source_innovation=source_innovation,
        title=(title or source_innovation.title).strip(),
        problem=problem,
        created_by=actor,
        created_at=now or timezone.now(),
    )
    try:
        with transaction.atomic():
            commitment.save()
    except IntegrityError:
        raise Refused(
            _("Instansi ini sudah berkomitmen mereplikasi inovasi ini di program ini.")
        ) from None
    commitment_created(commitment=commitment, actor=actor, now=now)
    return commitment


def _require_stage(commitment: Commitment, stages, message: str) -> None:
    if commitment.stage not in stages:
        raise Refused(message)


@transaction.atomic
def signing_update(
    *, actor: User, commitment: Commitment, signatory: str, position: str, signed_on
) -> Commitment:
    """Record who signed the commitment, as what, and when (before or at komitmen)."""
    require_editor(actor, commitment)
    locked = _lock(commitment)
    _require_stage(
        locked,
        {Stage.PERSIAPAN, Stage.KOMITMEN},
        _("Penandatanganan hanya dapat diubah pada tahap persiapan atau komitmen."),
    )
    locked.signatory, locked.signatory_position, locked.signed_on = signatory, position, signed_on
    locked.save(update_fields=["signatory", "signatory_position", "signed_on", "updated_at"])
    return locked


@transaction.atomic
def plan_update(
    *,
    actor: User,
    commitment: Commitment,
    team: str,
    person_in_charge: User | None,
    budget_source: str,
    adaptation: str,
) -> Commitment:
    """Write the action plan's team, person in charge, budget source and adaptation."""
    require_editor(actor, commitment)
    locked = _lock(commitment)
    _require_stage(locked, PLAN_STAGES, _("Rencana aksi disusun setelah komitmen ditandatangani."))
    locked.team, locked.budget_source, locked.adaptation = team, budget_source, adaptation
    locked.person_in_charge = person_in_charge
    locked.save(
        update_fields=["team", "person_in_charge", "budget_source", "adaptation", "updated_at"]
    )
    return locked


@transaction.atomic
def activity_add(
    *, actor: User, commitment: Commitment, name: str, responsible_unit: str, due_on
) -> Activity:
    """Add an activity to the action plan."""
    require_editor(actor, commitment)
    locked = _lock(commitment)
    _require_stage(locked, PLAN_STAGES, _("Kegiatan ditambahkan setelah komitmen ditandatangani."))
    return Activity.objects.create(
        commitment=locked, name=name, responsible_unit=responsible_unit, due_on=due_on
    )


@transaction.atomic
def activity_set_status(*, actor: User, activity: Activity, status: str, today=None) -> Activity:
    """Mark an activity planned, under way or done (with the day it was done)."""
    require_editor(actor, activity.commitment)
    if status not in ActivityStatus.values:
        raise Refused(_("Status kegiatan tidak dikenal."))
    activity.status = status
    activity.done_on = (today or timezone.localdate()) if status == ActivityStatus.DONE else None
    activity.save(update_fields=["status", "done_on"])
    return activity


@transaction.atomic
def progress_report(
    *,
    actor: User,
    commitment: Commitment,
    percent: int,
    summary: str,
    obstacles: str = "",
    evidence=(),
    now=None,
) -> ProgressReport:
    """Report progress (% done, obstacles) with its evidence files, each checked by content
    through `kipp.uploads`. Nothing is stored if one file is refused (ValidationError)."""
    require_editor(actor, commitment)
    locked = _lock(commitment)
    _require_stage(locked, PROGRESS_STAGES, _("Kemajuan dilaporkan setelah rencana aksi disusun."))
    if not 0 <= percent <= 100:
        raise Refused(_("Persentase kemajuan harus antara 0 dan 100."))
    report = ProgressReport.objects.create(
        commitment=locked,
        percent=percent,
        summary=summary,
        obstacles=obstacles,
        created_by=actor,
        created_at=now or timezone.now(),
    )
    for upload in evidence:
        _document(actor, locked, DocumentKind.EVIDENCE, upload, progress=report)
    return report


@transaction.atomic
def evaluation_update(
    *,
    actor: User,
    commitment: Commitment,
    indicator_before: str,
    indicator_after: str,
    regulation: str,
) -> Commitment:
    """Write the before/after indicators and the regulation that institutionalised it."""
    require_editor(actor, commitment)
    locked = _lock(commitment)
    _require_stage(
        locked,
        {Stage.IMPLEMENTASI, Stage.EVALUASI},
        _("Evaluasi diisi pada tahap implementasi atau evaluasi."),
    )
    locked.indicator_before, locked.indicator_after = indicator_before, indicator_after
    locked.regulation = regulation
    locked.save(update_fields=["indicator_before", "indicator_after", "regulation", "updated_at"])
    return locked


def _document(actor, commitment, kind, upload, progress=None) -> Document:
    item = Document(commitment=commitment, kind=kind, progress=progress, uploaded_by=actor)
    return stored_file_save(item, upload, max_bytes=MAX_DOCUMENT_MB * 1024 * 1024)


@transaction.atomic
def document_add(*, actor: User, commitment: Commitment, kind: str, upload) -> Document:
    """Attach a document (signed commitment, action plan, regulation), checked by content
    and stored under a random name by the shared `kipp.uploads`. Sends nothing."""
    require_editor(actor, commitment)
    if kind not in DocumentKind.values:
        raise Refused(_("Jenis dokumen tidak dikenal."))
    locked = _lock(commitment)
    if locked.stage in (Stage.PELEMBAGAAN, Stage.DROPPED) and kind != DocumentKind.REGULATION:
        raise Refused(_("Komitmen ini sudah selesai; dokumennya tidak dapat ditambah."))
    return _document(actor, locked, kind, upload)


@transaction.atomic
def coaching_note_add(*, actor: User, commitment: Commitment, body: str) -> CoachingNote:
    """A mentor of the commitment's hub writes a coaching note; the adopter's Admin Lokal
    reads it on the commitment page and is notified after commit."""
    from hubs.services import notification_create

    from .stages import people_concerned

    if MENTOR not in sides_of(actor, commitment):
        raise PermissionDenied
    body = (body or "").strip()
    if not body:
        raise Refused(_("Tuliskan catatan pendampingan."))
    note = CoachingNote.objects.create(commitment=commitment, author=actor, body=body)
    for recipient in sorted(people_concerned(commitment) - {actor}, key=lambda u: u.pk):
        notification_create(
            recipient=recipient,
            subject=_("Catatan pendampingan baru: %(title)s") % {"title": commitment.title},
            body=body,
            url=commitment.get_absolute_url(),
        )
    return note
