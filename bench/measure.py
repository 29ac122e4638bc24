"""Timing of one scenario in process, through the full middleware stack (django.test.Client).

Queries are counted on the last warm-up request, never on a timed one: capturing them
forces Django's debug cursor, which would add its own cost to the figures.
"""

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext


class ScenarioFailed(AssertionError):
    """A timed request did not do what the scenario expects (wrong status or outcome)."""


@dataclass
class Scenario:
    key: str
    label: str
    call: Callable[[Client], HttpResponse]
    user: object = None
    # "list" (p95 <= 50 ms and <= 2x the bare page), "autosave", "submit", "bare", or None.
    goal: str | None = None
    expect: tuple[int, ...] = (200,)
    # Called after each request (outside the timer); raises ScenarioFailed on a wrong outcome.
    verify: Callable[[HttpResponse], None] | None = None
    path: str = ""

    def client(self) -> Client:
        client = Client()
        if self.user is not None:
            client.force_login(self.user)
        return client

    def check(self, response: HttpResponse) -> None:
        if response.status_code not in self.expect:
            raise ScenarioFailed(
                f"{self.label}: status {response.status_code}, expected {self.expect}"
            )
        if self.verify:
            self.verify(response)


@dataclass
class Result:
    key: str
    label: str
    path: str
    goal: str | None
    timings_ms: list[float] = field(default_factory=list)
    queries: int = 0

    @property
    def n(self) -> int:
        return len(self.timings_ms)

    @property
    def p50(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p95(self) -> float:
        return percentile(self.timings_ms, 95)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (of 30 values, p95 is the second slowest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def count_queries(scenario: Scenario, client: Client | None = None, *, warm=True) -> int:
    """Queries of one request (after a first one that fills the per-process caches)."""
    client = client or scenario.client()
    if warm:
        scenario.check(scenario.call(client))
    with CaptureQueriesContext(connection) as captured:
        response = scenario.call(client)
    scenario.check(response)
    return len(captured)


def measure(scenario: Scenario, *, requests: int, warmups: int, budget_s: float) -> Result:
    """Warm up, then time `requests` requests (fewer when the page exhausts `budget_s`,
    but never fewer than five)."""
    client = scenario.client()
    result = Result(scenario.key, scenario.label, scenario.path, scenario.goal)
    for _ in range(max(0, warmups - 1)):
        scenario.check(scenario.call(client))
    result.queries = count_queries(scenario, client, warm=False) if warmups else 0
    started = time.perf_counter()
    for _ in range(requests):
        t0 = time.perf_counter()
        response = scenario.call(client)
        result.timings_ms.append((time.perf_counter() - t0) * 1000)
        scenario.check(response)
        if time.perf_counter() - started > budget_s and result.n >= 5:
            break
    return result
