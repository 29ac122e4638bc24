"""GET /healthz: is the database reachable, and the broker (or are tasks in-process)?"""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.celery import app


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:
        return False


def _broker_state() -> str:
    if app.conf.task_always_eager:
        return "eager"
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:
        return "error"


@never_cache
@require_GET
def healthz(request):
    state = {
        "database": "ok" if _database_ok() else "error",
        "broker": _broker_state(),
    }
    healthy = state["database"] == "ok" and state["broker"] in {"ok", "eager"}
    return JsonResponse(state, status=200 if healthy else 503)
