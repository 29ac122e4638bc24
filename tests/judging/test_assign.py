"""judging.assign: k judges per proposal, never a conflict, balanced loads, deterministic."""

import random
from collections import Counter
from itertools import combinations, product

import pytest

from judging.assign import AssignmentImpossible, assign


def _loads(result, judges, existing=None):
    loads = Counter(dict.fromkeys(judges, 0))
    for assigned in result.values():
        loads.update(assigned)
    for proposal, assigned in (existing or {}).items():
        if proposal not in result:
            loads.update(j for j in assigned if j in loads)
    return loads


def _check(result, proposals, judges, k, conflicts=(), existing=None):
    assert set(result) == set(proposals)
    for proposal, assigned in result.items():
        assert len(assigned) == k
        assert len(set(assigned)) == k
        assert set(assigned) <= set(judges) | set((existing or {}).get(proposal, ()))
        for judge in assigned:
            if judge not in (existing or {}).get(proposal, ()):
                assert (proposal, judge) not in conflicts
    return _loads(result, judges, existing)


@pytest.mark.parametrize("seed", range(25))
def test_random_rounds_get_k_conflict_free_judges_with_loads_within_one(seed):
    rng = random.Random(seed)
    proposals = [f"P{i}" for i in range(rng.randint(1, 80))]
    judges = [f"J{i}" for i in range(rng.randint(4, 12))]
    k = rng.randint(1, 3)
    conflicts = {(p, j) for p in proposals for j in judges if rng.random() < 0.15}

    allowed = {p: sum((p, j) not in conflicts for j in judges) for p in proposals}
    if min(allowed.values()) < k:
        with pytest.raises(AssignmentImpossible):
            assign(proposals, judges, k, conflicts=conflicts)
        return

    result = assign(proposals, judges, k, conflicts=conflicts)

    loads = _check(result, proposals, judges, k, conflicts)
    assert max(loads.values()) - min(loads.values()) <= 1
    assert sum(loads.values()) == k * len(proposals)


def test_same_input_in_any_order_gives_the_same_assignment():
    rng = random.Random(11)
    proposals = list(range(60))
    judges = [f"juri{i}" for i in range(9)]
    conflicts = [(p, j) for p in proposals for j in judges if rng.random() < 0.2]
    first = assign(proposals, judges, 3, conflicts=conflicts)

    for _ in range(5):
        rng.shuffle(proposals)
        rng.shuffle(judges)
        rng.shuffle(conflicts)
        assert assign(proposals, judges, 3, conflicts=set(conflicts)) == first


def test_a_small_round_by_hand():
    result = assign([1, 2, 3], ["a", "b", "c", "d"], 2, conflicts={(1, "a"), (2, "a"), (3, "a")})

    assert all("a" not in judges for judges in result.values())
    # 6 sheets over b, c, d (a conflicts everywhere): 2 each, a gets none.
    assert _loads(result, "abcd") == {"a": 0, "b": 2, "c": 2, "d": 2}


def test_when_conflicts_make_balance_impossible_the_maximum_load_is_minimised():
    # Judge "x" may only take proposal 0; the other judges share the rest evenly.
    proposals = list(range(7))
    judges = ["u", "v", "w", "x"]
    conflicts = {(p, "x") for p in proposals if p}

    result = assign(proposals, judges, 2, conflicts=conflicts)

    loads = _check(result, proposals, judges, 2, conflicts)
    assert loads["x"] == 1
    # 13 sheets on u, v, w: the best possible maximum is 5 (5, 4, 4).
    assert sorted(loads[j] for j in "uvw") == [4, 4, 5]


def test_existing_assignments_count_towards_k_and_the_loads():
    judges = ["a", "b", "c", "d"]
    # Proposal 9 (outside this run) already loads a and b; proposal 1 already has c.
    existing = {9: ["a", "b"], 1: ["c"]}

    result = assign([1, 2, 3], judges, 2, existing=existing)

    assert "c" in result[1]
    loads = _check(result, [1, 2, 3], judges, 2, existing=existing)
    assert sum(loads.values()) == 8  # 2 existing on proposal 9 + 6 sheets here
    assert max(loads.values()) - min(loads.values()) == 0


def test_an_existing_conflicted_pair_is_kept_but_never_made():
    result = assign([1, 2], ["a", "b", "c"], 2, conflicts={(1, "a"), (2, "a")}, existing={1: ["a"]})

    assert "a" in result[1]  # overridden by hand earlier: kept
    assert "a" not in result[2]


def test_impossible_rounds_raise_in_indonesian():
    with pytest.raises(
        AssignmentImpossible, match=r"1 usulan tidak bisa mendapat 2 juri.*P1 \(bisa 1 dari 2\)"
    ):
        assign(["P1", "P2"], ["a", "b"], 2, conflicts={("P1", "a")})
    with pytest.raises(AssignmentImpossible, match="Belum ada juri"):
        assign(["P1"], [], 1)
    with pytest.raises(AssignmentImpossible, match="2 usulan"):
        assign(["P1", "P2"], ["a"], 2)
    with pytest.raises(ValueError, match="minimal 1"):
        assign(["P1"], ["a"], 0)
    assert assign([], ["a"], 1) == {}


def test_a_national_round_is_assigned_evenly():
    rng = random.Random(2)
    proposals = list(range(3500))
    judges = list(range(60))
    conflicts = {(p, j) for p in proposals for j in judges if rng.random() < 0.05}

    result = assign(proposals, judges, 3, conflicts=conflicts)
    loads = _check(result, proposals, judges, 3, conflicts)
    assert set(loads.values()) == {175}  # 10,500 sheets over 60 judges


@pytest.mark.parametrize("seed", range(30))
def test_loads_are_as_even_as_brute_force_allows_under_heavy_conflicts(seed):
    rng = random.Random(100 + seed)
    proposals = list(range(rng.randint(2, 5)))
    judges = list("abcd")[: rng.randint(2, 4)]
    k = rng.randint(1, min(2, len(judges)))
    conflicts = {(p, j) for p in proposals for j in judges if rng.random() < 0.4}
    options = [
        [c for c in combinations(judges, k) if not any((p, j) in conflicts for j in c)]
        for p in proposals
    ]
    if any(not o for o in options):
        with pytest.raises(AssignmentImpossible):
            assign(proposals, judges, k, conflicts=conflicts)
        return
    best_max, best_squares = min(
        (max(loads.values()), sum(v * v for v in loads.values()))
        for choice in product(*options)
        for loads in [
            Counter({**dict.fromkeys(judges, 0), **Counter(j for c in choice for j in c)})
        ]
    )

    loads = _check(
        assign(proposals, judges, k, conflicts=conflicts), proposals, judges, k, conflicts
    )

    assert max(loads.values()) == best_max
    assert sum(v * v for v in loads.values()) == best_squares


def test_a_judge_conflicted_almost_everywhere_takes_all_it_may_and_the_rest_stay_even():
    rng = random.Random(21)
    proposals = list(range(600))
    judges = [f"J{i:02d}" for i in range(12)]
    conflicts = {(p, "J00") for p in proposals if rng.random() < 0.95}
    conflicts |= {(p, j) for p in proposals for j in judges[1:] if rng.random() < 0.05}
    allowed_j00 = sum((p, "J00") not in conflicts for p in proposals)

    loads = _check(
        assign(proposals, judges, 3, conflicts=conflicts), proposals, judges, 3, conflicts
    )

    assert loads["J00"] == allowed_j00 < 1800 / 12
    others = [loads[j] for j in judges[1:]]
    assert max(others) - min(others) <= 1
