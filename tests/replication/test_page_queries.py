"""List-like replication pages render in the same number of queries with 1 and many rows."""

from datetime import date, timedelta

import pytest

from hubs.enums import InstansiKind
from replication.enums import Stage
from replication.models import Activity, Commitment, Programme, ProgressReport
from tests import factories as f

from .helpers import at_stage


@pytest.mark.parametrize("count", [1, 30])
def test_programme_page_queries(client, repl, django_assert_num_queries, count):
    for n in range(count - 1):
        instansi = f.InstansiFactory(
            name=f"Pemerintah Kota Uji {n}", kind=InstansiKind.KOTA, region=repl.babel.bb_region
        )
        Commitment.objects.create(
            programme=repl.programme,
            instansi=instansi,
            province=repl.babel.province,
            source_innovation=repl.source,
            title=f"Replikasi {n}",
            created_by=repl.babel.hub_admin,
        )
    client.force_login(repl.babel.hub_admin)
    with django_assert_num_queries(8):
        response = client.get(f"/replikasi/program/{repl.programme.pk}/")
    assert len(response.context["commitments"]) == count


@pytest.mark.parametrize("count", [1, 20])
def test_commitment_page_queries(client, repl, django_assert_num_queries, count):
    commitment = at_stage(repl.commitment, Stage.IMPLEMENTASI)
    for n in range(count):
        Activity.objects.create(
            commitment=commitment,
            name=f"Kegiatan {n}",
            responsible_unit="Bagian Organisasi",
            due_on=date.today() + timedelta(days=n - 5),
        )
        ProgressReport.objects.create(
            commitment=commitment, percent=n, summary="Berjalan", created_by=repl.babel.admin_bb
        )
    client.force_login(repl.babel.admin_bb)
    with django_assert_num_queries(13):
        response = client.get(f"/replikasi/komitmen/{commitment.pk}/")
    assert response.status_code == 200
    assert response.context["commitment"].activities.all().count() == count


@pytest.mark.parametrize("count", [1, 30])
def test_programme_list_is_paged_and_labelled(client, repl, django_assert_num_queries, count):
    """The hub's programmes, 25 to a page, each cell named for the phone layout."""
    for n in range(count - 1):
        Programme.objects.create(
            name=f"Program Replikasi Uji {n:02}",
            hub=repl.programme.hub,
            year=2020,
            starts_on=date(2020, 1, 1),
            ends_on=date(2020, 12, 31),
            created_by=repl.babel.hub_admin,
        )
    client.force_login(repl.babel.hub_admin)
    with django_assert_num_queries(6):
        page = client.get("/replikasi/program/")

    text = page.content.decode()
    assert len(page.context["programmes"]) == min(count, 25)
    assert f"{count} program" in text
    assert 'data-label="Penyelenggara"' in text
    assert ("?page=2" in text) is (count > 25)
