"""Rounds and rubrics: the default PermenPANRB rubric, weights, entries and judges."""

import pytest

from hubs.enums import Role
from judging.enums import JudgeTeam
from judging.models import Criterion, Descriptor, RoundEntry
from judging.services.rounds import (
    CriterionInput,
    round_enter_admin_passed,
    round_judges_set,
    round_save,
    rubric_save,
)
from kipp.errors import Refused
from tests import factories as f

from .conftest import round_values


def test_new_scoring_round_gets_the_five_permenpanrb_criteria(scoring):
    criteria = list(scoring.round.criteria.order_by("order"))

    assert [c.name for c in criteria] == [
        "Kebaruan",
        "Efektif",
        "Bermanfaat",
        "Mudah direplikasi",
        "Berkelanjutan",
    ]
    assert sum(c.weight for c in criteria) == 100
    bands = list(criteria[0].descriptors.order_by("low").values_list("low", "high"))
    assert bands == [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10)]


def test_rubric_weights_must_sum_to_100(scoring):
    items = [CriterionInput(name="Kebaruan", weight=60), CriterionInput(name="Efektif", weight=30)]

    with pytest.raises(Refused) as refused:
        rubric_save(round_=scoring.round, actor=scoring.sekretariat, criteria=items)

    assert "100%" in refused.value.messages[0]
    assert scoring.round.criteria.count() == 5


def test_rubric_save_replaces_criteria_and_descriptors(scoring):
    items = [
        CriterionInput(name="Dampak", weight=70, descriptors=[(1, 5, "Kecil"), (6, 10, "Besar")]),
        CriterionInput(name="Keberlanjutan", weight=30),
    ]

    rubric_save(round_=scoring.round, actor=scoring.sekretariat, criteria=items)

    assert list(scoring.round.criteria.values_list("name", "weight")) == [
        ("Dampak", 70),
        ("Keberlanjutan", 30),
    ]
    assert Descriptor.objects.filter(criterion__round=scoring.round).count() == 2


def test_rubric_descriptor_outside_the_scale_is_refused(scoring):
    items = [CriterionInput(name="Dampak", weight=100, descriptors=[(0, 12, "Salah")])]

    with pytest.raises(Refused):
        rubric_save(round_=scoring.round, actor=scoring.sekretariat, criteria=items)

    assert Criterion.objects.filter(round=scoring.round, name="Dampak").count() == 0


def test_first_round_takes_only_admin_passed_proposals(scoring):
    entered = set(RoundEntry.objects.filter(round=scoring.round).values_list("proposal", flat=True))

    assert entered == {scoring.bb.pk, scoring.bt.pk, scoring.me.pk}
    assert round_enter_admin_passed(round_=scoring.round, actor=scoring.sekretariat) == 0


def test_later_round_is_not_filled_from_the_administrative_selection(scoring):
    later = round_save(
        competition=scoring.competition,
        actor=scoring.sekretariat,
        values=round_values(order=2, name="Presentasi", team=JudgeTeam.PANELIST),
    )

    with pytest.raises(Refused):
        round_enter_admin_passed(round_=later, actor=scoring.sekretariat)

    assert later.entries.count() == 0


def test_judges_must_hold_the_team_role_for_the_organiser(scoring):
    hub_evaluator = f.organiser(Role.EVALUATOR, hub=scoring.babel.hub, username="eval.hub")

    for outsider in (scoring.babel.panelist, hub_evaluator):
        with pytest.raises(Refused):
            round_judges_set(
                round_=scoring.round, actor=scoring.sekretariat, users=[scoring.evaluator, outsider]
            )

    assert scoring.round.judges.count() == 3


def test_hub_admin_cannot_set_up_a_national_round(scoring):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        round_save(
            competition=scoring.competition,
            actor=scoring.babel.hub_admin,
            values=round_values(order=3),
        )

    assert scoring.competition.rounds.count() == 1


def test_hub_competition_takes_the_hubs_own_panel(scoring):
    from tests.kipp import factories as kf

    babel = scoring.babel
    competition = kf.competition(name="KIPP Babel 2025", hub=babel.hub)
    round_ = round_save(
        competition=competition,
        actor=babel.hub_admin,
        values=round_values(team=JudgeTeam.PANELIST, name="Panel provinsi"),
    )
    hub_panelist = f.organiser(Role.PANELIST, hub=babel.hub, username="panelis.babel")

    with pytest.raises(Refused):
        round_judges_set(round_=round_, actor=babel.hub_admin, users=[babel.panelist])
    round_judges_set(round_=round_, actor=babel.hub_admin, users=[hub_panelist])

    assert list(round_.judges.values_list("user__username", flat=True)) == ["panelis.babel"]
