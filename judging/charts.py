"""A server-rendered chart of each judge's score distribution: a box (quartiles), the
median, whiskers to the extremes and up to STRIP_MAX points per judge, on a 0-100 axis.

Only coordinates are computed here; the SVG is written by the template, so the page needs
no script and no chart library.
"""

from dataclasses import dataclass
from statistics import median

WIDTH = 640
LEFT = 140  # room for the judge's name
RIGHT = 16
ROW = 34
TOP = 24
STRIP_MAX = 150


def _x(value: float) -> float:
    return round(LEFT + (WIDTH - LEFT - RIGHT) * max(0.0, min(100.0, value)) / 100, 1)


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    half = len(ordered) // 2
    lower = ordered[:half] or ordered
    upper = ordered[half + len(ordered) % 2 :] or ordered
    return median(lower), median(ordered), median(upper)


@dataclass(frozen=True)
class JudgeBox:
    label: str
    n: int
    y: float
    low: float
    q1: float
    mid: float
    q3: float
    high: float
    mean_value: float
    points: list[float]

    @property
    def box_width(self) -> float:
        return round(max(1.0, self.q3 - self.q1), 1)

    @property
    def top(self) -> float:
        return self.y - 9

    @property
    def bottom(self) -> float:
        return self.y + 9


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    boxes: list[JudgeBox]
    ticks: list[tuple[float, int]]
    axis_y: float
    left: int

    @property
    def label_y(self) -> float:
        return self.axis_y + 16


def distribution_chart(totals: dict[int, list[float]], labels: dict[int, str]) -> Chart | None:
    """The chart of `totals` (judge id -> sheet totals), one row per judge in label order."""
    judges = sorted((j for j in totals if totals[j]), key=lambda j: (labels.get(j, ""), j))
    if not judges:
        return None
    boxes = []
    for index, judge in enumerate(judges):
        values = totals[judge]
        q1, mid, q3 = _quartiles(values)
        step = max(1, len(values) // STRIP_MAX)
        boxes.append(
            JudgeBox(
                label=labels.get(judge, str(judge)),
                n=len(values),
                y=TOP + index * ROW + ROW / 2,
                low=_x(min(values)),
                q1=_x(q1),
                mid=_x(mid),
                q3=_x(q3),
                high=_x(max(values)),
                mean_value=round(sum(values) / len(values), 1),
                points=[_x(v) for v in sorted(values)[::step]],
            )
        )
    axis_y = TOP + len(judges) * ROW + 4
    return Chart(
        width=WIDTH,
        height=int(axis_y + 24),
        boxes=boxes,
        ticks=[(_x(v), v) for v in range(0, 101, 20)],
        axis_y=axis_y,
        left=LEFT,
    )
