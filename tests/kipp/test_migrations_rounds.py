"""The data migrations of "Ready for rounds" carry existing rows over: round states become
`admin_passed` plus Result rows (0004), forwarded proposals get `forwarded_at` and their
cluster/3T snapshot (0006), and the verification JSON becomes rows (0008)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hubs.enums import Cluster
from kipp.enums import ChecklistItem, ResultLevel, VerificationStage
from kipp.enums import ProposalState as S
from kipp.models import Proposal, ProposalEvent, Result, Verification

BEFORE = [("kipp", "0002_sdg_goals")]
AFTER = [("kipp", "0009_remove_proposal_verification")]
T0 = datetime(2023, 2, 1, 2, tzinfo=UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_rows(apps, babel):
    """KIPP 2023 at the old schema: proposals in round states with their timelines, one
    forwarded, one submitted with a verification JSON."""
    Competition = apps.get_model("kipp", "Competition")
    Innovation = apps.get_model("kipp", "Innovation")
    Proposal = apps.get_model("kipp", "Proposal")
    ProposalEvent = apps.get_model("kipp", "ProposalEvent")
    competition = Competition.objects.create(
        name="KIPP 2023",
        slug="kipp-2023",
        year=2023,
        registration_opens_at=T0,
        registration_closes_at=T0 + timedelta(days=60),
        verification_closes_at=T0 + timedelta(days=70),
    )
    group = competition.groups.create(kind="umum", quota_per_instansi=10, min_age_months=24)
    unit = babel.kominfo

    def proposal(title, path, *, note="", verification=None, unit=unit):
        """A proposal that went through `path`; the last step carries `note`."""
        innovation = Innovation.objects.create(
            unit_id=unit.pk, title=title, started_on=T0.date(), created_by_id=babel.admin_bb.pk
        )
        made = Proposal.objects.create(
            competition=competition,
            group=group,
            innovation=innovation,
            unit_id=unit.pk,
            instansi_id=unit.instansi_id,
            title=title,
            state=path[-1],
            verification=verification or {},
            created_by_id=babel.admin_bb.pk,
        )
        for n, (previous, state) in enumerate(zip(["draft", *path], path, strict=False), 1):
            ProposalEvent.objects.create(
                proposal=made,
                actor_id=babel.sekretariat.pk,
                from_state=previous,
                to_state=state,
                note=note if n == len(path) else "",
                created_at=T0 + timedelta(days=n),
            )
        return made.pk

    passed = ["submitted", "forwarded", "admin_passed"]
    rounds = ["nominated", "finalist", "presented", "field_verified", "winner"]
    return {
        "winner": proposal("Juara", [*passed, *rounds]),
        "not_selected": proposal("Top 99 Saja", [*passed, "nominated", "finalist", "not_selected"]),
        "not_nominated": proposal("Tidak Nominasi", [*passed, "not_nominated"]),
        "outstanding": proposal("Bertahan", [*passed, "outstanding"]),
        "disqualified": proposal(
            "Didiskualifikasi",
            [*passed, "finalist", "disqualified"],
            note="Keberatan publik diterima.",
        ),
        "forwarded": proposal("Diteruskan", ["submitted", "forwarded"], unit=babel.disdukcapil),
        "verified": proposal(
            "Diperiksa",
            ["submitted"],
            verification={
                "checklist": {"age": True, "complete": False},
                "notes": {"sections": {"ringkasan": "Perjelas."}, "general": "Lengkapi SK."},
                "by": babel.admin_bb.pk,
                "at": "2023-03-01T10:00:00+07:00",
            },
        ),
    }


@pytest.mark.django_db(transaction=True)
def test_data_migrations_carry_existing_rows_over(babel):
    babel.bt_region.is_3t = True
    babel.bt_region.save()
    # Going back to BEFORE also unapplies every app whose migrations depend on kipp's; the
    # end puts the whole schema back, or later tests would miss their tables.
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        ids = _old_rows(_migrate(BEFORE), babel)
        _migrate(AFTER)
    finally:
        _migrate(latest)

    proposals = Proposal.objects.in_bulk(ids.values())
    states = {name: proposals[pk].state for name, pk in ids.items()}
    # 0004 made them admin_passed with Result rows; 0013 then gave each the final outcome
    # its results record (tests/kipp/test_final_outcome.py tests 0013 alone).
    assert states == {
        "winner": S.WINNER,
        "not_selected": S.NOT_SELECTED,
        "not_nominated": S.ADMIN_PASSED,
        "outstanding": S.OUTSTANDING,
        "disqualified": S.DISQUALIFIED,
        "forwarded": S.FORWARDED,
        "verified": S.SUBMITTED,
    }
    results = {
        (row.proposal_id, row.level): row for row in Result.objects.select_related("revoked_by")
    }
    assert sorted(results) == sorted(
        [
            (ids["winner"], ResultLevel.TOP99),
            (ids["winner"], ResultLevel.TOP45),
            (ids["not_selected"], ResultLevel.TOP99),
            (ids["outstanding"], ResultLevel.OUTSTANDING),
            (ids["disqualified"], ResultLevel.TOP99),
        ]
    )
    # Published when the state was reached (finalist on day 5, winner on day 8).
    assert results[ids["winner"], ResultLevel.TOP99].published_at == T0 + timedelta(days=5)
    assert results[ids["winner"], ResultLevel.TOP45].published_at == T0 + timedelta(days=8)
    revoked = results[ids["disqualified"], ResultLevel.TOP99]
    assert (revoked.revoked_at, revoked.revoked_by, revoked.revoked_reason) == (
        T0 + timedelta(days=5),
        babel.sekretariat,
        "Keberatan publik diterima.",
    )
    # Timelines stay as written.
    assert ProposalEvent.objects.filter(proposal_id=ids["winner"]).last().to_state == "winner"

    forwarded = proposals[ids["forwarded"]]
    assert (forwarded.forwarded_at, forwarded.cluster, forwarded.is_3t) == (
        T0 + timedelta(days=2),
        Cluster.KABUPATEN,
        True,
    )
    winner = proposals[ids["winner"]]
    assert (winner.forwarded_at, winner.cluster, winner.is_3t) == (
        T0 + timedelta(days=2),
        Cluster.KABUPATEN,
        False,
    )
    verified = proposals[ids["verified"]]
    assert (verified.forwarded_at, verified.cluster, verified.is_3t) == (None, "", None)

    verification = Verification.objects.get()
    assert (verification.proposal_id, verification.stage, verification.note) == (
        ids["verified"],
        VerificationStage.LOCAL,
        "Lengkapi SK.",
    )
    assert verification.verified_by == babel.admin_bb
    assert verification.verified_at == datetime(2023, 3, 1, 3, tzinfo=UTC)
    assert verification.checklist == {ChecklistItem.AGE: True, ChecklistItem.COMPLETE: False}
    assert verification.section_notes == {"ringkasan": "Perjelas."}
