"""The competition demo data: every early state in KIPP 2025, the KIPP 2023 history."""

import io

from django.core.management import call_command
from django.utils import timezone

from hubs.enums import Cluster
from kipp.eligibility import submission_problems
from kipp.enums import QUOTA_STATES, GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.models import Competition, Proposal, ProposalEvent, Result


def _open_competition() -> Competition:
    """The demo competition in registration (the others are history or in judging)."""
    return Competition.objects.get(registration_closes_at__gt=timezone.now())


def test_seed_demo_loads_both_competitions_idempotently(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Proposal.objects.count(), ProposalEvent.objects.count(), Result.objects.count())
    call_command("seed_demo", stdout=io.StringIO())

    assert (
        Proposal.objects.count(),
        ProposalEvent.objects.count(),
        Result.objects.count(),
    ) == counts
    kipp2025 = Proposal.objects.filter(competition=_open_competition())
    assert set(kipp2025.values_list("state", flat=True)) == {
        S.DRAFT,
        S.SUBMITTED,
        S.RETURNED,
        S.FORWARDED,
        S.REJECTED_LOCALLY,
        S.WITHDRAWN,
        S.ADMIN_PASSED,
        S.ADMIN_FAILED,
    }
    bangka_barat = kipp2025.filter(instansi__name="Pemerintah Kabupaten Bangka Barat")
    assert sorted(bangka_barat.values_list("unit__name", flat=True)) == [
        "Dinas Komunikasi dan Informatika",
        "Dinas Komunikasi dan Informatika",
        "Dinas Komunikasi dan Informatika",
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        "Dinas Perumahan Rakyat, Kawasan Permukiman dan Perhubungan",
        "PDAM Tirta Sejiran Setason",
        "PDAM Tirta Sejiran Setason",
        "PDAM Tirta Sejiran Setason",
    ]
    # Every demo operator has a draft to open and a returned proposal or one in progress.
    for username in ("upp.kominfo.bangkabarat", "upp.pdam.bangkabarat", "upp.bangkatengah"):
        states = set(
            kipp2025.filter(unit__memberships__user__username=username).values_list(
                "state", flat=True
            )
        )
        assert S.DRAFT in states and len(states) >= 3, (username, states)
    # Forwarded-and-later proposals carry what the forward transition stamps.
    forwarded = kipp2025.filter(state__in=QUOTA_STATES)
    assert forwarded.count() == 3
    assert not forwarded.filter(forwarded_at__isnull=True).exists()
    assert set(forwarded.values_list("cluster", "is_3t")) == {(Cluster.KABUPATEN, False)}
    # Every state's timeline ends where the proposal stands.
    for proposal in kipp2025:
        assert proposal.events.order_by("created_at", "pk").last().to_state == proposal.state
    # The 2023 Top 45 is a valid replication source and the replication is eligible.
    replication = kipp2025.get(group__kind=GroupKind.REPLIKASI)
    assert replication.source_innovation.title == "Sapa Warga Babar"
    assert submission_problems(replication) == []
    # The 2023 history: published results, and the final outcome on the state beside them
    # (the judging demo adds the rest of KIPP 2023 around these three).
    known = [
        "Sapa Warga Babar",
        "Si Jempol: Dukcapil Jemput Bola",
        "Posyandu Digital Pangkalpinang",
    ]
    kipp2023 = Proposal.objects.filter(competition__slug="kipp-2023", title__in=known)
    assert dict(kipp2023.values_list("title", "state")) == {
        "Sapa Warga Babar": S.WINNER,
        "Si Jempol: Dukcapil Jemput Bola": S.NOT_SELECTED,
        "Posyandu Digital Pangkalpinang": S.ADMIN_PASSED,
    }
    assert sorted(
        Result.objects.filter(
            published_at__isnull=False, revoked_at__isnull=True, proposal__title__in=known
        ).values_list("proposal__title", "level")
    ) == [
        ("Sapa Warga Babar", ResultLevel.TOP45),
        ("Sapa Warga Babar", ResultLevel.TOP99),
        ("Si Jempol: Dukcapil Jemput Bola", ResultLevel.TOP99),
    ]


def test_demo_proposals_moved_by_the_transition_function(db, settings):
    """Every demo state was reached through `proposal_transition`: each step has its actor,
    the last event names the current state, and the demo passes the same rules as people."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())

    for proposal in Proposal.objects.prefetch_related("events"):
        events = list(proposal.events.order_by("created_at", "pk"))
        assert events[0].from_state == "" and events[0].to_state == S.DRAFT, proposal.title
        assert events[-1].to_state == proposal.state, proposal.title
        assert all(event.actor_id for event in events), proposal.title
        assert [e.from_state for e in events[1:]] == [e.to_state for e in events[:-1]]
        if proposal.state == S.FORWARDED:
            assert proposal.forwarded_at == events[-1].created_at
    history = Proposal.objects.filter(competition__slug="kipp-2023")
    assert {e.created_at.year for p in history for e in p.events.all()} == {2023}


def test_open_demo_competition_is_named_for_the_year_its_registration_closes(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())

    open_one = _open_competition()
    year = timezone.localtime(open_one.registration_closes_at).year
    assert (open_one.name, open_one.slug, open_one.year) == (f"KIPP {year}", f"kipp-{year}", year)
    assert open_one.registration_open()
