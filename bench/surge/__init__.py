"""`make surge`: the deadline surge against a real server (gunicorn, PostgreSQL, Redis)."""
