"""`make bench`: time the portal's hot pages on a throw-away database of KIPP's real size.

Builds the organisation (514 instansi, their units and Admin Lokal), one national competition
in registration, and BENCH_PROPOSALS proposals (default 50,000) with their timelines; then
times each page in process through the full middleware stack and prints, per page, p50 and
p95, p95 as a multiple of a bare page's p95, the query count and whether the goal is met.
Query counts of the list pages are also taken with a single proposal, before the bulk load,
so a count that grows with the data shows. Runs on whatever DATABASE_URL names (a test
database is created and dropped); the table is also written to var/bench.json.

Environment: BENCH_PROPOSALS (50000), BENCH_REQUESTS (30), BENCH_WARMUPS (3),
BENCH_SCENARIO_SECONDS (60: a page stops early once it has used this long, after at least
five requests), BENCH_EXPLAIN=1 (PostgreSQL: EXPLAIN ANALYZE of each page's slowest SELECTs).
"""

import logging
import os
import platform
import random
import subprocess
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
# Tasks are queued as in production, to an in-process broker nobody consumes: a submit's
# e-mails are a worker's time, not the request's. A broker named in the environment is used.
if not (os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL")):
    os.environ["CELERY_BROKER_URL"] = "memory://"
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, F  # noqa: E402
from django.template import Template  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench import data, drafts, judging, judging_maths, pages, proposals, report  # noqa: E402
from bench.explain import explain, plans_text  # noqa: E402
from bench.measure import ScenarioFailed, count_queries, measure  # noqa: E402
from hubs.enums import Role  # noqa: E402
from hubs.models import Membership, Unit  # noqa: E402
from kipp.enums import ProposalState as S  # noqa: E402
from kipp.models import Proposal  # noqa: E402

SELECTION_STATES = (S.FORWARDED, S.ADMIN_PASSED, S.ADMIN_FAILED)


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def main() -> int:
    # Timed as in production: no query log, no template debug. The settings were read with
    # DEBUG on, so the development shape (no HTTPS redirect, plain static storage) stays.
    # Templates render as in production too: the test runner's instrumented render, which
    # copies every template's context for the test client, is taken out again.
    render = Template._render
    setup_test_environment(debug=False)
    Template._render = render
    # In-process tasks log every run at INFO; the tables are what this prints.
    logging.getLogger("celery").setLevel(logging.WARNING)
    settings.ROOT_URLCONF = "bench.urls"
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite" and not connection.settings_dict["TEST"].get("NAME"):
        connection.settings_dict["TEST"]["NAME"] = f"{old_name}_test"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        return run()
    finally:
        if os.environ.get("BENCH_KEEP") == "1":  # kept for profiling; dropped by the next run
            print(f"kept: {connection.settings_dict['NAME']}")
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def run() -> int:
    size = env_int("BENCH_PROPOSALS", 50_000)
    requests, warmups = env_int("BENCH_REQUESTS", 30), env_int("BENCH_WARMUPS", 3)
    budget = env_int("BENCH_SCENARIO_SECONDS", 60)
    explain_on = os.environ.get("BENCH_EXPLAIN") == "1" and connection.vendor == "postgresql"
    began = time.perf_counter()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}", _server_version())
    print(
        f"proposals: {size:,}; {requests} timed requests per page after {warmups} warm-ups; "
        f"tasks {'in-process (eager)' if settings.CELERY_TASK_ALWAYS_EAGER else 'queued to ' + settings.CELERY_BROKER_URL.split(':', 1)[0]}"
    )

    started = time.perf_counter()
    actors, sizes = data.generate()
    print(f"organisation: {sizes} in {time.perf_counter() - started:.1f} s")

    # One proposal first: the list pages' query counts at 1 row.
    setup = proposals.setup_create(timezone.now())
    admin, sekretariat = actors["admin_lokal"], actors["sekretariat"]
    first = Membership.objects.get(user=admin, role=Role.ADMIN_LOKAL).instansi
    unit = Unit.objects.filter(instansi=first).order_by("pk").first()
    operator = Membership.objects.filter(role=Role.OPERATOR, unit=unit).first().user
    people = proposals.People(sekretariat)
    one = proposals.plan_one(setup, unit=unit, state=S.ADMIN_PASSED, title="Inovasi Bench Satu")
    counts = proposals.insert(setup, [one], people)
    proposals.publish_admin_results(setup)
    lists = _list_scenarios(setup, admin, sekretariat, rows=1)
    at_one = {s.key: count_queries(s) for s in lists}

    started = time.perf_counter()
    plans = proposals.plan_bulk(
        random.Random(proposals.SEED), setup, count=size - 1, first_instansi_id=first.pk, start=1
    )
    counts += proposals.insert(setup, plans, people)
    autosave_id = drafts.ready_drafts(
        setup, unit=unit, operator=operator, count=1, prefix="Inovasi Bench Autosave"
    )[0]
    submit_ids = drafts.ready_drafts(
        setup, unit=unit, operator=operator, count=warmups + requests + 2, prefix="Inovasi Siap"
    )
    proposals.publish_admin_results(setup)
    proposals.analyze()
    generated = time.perf_counter() - started
    by_state = {state.value: counts[state] for state in proposals.STATE_SHARES}
    print(
        f"proposals: {counts['proposals']:,} (+{1 + len(submit_ids)} ready drafts), "
        f"events: {counts['events']:,}, in {generated:.1f} s; {by_state}"
    )

    top = (
        Proposal.objects.filter(competition=setup.competition, state=S.SUBMITTED)
        .values("instansi")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    inbox_admin = (
        Membership.objects.filter(role=Role.ADMIN_LOKAL, instansi_id=top["instansi"])
        .order_by("pk")
        .first()
        .user
    )
    print(f"Admin Lokal inbox: {inbox_admin.username}, {top['n']} submitted proposals waiting")
    rows = Proposal.objects.filter(competition=setup.competition, state__in=SELECTION_STATES)
    lists = _list_scenarios(setup, inbox_admin, sekretariat, rows=rows.count())
    middle = Proposal.objects.order_by("pk").values_list("pk", flat=True)[size // 2]
    scenarios = [
        pages.bare(middle, sekretariat),
        pages.shell(middle, sekretariat),
        *lists,
        pages.Autosave(autosave_id).scenario(operator),
        pages.Submit(submit_ids).scenario(operator),
        *pages.organisation_scenarios(actors),
    ]
    results = []
    for scenario in scenarios:
        print(f"  timing {scenario.label} ...", file=sys.stderr, flush=True)
        results.append(measure(scenario, requests=requests, warmups=warmups, budget_s=budget))

    table = report.rows(results)
    report.print_pages(table)
    at_n = {r.key: r.queries for r in results}
    query_counts = [{"page": s.label, "at_1": at_one[s.key], "at_n": at_n[s.key]} for s in lists]
    report.print_query_counts(query_counts, counts["proposals"])
    maths = judging_maths.run()
    judging_maths.print_result(maths)

    explained = {}
    if explain_on:
        for scenario in scenarios[: 4 + len(lists)]:
            explained[scenario.label] = explain(scenario)
        report.print_explain(explained)
        (settings.VAR_DIR / "bench-explain.txt").write_text(plans_text(explained))
        print(f"full plans: {settings.VAR_DIR / 'bench-explain.txt'}")

    # Issue 8: a round's results (3,500 proposals x 3 judges x 5 criteria) on this database.
    judging_figures = judging.scenario()

    total = time.perf_counter() - began
    out = settings.VAR_DIR / "bench.json"
    report.write_json(
        out,
        {
            "meta": {
                "database": connection.vendor,
                "server": _server_version(),
                "proposals": counts["proposals"],
                "events": counts["events"],
                "states": by_state,
                "generation_s": round(generated, 1),
                "requests": requests,
                "warmups": warmups,
                "tasks": "eager" if settings.CELERY_TASK_ALWAYS_EAGER else "queued",
                "python": platform.python_version(),
                "django": django.get_version(),
                "commit": _commit(),
                "run_s": round(total, 1),
                "at": timezone.now().isoformat(timespec="seconds"),
            },
            "pages": table,
            "query_counts": query_counts,
            "judging_maths": maths,
            "judging": judging_figures,
            "explain": {
                label: [{k: v for k, v in p.items() if k != "plan"} for p in plans]
                for label, plans in explained.items()
            },
        },
    )
    print(f"\nwritten: {out}; whole run {total:.0f} s")
    return 0


def _list_scenarios(setup, admin, sekretariat, *, rows: int) -> list:
    """The proposal lists: inbox, selection first and last page, public announcement.

    The last page must show the list's last proposal (forwarding order, undated ones last).
    """
    client = pages.selection(sekretariat).client()
    last_path, found_by = pages.last_page_path(client, "/seleksi/administrasi/", rows=rows)
    last = (
        Proposal.objects.filter(competition=setup.competition, state__in=SELECTION_STATES)
        .order_by(F("forwarded_at").desc(nulls_first=True), "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if last and f'id="usulan-{last}"' not in client.get(last_path).content.decode():
        raise ScenarioFailed(f"{last_path} does not show the list's last proposal #{last}")
    print(f"selection last page at {rows:,} rows: {last_path} (from {found_by})")
    return [
        pages.inbox(admin),
        pages.selection(sekretariat),
        pages.selection(sekretariat, last_path, last=True),
        pages.announcement(setup.competition.slug),
    ]


def _server_version() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return ""


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return out.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
