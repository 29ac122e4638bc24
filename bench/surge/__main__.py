"""`make surge`: the last minutes before registration closes, against a real server.

Creates its own PostgreSQL database (<name>_surge, dropped afterwards), seeds SURGE_USERS
operators (default 200) each with a complete draft, serves the portal with gunicorn in the
production shape (DEBUG off) plus a Celery worker on REDIS_URL. Every operator logs in
through /accounts/login/ (four at a time, for at most 100 s) and opens its form;
then all of them type for SURGE_SECONDS (default 120): an autosave every 1.5-3 s with a
longer text and the version the last answer handed back. About a tenth submit near the
end. Then the database is compared with what each user was
told: a lost write is a user whose stored text is older than the last text acknowledged
with 200. Prints errors, lost writes, request counts and p50/p95/p99 per kind of request;
also writes var/surge.json.

Environment: DATABASE_URL (postgres://...) and REDIS_URL (required), SURGE_SECONDS (120),
SURGE_USERS (200), SURGE_WORKERS and SURGE_THREADS of gunicorn (by default those of the
production image, deploy/gunicorn.conf.py: one process per core plus one, 4 threads each),
SURGE_CELERY=0 to run without the worker (mails then wait in the broker).
"""

import os
import random
import shutil
import sys
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import django

REFUSAL = """make surge needs PostgreSQL and Redis, for example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/kipp_bench \\
  REDIS_URL=redis://127.0.0.1:6379/13 make surge
(it creates and drops its own database, <name>_surge, next to the one named)."""
PASSWORD = "surge-only-2025"  # noqa: S105 - accounts of a throw-away database
# A login costs a full password hash (about 0.5 s of CPU). They are let in a few at a
# time, so the login phase measures what a login costs rather than a queue, and the typing
# starts once everyone is in: sessions outlive the last hours before a deadline.
LOGIN_PARALLEL = 4
LOGIN_DEADLINE_S = 100
SUBMIT_SHARE = 0.1


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def main() -> int:
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if urlsplit(database_url).scheme not in {"postgres", "postgresql", "pgsql"} or urlsplit(
        redis_url
    ).scheme not in {"redis", "rediss"}:
        print(REFUSAL, file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    django.setup()

    from django.conf import settings
    from django.db import connection

    from . import report, seed, server
    from .users import Clock

    seconds, count = env_int("SURGE_SECONDS", 120), env_int("SURGE_USERS", 200)
    # By default what the production image runs (deploy/gunicorn.conf.py).
    workers = env_int("SURGE_WORKERS", env_int("WEB_CONCURRENCY", os.cpu_count() + 1))
    threads = env_int("SURGE_THREADS", env_int("GUNICORN_THREADS", 4))
    celery = os.environ.get("SURGE_CELERY", "1") != "0"
    old_name = connection.settings_dict["NAME"]
    surge_name = f"{old_name}_surge"
    connection.settings_dict["TEST"]["NAME"] = surge_name
    var_dir = settings.VAR_DIR / "surge"
    shutil.rmtree(var_dir, ignore_errors=True)
    var_dir.mkdir(parents=True)
    began = time.monotonic()

    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        accounts = seed.generate(count, PASSWORD)
        connection.close()
        env = server.production_env(
            database_url=_renamed(database_url, surge_name), redis_url=redis_url, var_dir=var_dir
        )
        server.collectstatic(env, settings.BASE_DIR)
        print(
            f"surge: {count} operators, {seconds} s of typing, gunicorn {workers} workers x "
            f"{threads} threads (gthread), Celery worker {'on' if celery else 'off'}, "
            f"database {surge_name}; set up in {time.monotonic() - began:.0f} s",
            flush=True,
        )
        with server.running(
            env=env,
            cwd=settings.BASE_DIR,
            var_dir=var_dir,
            workers=workers,
            threads=threads,
            celery=celery,
        ) as port:
            users, phases = drive(accounts, port, seconds, Clock())
        summary = report.summarise(users, phases)
        report.print_summary(summary)
        report.write(settings.VAR_DIR / "surge.json", summary)
    finally:
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"whole run {time.monotonic() - began:.0f} s; server logs in {var_dir}")
    return 0


def drive(accounts, port: int, seconds: int, clock):
    """Log everyone in, then type for `seconds`; returns the users and the phase times."""
    from .users import TIMEOUT_S, SimulatedUser

    rng = random.Random(len(accounts))
    order = list(accounts)
    rng.shuffle(order)
    admission = threading.BoundedSemaphore(LOGIN_PARALLEL)
    users = [
        SimulatedUser(account, PASSWORD, port, clock, admission=admission, until=LOGIN_DEADLINE_S)
        for account in order
    ]
    for user in users:
        user.start()
    for user in users:
        user.logged_in.wait(timeout=max(0.0, LOGIN_DEADLINE_S + TIMEOUT_S - clock.now()))
    go_at = clock.now() + 1
    end_at = go_at + seconds
    ready = [user for user in users if user.outcome.ready]
    print(
        f"logged in: {len(ready)} of {len(users)} in {go_at - 1:.0f} s "
        f"({LOGIN_PARALLEL} at a time); now typing for {seconds} s",
        flush=True,
    )
    for user in rng.sample(ready, round(SUBMIT_SHARE * len(ready))):
        user.submit_at = go_at + seconds * rng.uniform(0.8, 0.97)
    for user in users:
        user.go_at, user.end_at = go_at, end_at
        user.go.set()
    for user in users:
        user.join(timeout=max(0.0, end_at + TIMEOUT_S + 5 - clock.now()))
    phases = {
        "login_s": round(go_at - 1, 1),
        "typing_s": seconds,
        "users": len(users),
        "ready": len(ready),
        "still_running": sum(user.is_alive() for user in users),
        "logins_in_parallel": LOGIN_PARALLEL,
    }
    return users, phases


def _renamed(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


if __name__ == "__main__":
    sys.exit(main())
