"""The organiser's documents of a competition (juknis, templates): added and removed by
the competition's organiser only, each file checked by content (`kipp.uploads`)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from hubs.models import User

from ..errors import Refused
from ..models import Competition, CompetitionDocument
from ..uploads import check_evidence_file
from .competitions import _lock_managed


@transaction.atomic
def competition_document_add(
    *, actor: User, competition: Competition, kind: str, title: str, upload
) -> CompetitionDocument:
    """Store one document (a real PDF, PNG or JPEG within the competition's file limit)
    under a random name. Refused with the reason otherwise; nothing is sent."""
    locked = _lock_managed(actor=actor, competition=competition)
    try:
        checked = check_evidence_file(upload, max_bytes=locked.max_file_mb * 1024 * 1024)
    except ValidationError as error:
        raise Refused(*error.messages) from None
    document = CompetitionDocument(
        competition=locked,
        kind=kind,
        title=title.strip() or checked.original_name,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    document.file.save(checked.original_name, upload, save=False)
    try:
        with transaction.atomic():
            document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def competition_document_remove(*, actor: User, document: CompetitionDocument) -> None:
    """Remove the document and its file (the file once the removal has committed)."""
    _lock_managed(actor=actor, competition=document.competition)
    file = document.file
    document.delete()
    transaction.on_commit(lambda: file.delete(save=False))
