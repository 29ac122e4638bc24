"""Shortlists: built by the optimal solver from a run, explained, overridden with a reason,
published with a decree into Result rows, the next round and the uji publik window."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hubs.enums import Cluster
from judging.enums import RoundKind
from judging.models import RoundEntry
from judging.outcomes import shortlists as service
from judging.shortlist import RulesError
from kipp.enums import GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal, ProposalEvent, Result
from tests.judging.outcomes.helpers import passed, round_of, run_of

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


@pytest.fixture
def ranked(babel, kipp2025):
    """Five Bangka Barat proposals (kabupaten) scored 90..70 and two of Bangka Tengah
    recorded as kota scored 60 and 50, in a scoring round followed by a presentation."""
    kab = passed(babel.kominfo, babel.operator_bb, kipp2025, 5, prefix="Kab")
    kota = passed(babel.disdukcapil, babel.operator_bt, kipp2025, 2, prefix="Kota")
    Proposal.objects.filter(pk__in=[p.pk for p in kota]).update(cluster=Cluster.KOTA)
    scoring = round_of(kipp2025, 1)
    presentation = round_of(kipp2025, 2, RoundKind.PRESENTATION)
    scores = dict(zip(kab + kota, [90, 85, 80, 75, 70, 60, 50], strict=True))
    run = run_of(scoring, scores)
    return {"scoring": scoring, "next": presentation, "run": run, "kab": kab, "kota": kota}


def _build(babel, ranked, rules, level=ResultLevel.TOP99):
    return service.shortlist_build(
        round_=ranked["scoring"],
        run=ranked["run"],
        actor=babel.sekretariat,
        level=level,
        rules=rules,
    )


def _entries(shortlist):
    return {
        e.proposal.title: (e.selected, e.reason)
        for e in shortlist.entries.select_related("proposal")
    }


def test_optimal_selection_explains_every_candidate(babel, ranked):
    shortlist = _build(babel, ranked, {"size": 4, "cluster": {"kota": {"min": 1}}})

    assert (shortlist.feasible, shortlist.size, shortlist.total) == (True, 4, 315.0)
    assert shortlist.binding == ["Kota >= 1"]
    assert shortlist.published_at is None
    assert _entries(shortlist) == {
        "Kab 0": (True, "peringkat 1"),
        "Kab 1": (True, "peringkat 2"),
        "Kab 2": (True, "peringkat 3"),
        "Kab 3": (False, "peringkat 4, tidak terpilih: tempatnya dipakai untuk memenuhi Kota >= 1"),
        "Kab 4": (False, "peringkat 5, tidak terpilih: di luar 4 teratas"),
        "Kota 0": (True, "peringkat 6, diambil untuk memenuhi Kota >= 1"),
        "Kota 1": (False, "peringkat 7, tidak terpilih: di luar 4 teratas"),
    }
    # The shortlist is on the audit trail with its author and rules.
    created = shortlist.history.get()
    assert (created.history_user, created.rules) == (babel.sekretariat, shortlist.rules)


def test_instansi_maximum_leaves_out_with_its_reason(babel, ranked):
    shortlist = _build(babel, ranked, {"size": 4, "instansi_max": 3})

    assert _entries(shortlist)["Kab 3"] == (
        False,
        "peringkat 4, tidak terpilih: batas Instansi <= 3",
    )
    assert [e.proposal.title for e in shortlist.entries.filter(selected=True)] == [
        "Kab 0",
        "Kab 1",
        "Kab 2",
        "Kota 0",
    ]


def test_infeasible_rules_are_stored_with_the_rule_that_binds(babel, ranked):
    shortlist = _build(babel, ranked, {"size": 4, "cluster": {"kota": {"min": 3}}})

    assert (shortlist.feasible, shortlist.binding) == (False, ["Kota >= 3"])
    assert not shortlist.entries.filter(selected=True).exists()
    assert _entries(shortlist)["Kab 0"] == (
        False,
        "peringkat 1, tidak terpilih: aturan tidak dapat dipenuhi (Kota >= 3)",
    )


def test_malformed_rules_are_refused_before_anything_is_stored(babel, ranked):
    with pytest.raises(RulesError, match="Klaster tidak dikenal"):
        _build(babel, ranked, {"size": 4, "cluster": {"desa": {"min": 1}}})

    assert not ranked["scoring"].shortlists.exists()


@pytest.mark.parametrize("actor", ["evaluator", "panelist", "admin_bb", "hub_admin"])
def test_only_the_organiser_builds(babel, ranked, actor):
    with pytest.raises(PermissionDenied):
        service.shortlist_build(
            round_=ranked["scoring"],
            run=ranked["run"],
            actor=getattr(babel, actor),
            level=ResultLevel.TOP99,
            rules={"size": 2},
        )

    assert not ranked["scoring"].shortlists.exists()


def test_override_needs_a_reason_and_records_its_author(babel, ranked):
    shortlist = _build(babel, ranked, {"size": 4})
    entry = shortlist.entries.get(proposal__title="Kab 4")

    with pytest.raises(Refused, match="alasan"):
        service.shortlist_entry_override(
            entry=entry, actor=babel.sekretariat, selected=True, reason=" "
        )
    service.shortlist_entry_override(
        entry=entry, actor=babel.sekretariat, selected=True, reason="Hasil pleno tim panel."
    )

    entry.refresh_from_db()
    assert (entry.selected, entry.overridden, entry.override_reason, entry.overridden_by) == (
        True,
        True,
        "Hasil pleno tim panel.",
        babel.sekretariat,
    )
    # The solver's explanation stays; the change is on the audit trail with its reason.
    assert entry.reason == "peringkat 5, tidak terpilih: di luar 4 teratas"
    latest = entry.history.first()
    assert (latest.history_user, latest.history_change_reason, latest.selected) == (
        babel.sekretariat,
        "Hasil pleno tim panel.",
        True,
    )


def test_publish_grants_results_enters_the_next_round_and_opens_objections(babel, ranked):
    shortlist = _build(babel, ranked, {"size": 3})
    now = timezone.now()

    service.shortlist_publish(
        shortlist=shortlist,
        actor=babel.sekretariat,
        decree_number="B/99/M.KT.01/2025",
        decree_file=SimpleUploadedFile("sk.pdf", PDF, "application/pdf"),
        now=now,
    )

    shortlist.refresh_from_db()
    assert (shortlist.published_at, shortlist.decree_number) == (now, "B/99/M.KT.01/2025")
    assert shortlist.objection_closes_at == now + timedelta(days=5)
    with shortlist.decree_file.open("rb") as decree:
        assert decree.read(5) == b"%PDF-"
    assert sorted(
        Result.objects.filter(published_at=now).values_list("proposal__title", "level")
    ) == [("Kab 0", "top99"), ("Kab 1", "top99"), ("Kab 2", "top99")]
    assert sorted(
        RoundEntry.objects.filter(round=ranked["next"]).values_list("proposal__title", flat=True)
    ) == ["Kab 0", "Kab 1", "Kab 2"]
    # A Top 99 is not a final outcome: states stay.
    assert set(Proposal.objects.values_list("state", flat=True)) == {S.ADMIN_PASSED}
    with pytest.raises(Refused, match="sudah diumumkan"):
        service.shortlist_publish(
            shortlist=shortlist, actor=babel.sekretariat, decree_number="X", decree_file=None
        )
    with pytest.raises(Refused, match="sudah diumumkan"):
        service.shortlist_entry_override(
            entry=shortlist.entries.last(), actor=babel.sekretariat, selected=True, reason="x"
        )


def test_publish_needs_a_decree_number(babel, ranked):
    shortlist = _build(babel, ranked, {"size": 3})

    with pytest.raises(Refused, match="nomor surat keputusan"):
        service.shortlist_publish(
            shortlist=shortlist, actor=babel.sekretariat, decree_number="", decree_file=None
        )

    shortlist.refresh_from_db()
    assert shortlist.published_at is None
    assert not Result.objects.exists()


def test_final_publication_sets_winner_and_not_selected(babel, ranked, kipp2025):
    khusus = passed(
        babel.pdam, babel.operator_bb, kipp2025, 2, prefix="Khusus", kind=GroupKind.KHUSUS
    )
    final = round_of(kipp2025, 3, RoundKind.FINAL)
    finalists = ranked["kab"][:3] + ranked["kota"][:1]
    run = run_of(
        ranked["next"], dict(zip(finalists + khusus, [80, 70, 60, 50, 65, 55], strict=True))
    )
    for p in finalists + khusus:
        RoundEntry.objects.create(round=final, proposal=p)
    assert service.source_run(final) == run

    top45 = service.shortlist_build(
        round_=final, run=run, actor=babel.sekretariat, level=ResultLevel.TOP45, rules={"size": 2}
    )
    outstanding = service.shortlist_build(
        round_=final,
        run=run,
        actor=babel.sekretariat,
        level=ResultLevel.OUTSTANDING,
        rules={"size": 1},
    )
    for shortlist in (top45, outstanding):
        service.shortlist_publish(
            shortlist=shortlist,
            actor=babel.sekretariat,
            decree_number="B/45/2025",
            decree_file=None,
        )

    states = dict(
        Proposal.objects.filter(pk__in=[p.pk for p in finalists + khusus]).values_list(
            "title", "state"
        )
    )
    assert states == {
        "Kab 0": S.WINNER,
        "Kab 1": S.WINNER,
        "Kab 2": S.NOT_SELECTED,
        "Kota 0": S.NOT_SELECTED,
        "Khusus 0": S.OUTSTANDING,
        "Khusus 1": S.NOT_SELECTED,
    }
    assert sorted(Result.objects.values_list("proposal__title", "level")) == [
        ("Kab 0", "top45"),
        ("Kab 1", "top45"),
        ("Khusus 0", "outstanding"),
    ]
    event = ProposalEvent.objects.filter(proposal__title="Kab 0").order_by("pk").last()
    assert (event.to_state, event.actor) == (S.WINNER, babel.sekretariat)
