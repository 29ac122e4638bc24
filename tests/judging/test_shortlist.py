"""judging.shortlist: exact optimum (against brute force), infeasibility, explanations, ties."""

import random
from collections import Counter
from itertools import combinations

import pytest

from hubs.enums import Cluster
from judging.shortlist import CLUSTER_LABELS, Candidate, Rules, RulesError, solve


def C(proposal, score, cluster="kabupaten", category="A", instansi=None, is_3t=False):
    return Candidate(proposal, score, cluster, category, instansi or f"I{proposal}", is_3t)


def _meets(selection, rules: Rules) -> bool:
    clusters = Counter(c.cluster for c in selection)
    for name, (low, high) in rules.cluster.items():
        if (low and clusters[name] < low) or (high is not None and clusters[name] > high):
            return False
    categories = Counter(c.category for c in selection)
    if any(categories[cat] < k for cat, k in rules.category_min.items()):
        return False
    per_instansi = Counter(c.instansi for c in selection)
    if rules.instansi_max is not None and max(per_instansi.values()) > rules.instansi_max:
        return False
    return not rules.min_3t or sum(c.is_3t for c in selection) >= rules.min_3t


def _brute_force(candidates, rules):
    totals = [
        sum(c.score for c in selection)
        for selection in combinations(candidates, rules.size)
        if _meets(selection, rules)
    ]
    return max(totals) if totals else None


def _random_rules(rng, size, clusters):
    cluster = {}
    for name in clusters:
        if rng.random() < 0.5:
            low, high = rng.choice([None, 0, 1, 2]), rng.choice([None, 1, 2, 3])
            if low is not None and high is not None and low > high:
                low, high = high, low
            cluster[name] = (low, high)
    category_min = {cat: rng.randint(0, 2) for cat in "AB" if rng.random() < 0.4}
    return Rules(size, cluster, category_min, rng.choice([None, 1, 2]), rng.choice([None, 0, 1, 2]))


@pytest.mark.parametrize("seed", range(60))
def test_the_solver_finds_the_brute_force_optimum(seed):
    rng = random.Random(seed)
    clusters = ["kabupaten", "kota", "provinsi"]
    candidates = [
        C(
            i,
            rng.randint(1, 30),
            rng.choice(clusters),
            rng.choice("AB"),
            rng.choice("xyz"),
            rng.random() < 0.3,
        )
        for i in range(1, rng.randint(4, 11))
    ]
    rules = _random_rules(rng, rng.randint(1, min(5, len(candidates))), clusters)

    solution = solve(candidates, rules)
    best = _brute_force(candidates, rules)

    if best is None:
        assert solution.feasible is False
        assert solution.selected == []
        assert solution.binding  # something is named
    else:
        assert solution.feasible is True
        assert solution.total == pytest.approx(best)
        chosen = [c for c in candidates if c.proposal in solution.selected]
        assert len(chosen) == rules.size
        assert _meets(chosen, rules)
        assert sum(c.score for c in chosen) == pytest.approx(solution.total)
    assert set(solution.reasons) == {c.proposal for c in candidates}


def test_every_choice_is_explained():
    candidates = [
        C(1, 90, instansi="X"),
        C(2, 85, instansi="X"),
        C(3, 80, instansi="Y"),
        C(4, 70, cluster="provinsi"),
        C(5, 60, cluster="kota"),
        C(6, 50, cluster="kota"),
    ]
    rules = Rules(3, cluster={"kota": (1, None)}, instansi_max=1)

    solution = solve(candidates, rules)

    assert (solution.feasible, solution.total, solution.selected) == (True, 230, [1, 3, 5])
    assert solution.reasons == {
        1: "peringkat 1",
        2: "peringkat 2, tidak terpilih: batas Instansi <= 1",
        3: "peringkat 3",
        4: "peringkat 4, tidak terpilih: di luar 3 teratas",
        5: "peringkat 5, diambil untuk memenuhi Kota >= 1",
        6: "peringkat 6, tidak terpilih: di luar 3 teratas",
    }
    # Both rules cost score: without Kota >= 1 the best is 240, without the cap 235.
    assert solution.binding == ["Kota >= 1", "Instansi <= 1"]
    assert solution.as_json()["reasons"]["5"] == "peringkat 5, diambil untuk memenuhi Kota >= 1"


