"""What each role's dashboard shows: the proposals to act on, quotas, deadlines, the funnel.

Each function reads in a fixed number of queries whatever the number of proposals (the
dashboard's query-count test renders it with one and with many).
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from hubs.enums import CLUSTER_OF_KIND, Cluster
from hubs.models import Region
from hubs.roles import roles_of

from .. import deadlines
from ..enums import QUOTA_STATES, ProposalState
from ..models import Competition, CompetitionGroup, Proposal, ProposalEvent
from .proposals import competitions_managed_by, competitions_open_to, proposer_instansi

S = ProposalState
# Proposals shown per list on the operator's dashboard (the full list is "Usulan saya").
SHOWN = 8
DECIDED_STATES = (S.ADMIN_PASSED, S.ADMIN_FAILED)


def _latest_note(state: str) -> Subquery:
    """The note of the proposal's latest move into `state` (the Admin Lokal's return note)."""
    return Subquery(
        ProposalEvent.objects.filter(proposal=OuterRef("pk"), to_state=state)
        .order_by("-created_at", "-pk")
        .values("note")[:1]
    )


def operator_dashboard(user, now=None) -> dict:
    """The operator's proposals by what to do with them, and the competitions open to its
    instansi with their deadlines. Four queries plus one per open competition's extension."""
    now = now or timezone.now()
    roles = roles_of(user)
    mine = Proposal.objects.filter(unit_id__in=roles.operator_unit_ids)
    base = (
        mine.select_related("competition", "group", "unit")
        .only(
            "pk",
            "title",
            "state",
            "updated_at",
            "submitted_at",
            "competition__name",
            "competition__registration_closes_at",
            "group__kind",
            "unit__name",
        )
        .order_by("-updated_at", "-pk")
    )
    counts = dict(mine.values_list("state").annotate(n=Count("pk")).order_by())
    returned = list(
        base.filter(state=S.RETURNED).annotate(return_note=_latest_note(S.RETURNED))[:SHOWN]
    )
    drafts = list(base.filter(state=S.DRAFT)[:SHOWN])
    in_progress = list(base.exclude(state__in=[S.DRAFT, S.RETURNED])[:SHOWN])
    opened = []
    seen = set()
    for instansi in proposer_instansi(user).filter(pk__in=roles.operator_instansi_ids):
        for competition in competitions_open_to(instansi, now=now):
            limits = deadlines.deadlines_for(competition, instansi.pk)
            if (competition.pk, instansi.pk) in seen:
                continue
            seen.add((competition.pk, instansi.pk))
            opened.append(
                {
                    "competition": competition,
                    "instansi": instansi,
                    "registration_closes_at": limits[deadlines.REGISTRATION],
                    "registration_open": competition.registration_opens_at
                    <= now
                    < limits[deadlines.REGISTRATION],
                }
            )
    return {
        "counts": counts,
        "total": sum(counts.values()),
        "returned": returned,
        "returned_count": counts.get(S.RETURNED, 0),
        "drafts": drafts,
        "draft_count": counts.get(S.DRAFT, 0),
        "in_progress": in_progress,
        "in_progress_count": sum(
            n for state, n in counts.items() if state not in (S.DRAFT, S.RETURNED)
        ),
        "open_competitions": opened,
    }


@dataclass
class QuotaRow:
    group: CompetitionGroup
    used: int

    @property
    def quota(self) -> int:
        return self.group.quota_per_instansi

    @property
    def left(self) -> int:
        return max(0, self.quota - self.used)


@dataclass
class LocalCompetition:
    competition: Competition
    instansi: object
    waiting: int
    returned: int
    verification_closes_at: object
    verification_open: bool
    quotas: list[QuotaRow] = field(default_factory=list)


