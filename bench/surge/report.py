"""The surge's figures: latency per kind of request, errors, and the writes the database
lost compared with what each user was told."""

import json
from collections import Counter
from pathlib import Path

from kipp.models import Proposal

from ..measure import percentile
from ..pages import EDITED_SECTION
from .users import seq_of

KINDS = ("login page", "login", "edit page", "autosave", "submit")


def _latencies(users, kind: str) -> dict:
    records = [r for user in users for r in user.outcome.records if r.kind == kind]
    times = [r.ms for r in records]
    if not times:
        return {"requests": 0, "errors": 0}
    return {
        "requests": len(records),
        "errors": sum(1 for r in records if r.error),
        "p50_ms": round(percentile(times, 50), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "max_ms": round(max(times), 1),
    }


def _writes(users) -> dict:
    """Compare each user's stored text with the last text acknowledged to it.

    lost: the stored text is older than (or differs from) the acknowledged one;
    ahead: a later save was stored although its answer never arrived (not a loss).
    """
    ids = [user.account.proposal_id for user in users]
    stored = {
        pk: ((sections or {}).get(EDITED_SECTION, ""), state)
        for pk, sections, state in Proposal.objects.filter(pk__in=ids).values_list(
            "pk", "sections", "state"
        )
    }
    result = Counter()
    lost_users = []
    for user in users:
        outcome = user.outcome
        text, state = stored[user.account.proposal_id]
        if outcome.submitted:
            result["submits answered"] += 1
            result["submits stored"] += state == "submitted"
        if not outcome.acknowledged:
            result["users without an acknowledged save"] += 1
        elif text == outcome.acknowledged:
            result["users intact"] += 1
        elif seq_of(text) > outcome.acknowledged_seq:
            result["users ahead (stored, answer lost)"] += 1
        else:
            result["lost writes"] += 1
            lost_users.append(user.account.username)
    result.setdefault("lost writes", 0)
    return {**result, "lost_users": lost_users[:20]}


def summarise(users, phases: dict) -> dict:
    errors = Counter(
        f"{r.kind}: {r.error}" for user in users for r in user.outcome.records if r.error
    )
    autosaves = [r for user in users for r in user.outcome.records if r.kind == "autosave"]
    return {
        "phases": phases,
        "requests": {kind: _latencies(users, kind) for kind in KINDS},
        "autosave_per_s": round(len(autosaves) / phases["typing_s"], 1),
        "errors": dict(errors.most_common()),
        "writes": _writes(users),
    }


def print_summary(summary: dict) -> None:
    print(
        f"\n{'request':12} {'count':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    for kind, row in summary["requests"].items():
        if not row["requests"]:
            print(f"{kind:12} {0:7d}")
            continue
        print(
            f"{kind:12} {row['requests']:7d} {row['errors']:7d} {row['p50_ms']:8.1f} "
            f"{row['p95_ms']:8.1f} {row['p99_ms']:8.1f} {row['max_ms']:8.1f}"
        )
    print(f"autosaves per second while typing: {summary['autosave_per_s']}")
    print("errors:", summary["errors"] or "none")
    writes = {k: v for k, v in summary["writes"].items() if k != "lost_users"}
    print("writes:", writes)
    if summary["writes"]["lost_users"]:
        print("lost writes of:", ", ".join(summary["writes"]["lost_users"]))


def write(path: Path, summary: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=2) + "\n")
