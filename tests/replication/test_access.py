"""Access matrix of the replication pages: the Admin Lokal reaches only its instansi's
commitments, the hub admin and the mentor only their hub's province; refused requests
change nothing."""

import pytest

from hubs.roles import forget_roles
from replication.enums import DocumentKind
from replication.models import Activity, Commitment, Document
from replication.selectors.access import commitments_visible_to
from replication.services import commitments as services
from replication.services import programmes
from tests.access import Case, check_access, statuses, two_role_people, with_two_role_actors

from .helpers import pdf

ACTORS = (
    "admin_bb",
    "admin_bb2",
    "admin_bt",
    "operator_bb",
    "evaluator",
    "hub_admin",
    "mentor",
    "hub_sumsel",
    "mentor_sumsel",
    "sekretariat",
)
READERS = {"admin_bb", "admin_bb2", "hub_admin", "mentor", "sekretariat"}
EDITORS = {"admin_bb", "admin_bb2", "hub_admin", "sekretariat"}
MIRRORS = {
    "sek_panelist_hub": "sekretariat",
    "admin_operator": "admin_bt",
    "evaluator_hub": "hub_admin",
}


def _only(allowed: set, ok: int) -> dict:
    return statuses(ACTORS, 404, **dict.fromkeys(allowed, ok))


CASES = with_two_role_actors(
    [
        Case("detail", lambda c, d, a: f"/replikasi/komitmen/{c.pk}/", _only(READERS, 200)),
        Case(
            "download",
            lambda c, d, a: f"/replikasi/komitmen/{c.pk}/dokumen/{d.pk}/",
            _only(READERS, 200),
        ),
        Case(
            "programme",
            lambda c, d, a: f"/replikasi/program/{c.programme_id}/",
            _only(READERS | {"admin_bt"}, 200),
        ),
        Case(
            "signing",
            lambda c, d, a: f"/replikasi/komitmen/{c.pk}/ttd/",
            _only(EDITORS, 302),
            method="post",
            data=lambda c, d, a: {
                "ttd-signatory": "Bupati Bangka Barat",
                "ttd-position": "Bupati",
                "ttd-signed_on": "2021-03-25",
            },
            changes=frozenset(EDITORS),
        ),
        Case(
            "coaching note",
            lambda c, d, a: f"/replikasi/komitmen/{c.pk}/catatan/",
            _only({"mentor"}, 302),
            method="post",
            data=lambda c, d, a: {"catatan-body": "Perjelas indikator keberhasilan."},
            changes=frozenset({"mentor"}),
        ),
        Case(
            "drop",
            lambda c, d, a: f"/replikasi/komitmen/{c.pk}/tahap/",
            _only(READERS, 302),
            method="post",
            data=lambda c, d, a: {"to_state": "dropped", "note": "Anggaran dialihkan"},
            changes=frozenset(EDITORS),
        ),
        Case(
            "activity status",
            lambda c, d, a: f"/replikasi/kegiatan/{a.pk}/status/",
            _only(EDITORS, 302),
            method="post",
            data=lambda c, d, a: {"status": "done"},
            changes=frozenset(EDITORS),
        ),
        Case(
            "programme create",
            lambda c, d, a: "/replikasi/program/baru/",
            _only({"hub_admin", "sekretariat", "hub_sumsel"}, 200),
        ),
    ],
    MIRRORS,
)


def _snapshot(commitment):
    def snapshot():
        row = Commitment.objects.get(pk=commitment.pk)
        return (
            row.stage,
            row.signatory,
            row.signed_on,
            row.coaching_notes.count(),
            row.documents.count(),
            row.events.count(),
            tuple(row.activities.values_list("status", flat=True)),
        )

    return snapshot


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("actor", [*ACTORS, *MIRRORS, "anon"])
def test_replication_access(client, repl, case, actor):
    two_role_people(repl.babel)
    document = services.document_add(
        actor=repl.babel.admin_bb,
        commitment=repl.commitment,
        kind=DocumentKind.SIGNED_COMMITMENT,
        upload=pdf(),
    )
    activity = Activity.objects.create(
        commitment=repl.commitment,
        name="Sosialisasi",
        responsible_unit="Bagian Organisasi",
        due_on=repl.programme.ends_on,
    )
    user = None if actor == "anon" else getattr(repl, actor, None) or getattr(repl.babel, actor)
    check_access(
        client,
        user=user,
        actor=actor,
        case=case,
        context=(repl.commitment, document, activity),
        snapshot=_snapshot(repl.commitment),
    )


def test_hub_and_mentor_see_only_their_province(repl):
    sumsel_programme = programmes.programme_create(
        actor=repl.hub_sumsel,
        hub=repl.sumsel,
        name="Replikasi Sumatera Selatan 2022",
        year=2022,
        starts_on=repl.programme.starts_on,
        ends_on=repl.programme.ends_on,
    )
    babel_source = Commitment.objects.get(pk=repl.commitment.pk).source_innovation
    # Muara Enim replicates a Babel-held catalogue innovation? Use the same source from
    # another instansi is refused (own innovation), so give Muara Enim a commitment via
    # the Sekretariat on a Babel catalogue innovation instead.
    from kipp.enums import ProposalState as S
    from kipp.enums import ResultLevel
    from tests.kipp import factories as kf

    babel_innovation = kf.history(
        repl.babel.kominfo,
        repl.babel.operator_bb,
        competition=repl.kipp2023,
        title="Sapa Warga Babar",
        reached=[S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED],
        results=[ResultLevel.TOP45],
    ).innovation
    sumsel_commitment = services.commitment_create(
        actor=repl.hub_sumsel,
        programme=sumsel_programme,
        instansi=repl.babel.muara_enim,
        source_innovation=babel_innovation,
        title="Sapa Warga Muara Enim",
    )
    assert babel_source == repl.source

    def seen(user):
        forget_roles(user)
        return set(commitments_visible_to(user).values_list("pk", flat=True))

    babel, sumsel = {repl.commitment.pk}, {sumsel_commitment.pk}
    assert seen(repl.babel.hub_admin) == babel
    assert seen(repl.mentor) == babel
    assert seen(repl.hub_sumsel) == sumsel
    assert seen(repl.mentor_sumsel) == sumsel
    assert seen(repl.babel.admin_bb) == babel
    assert seen(repl.babel.admin_bt) == set()
    assert seen(repl.babel.sekretariat) == babel | sumsel
    assert seen(repl.babel.evaluator) == set()


def test_admin_lokal_cannot_commit_for_another_instansi(repl):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.commitment_create(
            actor=repl.babel.admin_bt,
            programme=repl.programme,
            instansi=repl.babel.bangka_barat,
            source_innovation=repl.source,
            title="Izin Kilat BB lagi",
        )
    assert Commitment.objects.count() == 1
    assert not Document.objects.exists()
