"""After the final: the proposer's per-criterion feedback only after publication (never a
score before), the winner's certificate scoped to the proposer's side and the organiser."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from judging.enums import RoundKind
from judging.models import Assignment, Criterion, Score, ScoreSheet
from judging.outcomes import shortlists as service
from kipp.enums import GroupKind, ResultLevel
from tests.judging.outcomes.helpers import build_shortlist, passed, publish, round_of, run_of


def _scores(babel, scored, values):
    """Submitted sheets of the evaluator on the first proposal, two criteria."""
    round_ = scored["round"]
    novelty = Criterion.objects.create(round=round_, order=1, name="Kebaruan", weight=60)
    benefit = Criterion.objects.create(round=round_, order=2, name="Bermanfaat", weight=40)
    for judge, (a, b) in zip([babel.evaluator, babel.panelist], values, strict=True):
        assignment = Assignment.objects.create(
            round=round_, proposal=scored["proposals"][0], judge=judge
        )
        sheet = ScoreSheet.objects.create(assignment=assignment, state="submitted", total=80)
        Score.objects.create(sheet=sheet, criterion=novelty, value=a)
        Score.objects.create(sheet=sheet, criterion=benefit, value=b)


def _final(babel, scored, kipp2025):
    final = round_of(kipp2025, 2, RoundKind.FINAL)
    return publish(
        babel, build_shortlist(babel, scored, size=1, level=ResultLevel.TOP45, round_=final)
    )


@pytest.mark.parametrize("actor", ["operator_bb", "admin_bb"])
def test_operator_never_sees_scores_before_publication(client, babel, scored, kipp2025, actor):
    _scores(babel, scored, [(8, 6), (6, 9)])
    proposal = scored["proposals"][0]
    client.force_login(getattr(babel, actor))
    url = reverse("judging_feedback", args=[proposal.pk])

    before = client.get(url)
    detail = client.get(reverse("proposal_detail", args=[proposal.pk]))
    publish(babel, build_shortlist(babel, scored))  # a Top 99 is not the final result
    still = client.get(url)
    _final(babel, scored, kipp2025)
    after = client.get(url)

    assert (before.status_code, detail.status_code, still.status_code) == (404, 200, 404)
    assert "Kebaruan" not in detail.text
    assert after.status_code == 200
    assert [(c["name"], c["mean"]) for c in after.context["rounds"][0]["criteria"]] == [
        ("Kebaruan", 7.0),
        ("Bermanfaat", 7.5),
    ]
    assert "evaluator" not in after.text and babel.evaluator.display_name not in after.text


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("operator_bb", 200),
        ("admin_bb", 200),
        ("sekretariat", 200),
        ("admin_bt", 404),
        ("operator_bt", 404),
        ("evaluator", 404),
        ("panelist", 404),
        ("hub_admin", 404),
    ],
)
def test_certificate_download_is_scoped(client, babel, scored, kipp2025, actor, expected):
    _final(babel, scored, kipp2025)
    winner, other = scored["proposals"][0], scored["proposals"][1]
    client.force_login(getattr(babel, actor))

    response = client.get(reverse("judging_certificate", args=[winner.pk]))
    not_a_winner = client.get(reverse("judging_certificate", args=[other.pk]))

    assert (response.status_code, not_a_winner.status_code) == (expected, 404)
    if expected == 200:
        text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        assert "Usulan 0" in text and "Top 45" in text and "B/1/2025" in text


def test_certificate_needs_login(client, babel, scored, kipp2025):
    _final(babel, scored, kipp2025)

    response = client.get(reverse("judging_certificate", args=[scored["proposals"][0].pk]))

    assert response.status_code == 302


def test_khusus_group_shortlist_for_outstanding(babel, scored, kipp2025):
    khusus = passed(
        babel.pdam, babel.operator_bb, kipp2025, 1, prefix="Khusus", kind=GroupKind.KHUSUS
    )
    run = run_of(scored["round"], {khusus[0]: 50}, enter=True)

    rows = service.candidate_rows(round_=scored["round"], run=run, level=ResultLevel.OUTSTANDING)

    assert [row.proposal.title for row in rows] == ["Khusus 0"]


def test_proposal_page_links_feedback_and_certificate_after_the_final(
    client, babel, scored, kipp2025
):
    winner, other = scored["proposals"][0], scored["proposals"][1]
    client.force_login(babel.operator_bb)
    before = client.get(reverse("proposal_detail", args=[winner.pk]))
    _final(babel, scored, kipp2025)

    page = client.get(reverse("proposal_detail", args=[winner.pk]))
    not_selected = client.get(reverse("proposal_detail", args=[other.pk]))

    certificate = reverse("judging_certificate", args=[winner.pk])
    assert certificate not in before.text
    assert certificate in page.text
    assert reverse("judging_feedback", args=[other.pk]) in not_selected.text
    assert reverse("judging_certificate", args=[other.pk]) not in not_selected.text
