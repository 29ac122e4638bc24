"""Uji publik: objections only while the window is open and only against listed proposals,
limited per address and e-mail; upholding one disqualifies the proposal."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from judging.enums import ObjectionState
from judging.outcomes import objections as service
from judging.outcomes import shortlists
from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from kipp.errors import Refused
from kipp.models import Result
from tests.judging.outcomes.helpers import passed, round_of, run_of


@pytest.fixture
def published(babel, kipp2025):
    proposals = passed(babel.kominfo, babel.operator_bb, kipp2025, 3, prefix="Usulan")
    scoring = round_of(kipp2025, 1)
    run = run_of(scoring, dict(zip(proposals, [90, 80, 70], strict=True)))
    shortlist = shortlists.shortlist_build(
        round_=scoring, run=run, actor=babel.sekretariat, level=ResultLevel.TOP99, rules={"size": 2}
    )
    return shortlists.shortlist_publish(
        shortlist=shortlist, actor=babel.sekretariat, decree_number="B/1/2025", decree_file=None
    )


def _file(shortlist, proposal, **fields):
    values = {
        "name": "Budi Santoso",
        "email": "budi@example.id",
        "text": "Inovasi ini belum berjalan dua tahun.",
        "address": "203.0.113.7",
    }
    values.update(fields)
    return service.objection_file(shortlist=shortlist, proposal=proposal, **values)


def test_objection_during_the_window(published):
    top = published.entries.get(rank=1).proposal

    objection = _file(published, top, email=" Budi@Example.ID ")

    assert (objection.state, objection.email, objection.proposal) == (
        ObjectionState.RECEIVED,
        "budi@example.id",
        top,
    )


def test_no_objection_against_a_proposal_not_listed(published):
    left_out = published.entries.get(rank=3).proposal

    with pytest.raises(Refused, match="tidak ada di daftar"):
        _file(published, left_out)

    assert not published.objections.exists()


def test_no_objection_after_the_window(published):
    top = published.entries.get(rank=1).proposal

    with pytest.raises(Refused, match="tidak sedang dibuka"):
        _file(published, top, now=published.objection_closes_at)

    assert not published.objections.exists()


def test_filing_is_limited_per_email_and_per_address(published):
    top = published.entries.get(rank=1).proposal
    for n in range(service.PER_EMAIL_PER_SHORTLIST):
        _file(published, top, address=f"198.51.100.{n}")
    with pytest.raises(Refused, match="Terlalu banyak"):
        _file(published, top, address="198.51.100.99")
    for n in range(service.PER_ADDRESS_PER_HOUR):
        _file(published, top, email=f"warga{n}@example.id", address="192.0.2.1")
    with pytest.raises(Refused, match="Terlalu banyak"):
        _file(published, top, email="lain@example.id", address="192.0.2.1")

    assert published.objections.count() == 3 + 5


def test_upholding_disqualifies_and_revokes(babel, published):
    top = published.entries.get(rank=1).proposal
    objection = _file(published, top)

    with pytest.raises(Refused, match="catatan moderasi"):
        service.objection_moderate(
            objection=objection, actor=babel.sekretariat, uphold=True, note=""
        )
    service.objection_moderate(
        objection=objection,
        actor=babel.sekretariat,
        uphold=True,
        note="Terbukti belum berjalan dua tahun.",
    )

    objection.refresh_from_db()
    top.refresh_from_db()
    assert (objection.state, objection.moderated_by) == (ObjectionState.UPHELD, babel.sekretariat)
    assert top.state == S.DISQUALIFIED
    assert top.events.order_by("pk").last().note == "Terbukti belum berjalan dua tahun."
    result = Result.objects.get(proposal=top)
    assert (result.revoked_by, result.revoked_reason, result.counts) == (
        babel.sekretariat,
        "Terbukti belum berjalan dua tahun.",
        False,
    )
    entry = published.entries.get(proposal=top)
    assert (entry.selected, entry.overridden, entry.overridden_by) == (
        False,
        True,
        babel.sekretariat,
    )
    assert (
        entry.override_reason == "Keberatan publik dikabulkan: Terbukti belum berjalan dua tahun."
    )
    with pytest.raises(Refused, match="sudah diputuskan"):
        service.objection_moderate(
            objection=objection, actor=babel.sekretariat, uphold=False, note="x"
        )


def test_dismissing_changes_nothing_else(babel, published):
    top = published.entries.get(rank=1).proposal
    objection = _file(published, top)

    service.objection_moderate(
        objection=objection, actor=babel.sekretariat, uphold=False, note="Tidak terbukti."
    )

    objection.refresh_from_db()
    top.refresh_from_db()
    assert (objection.state, objection.moderation_note) == (
        ObjectionState.DISMISSED,
        "Tidak terbukti.",
    )
    assert top.state == S.ADMIN_PASSED
    assert Result.objects.get(proposal=top).counts


@pytest.mark.parametrize("actor", ["evaluator", "admin_bb", "operator_bb", "hub_admin"])
def test_only_the_organiser_moderates(babel, published, actor):
    objection = _file(published, published.entries.get(rank=1).proposal)

    with pytest.raises(PermissionDenied):
        service.objection_moderate(
            objection=objection,
            actor=getattr(babel, actor),
            uphold=True,
            note="x",
            now=timezone.now(),
        )

    objection.refresh_from_db()
    assert objection.state == ObjectionState.RECEIVED
