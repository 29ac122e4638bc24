"""The printed tables and var/bench.json: figures in the terms the goals are stated in."""

import json
from pathlib import Path

from .measure import Result

# p95 limits in ms; a list page must also stay within LIST_RATIO times the bare page's p95.
LIST_P95_MS, LIST_RATIO = 50.0, 2.0
WRITE_P95_MS = {"autosave": 15.0, "submit": 30.0}


def goal_text(goal: str | None) -> str:
    if goal == "list":
        return f"p95<={LIST_P95_MS:g} & <={LIST_RATIO:g}x"
    if goal in WRITE_P95_MS:
        return f"p95<={WRITE_P95_MS[goal]:g}"
    return ""


def meets(result: Result, bare_p95: float) -> bool | None:
    if result.goal == "list":
        return result.p95 <= LIST_P95_MS and result.p95 / bare_p95 <= LIST_RATIO
    if result.goal in WRITE_P95_MS:
        return result.p95 <= WRITE_P95_MS[result.goal]
    return None


def halves(result: Result, bare_p95: float) -> str:
    """For a list, which half of its goal holds: "p95 yes, ratio NO"."""
    if result.goal != "list":
        return ""
    p95 = "yes" if result.p95 <= LIST_P95_MS else "NO"
    ratio = "yes" if result.p95 / bare_p95 <= LIST_RATIO else "NO"
    return f"(p95 {p95}, ratio {ratio})"


def rows(results: list[Result]) -> list[dict]:
    bare = next(r for r in results if r.goal == "bare")
    out = []
    for r in results:
        ok = meets(r, bare.p95)
        out.append(
            {
                "key": r.key,
                "page": r.label,
                "path": r.path,
                "n": r.n,
                "p50_ms": round(r.p50, 1),
                "p95_ms": round(r.p95, 1),
                "ratio_to_bare_p95": round(r.p95 / bare.p95, 1),
                "queries": r.queries,
                "goal": goal_text(r.goal),
                "meets_goal": ok,
                "halves": halves(r, bare.p95),
            }
        )
    return out


def print_pages(table: list[dict]) -> None:
    print(
        f"\n{'page':40} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'x bare':>7} {'queries':>7}"
        f"  {'goal':22} meets"
    )
    for row in table:
        ok = {True: "yes", False: "NO", None: "-"}[row["meets_goal"]]
        print(
            f"{row['page']:40} {row['n']:3d} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
            f"{row['ratio_to_bare_p95']:6.1f}x {row['queries']:7d}  {row['goal']:22} {ok}"
            f" {row['halves']}".rstrip()
        )


def print_query_counts(counts: list[dict], size: int) -> None:
    print(f"\n{'queries per request':40} {'at 1':>6} {f'at {size:,}':>9}  same")
    for row in counts:
        same = "yes" if row["at_1"] == row["at_n"] else "NO"
        print(f"{row['page']:40} {row['at_1']:6d} {row['at_n']:9d}  {same}")


def print_explain(explained: dict[str, list[dict]]) -> None:
    print("\nEXPLAIN (ANALYZE, BUFFERS) of the two slowest SELECTs of one request per page:")
    for label, plans in explained.items():
        for n, plan in enumerate(plans, 1):
            print(
                f"  {label:38} #{n} {plan['execution_ms']:8.1f} ms exec "
                f"({plan['captured_ms']:.1f} ms in request)  {plan['top_node']}"
                f"  [{plan['buffers']}]"
            )


def write_json(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
