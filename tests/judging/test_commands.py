"""analyze_scores and solve_shortlist, run as the Sekretariat would on spreadsheets."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def _run(*args) -> dict:
    out = StringIO()
    call_command(*args, stdout=out)
    text = out.getvalue()
    assert text.count("\n") <= 1  # exactly one JSON object
    return json.loads(text)


@pytest.fixture
def write(tmp_path):
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


SCORES = """proposal,judge,score
1,A,80
2,A,60
3,A,70
1,B,50
2,B,40
3,B,60
"""


def test_analyze_scores_prints_the_json_of_the_issue(write):
    data = _run("analyze_scores", write("nilai.csv", SCORES))

    assert set(data) == {"krippendorff_alpha", "icc", "judges", "ranking"}
    assert set(data["icc"]) == {"ICC1", "ICC2", "ICC3"}
    assert data["judges"] == {
        "A": {"n": 3, "mean": 70.0, "severity": 20.0},
        "B": {"n": 3, "mean": 50.0, "severity": -20.0},
    }
    # z-score (default): 60 +- sqrt(250) per extreme sheet, see test_stats.
    assert [(r["proposal"], r["rank"], r["n"]) for r in data["ranking"]] == [
        (1, 1, 2),
        (3, 2, 2),
        (2, 3, 2),
    ]
    assert data["ranking"][0]["raw_mean"] == 65.0
    assert data["ranking"][0]["normalized"] == pytest.approx(67.905694, abs=1e-6)
    assert data["ranking"][2]["normalized"] == pytest.approx(44.188612, abs=1e-6)
    assert -1 <= data["krippendorff_alpha"] <= 1


def test_analyze_scores_without_normalisation_and_with_an_incomplete_panel(write):
    text = SCORES + "4,C,90\n4,A,85\n"  # C scored one proposal only: not a complete panel

    data = _run("analyze_scores", write("nilai.csv", text), "--normalize", "none")

    assert data["icc"] is None
    assert [r["proposal"] for r in data["ranking"]] == [4, 1, 3, 2]
    assert all(r["normalized"] == r["raw_mean"] for r in data["ranking"])
    assert data["judges"]["C"] == {"n": 1, "mean": 90.0, "severity": 5.0}


def test_analyze_scores_accepts_excel_csv_with_bom_extra_columns_and_decimal_commas(write):
    text = '\ufeffProposal,Judge,Score,catatan\n1,A,"80,5",baik\n1,B,70,\n2,A,60,\n2,B,65,\n'

    data = _run("analyze_scores", write("nilai.csv", text), "--normalize", "none")

    assert data["ranking"][0] == {
        "proposal": 1,
        "raw_mean": 75.25,
        "normalized": 75.25,
        "n": 2,
        "rank": 1,
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("proposal,juri,score\n1,A,80\n", "Kolom wajib tidak ada: judge"),
        ("proposal,judge,score\n1,A,delapan\n", "Baris 2: score 'delapan' bukan angka"),
        ("proposal,judge,score\n1,A,80\n1,B,120\n", "Baris 3: score 120 di luar rentang 0-100"),
        ("proposal,judge,score\n1,A,80\n1,A,70\n", "Juri A menilai usulan 1 lebih dari sekali"),
        ("proposal,judge,score\n1,,80\n", "Baris 2: kolom judge kosong"),
        ("proposal,judge,score\n", "tidak berisi data"),
        ("", "kosong"),
    ],
)
def test_analyze_scores_refuses_bad_files_in_indonesian(write, text, message):
    with pytest.raises(CommandError, match=message):
        call_command("analyze_scores", write("nilai.csv", text), stdout=StringIO())


def test_analyze_scores_refuses_a_missing_file_and_a_bad_normalisation(tmp_path):
    with pytest.raises(CommandError, match="Berkas tidak ditemukan"):
        call_command("analyze_scores", str(tmp_path / "tidak-ada.csv"), stdout=StringIO())
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("analyze_scores", "x.csv", "--normalize", "minmax", stdout=StringIO())


CANDIDATES = """proposal,score,cluster,category,instansi,is_3t
1,90,kabupaten,Tata Kelola,Pemkab Nias,1
2,85,kabupaten,Tata Kelola,Pemkab Nias,1
3,80,kabupaten,Pelayanan Publik,Pemkab Alor,1
4,70,provinsi,Pelayanan Publik,Pemprov Babel,0
5,60,kota,Tata Kelola,Pemkot Pangkalpinang,0
6,50,kota,Pelayanan Publik,Pemkot Ambon,0
"""


def test_solve_shortlist_prints_the_optimum_with_reasons(write):
    rules = write(
        "aturan.json", json.dumps({"size": 3, "cluster": {"kota": {"min": 1}}, "instansi_max": 1})
    )

    data = _run("solve_shortlist", write("kandidat.csv", CANDIDATES), "--rules", rules)

    assert data == {
        "feasible": True,
        "total": 230.0,
        "selected": [1, 3, 5],
        "reasons": {
            "1": "peringkat 1",
            "2": "peringkat 2, tidak terpilih: batas Instansi <= 1",
            "3": "peringkat 3",
            "4": "peringkat 4, tidak terpilih: di luar 3 teratas",
            "5": "peringkat 5, diambil untuk memenuhi Kota >= 1",
            "6": "peringkat 6, tidak terpilih: di luar 3 teratas",
        },
        "binding": ["Kota >= 1", "Instansi <= 1"],
    }


def test_solve_shortlist_reports_infeasible_rules_and_still_exits_normally(write):
    rules = write(
        "aturan.json",
        json.dumps(
            {
                "size": 3,
                "category_min": {"Tata Kelola": 1},
                "min_3t": 3,
                "cluster": {"kota": {"min": 1, "max": 2}},
            }
        ),
    )

    data = _run("solve_shortlist", write("kandidat.csv", CANDIDATES), "--rules", rules)

    assert data["feasible"] is False
    assert data["selected"] == []
    assert data["binding"] == ["Kota >= 1", "3T >= 3"]
    assert set(data["reasons"]) == {"1", "2", "3", "4", "5", "6"}
    assert (
        data["reasons"]["4"]
        == "peringkat 4, tidak terpilih: aturan tidak dapat dipenuhi (Kota >= 1, 3T >= 3)"
    )


@pytest.mark.parametrize(
    ("csv_text", "rules", "message"),
    [
        (
            "proposal,score,cluster,category,instansi\n1,90,kota,A,X\n",
            {"size": 1},
            "Kolom wajib tidak ada: is_3t",
        ),
        (
            CANDIDATES.replace("1,90,kabupaten", "1,90,desa"),
            {"size": 1},
            "Baris 2: cluster 'desa' tidak dikenal",
        ),
        (
            CANDIDATES.replace("Pemkot Ambon,0", "Pemkot Ambon,ya"),
            {"size": 1},
            "Baris 7: is_3t harus 0 atau 1",
        ),
        (
            CANDIDATES.replace("2,85", "1,85"),
            {"size": 1},
            "Baris 3: usulan 1 muncul lebih dari sekali",
        ),
        (
            CANDIDATES.replace("3,80", "3,delapan"),
            {"size": 1},
            "Baris 4: score 'delapan' bukan angka",
        ),
        (
            CANDIDATES,
            {"size": 1, "cluster": {"desa": {"min": 1}}},
            "Aturan tidak sah: Klaster tidak dikenal",
        ),
        (CANDIDATES, {"cluster": {}}, "Aturan tidak sah: .*size"),
    ],
)
def test_solve_shortlist_refuses_bad_files_in_indonesian(write, csv_text, rules, message):
    candidates = write("kandidat.csv", csv_text)
    rules_path = write("aturan.json", json.dumps(rules))

    with pytest.raises(CommandError, match=message):
        call_command("solve_shortlist", candidates, "--rules", rules_path, stdout=StringIO())


def test_solve_shortlist_refuses_a_broken_or_missing_rules_file(write, tmp_path):
    candidates = write("kandidat.csv", CANDIDATES)

    with pytest.raises(CommandError, match="bukan JSON yang sah"):
        call_command(
            "solve_shortlist",
            candidates,
            "--rules",
            write("aturan.json", "{size: 3"),
            stdout=StringIO(),
        )
    with pytest.raises(CommandError, match="Berkas aturan tidak ditemukan"):
        call_command(
            "solve_shortlist", candidates, "--rules", str(tmp_path / "x.json"), stdout=StringIO()
        )
