"""Statistics of the competition for the public: proposals per year and per province, the
stage funnel per year, and One Agency One Innovation compliance (the share of a province's
instansi that entered at least one innovation in a year). National competitions only
(a hub's provincial competition would count its proposals twice). Every figure is an
aggregate; each table is cached until the next change of results (`public.cache`)."""

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce

from hubs.enums import RegionLevel
from hubs.models import Instansi, Region
from kipp.enums import PASSED_STATES, QUOTA_STATES, ProposalState, ResultLevel
from kipp.models import Competition, Proposal
from kipp.selectors.results import results_counted

from . import cache

NATIONAL = Q(competition__organiser_hub__isnull=True)
ENTERED = ~Q(state=ProposalState.DRAFT)
# The province of a proposal's instansi: its region's parent, or the region itself.
PROVINCE = Coalesce("instansi__region__parent_id", "instansi__region_id")
PROVINCE_OF_INSTANSI = Coalesce("region__parent_id", "region_id")


def years() -> list[int]:
    """Years of the national competitions with at least one entered proposal, latest first:
    a probe per competition, not a read of every proposal."""
    entered = Proposal.objects.filter(ENTERED, competition=OuterRef("pk"))
    return cache.cached(
        "stats-years",
        lambda: sorted(
            set(
                Competition.objects.filter(Exists(entered), organiser_hub__isnull=True)
                .order_by()
                .values_list("year", flat=True)
            ),
            reverse=True,
        ),
    )


def per_year() -> list[dict]:
    """Proposals entered (submitted at least once) per year."""

    def compute():
        return list(
            Proposal.objects.filter(NATIONAL, ENTERED)
            .values(year=F("competition__year"))
            .annotate(proposals=Count("pk"), instansi=Count("instansi", distinct=True))
            .order_by("year")
        )

    return cache.cached("stats-per-year", compute)


def _province_names() -> dict[int, str]:
    return dict(Region.objects.filter(level=RegionLevel.PROVINCE).values_list("pk", "name"))


def per_province(year: int | None) -> list[dict]:
    """Proposals entered per province in `year` (every year when None), most first."""

    def compute():
        rows = Proposal.objects.filter(NATIONAL, ENTERED, instansi__region__isnull=False)
        if year:
            rows = rows.filter(competition__year=year)
        counts = dict(
            rows.annotate(province=PROVINCE)
            .values_list("province")
            .annotate(n=Count("pk"))
            .order_by()
        )
        names = _province_names()
        table = [{"province": names[pk], "proposals": counts.get(pk, 0)} for pk in names]
        return sorted(table, key=lambda row: (-row["proposals"], row["province"]))

    return cache.cached(f"stats-per-province:{year or 'all'}", compute)


def funnel() -> list[dict]:
    """Per year: entered, forwarded to the national selection, passed it, Top 99, Top 45
    and Outstanding Achievement (published, non-revoked results)."""

    def compute():
        stages = {
            row["competition__year"]: row
            for row in Proposal.objects.filter(NATIONAL, ENTERED)
            .values("competition__year")
            .annotate(
                entered=Count("pk"),
                forwarded=Count("pk", filter=Q(state__in=QUOTA_STATES)),
                admin_passed=Count("pk", filter=Q(state__in=PASSED_STATES)),
            )
            .order_by()
        }
        results = (
            results_counted()
            .filter(proposal__competition__organiser_hub__isnull=True)
            .values("proposal__competition__year")
            .annotate(
                top99=Count("pk", filter=Q(level=ResultLevel.TOP99)),
                top45=Count("pk", filter=Q(level=ResultLevel.TOP45)),
                outstanding=Count("pk", filter=Q(level=ResultLevel.OUTSTANDING)),
            )
            .order_by()
        )
        levels = {row.pop("proposal__competition__year"): row for row in results}
        table = []
        for year in sorted(stages):
            row = stages[year]
            table.append(
                {
                    "year": year,
                    "entered": row["entered"],
                    "forwarded": row["forwarded"],
                    "admin_passed": row["admin_passed"],
                    **levels.get(year, {"top99": 0, "top45": 0, "outstanding": 0}),
                }
            )
        return table

    return cache.cached("stats-funnel", compute)


def compliance(year: int | None) -> list[dict]:
    """One Agency One Innovation in `year`: per province, its active regional instansi and
    how many of them entered at least one innovation (forwarded to the national selection)."""
    if year is None:
        return []

    def compute():
        instansi = (
            Instansi.objects.filter(is_active=True, region__isnull=False)
            .annotate(province=PROVINCE_OF_INSTANSI)
            .values("province")
            .annotate(
                total=Count("pk", distinct=True),
                entered=Count(
                    "pk",
                    distinct=True,
                    filter=Q(
                        proposals__competition__year=year,
                        proposals__competition__organiser_hub__isnull=True,
                        proposals__state__in=QUOTA_STATES,
                    ),
                ),
            )
            .order_by()
        )
        names = _province_names()
        table = [
            {
                "province": names.get(row["province"], "?"),
                "instansi": row["total"],
                "entered": row["entered"],
                "percent": round(100 * row["entered"] / row["total"]) if row["total"] else 0,
            }
            for row in instansi
        ]
        return sorted(table, key=lambda row: (-row["percent"], row["province"]))

    return cache.cached(f"stats-compliance:{year}", compute)
