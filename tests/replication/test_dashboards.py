"""Dashboards and the public hub page: the same number of queries with 1 and 500
commitments, and the figures they show."""

from datetime import date, timedelta

import pytest

from hubs.enums import InstansiKind
from kipp.enums import ProposalState as S
from kipp.enums import ResultLevel
from kipp.models import Innovation
from replication.enums import ActivityStatus, Stage
from replication.models import Activity, Commitment
from replication.selectors.dashboards import dashboard_for
from tests import factories as f
from tests.kipp import factories as kf


def _many(repl, count: int) -> None:
    """`count - 1` more commitments (bulk), spread over 25 Babel instansi and 20 sources,
    each with one overdue and one done activity."""
    b = repl.babel
    instansi = [
        f.InstansiFactory(
            name=f"Pemerintah Kabupaten Uji {n}", kind=InstansiKind.KABUPATEN, region=b.bb_region
        )
        for n in range(25)
    ]
    sources = Innovation.objects.bulk_create(
        Innovation(
            unit=repl.muara_unit,
            title=f"Sumber {n}",
            started_on=date(2020, 1, 1),
            created_by=b.hub_admin,
        )
        for n in range(20)
    )
    made = Commitment.objects.bulk_create(
        Commitment(
            programme=repl.programme,
            instansi=instansi[n % 25],
            province=b.province,
            source_innovation=sources[n // 25],
            title=f"Replikasi {n}",
            stage=Stage.IMPLEMENTASI,
            created_by=b.hub_admin,
        )
        for n in range(count - 1)
    )
    today = date.today()
    Activity.objects.bulk_create(
        activity
        for c in made
        for activity in (
            Activity(
                commitment=c, name="A", responsible_unit="U", due_on=today - timedelta(days=3)
            ),
            Activity(
                commitment=c,
                name="B",
                responsible_unit="U",
                due_on=today,
                status=ActivityStatus.DONE,
            ),
        )
    )


@pytest.mark.parametrize("count", [1, 500])
def test_hub_dashboard_queries_do_not_grow(client, repl, django_assert_num_queries, count):
    _many(repl, count)
    client.force_login(repl.babel.hub_admin)
    with django_assert_num_queries(8):
        response = client.get("/replikasi/dasbor/")
    assert response.context["dashboard"].total == count


@pytest.mark.parametrize("count", [1, 500])
def test_programme_dashboard_queries_do_not_grow(client, repl, django_assert_num_queries, count):
    _many(repl, count)
    client.force_login(repl.mentor)
    with django_assert_num_queries(8):
        response = client.get(f"/replikasi/program/{repl.programme.pk}/dasbor/")
    assert response.context["dashboard"].total == count


@pytest.mark.parametrize("count", [1, 500])
def test_public_hub_page_queries_do_not_grow(client, repl, django_assert_num_queries, count):
    _many(repl, count)
    with django_assert_num_queries(8):
        response = client.get("/jaringan-jipp/19/")
    assert response.status_code == 200
    assert response.context["dashboard"].total == count


def test_dashboard_figures(repl):
    _many(repl, 3)
    board = dashboard_for(Commitment.objects.all())
    assert board.total == 3
    assert (board.activities, board.done, board.overdue) == (4, 2, 2)
    assert board.percent_done == 50
    assert {s: n for s, _, n in board.stage_totals}[Stage.IMPLEMENTASI] == 2
    assert board.rows[0].name == "Pemerintah Kabupaten Bangka Barat"


def test_national_dashboard_filters_by_hub(client, repl):
    from replication.services import commitments, programmes

    sumsel_programme = programmes.programme_create(
        actor=repl.hub_sumsel,
        hub=repl.sumsel,
        name="Replikasi Sumatera Selatan 2022",
        year=2022,
        starts_on=date(2022, 1, 3),
        ends_on=date(2022, 12, 30),
    )
    babel_source = kf.history(
        repl.babel.kominfo,
        repl.babel.operator_bb,
        competition=repl.kipp2023,
        title="Sapa Warga Babar",
        reached=[S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED],
        results=[ResultLevel.TOP99],
    ).innovation
    commitments.commitment_create(
        actor=repl.hub_sumsel,
        programme=sumsel_programme,
        instansi=repl.babel.muara_enim,
        source_innovation=babel_source,
        title="Sapa Warga Muara Enim",
    )
    client.force_login(repl.babel.sekretariat)

    everything = client.get("/replikasi/dasbor/").context
    babel_only = client.get("/replikasi/dasbor/?hub=19").context

    assert everything["dashboard"].total == 2
    assert [h.province.code for h in everything["hubs"]] == ["16", "19"]
    assert babel_only["dashboard"].total == 1
    assert babel_only["chosen_hub"] == repl.babel.hub
