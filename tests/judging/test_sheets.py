"""Score sheets: drafts with a version check, submit (locked, total), reopen with a reason,
the round's dates, the immutable timeline and the scores' history."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from judging.enums import SheetState
from judging.models import Score, SheetEvent
from judging.services.assignment import assignment_add
from judging.services.sheets import sheet_save, sheet_transition
from kipp.errors import Refused

from .conftest import fill_sheet


@pytest.fixture
def sheet(scoring):
    assignment = assignment_add(
        round_=scoring.round,
        proposal=scoring.bt,
        judge=scoring.evaluator,
        actor=scoring.sekretariat,
    )
    return assignment.sheet


def _criteria(sheet):
    return list(sheet.assignment.round.criteria.order_by("order", "pk"))


def test_draft_save_writes_scores_and_bumps_the_version(scoring, sheet):
    first = _criteria(sheet)[0]

    sheet_save(
        sheet=sheet,
        actor=scoring.evaluator,
        version=1,
        scores={first.pk: ("7,5", "Cukup baru")},
        comment="Menarik",
    )

    score = Score.objects.get(sheet=sheet, criterion=first)
    assert (score.value, score.comment) == (Decimal("7.50"), "Cukup baru")
    sheet.refresh_from_db()
    assert (sheet.version, sheet.comment, sheet.state) == (2, "Menarik", SheetState.DRAFT)


def test_stale_version_is_refused_and_changes_nothing(scoring, sheet):
    first = _criteria(sheet)[0]
    sheet_save(
        sheet=sheet, actor=scoring.evaluator, version=1, scores={first.pk: ("6", "")}, comment=""
    )

    with pytest.raises(Refused) as refused:
        sheet_save(
            sheet=sheet,
            actor=scoring.evaluator,
            version=1,
            scores={first.pk: ("9", "")},
            comment="",
        )

    assert "diubah di tempat lain" in refused.value.messages[0]
    assert Score.objects.get(sheet=sheet, criterion=first).value == Decimal("6.00")


@pytest.mark.parametrize("value", ["11", "0", "abc", "nan"])
def test_value_outside_the_scale_is_refused(scoring, sheet, value):
    first = _criteria(sheet)[0]

    with pytest.raises(Refused):
        sheet_save(
            sheet=sheet,
            actor=scoring.evaluator,
            version=1,
            scores={first.pk: (value, "")},
            comment="",
        )

    assert not Score.objects.filter(sheet=sheet).exists()


def test_submit_needs_every_criterion(scoring, sheet):
    first = _criteria(sheet)[0]
    sheet_save(
        sheet=sheet, actor=scoring.evaluator, version=1, scores={first.pk: ("6", "")}, comment=""
    )

    with pytest.raises(Refused) as refused:
        sheet_transition(sheet=sheet, actor=scoring.evaluator, to_state=SheetState.SUBMITTED)

    assert "Efektif" in refused.value.messages[0]
    sheet.refresh_from_db()
    assert sheet.state == SheetState.DRAFT


def test_submit_locks_the_sheet_with_its_weighted_total(scoring, sheet):
    fill_sheet(sheet, scoring.evaluator, [10, 10, 1, 1, 5.5])

    # (20*1 + 20*1 + 0 + 0 + 20*0.5) = 50
    assert (sheet.state, sheet.total) == (SheetState.SUBMITTED, Decimal("50.00"))
    event = SheetEvent.objects.get(sheet=sheet)
    assert (event.from_state, event.to_state, event.actor) == (
        SheetState.DRAFT,
        SheetState.SUBMITTED,
        scoring.evaluator,
    )
    with pytest.raises(Refused):
        sheet_save(
            sheet=sheet, actor=scoring.evaluator, version=sheet.version, scores={}, comment="x"
        )
    sheet.refresh_from_db()
    assert sheet.comment == ""


def test_only_the_organiser_reopens_and_only_with_a_reason(scoring, sheet):
    fill_sheet(sheet, scoring.evaluator, 8)

    with pytest.raises(Refused):
        sheet_transition(
            sheet=sheet, actor=scoring.evaluator, to_state=SheetState.REOPENED, note="Ubah"
        )
    with pytest.raises(Refused):
        sheet_transition(sheet=sheet, actor=scoring.sekretariat, to_state=SheetState.REOPENED)
    sheet_transition(
        sheet=sheet, actor=scoring.sekretariat, to_state=SheetState.REOPENED, note="Salah ketik"
    )

    sheet.refresh_from_db()
    assert sheet.state == SheetState.REOPENED
    assert scoring.evaluator.notifications.filter(subject__contains="dibuka kembali").count() == 1
    assert list(sheet.events.values_list("to_state", "note")) == [
        (SheetState.SUBMITTED, ""),
        (SheetState.REOPENED, "Salah ketik"),
    ]


def test_reopened_sheet_can_be_changed_and_resubmitted(scoring, sheet):
    fill_sheet(sheet, scoring.evaluator, 8)
    sheet_transition(
        sheet=sheet, actor=scoring.sekretariat, to_state=SheetState.REOPENED, note="Cek"
    )

    fill_sheet(sheet, scoring.evaluator, 10)

    assert (sheet.state, sheet.total) == (SheetState.SUBMITTED, Decimal("100.00"))
    first = _criteria(sheet)[0]
    assert list(
        Score.history.filter(sheet_id=sheet.pk, criterion_id=first.pk)
        .order_by("history_date")
        .values_list("value", flat=True)
    ) == [Decimal("8.00"), Decimal("10.00")]


def test_nobody_submits_after_the_round_closes(scoring, sheet):
    fill_sheet(sheet, scoring.evaluator, 7, submit=False)
    later = timezone.now() + timedelta(days=6)

    with pytest.raises(Refused) as refused:
        sheet_transition(
            sheet=sheet, actor=scoring.evaluator, to_state=SheetState.SUBMITTED, now=later
        )

    assert "ditutup" in refused.value.messages[0]
    sheet.refresh_from_db()
    assert sheet.state == SheetState.DRAFT


def test_another_judge_cannot_save_or_submit_the_sheet(scoring, sheet):
    with pytest.raises(Refused):
        sheet_save(sheet=sheet, actor=scoring.evaluator2, version=1, scores={}, comment="x")
    fill_sheet(sheet, scoring.evaluator, 7, submit=False)
    with pytest.raises(Refused):
        sheet_transition(sheet=sheet, actor=scoring.evaluator2, to_state=SheetState.SUBMITTED)

    sheet.refresh_from_db()
    assert (sheet.state, sheet.comment) == (SheetState.DRAFT, "")


def test_sheet_events_are_immutable(scoring, sheet):
    fill_sheet(sheet, scoring.evaluator, 7)
    event = sheet.events.get()

    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()

    assert sheet.events.count() == 1
