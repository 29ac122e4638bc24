"""Figures of the replication dashboards: commitments per adopting pemprov/kabupaten/kota,
the stage each reached, % of activities done and what is overdue. A fixed number of
queries whatever the number of commitments (grouped in the database)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..enums import STAGE_ORDER, ActivityStatus, Stage
from ..models import Activity, Commitment

OVERDUE_SHOWN = 20


@dataclass
class RegionRow:
    instansi_id: int
    name: str
    kind: str
    total: int = 0
    stages: dict = field(default_factory=dict)
    activities: int = 0
    done: int = 0
    overdue: int = 0

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.activities) if self.activities else 0

    @property
    def furthest(self) -> str:
        """The furthest stage any of its commitments reached (dropped ones aside)."""
        reached = [s for s in STAGE_ORDER if self.stages.get(s)]
        return reached[-1].label if reached else Stage.DROPPED.label


@dataclass
class Dashboard:
    rows: list[RegionRow]
    stage_totals: list[tuple[str, str, int]]
    total: int
    activities: int
    done: int
    overdue: int
    overdue_items: list

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.activities) if self.activities else 0


def dashboard_for(commitments: QuerySet[Commitment], *, today=None, with_items=True) -> Dashboard:
    """The dashboard of these commitments (2 queries, 3 with the overdue list)."""
    today = today or timezone.localdate()
    stage_counts = {s: Count("pk", filter=Q(stage=s)) for s in Stage.values}
    grouped = (
        commitments.order_by()
        .values("instansi_id", "instansi__name", "instansi__kind")
        .annotate(total=Count("pk"), **{f"s_{s}": c for s, c in stage_counts.items()})
    )
    rows = {}
    for entry in grouped:
        rows[entry["instansi_id"]] = RegionRow(
            instansi_id=entry["instansi_id"],
            name=entry["instansi__name"],
            kind=entry["instansi__kind"],
            total=entry["total"],
            stages={s: entry[f"s_{s}"] for s in Stage.values},
        )
    not_done = ~Q(status=ActivityStatus.DONE)
    activities = (
        Activity.objects.filter(commitment__in=commitments.values("pk"))
        .order_by()
        .values("commitment__instansi_id")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=ActivityStatus.DONE)),
            overdue=Count("pk", filter=not_done & Q(due_on__lt=today)),
        )
    )
    for entry in activities:
        row = rows.get(entry["commitment__instansi_id"])
        if row is not None:
            row.activities, row.done, row.overdue = entry["total"], entry["done"], entry["overdue"]
    ordered = sorted(rows.values(), key=lambda r: (r.kind != "provinsi", r.kind, r.name))
    overdue_items = []
    if with_items:
        overdue_items = list(
            Activity.objects.filter(
                not_done, commitment__in=commitments.values("pk"), due_on__lt=today
            )
            .select_related("commitment__instansi")
            .order_by("due_on", "pk")[:OVERDUE_SHOWN]
        )
    return Dashboard(
        rows=ordered,
        stage_totals=[
            (s, Stage(s).label, sum(r.stages.get(s, 0) for r in ordered)) for s in Stage.values
        ],
        total=sum(r.total for r in ordered),
        activities=sum(r.activities for r in ordered),
        done=sum(r.done for r in ordered),
        overdue=sum(r.overdue for r in ordered),
        overdue_items=overdue_items,
    )
