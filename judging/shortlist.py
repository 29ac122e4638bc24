"""Optimal shortlists under composition rules (SPEC 3.4), solved exactly as an integer program.

Choose x_i in {0, 1} for every candidate to maximise sum score_i x_i subject to
sum x_i = size, min <= (selected per cluster) <= max, (selected per category) >= k,
(selected per instansi) <= m, (selected from 3T regions) >= t; `scipy.optimize.milp`
(HiGHS, branch and bound) proves the optimum; its linear relaxation is tried first and
settles it whenever its optimum is integral (then it is the integer optimum too). Ties:
when candidates share a score, a second solve picks, among the selections with the
optimal total, the one highest in the ranking (score, then lower proposal id), so equal
scores go to the lower id. The model is built from the candidates sorted by proposal, so
the same input in any order gives the same answer.

Pure Python, numpy and scipy: the shortlist service and `solve_shortlist` both call `solve()`.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import shortlist_model as model

# Mirrors hubs.enums.Cluster (kept free of Django so the maths runs anywhere).
CLUSTER_LABELS = {
    "kementerian": "Kementerian",
    "lembaga": "Lembaga",
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
    "bumn_bumd": "BUMN/BUMD",
}
_TOL = 1e-6


class RulesError(ValueError):
    """The rules are malformed; the message is Indonesian."""


@dataclass(frozen=True)
class Candidate:
    proposal: Hashable
    score: float
    cluster: str
    category: str
    instansi: Hashable
    is_3t: bool


def _count(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RulesError(f"{what} harus bilangan bulat tidak negatif, bukan {value!r}.")
    return value


@dataclass(frozen=True)
class Rules:
    size: int
    cluster: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)
    category_min: Mapping[str, int] = field(default_factory=dict)
    instansi_max: int | None = None
    min_3t: int | None = None

    @classmethod
    def from_json(cls, data: Any) -> "Rules":
        """Rules from {"size", "cluster": {name: {"min", "max"}}, "category_min",
        "instansi_max", "min_3t"} (every key but size optional); RulesError when malformed."""
        if not isinstance(data, dict):
            raise RulesError("Aturan harus berupa objek JSON.")
        unknown = set(data) - {"size", "cluster", "category_min", "instansi_max", "min_3t"}
        if unknown:
            raise RulesError(f"Kunci aturan tidak dikenal: {', '.join(sorted(unknown))}.")
        if "size" not in data:
            raise RulesError('Aturan wajib memuat "size" (jumlah usulan yang dipilih).')
        size = _count(data["size"], "size")
        if size < 1:
            raise RulesError("size minimal 1.")
        cluster = {}
        raw_cluster = data.get("cluster") or {}
        if not isinstance(raw_cluster, dict):
            raise RulesError('"cluster" harus berupa objek {nama: {"min": a, "max": b}}.')
        for name, bounds in raw_cluster.items():
            if name not in CLUSTER_LABELS:
                raise RulesError(
                    f"Klaster tidak dikenal: {name!r} (pilihan: {', '.join(CLUSTER_LABELS)})."
                )
            if not isinstance(bounds, dict) or set(bounds) - {"min", "max"}:
                raise RulesError(f'Klaster {name}: tulis sebagai {{"min": a, "max": b}}.')
            low = bounds.get("min")
            high = bounds.get("max")
            low = None if low is None else _count(low, f"Minimum klaster {name}")
            high = None if high is None else _count(high, f"Maksimum klaster {name}")
            if low is not None and high is not None and low > high:
                raise RulesError(f"Klaster {name}: minimum {low} melebihi maksimum {high}.")
            cluster[name] = (low, high)
        raw_category = data.get("category_min") or {}
        if not isinstance(raw_category, dict):
            raise RulesError('"category_min" harus berupa objek {kategori: jumlah}.')
        category_min = {
            str(cat): _count(k, f"Minimum kategori {cat}") for cat, k in raw_category.items()
        }
        instansi_max = data.get("instansi_max")
        if instansi_max is not None:
            instansi_max = _count(instansi_max, "instansi_max")
        min_3t = data.get("min_3t")
        if min_3t is not None:
            min_3t = _count(min_3t, "min_3t")
        return cls(size, cluster, category_min, instansi_max, min_3t)


@dataclass(frozen=True)
class Solution:
    feasible: bool
    total: float
    selected: list  # proposals, in ranking order
    reasons: dict  # proposal -> Indonesian explanation, for every candidate
    binding: list[str]  # rule labels (see solve())
    message: str = ""

    def as_json(self) -> dict:
        return {
            "feasible": self.feasible,
            "total": round(self.total, 6),
            "selected": list(self.selected),
            "reasons": {str(p): text for p, text in self.reasons.items()},
            "binding": list(self.binding),
        }


def _rules_for(cands: list[Candidate], rules: Rules) -> list[model.Rule]:
    out = []
    index = {}
    for attr in ("cluster", "category", "instansi"):
        groups: dict = {}
        for i, c in enumerate(cands):
            groups.setdefault(getattr(c, attr), []).append(i)
        index[attr] = {key: np.asarray(v, dtype=np.intp) for key, v in groups.items()}
    empty = np.asarray([], dtype=np.intp)
    for name in sorted(rules.cluster):
        low, high = rules.cluster[name]
        members = index["cluster"].get(name, empty)
        label = CLUSTER_LABELS[name]
        if low:
            out.append(model.Rule(f"{label} >= {low}", "cluster_min", members, low, np.inf))
        if high is not None:
            out.append(model.Rule(f"{label} <= {high}", "cluster_max", members, 0, high))
    for cat in sorted(rules.category_min):
        k = rules.category_min[cat]
        if k:
            members = index["category"].get(cat, empty)
            out.append(model.Rule(f"Kategori {cat} >= {k}", "category_min", members, k, np.inf))
    if rules.instansi_max is not None:
        m = rules.instansi_max
        for members in index["instansi"].values():
            if len(members) > m:
                out.append(model.Rule(f"Instansi <= {m}", "instansi_max", members, 0, m))
    if rules.min_3t:
        members = np.asarray([i for i, c in enumerate(cands) if c.is_3t], dtype=np.intp)
        out.append(model.Rule(f"3T >= {rules.min_3t}", "min_3t", members, rules.min_3t, np.inf))
    return out


def solve(candidates: Sequence[Candidate], rules: Rules) -> Solution:
    """The selection of `rules.size` candidates with the highest total score under the rules.

    reasons: every candidate gets a text with its plain rank (by score, then proposal):
    "peringkat 12" (in on merit), "peringkat 120, diambil untuk memenuhi Kota >= 10",
    "peringkat 5, tidak terpilih: batas Instansi <= 3", "peringkat 150, tidak terpilih: di
    luar 99 teratas", ...

    binding, when feasible: the rules that are tight at the chosen selection (a minimum
    met exactly, a maximum reached) and whose removal alone would raise the optimal total,
    i.e. the rules that actually cost score. Every instansi cap counts as one rule
    "Instansi <= m". When infeasible: the rules whose removal alone makes the rest
    satisfiable; if no single rule does, the rule families (all cluster minimums, ...)
    whose removal does; failing that, all rules (only their combination is impossible).
    """
    if rules.size < 1:
        raise RulesError("size minimal 1.")
    cands = sorted(candidates, key=lambda c: _key(c.proposal))
    if len({c.proposal for c in cands}) != len(cands):
        raise ValueError("Ada usulan yang muncul lebih dari sekali di daftar kandidat.")
    n = len(cands)
    scores = np.asarray([float(c.score) for c in cands])
    order = sorted(range(n), key=lambda i: (-round(scores[i], 9), _key(cands[i].proposal)))
    rank = np.empty(n, dtype=np.intp)
    rank[order] = np.arange(1, n + 1)
    rule_list = _rules_for(cands, rules)

    if n < rules.size:
        label = f"Jumlah = {rules.size}"
        message = f"Hanya ada {n} kandidat, kurang dari {rules.size} yang diminta."
        return _infeasible(cands, rank, [label], message)
    chosen = model.optimum(-scores, rules.size, rule_list, n)
    if chosen is None:
        culprits = _infeasibility(rule_list, rules.size, n)
        message = "Aturan tidak dapat dipenuhi bersama; longgarkan: " + ", ".join(culprits) + "."
        return _infeasible(cands, rank, culprits, message)
    total = float(scores[chosen].sum())
    # Among optimal selections, prefer higher-ranked candidates (lower id at equal score).
    if len(np.unique(np.round(scores, 9))) < n:
        second = model.optimum(
            rank.astype(float), rules.size, rule_list, n, extra=(scores, total - _TOL)
        )
        if second is not None and scores[second].sum() >= total - _TOL:
            chosen, total = second, float(scores[second].sum())
    selected = np.zeros(n, dtype=bool)
    selected[chosen] = True

    counts = {id(r): int(selected[r.members].sum()) for r in rule_list}
    tight_min = [r for r in rule_list if r.is_min and counts[id(r)] <= r.low]
    tight_max = [r for r in rule_list if not r.is_min and counts[id(r)] >= r.high]
    worst_selected = int(rank[chosen].max())
    member = {id(r): set(r.members.tolist()) for r in tight_min + tight_max}
    reasons = {}
    for i, c in enumerate(cands):
        r = int(rank[i])
        if selected[i]:
            if r <= rules.size:
                text = f"peringkat {r}"
            else:
                needed = _labels(t for t in tight_min if i in member[id(t)])
                text = (
                    f"peringkat {r}, diambil untuk memenuhi {needed}"
                    if needed
                    else f"peringkat {r}, masuk karena usulan di atasnya terkena batas aturan"
                )
        else:
            caps = _labels(t for t in tight_max if i in member[id(t)])
            displaced_by = _labels(t for t in tight_min if i not in member[id(t)])
            if caps and r < worst_selected:
                text = f"peringkat {r}, tidak terpilih: batas {caps}"
            elif r <= rules.size and displaced_by:
                text = (
                    f"peringkat {r}, tidak terpilih: tempatnya dipakai untuk memenuhi "
                    f"{displaced_by}"
                )
            elif r <= rules.size:
                text = f"peringkat {r}, tidak terpilih: kombinasi aturan komposisi"
            else:
                text = f"peringkat {r}, tidak terpilih: di luar {rules.size} teratas"
        reasons[c.proposal] = text
    return Solution(
        feasible=True,
        total=total,
        selected=[cands[i].proposal for i in sorted(chosen, key=lambda i: rank[i])],
        reasons=reasons,
        binding=_binding(scores, total, rules.size, rule_list, tight_min + tight_max, n),
    )


def _key(proposal):
    """Proposals in id order: integers numerically first, anything else by its text."""
    if isinstance(proposal, int) and not isinstance(proposal, bool):
        return (0, proposal, "")
    return (1, 0, str(proposal))


def _labels(rules) -> str:
    return ", ".join(dict.fromkeys(r.label for r in rules))


def _without(rule_list, labels=(), families=()):
    return [r for r in rule_list if r.label not in labels and r.family not in families]


def _binding(scores, total, size, rule_list, tight, n) -> list[str]:
    """Tight rules whose removal alone raises the optimum (see solve())."""
    if total >= np.sort(scores)[::-1][:size].sum() - _TOL:
        return []  # the plain top-N meets every rule: nothing costs score
    binding = []
    for label in dict.fromkeys(r.label for r in tight):
        others = _without(rule_list, labels={label})
        bound = model.relaxation(-scores, model.constraints(size, others, n))
        if bound.status == 0 and -bound.fun <= total + _TOL:
            continue  # even the relaxation gains nothing: not binding
        if bound.status == 0 and model.integral(bound.x):
            relaxed = np.flatnonzero(bound.x > 0.5)  # the relaxation's optimum is integral
        else:
            relaxed = model.optimum(-scores, size, others, n)
        if relaxed is not None and scores[relaxed].sum() > total + _TOL:
            binding.append(label)
    return binding


_FAMILIES = ("cluster_min", "cluster_max", "category_min", "instansi_max", "min_3t")
_FAMILY_LABELS = {
    "cluster_min": "minimum klaster",
    "cluster_max": "maksimum klaster",
    "category_min": "minimum kategori",
    "instansi_max": "maksimum per instansi",
    "min_3t": "minimum 3T",
}


def _infeasibility(rule_list, size, n) -> list[str]:
    zero = np.zeros(n)
    labels = list(dict.fromkeys(r.label for r in rule_list))
    single = [
        label
        for label in labels
        if model.optimum(zero, size, _without(rule_list, labels={label}), n) is not None
    ]
    if single:
        return single
    present = [f for f in _FAMILIES if any(r.family == f for r in rule_list)]
    families = [
        _FAMILY_LABELS[f]
        for f in present
        if model.optimum(zero, size, _without(rule_list, families={f}), n) is not None
    ]
    return families or labels


def _infeasible(cands, rank, culprits, message) -> Solution:
    reasons = {
        c.proposal: (
            f"peringkat {int(rank[i])}, tidak terpilih: aturan tidak dapat dipenuhi "
            f"({', '.join(culprits)})"
        )
        for i, c in enumerate(cands)
    }
    return Solution(False, 0.0, [], reasons, list(culprits), message)
