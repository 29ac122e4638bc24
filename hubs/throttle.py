"""Login throttling on top of django-axes: separate limits per kind of count, and the client
address as seen by the outermost trusted proxy.

django-axes counts failures for each entry of AXES_LOCKOUT_PARAMETERS (username and address
together, username alone, address alone) but compares them all with one AXES_FAILURE_LIMIT.
A shared office address must tolerate more failures than one person's username on it, so
each count is scaled onto that one limit by its own limit in LOGIN_FAILURE_LIMITS.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def lockout_key(parameter: str | list[str]) -> str:
    """The LOGIN_FAILURE_LIMITS key of one AXES_LOCKOUT_PARAMETERS entry."""
    return parameter if isinstance(parameter, str) else "+".join(parameter)


class LoginThrottleHandler(AxesDatabaseHandler):
    """The database handler with a limit of its own for each lockout parameter."""

    def get_failures(self, request, credentials=None) -> int:
        """The highest count, each scaled so that reaching its own limit reaches axes' one.

        axes locks out when this value is at least AXES_FAILURE_LIMIT; with the scaling,
        that happens exactly when some count reaches its limit in LOGIN_FAILURE_LIMITS.
        """
        base = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        attempts_list = self.get_user_attempts(request, credentials)
        scaled = 0
        for parameter, attempts in zip(parameters, attempts_list, strict=True):
            count = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            limit = settings.LOGIN_FAILURE_LIMITS.get(lockout_key(parameter), base)
            scaled = max(scaled, count * base // max(limit, 1))
        return scaled

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful login, forget the failures of that username only.

        axes would also forget every failure from the address, so whoever sprays passwords
        over many accounts could wipe the address count by logging in to an account of
        their own now and then.
        """
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def client_ip_address(request) -> str | None:
    """The client's address: the connection's, or the one the outermost trusted proxy saw.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it received the request
    from to X-Forwarded-For, so the real client is that many entries from the right; what
    stands further left was sent by the client and may be forged.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]
