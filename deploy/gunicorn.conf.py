"""gunicorn settings of the production image (Dockerfile, docker-compose `web`), which
`make surge` also serves with.

Threaded workers: a request spends part of its time waiting on PostgreSQL and Redis, and
another thread of the same process runs meanwhile; one process per core plus one keeps the
cores busy without the switching of many more processes than cores. Environment:
WEB_CONCURRENCY (worker processes; one per core plus one) and GUNICORN_THREADS (threads
per worker; 4).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() + 1)
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
# Requests are short; one hanging this long is stuck, and its worker is replaced.
timeout = 60
graceful_timeout = 10
# Behind nginx (deploy/nginx.conf), which keeps its own connections to the clients.
keepalive = 5
# A worker is replaced after this many requests (spread), so memory that grows with use
# (caches, fragmentation) never builds up for days.
max_requests = 5000
max_requests_jitter = 500
