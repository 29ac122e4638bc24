"""Affiliations a judge declares: they release conflicted drafts and count at assignment."""

import pytest
from django.urls import reverse

from judging.enums import ConflictSource
from judging.models import Affiliation, Conflict
from judging.services.assignment import assignment_add, assignment_run
from judging.services.conflicts import affiliation_add, affiliation_remove
from kipp.errors import Refused

from .conftest import fill_sheet


def test_declared_instansi_releases_draft_assignments_on_it(scoring):
    add = {"round_": scoring.round, "actor": scoring.sekretariat}
    draft = assignment_add(proposal=scoring.bt, judge=scoring.evaluator, **add)
    kept = assignment_add(proposal=scoring.me, judge=scoring.evaluator, **add)

    affiliation_add(user=scoring.evaluator, instansi=scoring.babel.bangka_tengah)

    assert list(scoring.round.assignments.filter(judge=scoring.evaluator)) == [kept]
    conflict = Conflict.objects.get(user=scoring.evaluator)
    assert (conflict.proposal, conflict.source) == (scoring.bt, ConflictSource.STRUCTURE)
    assert not type(draft).objects.filter(pk=draft.pk).exists()


def test_submitted_sheets_stay_after_a_declaration(scoring):
    done = assignment_add(
        round_=scoring.round,
        proposal=scoring.bt,
        judge=scoring.evaluator,
        actor=scoring.sekretariat,
    )
    fill_sheet(done.sheet, scoring.evaluator, 7)

    affiliation_add(user=scoring.evaluator, region=scoring.babel.province)

    assert scoring.round.assignments.filter(pk=done.pk).exists()
    assert not Conflict.objects.exists()


def test_declared_region_keeps_the_judge_off_at_the_next_assignment(scoring):
    affiliation_add(user=scoring.evaluator2, region=scoring.babel.muara_enim.region)
    scoring.round.judges_per_proposal = 1
    scoring.round.save()

    assignment_run(round_=scoring.round, actor=scoring.sekretariat)

    assert not scoring.round.assignments.filter(
        judge=scoring.evaluator2, proposal=scoring.me
    ).exists()


def test_affiliation_needs_an_instansi_or_a_region_and_its_owner(scoring):
    with pytest.raises(Refused):
        affiliation_add(user=scoring.evaluator, instansi=None, region=None)
    mine = affiliation_add(user=scoring.evaluator, region=scoring.babel.province)

    with pytest.raises(Refused):
        affiliation_remove(affiliation=mine, actor=scoring.evaluator2)
    affiliation_remove(affiliation=mine, actor=scoring.evaluator)

    assert not Affiliation.objects.exists()


def test_affiliation_page_declares_and_removes(client, scoring):
    client.force_login(scoring.evaluator)
    url = reverse("judging_affiliations")

    empty = client.post(url, {"description": "x"})
    client.post(url, {"instansi": scoring.babel.bangka_barat.pk, "description": "Mantan ASN"})
    mine = Affiliation.objects.get(user=scoring.evaluator)
    client.force_login(scoring.evaluator2)
    foreign = client.post(reverse("judging_affiliation_remove", args=[mine.pk]))

    assert "Pilih instansi atau wilayah." in empty.content.decode()
    assert (mine.instansi, mine.description) == (scoring.babel.bangka_barat, "Mantan ASN")
    assert foreign.status_code == 404
    assert client.get(url).status_code == 200
    client.force_login(scoring.babel.operator_bb)
    assert client.get(url).status_code == 404
