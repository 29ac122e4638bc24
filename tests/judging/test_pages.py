"""The pages of the judging rounds render and act for the Sekretariat and the judge."""

import re

import pytest
from django.urls import reverse

from judging.enums import SheetState
from judging.models import Job, RankingRun, Round
from judging.services.assignment import assignment_add, assignment_run
from judging.services.results import results_compute

from .conftest import fill_sheet, round_values


@pytest.fixture
def sheets(scoring):
    assignment_run(round_=scoring.round, actor=scoring.sekretariat)
    return scoring


def test_sekretariat_pages_render(client, sheets):
    client.force_login(sheets.sekretariat)
    r = sheets.round
    for url in (
        reverse("judging_rounds", args=[sheets.competition.pk]),
        reverse("judging_round_create", args=[sheets.competition.pk]),
        reverse("judging_round", args=[r.pk]),
        reverse("judging_round_update", args=[r.pk]),
        reverse("judging_rubric", args=[r.pk]),
        reverse("judging_round_judges", args=[r.pk]),
        reverse("judging_assignments", args=[r.pk]),
        reverse("judging_results", args=[r.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url


def test_sekretariat_creates_a_round_with_the_form(client, sheets):
    client.force_login(sheets.sekretariat)
    values = round_values(order=2, name="Presentasi Top 99", kind="presentation", team="panelist")
    data = {k: v for k, v in values.items() if k not in ("opens_at", "closes_at")}
    data.update(
        opens_at="2026-01-05T08:00",
        closes_at="2026-01-09T17:00",
        normalization="zscore",
        disagreement_threshold="25",
        hide_identity="on",
        scale_min=1,
        scale_max=10,
        objection_days=5,
    )

    response = client.post(reverse("judging_round_create", args=[sheets.competition.pk]), data)

    made = Round.objects.get(competition=sheets.competition, order=2)
    assert response.status_code == 302
    assert (made.name, made.kind, made.criteria.count()) == ("Presentasi Top 99", "presentation", 5)
    assert made.opens_at.isoformat() == "2026-01-05T01:00:00+00:00"


def test_round_form_explains_bad_input(client, sheets):
    client.force_login(sheets.sekretariat)
    data = {
        "order": 1,
        "name": "",
        "kind": "scoring",
        "team": "evaluator",
        "opens_at": "2026-01-09T08:00",
        "closes_at": "2026-01-05T08:00",
        "judges_per_proposal": 0,
        "normalization": "zscore",
        "disagreement_threshold": "25",
        "scale_min": 5,
        "scale_max": 3,
        "objection_days": 5,
    }

    response = client.post(reverse("judging_round_create", args=[sheets.competition.pk]), data)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Waktu tutup harus setelah waktu buka." in text
    assert "Skala maksimum harus lebih besar dari minimum." in text
    assert "Urutan ini sudah dipakai" in text
    assert sheets.competition.rounds.count() == 1


def test_rubric_editor_saves_weights(client, sheets):
    client.force_login(sheets.sekretariat)
    data = {
        "kriteria-TOTAL_FORMS": 2,
        "kriteria-INITIAL_FORMS": 0,
        "kriteria-MIN_NUM_FORMS": 0,
        "kriteria-MAX_NUM_FORMS": 20,
        "kriteria-0-name": "Dampak",
        "kriteria-0-weight": 70,
        "kriteria-0-descriptors": "1-5: Kecil\n6-10: Besar",
        "kriteria-1-name": "Biaya",
        "kriteria-1-weight": 30,
    }

    response = client.post(reverse("judging_rubric", args=[sheets.round.pk]), data)

    assert response.status_code == 302
    assert list(sheets.round.criteria.values_list("name", "weight")) == [
        ("Dampak", 70),
        ("Biaya", 30),
    ]


def test_rubric_editor_refuses_a_bad_sum(client, sheets):
    client.force_login(sheets.sekretariat)
    data = {
        "kriteria-TOTAL_FORMS": 1,
        "kriteria-INITIAL_FORMS": 0,
        "kriteria-MIN_NUM_FORMS": 0,
        "kriteria-MAX_NUM_FORMS": 20,
        "kriteria-0-name": "Dampak",
        "kriteria-0-weight": 70,
    }

    response = client.post(reverse("judging_rubric", args=[sheets.round.pk]), data)

    assert response.status_code == 200
    assert "Jumlah bobot kriteria harus 100%" in response.content.decode()
    assert sheets.round.criteria.count() == 5


def test_judge_scores_saves_and_goes_to_the_next_sheet(client, sheets):
    client.force_login(sheets.evaluator)
    mine = list(sheets.round.assignments.filter(judge=sheets.evaluator).order_by("proposal_id"))
    first = mine[0].sheet
    criteria = list(sheets.round.criteria.order_by("order"))
    data = {"version": first.version, "aksi": "kirim-berikutnya", "komentar": "Baik"}
    data.update({f"nilai-{c.pk}": "8" for c in criteria})

    assert client.get(reverse("judging_my_rounds")).status_code == 200
    assert client.get(reverse("judging_round_sheets", args=[sheets.round.pk])).status_code == 200
    assert client.get(reverse("judging_sheet", args=[first.pk])).status_code == 200
    response = client.post(reverse("judging_sheet", args=[first.pk]), data)

    first.refresh_from_db()
    assert first.state == SheetState.SUBMITTED
    assert response["Location"] == reverse("judging_sheet", args=[mine[1].sheet.pk])


def test_autosave_by_htmx_answers_the_new_version(client, sheets):
    client.force_login(sheets.evaluator)
    sheet = sheets.round.assignments.filter(judge=sheets.evaluator).first().sheet
    criterion = sheets.round.criteria.order_by("order").first()

    response = client.post(
        reverse("judging_sheet", args=[sheet.pk]),
        {"version": sheet.version, f"nilai-{criterion.pk}": "7"},
        headers={"HX-Request": "true"},
    )

    sheet.refresh_from_db()
    assert sheet.version == 2
    assert 'value="2"' in response.content.decode()
    stale = client.post(
        reverse("judging_sheet", args=[sheet.pk]),
        {"version": 1, f"nilai-{criterion.pk}": "3"},
        headers={"HX-Request": "true"},
    )
    assert "diubah di tempat lain" in stale.content.decode()
    assert sheet.scores.get().value == 7


def test_identity_is_hidden_when_the_round_says_so(client, sheets):
    client.force_login(sheets.evaluator)
    assignment = sheets.round.assignments.filter(judge=sheets.evaluator).first()
    url = reverse("judging_sheet", args=[assignment.sheet.pk])

    hidden = client.get(url).content.decode()
    Round.objects.filter(pk=sheets.round.pk).update(hide_identity=False)
    shown = client.get(url).content.decode()

    name = assignment.proposal.instansi.name
    assert name not in hidden and "identitas-disembunyikan" in hidden
    assert name in shown


def test_judge_declares_a_conflict_from_the_sheet(client, sheets):
    client.force_login(sheets.evaluator)
    assignment = sheets.round.assignments.filter(judge=sheets.evaluator).first()

    response = client.post(
        reverse("judging_sheet_conflict", args=[assignment.sheet.pk]), {"note": "Mantan pegawai"}
    )

    assert response.status_code == 302
    assert not sheets.round.assignments.filter(pk=assignment.pk).exists()
    assert client.get(reverse("judging_sheet", args=[assignment.sheet.pk])).status_code == 404


def test_results_page_and_exports(client, sheets):
    for assignment in sheets.round.assignments.select_related("sheet", "judge"):
        fill_sheet(assignment.sheet, assignment.judge, 7)
    results_compute(round_=sheets.round, actor=sheets.sekretariat)
    client.force_login(sheets.sekretariat)

    page = client.get(reverse("judging_results", args=[sheets.round.pk]) + "?urut=rata")
    csv = client.get(reverse("judging_export", args=[sheets.round.pk, "nilai", "csv"]))
    xlsx = client.get(reverse("judging_export", args=[sheets.round.pk, "hasil", "xlsx"]))

    assert page.status_code == 200 and "grafik-juri" in page.content.decode()
    svg = page.content.decode().split('id="grafik-juri"')[1].split("</svg>")[0]
    # Coordinates stay plain numbers whatever the language's decimal separator.
    assert not re.search(r'="\d+,\d', svg)
    lines = b"".join(csv.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 6
    assert "Kebaruan (20%)" in lines[0]
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_assign_and_compute_buttons_start_jobs(client, scoring, django_capture_on_commit_callbacks):
    client.force_login(scoring.sekretariat)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("judging_assignment_run", args=[scoring.round.pk]))
    job = Job.objects.get(round=scoring.round, kind="assign")
    progress = client.get(reverse("judging_job", args=[job.pk]), headers={"HX-Request": "true"})

    assert response["Location"] == reverse("judging_job", args=[job.pk])
    assert job.state == "done" and "Lihat penugasan" in progress.content.decode()
    assert scoring.round.assignments.count() == 6
    for assignment in scoring.round.assignments.select_related("sheet", "judge"):
        fill_sheet(assignment.sheet, assignment.judge, 6)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("judging_results_compute", args=[scoring.round.pk]))
    assert RankingRun.objects.filter(round=scoring.round).count() == 1


def test_manual_assignment_form_asks_for_an_override(client, scoring):
    client.force_login(scoring.sekretariat)
    url = reverse("judging_assignment_add", args=[scoring.round.pk])
    data = {"proposal": scoring.bb.pk, "judge": scoring.evaluator_bb.pk}

    refused = client.post(url, data, follow=True)
    assert "Tuliskan alasan untuk tetap menugaskannya" in refused.content.decode()
    assert not scoring.round.assignments.exists()

    client.post(url, {**data, "override_reason": "Ahli tunggal"})
    assert scoring.round.assignments.get().override_reason == "Ahli tunggal"
    assert assignment_add  # the same service as the form
