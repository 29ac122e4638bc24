"""Template filters loaded on every page: times in WIB."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import formats

register = template.Library()

WIB = ZoneInfo("Asia/Jakarta")


@register.filter
def wib(value, fmt: str = "j N Y H:i"):
    """Render an aware datetime in Asia/Jakarta with the "WIB" suffix, e.g. 16 Apr 2025 12:00 WIB."""
    if not value:
        return ""
    return f"{formats.date_format(value.astimezone(WIB), fmt)} WIB"
