"""The judging maths benchmark still runs (at a small size; `make bench` runs it in full)."""

from bench import judging_maths


def test_the_benchmark_runs_and_reports_every_figure(capsys):
    result = judging_maths.run(proposals=400, repeats=1)

    judging_maths.print_result(result)

    assert result["sheets"] == 1200
    assert result["feasible"] is True
    assert result["selected"] == 99
    assert all(result[key] > 0 for key in ("analyze_ms", "shortlist_ms", "total_ms"))
    assert "optimal Top-99 shortlist" in capsys.readouterr().out
