"""The one deadline check of the competition and its one way of writing a time (WIB).

A competition has two windows per instansi: registration (the operator's side writes and
submits) and local verification (the Admin Lokal verifies, forwards, and may still write
and submit on an operator's behalf). An instansi's extension moves either close later.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.templatetags.kipp_format import wib

from .errors import Refused

REGISTRATION, VERIFICATION = "registration", "verification"


def deadlines_for(competition, instansi_id: int) -> dict[str, datetime]:
    """Registration and verification close for one instansi, extensions included."""
    from .selectors.competitions import extension_for

    return _closes(competition, extension_for(competition, instansi_id))


def _closes(competition, extension=None) -> dict[str, datetime]:
    """The two closes of the competition, moved later by `extension` where it says so;
    verification never closes before registration."""
    registration = competition.registration_closes_at
    verification = competition.verification_closes_at
    if extension:
        registration = max(registration, extension.registration_closes_at or registration)
        verification = max(verification, extension.verification_closes_at or verification)
    return {REGISTRATION: registration, VERIFICATION: max(verification, registration)}


def window_problem(
    competition, instansi_id: int, window: str, now: datetime | None = None, limits=None
) -> str | None:
    """Why the window is not open now for the instansi (None when it is)."""
    now = now or timezone.now()
    if now < competition.registration_opens_at:
        return _("Pendaftaran %(c)s belum dibuka; dibuka %(t)s.") % {
            "c": competition.name,
            "t": wib(competition.registration_opens_at),
        }
    if limits is None and now < _closes(competition)[window]:
        # An extension only ever moves a close later: before the competition's own close
        # the window is open, and the extension is not read (every autosave asks this).
        return None
    limits = limits or deadlines_for(competition, instansi_id)
    if now >= limits[window]:
        if window == REGISTRATION:
            return _("Pendaftaran telah ditutup pada %(t)s.") % {"t": wib(limits[window])}
        return _("Verifikasi lokal telah ditutup pada %(t)s.") % {"t": wib(limits[window])}
    return None


def require_open(competition, instansi_id: int, window: str, now: datetime | None = None) -> None:
    """Raise Refused unless the window is open now for the instansi."""
    problem = window_problem(competition, instansi_id, window, now)
    if problem:
        raise Refused(problem)