def test_a_displaced_top_candidate_is_told_which_minimum_took_its_place():
    candidates = [C(1, 90), C(2, 80), C(3, 70, cluster="kota", is_3t=True)]

    solution = solve(candidates, Rules(2, min_3t=1))

    assert solution.selected == [1, 3]
    assert (
        solution.reasons[2]
        == "peringkat 2, tidak terpilih: tempatnya dipakai untuk memenuhi 3T >= 1"
    )
    assert solution.reasons[3] == "peringkat 3, diambil untuk memenuhi 3T >= 1"
    assert solution.binding == ["3T >= 1"]


def test_rules_that_the_plain_ranking_already_meets_do_not_bind():
    candidates = [C(1, 90, cluster="kota"), C(2, 80), C(3, 70, cluster="kota")]

    solution = solve(candidates, Rules(2, cluster={"kota": (1, 1)}, instansi_max=1))

    assert solution.selected == [1, 2]
    assert solution.reasons == {
        1: "peringkat 1",
        2: "peringkat 2",
        3: "peringkat 3, tidak terpilih: di luar 2 teratas",
    }
    assert solution.binding == []  # Kota <= 1 is tight but costs nothing


def test_infeasible_rules_name_the_rule_to_relax():
    candidates = [C(1, 90), C(2, 80, cluster="kota"), C(3, 70, cluster="kota"), C(4, 60)]

    solution = solve(candidates, Rules(2, cluster={"kota": (3, None)}))

    assert (solution.feasible, solution.total, solution.selected) == (False, 0.0, [])
    assert solution.binding == ["Kota >= 3"]
    assert "Kota >= 3" in solution.message
    assert (
        solution.reasons[1]
        == "peringkat 1, tidak terpilih: aturan tidak dapat dipenuhi (Kota >= 3)"
    )
    assert set(solution.reasons) == {1, 2, 3, 4}


def test_infeasible_combinations_name_every_rule_that_alone_would_fix_it():
    candidates = [
        C(1, 90, category="A"),
        C(2, 80, category="B", is_3t=True),
        C(3, 70, category="B"),
    ]

    solution = solve(candidates, Rules(2, category_min={"A": 2}, min_3t=1))

    assert solution.feasible is False
    assert solution.binding == ["Kategori A >= 2"]

    solution = solve(candidates, Rules(1, category_min={"A": 1}, min_3t=1))
    assert solution.binding == ["Kategori A >= 1", "3T >= 1"]


def test_when_no_single_rule_fixes_it_the_rule_family_is_named():
    candidates = [
        C(i, 90 - i, cluster=cluster)
        for i, cluster in enumerate(
            ["kota", "kota", "kabupaten", "kabupaten", "provinsi", "provinsi"], 1
        )
    ]
    rules = Rules(3, cluster={"kota": (2, None), "kabupaten": (2, None), "provinsi": (2, None)})

    solution = solve(candidates, rules)

    assert solution.feasible is False
    assert solution.binding == ["minimum klaster"]


def test_too_few_candidates_for_the_size():
    solution = solve([C(1, 90), C(2, 80)], Rules(5))

    assert solution.feasible is False
    assert solution.binding == ["Jumlah = 5"]
    assert solution.message == "Hanya ada 2 kandidat, kurang dari 5 yang diminta."


def test_equal_scores_go_to_the_lower_id_whatever_the_input_order():
    candidates = [C(i, 50.0, cluster="kota" if i in (3, 4) else "kabupaten") for i in range(1, 6)]

    assert solve(candidates, Rules(2)).selected == [1, 2]
    with_rule = solve(candidates, Rules(2, cluster={"kota": (1, None)}))
    assert with_rule.selected == [1, 3]
    assert with_rule.binding == []  # equal scores: the rule costs nothing
    assert solve(candidates[::-1], Rules(2, cluster={"kota": (1, None)})) == with_rule


def test_the_same_input_in_any_order_gives_the_same_solution():
    rng = random.Random(4)
    candidates = [
        C(
            i,
            rng.choice([60, 70, 80, 90]),
            rng.choice(list(CLUSTER_LABELS)),
            rng.choice("ABC"),
            f"I{rng.randrange(8)}",
            rng.random() < 0.2,
        )
        for i in range(1, 41)
    ]
    rules = Rules(10, {"kota": (2, 4)}, {"C": 3}, 2, 2)
    first = solve(candidates, rules)

    for _ in range(3):
        rng.shuffle(candidates)
        assert solve(candidates, rules) == first