def admin_lokal_dashboard(user, now=None) -> list[LocalCompetition]:
    """Per instansi of the Admin Lokal and competition open to it: how many proposals wait
    for verification, the quota per group used and left, and the verification close."""
    now = now or timezone.now()
    roles = roles_of(user)
    pairs = [
        (instansi, competition)
        for instansi in proposer_instansi(user).filter(pk__in=roles.admin_instansi_ids)
        for competition in competitions_open_to(instansi, now=now)
    ]
    if not pairs:
        return []
    competition_ids = {c.pk for _, c in pairs}
    instansi_ids = {i.pk for i, _ in pairs}
    groups: dict[int, list[CompetitionGroup]] = {}
    for group in CompetitionGroup.objects.filter(competition_id__in=competition_ids).order_by(
        "competition_id", "kind"
    ):
        groups.setdefault(group.competition_id, []).append(group)
    rows = (
        Proposal.objects.filter(competition_id__in=competition_ids, instansi_id__in=instansi_ids)
        .values("competition_id", "instansi_id", "group_id")
        .annotate(
            # Counts of `state` (never null), not of ids: the (competition, instansi,
            # state, group) index then answers alone (Django refuses COUNT(*) FILTER).
            waiting=Count("state", filter=Q(state=S.SUBMITTED)),
            returned=Count("state", filter=Q(state=S.RETURNED)),
            used=Count("state", filter=Q(state__in=QUOTA_STATES)),
        )
        .order_by()
    )
    tally: dict[tuple[int, int, int], dict] = {
        (r["competition_id"], r["instansi_id"], r["group_id"]): r for r in rows
    }
    result = []
    for instansi, competition in pairs:
        limits = deadlines.deadlines_for(competition, instansi.pk)
        closes = limits[deadlines.VERIFICATION]
        entry = LocalCompetition(
            competition=competition,
            instansi=instansi,
            waiting=0,
            returned=0,
            verification_closes_at=closes,
            verification_open=now < closes,
        )
        for group in groups.get(competition.pk, []):
            counted = tally.get((competition.pk, instansi.pk, group.pk), {})
            entry.waiting += counted.get("waiting", 0)
            entry.returned += counted.get("returned", 0)
            entry.quotas.append(QuotaRow(group=group, used=counted.get("used", 0)))
        result.append(entry)
    return result


FUNNEL = (
    ("created", Q()),
    ("submitted", Q(submitted_at__isnull=False)),
    ("forwarded", Q(forwarded_at__isnull=False)),
    ("decided", Q(state__in=DECIDED_STATES)),
)


def sekretariat_competition(user, now=None) -> Competition | None:
    """The competition the organiser is running now: registration opened, administrative
    results not yet published; the one closing soonest first."""
    now = now or timezone.now()
    return (
        competitions_managed_by(user)
        .filter(registration_opens_at__lte=now, admin_results_published_at__isnull=True)
        .order_by("registration_closes_at", "pk")
        .first()
    )


def competition_funnel(competition: Competition) -> dict:
    """How far the competition's proposals got (created, submitted, forwarded, decided, and
    drafts still open), in total, by participant cluster and by province. Two queries."""
    counters = {name: Count("pk", filter=condition) for name, condition in FUNNEL}
    counters["drafts"] = Count("pk", filter=Q(state__in=[S.DRAFT, S.RETURNED]))
    rows = list(
        Proposal.objects.filter(competition=competition)
        .annotate(province_id=Coalesce("instansi__region__parent_id", "instansi__region_id"))
        .values("instansi__kind", "province_id")
        .annotate(**counters)
        .order_by()
    )
    names = ["drafts"] + [name for name, _ in FUNNEL]
    empty = dict.fromkeys(names, 0)
    total = dict(empty)
    clusters: dict[str, dict] = {}
    provinces: dict[int | None, dict] = {}
    for row in rows:
        cluster = CLUSTER_OF_KIND.get(row["instansi__kind"], "")
        by_cluster = clusters.setdefault(cluster, dict(empty))
        by_province = provinces.setdefault(row["province_id"], dict(empty))
        for name in names:
            total[name] += row[name]
            by_cluster[name] += row[name]
            by_province[name] += row[name]
    province_names = dict(
        Region.objects.filter(pk__in=[p for p in provinces if p]).values_list("pk", "name")
    )
    cluster_labels = dict(Cluster.choices)
    return {
        "total": total,
        "stages": [(name, total[name]) for name, _ in FUNNEL],
        "by_cluster": sorted(
            ((cluster_labels.get(key, "—"), counts) for key, counts in clusters.items()),
            key=lambda item: str(item[0]),
        ),
        "by_province": sorted(
            (
                (province_names.get(key) or "", counts)
                for key, counts in provinces.items()
                if counts["created"]
            ),
            key=lambda item: (-item[1]["created"], item[0]),
        ),
    }
