"""Evidence files of a proposal: attached and removed by the proposer's side while the
proposal may still be changed, and files left behind by a rolled-back upload swept away."""

import hashlib
import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User

from ..errors import Refused
from ..models import Evidence, Proposal
from ..uploads import stored_file_save
from .proposals import check_editable, require_edit_window, require_proposer

logger = logging.getLogger(__name__)
# Where `kipp.models._evidence_path` stores every evidence file.
EVIDENCE_DIR = "evidence"


def _lock_editable(proposal: Proposal) -> Proposal:
    """Lock the row so a submit cannot slip between the check and the file change."""
    locked = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("competition")
        .get(pk=proposal.pk)
    )
    check_editable(locked)
    return locked


def _digest(chunks) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def _same_file(proposal: Proposal, kind: str, upload, size: int) -> Evidence | None:
    """An evidence file of this kind with the very same content, if one is stored already
    (only files of the same size are read and compared)."""
    candidates = list(Evidence.objects.filter(proposal=proposal, kind=kind, size=size))
    if not candidates:
        return None
    upload.seek(0)
    wanted = _digest(upload.chunks())
    upload.seek(0)
    for candidate in candidates:
        try:
            with candidate.file.open("rb") as stored:
                if _digest(stored.chunks()) == wanted:
                    return candidate
        except OSError:
            continue
    return None


@transaction.atomic
def evidence_add(*, proposal: Proposal, actor: User, kind: str, upload, now=None) -> Evidence:
    """Attach an evidence file, checked by content (kipp.uploads) and the competition's size
    limit, under a random stored name. Creates one Evidence row and its file; sends
    nothing. Nothing is stored when the file is refused or the actor's window has closed
    (Refused)."""
    sides = require_proposer(actor, proposal)
    locked = _lock_editable(proposal)
    require_edit_window(locked, sides, now)
    limit = locked.competition.max_file_mb * 1024 * 1024
    same = _same_file(locked, kind, upload, upload.size)
    if same is not None:
        raise Refused(
            _("Berkas ini sama dengan “%(n)s” yang sudah diunggah sebagai %(k)s.")
            % {"n": same.original_name, "k": same.get_kind_display()}
        )
    item = Evidence(proposal=locked, kind=kind, uploaded_by=actor)
    stored_file_save(item, upload, max_bytes=limit)
    return item


@transaction.atomic
def evidence_remove(*, proposal: Proposal, actor: User, evidence: Evidence, now=None) -> None:
    """Delete an evidence file of an editable proposal (the row now, the file after
    commit) while the actor's window is open (Refused after). Sends nothing."""
    sides = require_proposer(actor, proposal)
    locked = _lock_editable(proposal)
    require_edit_window(locked, sides, now)
    if evidence.proposal_id != proposal.pk:
        raise PermissionDenied
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


# A file younger than this may belong to an upload whose transaction has not committed yet.
ORPHAN_GRACE = timedelta(hours=1)
ORPHAN_BATCH = 500


def _evidence_files(storage, cutoff):
    """Stored names under evidence/ last modified before `cutoff`."""
    try:
        folders, files = storage.listdir(EVIDENCE_DIR)
    except FileNotFoundError:
        return
    names = [f"{EVIDENCE_DIR}/{name}" for name in files]
    for folder in folders:
        names += [
            f"{EVIDENCE_DIR}/{folder}/{name}"
            for name in storage.listdir(f"{EVIDENCE_DIR}/{folder}")[1]
        ]
    for name in names:
        if storage.get_modified_time(name) < cutoff:
            yield name


def evidence_orphans_remove(*, grace: timedelta = ORPHAN_GRACE, now=None) -> int:
    """Delete stored evidence files that no Evidence row names and that are older than
    `grace`: what an upload left behind when its transaction rolled back after the file
    was written. Rows are never touched; a second run finds nothing more (idempotent).
    Returns how many files were deleted; sends nothing."""
    storage = Evidence._meta.get_field("file").storage
    cutoff = (now or timezone.now()) - grace
    removed = 0
    candidates = list(_evidence_files(storage, cutoff))
    for start in range(0, len(candidates), ORPHAN_BATCH):
        batch = candidates[start : start + ORPHAN_BATCH]
        known = set(Evidence.objects.filter(file__in=batch).values_list("file", flat=True))
        for name in batch:
            if name not in known:
                storage.delete(name)
                removed += 1
    logger.info("evidence sweep: %d orphan file(s) removed", removed)
    return removed
