"""Forwarding stamps the proposal with its time and the instansi's participant cluster and 3T
status, in the same save; the selection list sorts and filters on those stored values."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hubs.enums import Cluster, InstansiKind
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal
from kipp.selectors.selection import proposals_in_selection
from kipp.services import workflow
from tests import factories as f
from tests.kipp import factories as kf

LIST = "/seleksi/administrasi/"


def _submitted(unit, actor, competition, title) -> Proposal:
    return kf.proposal(unit, actor, competition=competition, state=S.SUBMITTED, title=title)


def _forward(proposal, actor, now=None) -> Proposal:
    return workflow.proposal_transition(
        proposal=proposal, actor=actor, to_state=S.FORWARDED, now=now
    )


def _stamps(proposal) -> tuple:
    proposal.refresh_from_db()
    return proposal.forwarded_at, proposal.cluster, proposal.is_3t


def test_forward_stores_time_cluster_and_3t(babel, kipp2025):
    babel.bb_region.is_3t = True
    babel.bb_region.save()
    proposal = _submitted(babel.kominfo, babel.operator_bb, kipp2025, "Sadewa")
    now = timezone.now()

    _forward(proposal, babel.admin_bb, now=now)

    assert (proposal.forwarded_at, proposal.cluster, proposal.is_3t) == (
        now,
        Cluster.KABUPATEN,
        True,
    )
    assert _stamps(proposal) == (now, Cluster.KABUPATEN, True)
    assert proposal.state == S.FORWARDED


def test_later_changes_to_the_instansi_leave_the_forwarded_values(babel, kipp2025):
    first = _submitted(babel.kominfo, babel.operator_bb, kipp2025, "Diteruskan Dulu")
    later = _submitted(babel.pdam, babel.operator_bb, kipp2025, "Diteruskan Kemudian")
    _forward(first, babel.admin_bb)
    before = _stamps(first)

    babel.bangka_barat.kind = InstansiKind.KOTA
    babel.bangka_barat.save()
    babel.bb_region.is_3t = True
    babel.bb_region.save()
    _forward(later, babel.admin_bb)

    assert before[1:] == (Cluster.KABUPATEN, False)
    assert _stamps(first) == before
    assert _stamps(later)[1:] == (Cluster.KOTA, True)


def test_ministry_and_bumd_snapshots(babel, kipp2025):
    ministry = f.InstansiFactory(
        name="Kementerian Contoh", kind=InstansiKind.KEMENTERIAN, region=None
    )
    bumd_region = f.RegencyFactory(code="19.06", name="Kabupaten Contoh 3T", is_3t=True)
    bumd = f.InstansiFactory(name="PDAM Contoh", kind=InstansiKind.BUMD, region=bumd_region)
    made = {}
    for instansi in (ministry, bumd):
        unit = f.UnitFactory(instansi=instansi)
        admin = f.admin_lokal(instansi, username=f"admin.{instansi.pk}")
        made[instansi.kind] = _forward(
            _submitted(unit, admin, kipp2025, f"Usulan {instansi.name}"), admin
        )

    assert _stamps(made[InstansiKind.KEMENTERIAN])[1:] == (Cluster.KEMENTERIAN, False)
    assert _stamps(made[InstansiKind.BUMD])[1:] == (Cluster.BUMN_BUMD, True)


def test_no_snapshot_before_forwarding_or_on_a_refused_forward(babel):
    competition = kf.competition(quotas={"umum": 1, "replikasi": 5, "khusus": 1})
    first = _submitted(babel.kominfo, babel.operator_bb, competition, "Pertama")
    second = _submitted(babel.kominfo, babel.operator_bb, competition, "Kedua")
    _forward(first, babel.admin_bb)

    with pytest.raises(Refused):
        _forward(second, babel.admin_bb)

    assert _stamps(second) == (None, "", None)
    assert second.state == S.SUBMITTED


def test_selection_list_is_in_forwarding_order(client, babel, kipp2025):
    start = timezone.now() - timedelta(hours=3)
    for title, unit, admin, offset in (
        ("Ketiga", babel.kominfo, babel.admin_bb, 2),
        ("Pertama", babel.disdukcapil, babel.admin_bt, 0),
        ("Kedua", babel.pdam, babel.admin_bb2, 1),
    ):
        _forward(
            _submitted(unit, admin, kipp2025, title), admin, now=start + timedelta(hours=offset)
        )
    client.force_login(babel.sekretariat)

    response = client.get(LIST, {"edisi": kipp2025.pk})
    rows = proposals_in_selection(user=babel.sekretariat, competition=kipp2025)

    assert [p.title for p in response.context["proposals"]] == ["Pertama", "Kedua", "Ketiga"]
    assert sorted(row.forwarded_at for row in rows) == [
        start,
        start + timedelta(hours=1),
        start + timedelta(hours=2),
    ]


def test_selection_filters_read_the_stored_cluster_and_3t(client, babel, kipp2025):
    babel.bb_region.is_3t = True
    babel.bb_region.save()
    _forward(_submitted(babel.kominfo, babel.operator_bb, kipp2025, "Barat"), babel.admin_bb)
    _forward(_submitted(babel.disdukcapil, babel.operator_bt, kipp2025, "Tengah"), babel.admin_bt)
    # Afterwards Bangka Barat becomes a kota outside 3T and Bangka Tengah's region turns 3T.
    babel.bangka_barat.kind = InstansiKind.KOTA
    babel.bangka_barat.save()
    babel.bb_region.is_3t = False
    babel.bb_region.save()
    babel.bt_region.is_3t = True
    babel.bt_region.save()
    client.force_login(babel.sekretariat)

    def titles(**params) -> set[str]:
        response = client.get(LIST, {"edisi": kipp2025.pk, **params})
        return {p.title for p in response.context["proposals"]}

    assert titles(cluster=Cluster.KABUPATEN) == {"Barat", "Tengah"}
    assert titles(cluster=Cluster.KOTA) == set()
    assert titles(is_3t="1") == {"Barat"}
    assert titles(is_3t="0") == {"Tengah"}
    assert titles() == {"Barat", "Tengah"}


def test_selection_indexes_serve_the_list_order():
    fields = [index.fields for index in Proposal._meta.indexes]

    assert ["competition", "state", "forwarded_at", "id"] in fields
    assert ["competition", "forwarded_at", "id"] in fields
