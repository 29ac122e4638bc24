"""The shortlist's integer program: rules as rows, the linear relaxation, branch and bound.

Internal to judging.shortlist: `Rule` is one composition constraint over candidate
indices; `optimum()` returns an optimal selection or None when the rules cannot be met.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, vstack


@dataclass(frozen=True)
class Rule:
    label: str  # shown to people, and the unit of relaxation
    family: str
    members: np.ndarray  # candidate indices
    low: float
    high: float

    @property
    def is_min(self) -> bool:
        return self.low > 0


def constraints(size, rules: list[Rule], n, extra=None):
    """The rules as A_ub x <= b_ub and A_eq x = b_eq (every rule is one-sided)."""
    rows, cols, values, bounds = [], [], [], []
    for rule in rules:
        sign = -1.0 if rule.is_min else 1.0
        k = len(bounds)
        rows.extend([k] * len(rule.members))
        cols.extend(rule.members.tolist())
        values.extend([sign] * len(rule.members))
        bounds.append(-rule.low if rule.is_min else rule.high)
    a_ub = csr_matrix((values, (rows, cols)), shape=(len(bounds), n))
    b_ub = np.asarray(bounds, dtype=float)
    if extra is not None:  # row @ x >= low
        a_ub = vstack([a_ub, csr_matrix(-extra[0][np.newaxis, :])]).tocsr()
        b_ub = np.append(b_ub, -extra[1])
    return a_ub, b_ub, csr_matrix(np.ones((1, n))), np.asarray([size], dtype=float)


def integral(x) -> bool:
    return bool(np.all(np.abs(x - np.round(x)) < 1e-7))


def relaxation(objective, model):
    """The linear relaxation (0 <= x <= 1): scipy's result, solved by HiGHS."""
    a_ub, b_ub, a_eq, b_eq = model
    if a_ub.shape[0] == 0:
        a_ub, b_ub = None, None
    return linprog(
        objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, 1), method="highs"
    )


def optimum(objective, size, rules: list[Rule], n, extra=None):
    """Selected indices (sorted array) of an optimal selection, or None when infeasible.

    `objective` is minimised; `extra` is an optional (row, low) constraint row >= low.
    The linear relaxation comes first: when it is infeasible so is the integer program,
    and when its optimum is already integral (as it usually is for these rules) it is the
    integer optimum too; otherwise `scipy.optimize.milp` (branch and bound) decides.
    """
    model = constraints(size, rules, n, extra)
    relaxed = relaxation(objective, model)
    if relaxed.status == 2:
        return None
    if relaxed.status == 0 and integral(relaxed.x):
        return np.flatnonzero(relaxed.x > 0.5)
    a_ub, b_ub, a_eq, b_eq = model
    rows = [LinearConstraint(a_eq, b_eq, b_eq)]
    if a_ub.shape[0]:
        rows.append(LinearConstraint(a_ub, -np.inf, b_ub))
    result = milp(
        objective,
        constraints=rows,
        integrality=np.ones(n),
        bounds=Bounds(0, 1),
        options={"mip_rel_gap": 0, "presolve": False},
    )
    if result.status != 0 or result.x is None:
        return None
    return np.flatnonzero(result.x > 0.5)
