"""The presentation round's timetable: one 20-minute slot (7 minutes of presentation, 13 of
interview) per finalist, back to back inside each day's window, never across a break.

Pure Python, no Django: the schedule service and its tests call `build_schedule()` with
aware datetimes (the Sekretariat enters WIB; each break applies on every day at that clock
time of the day's own zone).
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

PRESENTATION_MINUTES = 7
INTERVIEW_MINUTES = 13


class NotEnoughTime(ValueError):
    """The windows hold fewer slots than there are finalists; the message is Indonesian."""

    def __init__(self, needed: int, available: int):
        self.needed, self.available = needed, available
        super().__init__(
            f"Waktu yang tersedia hanya cukup untuk {available} dari {needed} finalis; "
            "tambahkan hari, perpanjang jam, atau kurangi jeda."
        )


@dataclass(frozen=True)
class DayWindow:
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Break:
    """A pause every day, e.g. ISHOMA 12:00-13:00."""

    starts: time
    ends: time


@dataclass(frozen=True)
class Slot:
    proposal: Hashable
    starts_at: datetime
    interview_at: datetime
    ends_at: datetime


def _breaks_on(day: DayWindow, breaks: Sequence[Break]) -> list[tuple[datetime, datetime]]:
    zone = day.starts_at.tzinfo
    on = day.starts_at.astimezone(zone).date()
    return sorted(
        (datetime.combine(on, pause.starts, zone), datetime.combine(on, pause.ends, zone))
        for pause in breaks
    )


def slot_starts(
    day: DayWindow,
    breaks: Sequence[Break] = (),
    *,
    minutes: int = PRESENTATION_MINUTES + INTERVIEW_MINUTES,
    gap: int = 0,
):
    """Start times of the slots that fit in `day`, skipping past every break."""
    length = timedelta(minutes=minutes)
    step = timedelta(minutes=minutes + gap)
    pauses = _breaks_on(day, breaks)
    at = day.starts_at
    while at + length <= day.ends_at:
        clash = next((p for p in pauses if at < p[1] and p[0] < at + length), None)
        if clash:
            at = clash[1]
            continue
        yield at
        at += step


def build_schedule(
    proposals: Sequence[Hashable],
    *,
    days: Sequence[DayWindow],
    breaks: Sequence[Break] = (),
    presentation: int = PRESENTATION_MINUTES,
    interview: int = INTERVIEW_MINUTES,
    gap: int = 0,
) -> list[Slot]:
    """A slot for each of `proposals`, in the given order, filling the days in date order.

    Raises ValueError for a window that ends before it starts or a break that ends before
    it starts, and NotEnoughTime when the windows hold fewer slots than finalists.
    """
    for day in days:
        if day.ends_at <= day.starts_at:
            raise ValueError("Jam selesai harus setelah jam mulai.")
    for pause in breaks:
        if pause.ends <= pause.starts:
            raise ValueError("Jeda harus berakhir setelah dimulai.")
    minutes = presentation + interview
    proposals = list(proposals)
    slots: list[Slot] = []
    available = 0
    for day in sorted(days, key=lambda d: d.starts_at):
        for starts_at in slot_starts(day, breaks, minutes=minutes, gap=gap):
            available += 1
            if len(slots) < len(proposals):
                slots.append(
                    Slot(
                        proposal=proposals[len(slots)],
                        starts_at=starts_at,
                        interview_at=starts_at + timedelta(minutes=presentation),
                        ends_at=starts_at + timedelta(minutes=minutes),
                    )
                )
    if len(slots) < len(proposals):
        raise NotEnoughTime(len(proposals), available)
    return slots
