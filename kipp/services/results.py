"""Recording a proposal's outcome of the judging rounds (a `Result` row)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.errors import Refused
from hubs.models import User

from ..enums import ProposalState, ResultLevel
from ..models import Proposal, Result


@transaction.atomic
def result_record(
    *, proposal: Proposal, level: str, actor: User | None, published_at=None
) -> Result:
    """Record that `proposal` reached `level`, published at `published_at` (unpublished when
    None); an existing row of that level is returned unchanged. Refused unless the proposal
    passed the administrative selection. Sends nothing (the announcement is the notice)."""
    if level not in ResultLevel.values:
        raise Refused(_("Capaian tidak dikenal."))
    if proposal.state != ProposalState.ADMIN_PASSED:
        raise Refused(_("Hanya usulan yang lolos seleksi administrasi yang dapat berprestasi."))
    result, _created = Result.objects.get_or_create(
        proposal=proposal,
        level=level,
        defaults={
            "published_at": published_at,
            "created_at": published_at or timezone.now(),
            "created_by": actor,
        },
    )
    return result
