"""Fixtures of the judging tests: an open scoring round of KIPP 2025 with three evaluators
and admin_passed proposals from Bangka Barat, Bangka Tengah and Muara Enim."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from hubs.enums import Role
from judging.enums import JudgeTeam, RoundKind
from judging.services.rounds import round_enter_admin_passed, round_judges_set, round_save
from kipp.enums import ProposalState as S
from tests import factories as f
from tests.kipp import factories as kf


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def round_values(**overrides) -> dict:
    now = timezone.now()
    values = {
        "order": 1,
        "kind": RoundKind.SCORING,
        "name": "Penilaian desk",
        "team": JudgeTeam.EVALUATOR,
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=5),
        "judges_per_proposal": 2,
    }
    values.update(overrides)
    return values


@pytest.fixture
def scoring(babel):
    """KIPP 2025 with proposals bb, bt and me (admin_passed), a scoring round (k=2) whose
    judges are evaluator (no ties), evaluator2 and evaluator_bb (an evaluator who is also
    Admin Lokal of Bangka Barat: structurally conflicted with bb)."""
    competition = kf.competition()
    muara_unit = f.UnitFactory(instansi=babel.muara_enim, name="Dinas Kesehatan Muara Enim")
    operator_me = f.operator(muara_unit, username="upp.me")
    bb = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        state=S.ADMIN_PASSED,
        title="Sipadu Bangka Barat",
    )
    bt = kf.proposal(
        babel.disdukcapil,
        babel.operator_bt,
        competition=competition,
        state=S.ADMIN_PASSED,
        title="Dukcapil Jemput Bola",
    )
    me = kf.proposal(
        muara_unit,
        operator_me,
        competition=competition,
        state=S.ADMIN_PASSED,
        title="Sehat Muara",
    )
    failed = kf.proposal(
        muara_unit,
        operator_me,
        competition=competition,
        state=S.ADMIN_FAILED,
        title="Tidak Lolos",
    )
    evaluator2 = f.organiser(Role.EVALUATOR, username="evaluator2")
    evaluator_bb = f.organiser(Role.EVALUATOR, username="evaluator.bb")
    f.MembershipFactory(user=evaluator_bb, role=Role.ADMIN_LOKAL, instansi=babel.bangka_barat)
    round_ = round_save(competition=competition, actor=babel.sekretariat, values=round_values())
    round_enter_admin_passed(round_=round_, actor=babel.sekretariat)
    round_judges_set(
        round_=round_, actor=babel.sekretariat, users=[babel.evaluator, evaluator2, evaluator_bb]
    )
    return SimpleNamespace(
        babel=babel,
        competition=competition,
        round=round_,
        bb=bb,
        bt=bt,
        me=me,
        failed=failed,
        operator_me=operator_me,
        evaluator=babel.evaluator,
        evaluator2=evaluator2,
        evaluator_bb=evaluator_bb,
        sekretariat=babel.sekretariat,
    )


def fill_sheet(sheet, judge, values, *, submit=True, comment=""):
    """Score every criterion of the sheet's round with `values` (in criterion order)."""
    from judging.enums import SheetState
    from judging.services.sheets import sheet_save, sheet_transition

    criteria = list(sheet.assignment.round.criteria.order_by("order", "pk"))
    if not isinstance(values, (list, tuple)):
        values = [values] * len(criteria)
    sheet_save(
        sheet=sheet,
        actor=judge,
        version=sheet.version,
        scores={c.pk: (v, "") for c, v in zip(criteria, values, strict=True)},
        comment=comment,
    )
    if submit:
        sheet_transition(sheet=sheet, actor=judge, to_state=SheetState.SUBMITTED)
    sheet.refresh_from_db()
    return sheet
