"""Who may see and do what in the judging rounds: the access matrix (404 for anything
outside one's scope, the data unchanged after every refused POST), conflicted and
unassigned proposals, other judges' scores, and operators before publication."""

import pytest
from django.urls import reverse

from judging.enums import ConflictSource
from judging.models import Conflict, Score, ScoreSheet, SheetEvent
from judging.services.assignment import assignment_add
from tests.access import (
    TWO_ROLE_ACTORS,
    Case,
    check_access,
    statuses,
    two_role_people,
    with_two_role_actors,
)

from .conftest import fill_sheet

ACTORS = (
    "sekretariat",
    "hub_admin",
    "evaluator",
    "evaluator2",
    "panelist",
    "operator_bb",
    "admin_bb",
)


# Each two-role person gets what one of its roles gives here: the national Sekretariat
# (also a hub panelist) organises; the Admin Lokal of Bangka Tengah who is also an operator
# in Bangka Barat sees no judging; the national evaluator who is also the Babel hub's admin
# judges nothing in this round and does not organise a national competition.
MIRRORS = {
    "sek_panelist_hub": "sekretariat",
    "admin_operator": "operator_bb",
    "evaluator_hub": "panelist",
}


@pytest.fixture
def world(scoring):
    """evaluator holds a draft on bt and a submitted sheet on me; evaluator2 scored bt."""
    two_role_people(scoring.babel)
    add = {"round_": scoring.round, "actor": scoring.sekretariat}
    scoring.draft = assignment_add(proposal=scoring.bt, judge=scoring.evaluator, **add).sheet
    scoring.done = assignment_add(proposal=scoring.me, judge=scoring.evaluator, **add).sheet
    fill_sheet(scoring.done, scoring.evaluator, 6, comment="Catatan evaluator satu")
    scoring.other = assignment_add(proposal=scoring.bt, judge=scoring.evaluator2, **add).sheet
    fill_sheet(scoring.other, scoring.evaluator2, 3, comment="RAHASIA-JURI-DUA")
    return scoring


def snapshot():
    return (
        list(ScoreSheet.objects.order_by("pk").values_list("pk", "state", "version", "comment")),
        list(Score.objects.order_by("pk").values_list("pk", "value", "comment")),
        SheetEvent.objects.count(),
        Conflict.objects.count(),
    )


def _scores(w, sheet, value="9"):
    data = {"version": sheet.version, "aksi": "kirim", "komentar": "ubah"}
    data.update({f"nilai-{c.pk}": value for c in w.round.criteria.all()})
    return data


CASES = [
    Case(
        "draft sheet page",
        lambda w: reverse("judging_sheet", args=[w.draft.pk]),
        statuses(ACTORS, 404, evaluator=200),
    ),
    Case(
        "submit own draft",
        lambda w: reverse("judging_sheet", args=[w.draft.pk]),
        statuses(ACTORS, 404, evaluator=302),
        method="post",
        data=lambda w: _scores(w, w.draft),
        changes=frozenset({"evaluator"}),
    ),
    Case(
        "change a submitted sheet",
        lambda w: reverse("judging_sheet", args=[w.done.pk]),
        statuses(ACTORS, 404, evaluator=302),
        method="post",
        data=lambda w: _scores(w, w.done, "10"),
    ),
    Case(
        "declare a conflict",
        lambda w: reverse("judging_sheet_conflict", args=[w.draft.pk]),
        statuses(ACTORS, 404, evaluator=302),
        method="post",
        data=lambda w: {"note": "Kerabat"},
        changes=frozenset({"evaluator"}),
    ),
    Case(
        "reopen a submitted sheet",
        lambda w: reverse("judging_sheet_reopen", args=[w.round.pk, w.done.pk]),
        statuses(ACTORS, 404, sekretariat=302),
        method="post",
        data=lambda w: {"note": "Salah ketik"},
        changes=frozenset({"sekretariat"}),
    ),
    Case(
        "results page",
        lambda w: reverse("judging_results", args=[w.round.pk]),
        statuses(ACTORS, 404, sekretariat=200),
    ),
    Case(
        "scores export",
        lambda w: reverse("judging_export", args=[w.round.pk, "nilai", "csv"]),
        statuses(ACTORS, 404, sekretariat=200),
    ),
    Case(
        "assignment list",
        lambda w: reverse("judging_assignments", args=[w.round.pk]),
        statuses(ACTORS, 404, sekretariat=200),
    ),
    Case(
        "judge's round list",
        lambda w: reverse("judging_round_sheets", args=[w.round.pk]),
        statuses(ACTORS, 404, evaluator=200, evaluator2=200),
    ),
]


@pytest.mark.parametrize("case", with_two_role_actors(CASES, MIRRORS), ids=lambda c: c.name)
@pytest.mark.parametrize("actor", [*ACTORS, *TWO_ROLE_ACTORS, "anon"])
def test_access_matrix(client, world, case, actor):
    user = None if actor == "anon" else getattr(world, actor, None) or getattr(world.babel, actor)

    check_access(client, user=user, actor=actor, case=case, context=(world,), snapshot=snapshot)


def test_conflicted_assignment_answers_404_until_overridden(client, world):
    Conflict.objects.create(
        competition=world.competition,
        proposal=world.bt,
        user=world.evaluator,
        source=ConflictSource.STRUCTURE,
        reason="Wilayah sama",
    )
    client.force_login(world.evaluator)
    url = reverse("judging_sheet", args=[world.draft.pk])

    assert client.get(url).status_code == 404
    listing = client.get(reverse("judging_round_sheets", args=[world.round.pk])).content.decode()
    assert world.bt.title not in listing

    world.draft.assignment.__class__.objects.filter(pk=world.draft.assignment_id).update(
        override_reason="Ditetapkan Sekretariat"
    )
    assert client.get(url).status_code == 200


def test_judge_never_sees_another_judges_scores(client, world):
    client.force_login(world.evaluator)

    page = client.get(reverse("judging_sheet", args=[world.draft.pk])).content.decode()
    listing = client.get(reverse("judging_round_sheets", args=[world.round.pk])).content.decode()

    assert "RAHASIA-JURI-DUA" not in page
    assert str(world.other.total) not in listing
    assert client.get(reverse("judging_sheet", args=[world.other.pk])).status_code == 404


def test_operator_sees_no_score_of_its_proposal(client, world):
    client.force_login(world.babel.operator_bt)

    page = client.get(reverse("proposal_detail", args=[world.bt.pk]))

    assert page.status_code == 200
    text = page.content.decode()
    assert "RAHASIA-JURI-DUA" not in text
    assert str(world.other.total) not in text
    for name in ("judging_results", "judging_assignments", "judging_round"):
        assert client.get(reverse(name, args=[world.round.pk])).status_code == 404
