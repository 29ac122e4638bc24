"""EXPLAIN (ANALYZE, BUFFERS) of what a page really runs (PostgreSQL only, BENCH_EXPLAIN=1).

One request per page is captured; its two slowest SELECTs are explained again with
ANALYZE (SELECTs only: ANALYZE executes the statement). The summaries are printed and the
full plans written next to var/bench.json.
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from .measure import Scenario

TOP = 2
EXECUTION = re.compile(r"Execution Time: ([\d.]+) ms")
BUFFERS = re.compile(r"Buffers: ([^\n]+)")


def explain(scenario: Scenario) -> list[dict]:
    client = scenario.client()
    with CaptureQueriesContext(connection) as captured:
        response = scenario.call(client)
    scenario.check(response)
    selects = [
        q for q in captured.captured_queries if q["sql"].lstrip()[:6].upper() in {"SELECT", "WITH"}
    ]
    slowest = sorted(selects, key=lambda q: float(q["time"]), reverse=True)[:TOP]
    plans = []
    with connection.cursor() as cursor:
        for query in slowest:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            text = "\n".join(row[0] for row in cursor.fetchall())
            buffers = BUFFERS.search(text)
            execution = EXECUTION.search(text)
            plans.append(
                {
                    "sql": query["sql"],
                    "captured_ms": float(query["time"]) * 1000,
                    "execution_ms": float(execution[1]) if execution else 0.0,
                    "top_node": text.splitlines()[0].split("  (")[0].strip(),
                    "buffers": buffers[1].strip() if buffers else "",
                    "plan": text,
                }
            )
    return plans


def plans_text(explained: dict[str, list[dict]]) -> str:
    parts = []
    for label, plans in explained.items():
        for n, plan in enumerate(plans, 1):
            parts.append(f"== {label} #{n} ({plan['captured_ms']:.1f} ms in request)\n")
            parts.append(plan["sql"] + "\n\n" + plan["plan"] + "\n\n")
    return "".join(parts)
