"""`make bench`: time list pages and the dashboard on a throw-away database at scale.

Prints, per scenario, the median wall time over several requests and the query count, so a
change that adds an N+1 or slows a page shows up as a number. Runs on whatever database
DATABASE_URL names (a test database is created and dropped).
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench import data  # noqa: E402

SCENARIOS = [
    ("admin_lokal", "/kelola/akun/", "account list (Admin Lokal)"),
    ("admin_lokal", "/kelola/unit/", "unit list (Admin Lokal)"),
    ("admin_lokal", "/dasbor/", "dashboard (Admin Lokal)"),
    ("sekretariat", "/kelola/akun/", "account list (Sekretariat)"),
    ("sekretariat", "/kelola/instansi/", "instansi list (Sekretariat)"),
    ("sekretariat", "/kelola/wilayah/", "region list (Sekretariat)"),
    ("sekretariat", "/dasbor/", "dashboard (Sekretariat)"),
]
REPEAT = 7


def main() -> int:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        actors, sizes = data.generate()
        print(f"data: {sizes} in {time.perf_counter() - started:.1f} s")
        print(f"{'scenario':40} {'median ms':>10} {'queries':>8}")
        for actor, url, label in SCENARIOS:
            client = Client()
            client.force_login(actors[actor])
            timings = []
            for _ in range(REPEAT):
                with CaptureQueriesContext(connection) as queries:
                    t0 = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            print(f"{label:40} {statistics.median(timings):10.1f} {len(queries):8d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
