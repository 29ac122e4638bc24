"""The presentation timetable: 20-minute slots (7 + 13) inside each day, around breaks."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from judging.schedule import Break, DayWindow, NotEnoughTime, build_schedule

WIB = ZoneInfo("Asia/Jakarta")
ISHOMA = Break(time(12, 0), time(13, 0))


def _day(day: int, start=(8, 0), end=(16, 0)) -> DayWindow:
    return DayWindow(
        datetime(2023, 8, day, *start, tzinfo=WIB), datetime(2023, 8, day, *end, tzinfo=WIB)
    )


def _clock(slot) -> str:
    return slot.starts_at.strftime("%d %H:%M")


def test_slots_are_twenty_minutes_back_to_back():
    slots = build_schedule(["a", "b", "c"], days=[_day(7)])

    assert [_clock(s) for s in slots] == ["07 08:00", "07 08:20", "07 08:40"]
    assert [s.proposal for s in slots] == ["a", "b", "c"]
    first = slots[0]
    assert (first.interview_at - first.starts_at, first.ends_at - first.starts_at) == (
        timedelta(minutes=7),
        timedelta(minutes=20),
    )


def test_no_slot_crosses_a_break():
    day = _day(7, start=(11, 10), end=(14, 0))
    slots = build_schedule(list(range(5)), days=[day], breaks=[ISHOMA])

    # 11:10, 11:30 fit before noon; 11:50 would run into the break.
    assert [_clock(s) for s in slots] == [
        "07 11:10",
        "07 11:30",
        "07 13:00",
        "07 13:20",
        "07 13:40",
    ]


def test_overflow_goes_to_the_next_day_in_date_order():
    days = [_day(8, start=(8, 0), end=(9, 0)), _day(7, start=(15, 0), end=(16, 0))]

    slots = build_schedule(list("abcde"), days=days)

    assert [_clock(s) for s in slots] == [
        "07 15:00",
        "07 15:20",
        "07 15:40",
        "08 08:00",
        "08 08:20",
    ]


def test_not_enough_time_says_how_many_fit():
    with pytest.raises(NotEnoughTime) as refused:
        build_schedule(list(range(4)), days=[_day(7, start=(8, 0), end=(9, 0))])

    assert (refused.value.needed, refused.value.available) == (4, 3)
    assert "hanya cukup untuk 3 dari 4 finalis" in str(refused.value)


def test_gap_between_slots_and_custom_lengths():
    slots = build_schedule(["a", "b"], days=[_day(7)], presentation=10, interview=15, gap=5)

    assert [_clock(s) for s in slots] == ["07 08:00", "07 08:30"]
    assert slots[1].ends_at.strftime("%H:%M") == "08:55"


@pytest.mark.parametrize(
    ("days", "breaks"),
    [([_day(7, start=(9, 0), end=(8, 0))], []), ([_day(7)], [Break(time(13), time(12))])],
)
def test_bad_windows_are_refused(days, breaks):
    with pytest.raises(ValueError, match="harus"):
        build_schedule(["a"], days=days, breaks=breaks)


def test_ninety_nine_finalists_over_five_days():
    days = [_day(d) for d in (7, 8, 9, 10, 11)]

    slots = build_schedule(list(range(99)), days=days, breaks=[ISHOMA])

    assert len(slots) == 99
    assert len({s.starts_at for s in slots}) == 99
    # Each 8-hour day with a one-hour break holds 12 + 9 = 21 slots.
    assert [s.starts_at.day for s in slots].count(7) == 21
    assert all(s.starts_at.hour != 12 for s in slots)
