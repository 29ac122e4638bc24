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


def distribution_summary(values: list[float]) -> dict:
    """What the chart draws of one judge's sheet totals, kept with the run when it is
    computed so the results page never re-reads every sheet of the round."""
    ordered = sorted(values)
    q1, mid, q3 = _quartiles(ordered)
    step = max(1, len(ordered) // STRIP_MAX)
    return {
        "n": len(ordered),
        "low": ordered[0],
        "q1": q1,
        "mid": mid,
        "q3": q3,
        "high": ordered[-1],
        "mean": round(sum(ordered) / len(ordered), 1),
        "points": [round(v, 2) for v in ordered[::step]],
    }


def distribution_chart(totals: dict[int, list[float]], labels: dict[int, str]) -> Chart | None:
    """The chart of `totals` (judge id -> sheet totals), one row per judge in label order."""
    return summary_chart(
        {judge: distribution_summary(values) for judge, values in totals.items() if values},
        labels,
    )


def summary_chart(summaries: dict[int, dict], labels: dict[int, str]) -> Chart | None:
    """The chart of judge id -> `distribution_summary`, one row per judge in label order."""
    judges = sorted(summaries, key=lambda j: (labels.get(j, ""), j))
    if not judges:
        return None
    boxes = []
    for index, judge in enumerate(judges):
        box = summaries[judge]
        boxes.append(
            JudgeBox(
                label=labels.get(judge, str(judge)),
                n=box["n"],
                y=TOP + index * ROW + ROW / 2,
                low=_x(box["low"]),
                q1=_x(box["q1"]),
                mid=_x(box["mid"]),
                q3=_x(box["q3"]),
                high=_x(box["high"]),
                mean_value=box["mean"],
                points=[_x(v) for v in box["points"]],
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
