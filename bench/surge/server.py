"""gunicorn (and a Celery worker) in the production shape, started and always stopped.

Each process gets its own process group, so stopping it also stops its workers; the
groups are ended by their id, never by name.
"""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent
READY_TIMEOUT_S = 60


def production_env(*, database_url: str, redis_url: str, var_dir: Path) -> dict:
    """DEBUG off with a fresh secret, plain HTTP on loopback, the surge database."""
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": redis_url,
        "STATIC_ROOT": str(var_dir / "static"),
        "MEDIA_ROOT": str(var_dir / "media"),
        "LOG_LEVEL": "WARNING",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def collectstatic(env: dict, cwd: Path) -> None:
    """With DEBUG off, pages name their static files through the manifest."""
    subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
        env=env,
        cwd=cwd,
        check=True,
    )


def _start(command: list[str], env: dict, cwd: Path, log: Path) -> subprocess.Popen:
    with log.open("ab") as out:
        return subprocess.Popen(  # noqa: S603 - our own venv's programs, fixed arguments
            command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(process: subprocess.Popen, name: str) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        print(f"{name} did not stop in 20 s; killing its process group", file=sys.stderr)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_ready(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer /healthz in {READY_TIMEOUT_S} s; see {log}")


@contextmanager
def running(*, env: dict, cwd: Path, var_dir: Path, workers: int, threads: int, celery: bool):
    """Serve the portal on a free loopback port; yields the port."""
    port = free_port()
    started = []
    log = var_dir / "server.log"
    try:
        gunicorn = _start(
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                # The production settings (deploy/gunicorn.conf.py); only the address and
                # the counts the surge was asked for differ.
                "--config",
                str(cwd / "deploy" / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--log-level",
                "warning",
            ],
            env,
            cwd,
            log,
        )
        started.append((gunicorn, "gunicorn"))
        if celery:
            worker = _start(
                [
                    str(BIN / "celery"),
                    "-A",
                    "config",
                    "worker",
                    "--concurrency=1",
                    "--loglevel=WARNING",
                    "--without-gossip",
                    "--without-mingle",
                ],
                env,
                cwd,
                var_dir / "worker.log",
            )
            started.append((worker, "celery worker"))
        _wait_ready(port, gunicorn, log)
        yield port
    finally:
        for process, name in reversed(started):
            _stop(process, name)