def test_rules_from_json():
    rules = Rules.from_json(
        {
            "size": 99,
            "cluster": {"kota": {"min": 10}, "kementerian": {"min": 5, "max": 20}},
            "category_min": {"Tata Kelola": 3},
            "instansi_max": 3,
            "min_3t": 10,
        }
    )

    assert rules == Rules(
        99, {"kota": (10, None), "kementerian": (5, 20)}, {"Tata Kelola": 3}, 3, 10
    )
    assert Rules.from_json({"size": 5}) == Rules(5)
    for bad, message in [
        ([], "objek JSON"),
        ({}, "wajib memuat"),
        ({"size": 0}, "minimal 1"),
        ({"size": True}, "bilangan bulat"),
        ({"size": 5, "cluster": {"desa": {"min": 1}}}, "Klaster tidak dikenal"),
        ({"size": 5, "cluster": {"kota": {"min": 3, "max": 2}}}, "melebihi maksimum"),
        ({"size": 5, "cluster": {"kota": 3}}, "tulis sebagai"),
        ({"size": 5, "instansi_max": -1}, "tidak negatif"),
        ({"size": 5, "min_3t": 1.5}, "bilangan bulat"),
        ({"size": 5, "quota": 1}, "tidak dikenal: quota"),
    ]:
        with pytest.raises(RulesError, match=message):
            Rules.from_json(bad)


def test_cluster_names_match_the_portal_clusters():
    assert {c.value: str(c.label) for c in Cluster} == CLUSTER_LABELS


def test_a_national_top_99_is_solved_under_every_rule():
    rng = random.Random(9)
    candidates = [
        C(
            i,
            round(rng.uniform(40, 95), 3),
            rng.choice(list(CLUSTER_LABELS)),
            f"K{rng.randrange(5)}",
            f"I{rng.randrange(550)}",
            rng.random() < 0.12,
        )
        for i in range(1, 3501)
    ]
    rules = Rules(
        99,
        {
            "kementerian": (5, 20),
            "lembaga": (3, 15),
            "provinsi": (5, 20),
            "kabupaten": (20, 45),
            "kota": (10, 30),
            "bumn_bumd": (2, 10),
        },
        {f"K{i}": 15 for i in range(5)},
        3,
        15,
    )

    solution = solve(candidates, rules)
    assert solution.feasible and len(solution.selected) == 99
    chosen = [c for c in candidates if c.proposal in solution.selected]
    assert _meets(chosen, rules)
    assert len(solution.reasons) == 3500


@pytest.mark.parametrize("seed", [55, 122, 142])
def test_branch_and_bound_decides_when_the_relaxation_is_fractional(seed, monkeypatch):
    import judging.shortlist_model as model

    calls = []
    real_milp = model.milp
    monkeypatch.setattr(model, "milp", lambda *a, **k: calls.append(1) or real_milp(*a, **k))
    rng = random.Random(seed)
    clusters = ["kabupaten", "kota", "provinsi"]
    n, size = rng.randint(6, 11), rng.randint(2, 5)
    candidates = [
        C(
            i,
            rng.randint(1, 20),
            rng.choice(clusters),
            rng.choice("AB"),
            rng.choice("xyzw"),
            rng.random() < 0.5,
        )
        for i in range(n)
    ]
    bounds = {name: (rng.choice([0, 1, 2]), rng.choice([None, 2, 3])) for name in clusters}
    cluster = {k: (lo, hi) for k, (lo, hi) in bounds.items() if hi is None or lo <= hi}
    category_min = {"A": rng.randint(0, 3), "B": rng.randint(0, 2)}
    rules = Rules(
        size, cluster, category_min, rng.choice([None, 1, 2]), rng.choice([None, 1, 2, 3])
    )

    solution = solve(candidates, rules)

    assert calls  # the linear relaxation alone did not settle it
    best = _brute_force(candidates, rules)
    assert solution.feasible is (best is not None)
    assert solution.total == pytest.approx(best or 0.0)
