"""`make bench-public`: the public innovation database at BENCH_INNOVATIONS (100,000).

Builds every kabupaten/kota as an instansi with units, eleven finished national
competitions (KIPP 2014-2024) and one public entry per innovation (passed the administrative
selection; 99 Top 99 and 45 Top 45 per year), indexes them (`records_rebuild`), then times,
anonymously and through the full middleware stack: the bare page, the database's first
page, searches (a common stem, a stem and a province, a typo), the API search and the
winners page; each uncached (the cache emptied before every request, the honest cost)
and cached (what a visitor usually gets). Same method and goals as `make bench`.

Environment: BENCH_INNOVATIONS (100000), BENCH_REQUESTS (30), BENCH_WARMUPS (3),
BENCH_EXPLAIN=1 (PostgreSQL: EXPLAIN ANALYZE of each uncached page's slowest SELECTs).
"""

import os
import random
import sys
import time
from datetime import UTC, date, datetime

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
if not (os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL")):
    os.environ["CELERY_BROKER_URL"] = "memory://"
django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import Template  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench import report  # noqa: E402
from bench.explain import explain, plans_text  # noqa: E402
from bench.measure import Scenario, measure  # noqa: E402
from hubs.enums import CLUSTER_OF_KIND, InstansiKind, RegionLevel  # noqa: E402
from hubs.models import Instansi, Region, Unit, User  # noqa: E402
from hubs.services import regions_load  # noqa: E402
from kipp import defaults  # noqa: E402
from kipp.enums import GroupKind, ProposalState, ResultLevel  # noqa: E402
from kipp.models import Category, Competition, CompetitionGroup, Innovation, Proposal  # noqa: E402
from kipp.models import Result as Outcome  # noqa: E402
from public.services import records_rebuild  # noqa: E402

WORDS = [
    "layanan",
    "pelayanan",
    "perizinan",
    "izin",
    "kesehatan",
    "puskesmas",
    "posyandu",
    "stunting",
    "desa",
    "digital",
    "terpadu",
    "administrasi",
    "kependudukan",
    "akta",
    "pendidikan",
    "sekolah",
    "sampah",
    "lingkungan",
    "pangan",
    "pertanian",
    "nelayan",
    "umkm",
    "pasar",
    "pajak",
    "retribusi",
    "pengaduan",
    "warga",
    "lansia",
    "disabilitas",
    "anak",
    "perempuan",
    "bencana",
    "air",
    "bersih",
    "sanitasi",
    "jalan",
    "transportasi",
    "pariwisata",
    "budaya",
    "koperasi",
    "kerja",
    "pelatihan",
    "bantuan",
    "sosial",
    "miskin",
    "data",
    "statistik",
    "rumah",
    "sakit",
    "obat",
    "gizi",
    "ibu",
    "hamil",
    "imunisasi",
    "keliling",
    "jemput",
    "bola",
    "satu",
    "pintu",
    "daring",
    "aplikasi",
    "kanal",
    "pusat",
]
UNITS = 5


def _sentence(rng, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def generate(size: int) -> dict:
    rng = random.Random(2026)
    regions_load()
    actor = User.objects.create(username="bench.public")
    regencies = list(Region.objects.filter(level=RegionLevel.REGENCY))
    Instansi.objects.bulk_create(
        Instansi(name=f"Pemerintah {r.name}", kind=InstansiKind.KABUPATEN, region=r)
        for r in regencies
    )
    instansi = list(Instansi.objects.select_related("region"))
    Unit.objects.bulk_create(
        Unit(instansi=i, name=f"Dinas {n}") for i in instansi for n in range(UNITS)
    )
    units = list(Unit.objects.select_related("instansi__region"))
    competitions = []
    for year in range(2014, 2025):
        at = datetime(year, 1, 10, 3, tzinfo=UTC)
        competition = Competition.objects.create(
            name=f"KIPP {year}", slug=f"kipp-{year}", year=year,
            registration_opens_at=at, registration_closes_at=at.replace(month=3),
            verification_closes_at=at.replace(month=4), admin_results_published_at=at.replace(month=5),
        )  # fmt: skip
        CompetitionGroup.objects.create(
            competition=competition, kind=GroupKind.UMUM, quota_per_instansi=10,
            min_age_months=24, required_evidence=[],
        )  # fmt: skip
        Category.objects.bulk_create(
            Category(competition=competition, name=name, order=n)
            for n, name in enumerate(defaults.CATEGORIES_2025)
        )
        competitions.append(competition)
    groups = {g.competition_id: g for g in CompetitionGroup.objects.all()}
    categories = {}
    for category in Category.objects.all():
        categories.setdefault(category.competition_id, []).append(category)
    made = 0
    while made < size:
        batch = min(5000, size - made)
        plans = [
            (units[rng.randrange(len(units))], competitions[(made + n) % 11]) for n in range(batch)
        ]
        innovations = Innovation.objects.bulk_create(
            Innovation(
                unit=unit, title=f"{_sentence(rng, 3).title()} {made + n}",
                started_on=date(2012, 1, 2), summary=_sentence(rng, 25), created_by=actor,
            )
            for n, (unit, _) in enumerate(plans)
        )  # fmt: skip
        Proposal.objects.bulk_create(
            Proposal(
                competition=competition, group=groups[competition.pk], innovation=innovation,
                unit=unit, instansi=unit.instansi, title=innovation.title,
                category=rng.choice(categories[competition.pk]),
                sections={"ringkasan": innovation.summary}, state=ProposalState.ADMIN_PASSED,
                created_by=actor, forwarded_at=competition.registration_closes_at,
                cluster=CLUSTER_OF_KIND[unit.instansi.kind], is_3t=False,
            )
            for innovation, (unit, competition) in zip(innovations, plans, strict=True)
        )  # fmt: skip
        made += batch
        print(f"  {made:,} innovations", file=sys.stderr, flush=True)
    for competition in competitions:
        ids = list(
            Proposal.objects.filter(competition=competition)
            .order_by("?")
            .values_list("pk", flat=True)[:99]
        )
        published = competition.admin_results_published_at.replace(month=7)
        Outcome.objects.bulk_create(
            [Outcome(proposal_id=pk, level=ResultLevel.TOP99, published_at=published) for pk in ids]
            + [Outcome(proposal_id=pk, level=ResultLevel.TOP45, published_at=published) for pk in ids[:45]]
        )  # fmt: skip
    started = time.perf_counter()
    written = records_rebuild()
    print(
        f"  indexed {written:,} public entries in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"province": instansi[0].region.parent_id, "entries": written}


def uncached(path: str):
    def call(client):
        cache.clear()
        return client.get(path)

    return call


def scenarios(province: int) -> list[Scenario]:
    bare_id = Proposal.objects.order_by("pk").values_list("pk", flat=True)[1000]
    pages = [
        ("innovations", "innovation database, page 1", "/inovasi/"),
        ("search", "search 'perizinan'", "/inovasi/?q=perizinan"),
        ("search_province", "search 'pelayanan kesehatan' + province",
         f"/inovasi/?q=pelayanan+kesehatan&provinsi={province}"),
        ("typo", "search with a typo 'puskesmsa'", "/inovasi/?q=puskesmsa"),
        ("api_search", "API search 'perizinan'", "/api/v1/innovations/?q=perizinan"),
        ("winners", "winners page KIPP 2024", "/pemenang/kipp-2024/"),
    ]  # fmt: skip
    out = [Scenario("bare", "bare view (anonymous)", lambda c: c.get(f"/bench/bare/?pk={bare_id}"),
                    goal="bare", path="/bench/bare/"),
           Scenario("shell", "page shell (layout + 1 query)",
                    lambda c: c.get(f"/bench/shell/?pk={bare_id}"), path="/bench/shell/")]  # fmt: skip
    for key, label, path in pages:
        out.append(Scenario(key, f"{label}, uncached", uncached(path), goal="list", path=path))
    for key, label, path in pages:
        out.append(
            Scenario(
                f"{key}:cached",
                f"{label}, cached",
                lambda c, p=path: c.get(p),
                goal="list",
                path=path,
            )
        )
    return out


def main() -> int:
    render = Template._render
    setup_test_environment(debug=False)
    Template._render = render
    settings.ROOT_URLCONF = "bench.urls"
    # The anonymous limit would refuse a timed run; it is tested on its own.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    from rest_framework.settings import api_settings

    api_settings.reload()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite" and not connection.settings_dict["TEST"].get("NAME"):
        connection.settings_dict["TEST"]["NAME"] = f"{old_name}_test"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        size = int(os.environ.get("BENCH_INNOVATIONS", "100000"))
        requests = int(os.environ.get("BENCH_REQUESTS", "30"))
        warmups = int(os.environ.get("BENCH_WARMUPS", "3"))
        print(f"database: {connection.vendor}; innovations: {size:,}")
        started = time.perf_counter()
        made = generate(size)
        print(
            f"generated {made['entries']:,} public entries in {time.perf_counter() - started:.0f} s"
        )
        results = []
        todo = scenarios(made["province"])
        for scenario in todo:
            print(f"  timing {scenario.label} ...", file=sys.stderr, flush=True)
            results.append(measure(scenario, requests=requests, warmups=warmups, budget_s=60))
        table = report.rows(results)
        report.print_pages(table)
        payload = {"meta": {"innovations": size, "database": connection.vendor}, "pages": table}
        if os.environ.get("BENCH_EXPLAIN") == "1" and connection.vendor == "postgresql":
            explained = {s.label: explain(s) for s in todo[2:8]}
            report.print_explain(explained)
            (settings.VAR_DIR / "bench-public-explain.txt").write_text(plans_text(explained))
        report.write_json(settings.VAR_DIR / "bench-public.json", payload)
        return 0
    finally:
        if os.environ.get("BENCH_KEEP") == "1":  # kept for profiling; dropped by the next run
            print(f"kept: {connection.settings_dict['NAME']}")
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
