"""Replication progress in the open data API (`/api/v1/replications/`): public fields only,
filters, the same number of queries for 1 and 500 commitments, fresh after a stage moves."""

import pytest

from replication.enums import ActivityStatus, Stage
from replication.models import Activity
from replication.services.stages import commitment_transition
from tests.replication.helpers import complete
from tests.replication.test_dashboards import _many

URL = "/api/v1/replications/"


def test_lists_public_fields_and_progress(client, repl):
    complete(repl.commitment, repl.babel.admin_bb)
    activities = Activity.objects.filter(commitment=repl.commitment)
    activities.filter(pk=activities.first().pk).update(status=ActivityStatus.DONE)

    rows = client.get(URL).json()["results"]

    assert rows == [
        {
            "id": repl.commitment.pk,
            "programme": repl.programme.name,
            "province": "Kepulauan Bangka Belitung",
            "instansi": "Pemerintah Kabupaten Bangka Barat",
            "source_innovation": repl.source.pk,
            "source_title": "Izin Kilat Muara Enim",
            "stage": Stage.PERSIAPAN,
            "activities": activities.count(),
            "activities_done": 1,
        }
    ]


def test_filter_by_stage_and_fresh_after_a_move(client, repl):
    commitment = complete(repl.commitment, repl.babel.admin_bb)
    assert client.get(URL, {"stage": Stage.KOMITMEN}).json()["results"] == []

    commitment_transition(commitment=commitment, actor=repl.babel.admin_bb, to_state=Stage.KOMITMEN)

    rows = client.get(URL, {"stage": Stage.KOMITMEN}).json()["results"]
    assert [row["id"] for row in rows] == [commitment.pk]
    assert client.get(URL, {"stage": "bukan-tahap"}).status_code == 400


@pytest.mark.parametrize("count", [1, 500])
def test_queries_do_not_grow(client, repl, django_assert_num_queries, count):
    _many(repl, count)
    # The page of commitments with their counts, and the cursor's page check.
    with django_assert_num_queries(1):
        response = client.get(URL)
    assert len(response.json()["results"]) == min(count, 50)
