"""Template filters loaded on every page: times in WIB."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template
from django.utils import formats, timezone
from django.utils.dates import MONTHS

register = template.Library()

WIB = ZoneInfo("Asia/Jakarta")


DEFAULT_FORMAT = "j F Y H:i"


@register.filter
def wib(value, fmt: str = DEFAULT_FORMAT):
    """Render a datetime in Asia/Jakarta with the "WIB" suffix, e.g. 16 April 2025 12:00 WIB.

    Naive datetimes are taken as already being in WIB; a plain date is shown without a time.
    """
    if not value:
        return ""
    if not isinstance(value, datetime):
        return formats.date_format(value, "j F Y")
    if timezone.is_naive(value):
        value = timezone.make_aware(value, WIB)
    local = value.astimezone(WIB)
    if fmt == DEFAULT_FORMAT:
        # The text date_format writes for it, without parsing the format on every call
        # (a list page shows a time or two on each of its rows).
        return f"{local.day} {MONTHS[local.month]} {local.year:04d} {local:%H:%M} WIB"
    return f"{formats.date_format(local, fmt)} WIB"


@register.filter
def iso(value) -> str:
    """A datetime for `<time datetime>`: ISO 8601 to the second (HTML allows at most three
    decimals, Django's "c" format writes six)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, WIB)
        return value.astimezone(WIB).isoformat(timespec="seconds")
    return value.isoformat()
