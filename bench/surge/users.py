"""Simulated operators: log in like a browser, open the form, keep typing (autosave), and a
few submit near the deadline. Every request's latency and outcome is recorded.

One thread per user and a new connection per request (stdlib only): a request either
reached the server or it did not, which keeps "acknowledged" unambiguous.
"""

import http.client
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from .. import pages
from .seed import Account

TIMEOUT_S = 30
# htmx posts 1.5 s after the last keystroke; a person typing on pauses a little more.
PAUSE_S = (1.5, 3.0)
# Sentences kept in the edited section: the text grows, then slides (stays under its limit).
WINDOW = 30
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Record:
    kind: str
    at: float  # seconds since the first login
    ms: float
    status: int  # 0 when no answer came
    error: str = ""


@dataclass
class Outcome:
    """What the user believes: the last text the server acknowledged (200)."""

    acknowledged: str = ""
    acknowledged_seq: int = 0
    sent_seq: int = 0
    submitted: bool = False  # answered by the server (the DB says whether it moved)
    ready: bool = False
    records: list[Record] = field(default_factory=list)


def text_for(base: str, seq: int) -> str:
    start = max(1, seq - WINDOW + 1)
    added = " ".join(f"Tambahan {n}." for n in range(start, seq + 1))
    return f"{base} {added} [#{seq}]"


def seq_of(text: str) -> int:
    match = re.search(r"\[#(\d+)\]$", text or "")
    return int(match[1]) if match else 0


class SimulatedUser(threading.Thread):
    def __init__(self, account: Account, password: str, port: int, clock, *, admission, until):
        super().__init__(daemon=True, name=account.username)
        self.account, self.password, self.port, self.clock = account, password, port, clock
        # Logins are let in a few at a time and only until `until` (seconds on the clock).
        self.admission, self.login_until = admission, until
        self.cookies: dict[str, str] = {}
        self.version = 0
        self.outcome = Outcome()
        self.rng = random.Random(account.proposal_id)
        self.logged_in = threading.Event()  # set once the login attempt is over
        self.go = threading.Event()
        self.go_at = self.end_at = 0.0
        self.submit_at: float | None = None

    # HTTP --------------------------------------------------------------------------------

    def request(self, kind, method, path, *, form=None, expect=200, headers=None):
        body = urlencode(form, doseq=True) if form is not None else None
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT_S)
        started = time.perf_counter()
        at = self.clock.now()
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            ms = (time.perf_counter() - started) * 1000
            self.outcome.records.append(Record(kind, at, ms, 0, type(error).__name__))
            return None, ""
        finally:
            conn.close()
        ms = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
        error = "" if response.status == expect else f"HTTP {response.status}"
        self.outcome.records.append(Record(kind, at, ms, response.status, error))
        return response.status, text

    # The session ---------------------------------------------------------------------------

    def login(self) -> bool:
        status, page = self.request("login page", "GET", "/accounts/login/")
        token = CSRF_INPUT.search(page or "")
        if status != 200 or not token:
            return False
        form = {
            "csrfmiddlewaretoken": token[1],
            "username": self.account.username,
            "password": self.password,
        }
        status, _ = self.request("login", "POST", "/accounts/login/", form=form, expect=302)
        return status == 302 and "sessionid" in self.cookies

    def open_form(self) -> bool:
        path = f"/usulan/{self.account.proposal_id}/ubah/"
        status, page = self.request("edit page", "GET", path)
        match = pages.VERSION.search(page or "")
        if status != 200 or not match:
            return False
        self.version = int(match[1])
        return True

    def autosave(self) -> None:
        outcome = self.outcome
        outcome.sent_seq += 1
        text = text_for(self.account.base_text, outcome.sent_seq)
        form = {
            **self.account.form,
            "version": str(self.version),
            f"section_{pages.EDITED_SECTION}": text,
        }
        path = f"/usulan/{self.account.proposal_id}/simpan-otomatis/"
        status, page = self.request(
            "autosave", "POST", path, form=form, headers={"HX-Request": "true"}
        )
        if status == 200:
            match = pages.VERSION.search(page)
            self.version = int(match[1]) if match else self.version + 1
            outcome.acknowledged, outcome.acknowledged_seq = text, outcome.sent_seq
        else:
            # As a person would: reload the form to learn the current version.
            self.open_form()

    def submit(self) -> None:
        path = f"/usulan/{self.account.proposal_id}/status/"
        status, _ = self.request("submit", "POST", path, form={"to_state": "submitted"}, expect=302)
        self.outcome.submitted = status == 302

    def run(self) -> None:
        try:
            wait = max(0.0, self.login_until - self.clock.now())
            if not self.admission.acquire(timeout=wait):
                self.outcome.records.append(
                    Record("no login", self.clock.now(), 0, 0, "no turn before the deadline")
                )
                self.logged_in.set()
                return
            try:
                self.outcome.ready = self.login() and self.open_form()
            finally:
                self.admission.release()
                self.logged_in.set()
            if not self.outcome.ready:
                return
            self.go.wait()
            # Not all at once: each starts somewhere within one pause.
            self.clock.sleep_until(self.go_at + self.rng.uniform(0, PAUSE_S[1]))
            while True:
                if self.submit_at is not None and self.clock.now() >= self.submit_at:
                    self.submit()
                    return
                if self.clock.now() >= self.end_at:
                    return
                self.autosave()
                self.clock.sleep_until(self.clock.now() + self.rng.uniform(*PAUSE_S))
        except Exception as error:  # a harness bug must show, not hang the run
            self.outcome.records.append(Record("aborted", self.clock.now(), 0, 0, repr(error)))


class Clock:
    """Seconds since the surge began (the first login)."""

    def __init__(self):
        self.zero = time.monotonic()

    def now(self) -> float:
        return time.monotonic() - self.zero

    def sleep_until(self, moment: float) -> None:
        delay = moment - self.now()
        if delay > 0:
            time.sleep(delay)
