"""With the broker down, submitting and forwarding still succeed; once a broker is back, the
periodic sweep queues the notifications and a real worker e-mails each exactly once.

Runs against a Redis server of its own, started on a free port only after the proposal has
moved, so the outage is real (not a mocked publish).
"""

import shutil
import socket
import subprocess
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from hubs.models import Notification
from hubs.tasks import notification_email_sweep
from kipp.enums import ProposalState as S
from kipp.services import workflow
from tests import worker
from tests.kipp import factories as kf


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _forget_connections(app):
    """Drop the app's cached connection and producer pools so the next publish reads the
    broker URL afresh (Celery builds them once, from the URL configured at that time)."""
    # Not force_close_all(): kombu keeps pools in a registry keyed by URL, and a closed pool
    # would be handed back to the next publish to that URL.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def outage(transactional_db, celery_conf, tmp_path):
    from config.celery import app

    if not shutil.which("redis-server"):
        pytest.skip("needs the redis-server program")
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the worker must share the test database")
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    celery_conf(broker_url=url, task_always_eager=False)
    _forget_connections(app)
    state = {"url": url, "port": port, "redis": None, "worker": None}
    yield state
    if state["worker"]:
        worker.stop_worker(state["worker"])
    if state["redis"]:
        state["redis"].terminate()
        state["redis"].wait(timeout=10)
    _forget_connections(app)


def _start_redis(port: int) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - fixed arguments, nothing from outside
        [
            shutil.which("redis-server"),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker.wait_for(lambda: _accepts(port), timeout=10)
    return process


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.celery_worker
def test_submit_and_forward_survive_a_broker_outage(babel, outage, tmp_path):
    competition = kf.competition()
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=competition)

    started = time.monotonic()
    workflow.proposal_transition(proposal=proposal, actor=babel.operator_bb, to_state=S.SUBMITTED)
    workflow.proposal_transition(proposal=proposal, actor=babel.admin_bb, to_state=S.FORWARDED)
    elapsed = time.monotonic() - started

    proposal.refresh_from_db()
    assert proposal.state == S.FORWARDED
    notes = Notification.objects.filter(url=f"/usulan/{proposal.pk}/")
    # Submit told both Admin Lokal; forward told the operator. Nothing e-mailed yet.
    assert sorted(notes.values_list("recipient__username", flat=True)) == [
        "admin.bb",
        "admin.bb2",
        "upp.kominfo.bb",
    ]
    assert notes.filter(emailed_at__isnull=False).count() == 0
    assert elapsed < 30

    # The broker comes back; a worker runs; beat's sweep (run here) queues what was missed.
    outage["redis"] = _start_redis(outage["port"])
    outage["worker"], mail_dir = worker.start_worker(tmp_path, CELERY_BROKER_URL=outage["url"])
    notes.update(created_at=timezone.now() - timedelta(minutes=10))

    assert notification_email_sweep() == 3
    worker.wait_for(lambda: notes.filter(emailed_at__isnull=True).count() == 0)
    # A second sweep finds nothing left to send.
    assert notification_email_sweep() == 0

    mails = sorted(p.read_text() for p in mail_dir.iterdir())
    assert len(mails) == 3
    assert any("Usulan baru menunggu verifikasi" in m for m in mails)
    assert any("Usulan diteruskan ke Sekretariat KIPP" in m for m in mails)
