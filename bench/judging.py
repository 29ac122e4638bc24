"""The judging scenario of `make bench` (issue 8): a round of 3,500 proposals, each scored
by 3 judges on the 5 criteria (a complete panel, so the ICCs are computed too), and the
time of the results job: weighted totals read back, normalisation, ranking with the
tie-breaks, Krippendorff's alpha for the round and per criterion, ICC(1,1), (2,1), (3,1),
judge severity, stored as a RankingRun with its rows.

Runs inside `python -m bench` (after the pages) or alone: `python -m bench.judging` on the
database DATABASE_URL names (a test database is created and dropped). Environment:
BENCH_JUDGING_PROPOSALS (3500), BENCH_JUDGING_JUDGES (3).
"""

import os
import random
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from hubs.enums import CLUSTER_OF_KIND, InstansiKind, RegionLevel, Role  # noqa: E402
from hubs.models import Instansi, Membership, Region, Unit, User  # noqa: E402

SEED = 20241204


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _organisation() -> tuple[list[Unit], User]:
    """One unit per instansi (the bench organisation's when it exists) and a Sekretariat."""
    from hubs.services import regions_load

    if not Instansi.objects.exists():
        regions_load()
        Instansi.objects.bulk_create(
            Instansi(name=f"Pemerintah {r.name}", kind=InstansiKind.KABUPATEN, region=r)
            for r in Region.objects.filter(level=RegionLevel.REGENCY)
        )
    instansi = list(Instansi.objects.select_related("region").order_by("pk"))
    Unit.objects.bulk_create(
        (Unit(instansi=i, name="Unit Penilaian Bench") for i in instansi), ignore_conflicts=True
    )
    units = list(
        Unit.objects.filter(name="Unit Penilaian Bench").select_related("instansi__region")
    )
    sekretariat, created = User.objects.get_or_create(username="bench.judging.sekretariat")
    if created:
        Membership.objects.create(user=sekretariat, role=Role.SEKRETARIAT)
    return units, sekretariat


def build(*, proposals: int, judges: int) -> dict:
    """The competition, its admin_passed proposals, the round with the default rubric,
    its judges, assignments and submitted sheets with their scores (bulk inserted)."""
    from bench.proposals import setup_create
    from judging import stats
    from judging.enums import JudgeTeam, RoundKind, SheetState
    from judging.models import Assignment, Judge, RoundEntry, Score, ScoreSheet
    from judging.services.rounds import round_save
    from kipp.enums import GroupKind, ProposalState
    from kipp.models import Innovation, Proposal

    rng = random.Random(SEED)
    now = timezone.now()
    units, sekretariat = _organisation()
    setup = setup_create(now - timedelta(days=400))
    competition = setup.competition
    group = setup.groups[GroupKind.UMUM]
    innovations = Innovation.objects.bulk_create(
        Innovation(
            unit=units[n % len(units)],
            title=f"Inovasi Penilaian {n}",
            started_on=now.date() - timedelta(days=1500),
            created_by=sekretariat,
        )
        for n in range(proposals)
    )
    made = Proposal.objects.bulk_create(
        (
            Proposal(
                competition=competition,
                group=group,
                innovation=i,
                unit=i.unit,
                instansi=i.unit.instansi,
                title=i.title,
                category=setup.categories[n % len(setup.categories)],
                state=ProposalState.ADMIN_PASSED,
                created_by=sekretariat,
                forwarded_at=now - timedelta(days=300, minutes=n),
                cluster=CLUSTER_OF_KIND[i.unit.instansi.kind],
                is_3t=bool(i.unit.instansi.region and i.unit.instansi.region.is_3t),
            )
            for n, i in enumerate(innovations)
        ),
        batch_size=1000,
    )
    round_ = round_save(
        competition=competition,
        actor=sekretariat,
        values={
            "order": 1,
            "kind": RoundKind.SCORING,
            "name": "Penilaian desk (bench)",
            "team": JudgeTeam.EVALUATOR,
            "opens_at": now - timedelta(days=30),
            "closes_at": now - timedelta(days=1),
            "judges_per_proposal": judges,
        },
    )
    criteria = list(round_.criteria.order_by("order"))
    weights = {c.pk: c.weight for c in criteria}
    users = User.objects.bulk_create(
        User(username=f"bench.evaluator.{n}", name=f"Evaluator {n}") for n in range(judges)
    )
    Membership.objects.bulk_create(Membership(user=u, role=Role.EVALUATOR) for u in users)
    Judge.objects.bulk_create(Judge(round=round_, user=u) for u in users)
    RoundEntry.objects.bulk_create(
        (RoundEntry(round=round_, proposal=p) for p in made), batch_size=2000
    )
    assignments = Assignment.objects.bulk_create(
        (Assignment(round=round_, proposal=p, judge=u) for p in made for u in users),
        batch_size=2000,
    )
    # A proposal's quality, each judge's lean, and noise per criterion, on the 1-10 scale.
    quality = {p.pk: rng.gauss(6.0, 1.5) for p in made}
    lean = {u.pk: rng.uniform(-1.0, 1.0) for u in users}
    sheets, values = [], []
    for a in assignments:
        scores = {
            c.pk: min(
                10, max(1, round(quality[a.proposal_id] + lean[a.judge_id] + rng.gauss(0, 1)))
            )
            for c in criteria
        }
        total = stats.sheet_total(scores, weights, scale_min=1, scale_max=10)
        sheets.append(
            ScoreSheet(
                assignment=a, state=SheetState.SUBMITTED, total=round(total, 2), submitted_at=now
            )
        )
        values.append(scores)
    sheets = ScoreSheet.objects.bulk_create(sheets, batch_size=2000)
    Score.objects.bulk_create(
        (
            Score(sheet=s, criterion_id=c, value=v)
            for s, scores in zip(sheets, values, strict=True)
            for c, v in scores.items()
        ),
        batch_size=5000,
    )
    return {"round": round_, "sekretariat": sekretariat, "sheets": len(sheets)}


