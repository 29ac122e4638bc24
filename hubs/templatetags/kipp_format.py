"""Template filters loaded on every page: times in WIB."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template
from django.utils import formats, timezone

register = template.Library()

WIB = ZoneInfo("Asia/Jakarta")


@register.filter
def wib(value, fmt: str = "j F Y H:i"):
    """Render a datetime in Asia/Jakarta with the "WIB" suffix, e.g. 16 April 2025 12:00 WIB.

    Naive datetimes are taken as already being in WIB; a plain date is shown without a time.
    """
    if not value:
        return ""
    if not isinstance(value, datetime):
        return formats.date_format(value, "j F Y")
    if timezone.is_naive(value):
        value = timezone.make_aware(value, WIB)
    return f"{formats.date_format(value.astimezone(WIB), fmt)} WIB"
