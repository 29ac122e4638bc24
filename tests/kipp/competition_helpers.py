"""Helpers of the competition configuration tests: form data in WIB, a new competition."""

from datetime import datetime
from zoneinfo import ZoneInfo

from kipp.enums import GroupKind
from kipp.models import Competition, FormSection

WIB = ZoneInfo("Asia/Jakarta")


def wib_input(value: datetime) -> str:
    return value.astimezone(WIB).strftime("%Y-%m-%dT%H:%M")


def competition_data(competition: Competition, **changes) -> dict:
    data = {
        "name": competition.name,
        "slug": competition.slug,
        "year": competition.year,
        "theme": competition.theme,
        "registration_opens_at": wib_input(competition.registration_opens_at),
        "registration_closes_at": wib_input(competition.registration_closes_at),
        "verification_closes_at": wib_input(competition.verification_closes_at),
        "max_file_mb": competition.max_file_mb,
    }
    data.update(changes)
    return data


NEW_COMPETITION = {
    "name": "KIPP 2026",
    "slug": "kipp-2026",
    "year": 2026,
    "theme": "Inovasi Pelayanan Publik untuk Indonesia Maju",
    "registration_opens_at": "2026-02-02T08:00",
    "registration_closes_at": "2026-04-16T12:00",
    "verification_closes_at": "2026-04-30T23:59",
    "max_file_mb": 2,
}


def _umum(competition):
    return competition.groups.get(kind=GroupKind.UMUM)


def _section(competition):
    return FormSection.objects.filter(group__competition=competition).order_by("pk").first()


def _category(competition):
    return competition.categories.order_by("pk").last()