def time_results(round_, sekretariat) -> tuple[float, object]:
    """Seconds the results job takes (claim, compute, store, finish), and its run."""
    from judging.enums import JobKind, JobState
    from judging.models import Job
    from judging.services.jobs import job_run

    job = Job.objects.create(kind=JobKind.RESULTS, round=round_, created_by=sekretariat)
    started = time.perf_counter()
    done = job_run(job_id=job.pk)
    elapsed = time.perf_counter() - started
    if done.state != JobState.DONE:
        raise RuntimeError(f"results job failed: {done.error}")
    return elapsed, round_.runs.order_by("-pk").first()


def shortlist_rules(round_) -> dict:
    """99 under cluster, category, instansi and 3T rules, drawn to fit the generated round:
    a minimum for every cluster present, for the first three categories, at most two per
    instansi, and a 3T minimum."""
    from django.db.models import Count

    from kipp.models import Proposal

    entered = Proposal.objects.filter(round_entries__round=round_)
    clusters = dict(entered.values_list("cluster").annotate(n=Count("pk")).order_by())
    categories = list(
        entered.values_list("category__name").annotate(n=Count("pk")).order_by("category__name")
    )
    three_t = entered.filter(is_3t=True).count()
    return {
        "size": 99,
        "cluster": {name: {"min": min(5, n // 20)} for name, n in clusters.items() if n >= 20},
        "category_min": {name: min(5, n // 20) for name, n in categories[:3] if n >= 20},
        "instansi_max": 2,
        "min_3t": min(10, three_t // 2),
    }


def time_shortlist(round_, run, sekretariat) -> tuple[float, object]:
    """Seconds the shortlist service takes to read the run's candidates, solve the optimal
    99 exactly and store every candidate's entry with its explanation, and the shortlist."""
    from judging.outcomes.shortlists import shortlist_build
    from kipp.enums import ResultLevel

    rules = shortlist_rules(round_)
    started = time.perf_counter()
    with transaction.atomic():
        shortlist = shortlist_build(
            round_=round_, run=run, actor=sekretariat, level=ResultLevel.TOP99, rules=rules
        )
    return time.perf_counter() - started, shortlist


def time_pages(round_, sekretariat) -> list[dict]:
    """The judge's list (first page of its 3,500 sheets) and the results page (first page,
    by rank and by spread), timed like the other lists against the bare view of the same
    run: p95 <= 50 ms and at most twice the bare view (the goal of the lists)."""
    from django.test.utils import override_settings

    from bench.measure import measure
    from bench.pages import bare, page, shell

    judge = round_.judges.select_related("user").order_by("pk").first().user
    proposal_id = round_.entries.order_by("proposal_id").values_list("proposal_id", flat=True)[0]
    requests = _env_int("BENCH_REQUESTS", 30)
    scenarios = [
        bare(proposal_id, judge),
        shell(proposal_id, judge),
        page("judge_list", "judge's sheets (first page)", f"/penilaian/babak/{round_.pk}/", judge),
        page("results", "results page (by rank)", f"/babak/{round_.pk}/hasil/", sekretariat),
        page(
            "results_sd",
            "results page (by spread)",
            f"/babak/{round_.pk}/hasil/?urut=sb",
            sekretariat,
        ),
    ]
    figures = []
    with override_settings(ROOT_URLCONF="bench.urls"):
        for each in scenarios:
            result = measure(each, requests=requests, warmups=3, budget_s=30)
            figures.append(
                {
                    "page": each.label,
                    "p50_ms": round(result.p50, 1),
                    "p95_ms": round(result.p95, 1),
                    "queries": result.queries,
                }
            )
        if os.environ.get("BENCH_EXPLAIN") == "1" and connection.vendor == "postgresql":
            from bench import report
            from bench.explain import explain, plans_text

            explained = {each.label: explain(each) for each in scenarios[2:]}
            report.print_explain(explained)
            (settings.VAR_DIR / "bench-judging-explain.txt").write_text(plans_text(explained))
    bare_p95 = figures[0]["p95_ms"]
    for row in figures:
        row["x_bare"] = round(row["p95_ms"] / bare_p95, 1)
        print(
            f"  {row['page']:<32} p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms  "
            f"{row['x_bare']:4.1f}x bare  {row['queries']} queries"
        )
    return figures


def scenario() -> dict:
    """Build the round and time its results; prints one line and returns the figures."""
    proposals = _env_int("BENCH_JUDGING_PROPOSALS", 3500)
    judges = _env_int("BENCH_JUDGING_JUDGES", 3)
    started = time.perf_counter()
    with transaction.atomic():
        built = build(proposals=proposals, judges=judges)
    from bench.proposals import analyze

    analyze()  # as autovacuum would after such a load
    generated = time.perf_counter() - started
    results_s, run = time_results(built["round"], built["sekretariat"])
    shortlist_s, shortlist = time_shortlist(built["round"], run, built["sekretariat"])
    page_figures = time_pages(built["round"], built["sekretariat"])
    figures = {
        "proposals": proposals,
        "judges": judges,
        "criteria": built["round"].criteria.count(),
        "sheets": built["sheets"],
        "generation_s": round(generated, 1),
        "results_s": round(results_s, 3),
        "alpha": run.alpha,
        "icc": run.icc,
        "shortlist_s": round(shortlist_s, 3),
        "shortlist_feasible": shortlist.feasible,
        "shortlist_binding": shortlist.binding,
        "results_and_shortlist_s": round(results_s + shortlist_s, 3),
        "goal_s": 2.0,
        "pages": page_figures,
    }
    print(
        f"judging: {proposals:,} proposals x {judges} judges x {figures['criteria']} criteria "
        f"({built['sheets']:,} sheets, built in {generated:.1f} s): results job "
        f"{results_s:.2f} s (alpha {run.alpha:.3f}, ICC {run.icc}); optimal Top 99 shortlist "
        f"{shortlist_s:.2f} s ({'feasible' if shortlist.feasible else 'infeasible'}, binding "
        f"{shortlist.binding}); together {results_s + shortlist_s:.2f} s (goal 2 s)"
    )
    return figures


def main() -> int:
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment(debug=False)
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite" and not connection.settings_dict["TEST"].get("NAME"):
        connection.settings_dict["TEST"]["NAME"] = f"{old_name}_test"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        scenario()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
