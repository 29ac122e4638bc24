"""Administrative selection: the organiser's list (access, filters, counts) and its exports.

Decisions and publication: test_selection_decisions.py; the public announcement:
test_announcement.py; the shared competition with four forwarded proposals: conftest.py.
"""

import csv
import io

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from openpyxl import load_workbook

from hubs.enums import Cluster
from kipp.enums import GroupKind
from kipp.enums import ProposalState as S
from kipp.filters_selection import AdminSelectionFilter
from tests.kipp import factories as kf

LIST = "/seleksi/administrasi/"


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _state(proposal) -> str:
    proposal.refresh_from_db()
    return proposal.state


# Access -----------------------------------------------------------------------------------

DENIED = ["hub_admin", "admin_bb", "operator_bb", "evaluator"]


@pytest.mark.parametrize(("actor", "status"), [("sekretariat", 200)] + [(a, 404) for a in DENIED])
def test_national_list_and_exports_access(client, babel, national, actor, status):
    client.force_login(getattr(babel, actor))
    query = f"?edisi={national.competition.pk}"

    listing = client.get(LIST + query)
    xlsx = client.get(f"{LIST}ekspor/xlsx/{query}")
    csv_ = client.get(f"{LIST}ekspor/csv/{query}")

    assert (listing.status_code, xlsx.status_code, csv_.status_code) == (status,) * 3


@pytest.mark.parametrize("actor", DENIED)
def test_denied_posts_change_nothing(client, babel, national, actor):
    client.force_login(getattr(babel, actor))
    competition = national.competition

    decide = client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "pass"})
    fail = client.post(f"{LIST}usulan/{national.bt.pk}/", {"decision": "fail", "note": "Kurang"})
    bulk = client.post(
        f"{LIST}{competition.pk}/massal/", {"decision": "pass", "ids": [national.me.pk]}
    )
    publish = client.post(f"{LIST}{competition.pk}/umumkan/")

    assert [r.status_code for r in (decide, fail, bulk, publish)] == [404] * 4
    assert {_state(p) for p in (national.bb, national.bt, national.me)} == {S.FORWARDED}
    competition.refresh_from_db()
    assert competition.admin_results_published_at is None


def test_anonymous_is_sent_to_login_everywhere(client, national):
    competition = national.competition
    responses = [
        client.get(LIST),
        client.get(f"{LIST}ekspor/csv/?edisi={competition.pk}"),
        client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "pass"}),
        client.post(
            f"{LIST}{competition.pk}/massal/", {"decision": "pass", "ids": [national.bb.pk]}
        ),
        client.post(f"{LIST}{competition.pk}/umumkan/"),
    ]

    assert [r.status_code for r in responses] == [302] * 5
    assert all(r["Location"].startswith("/accounts/login/") for r in responses)
    assert _state(national.bb) == S.FORWARDED


def test_sekretariat_decides_on_national_competition(client, babel, national):
    client.force_login(babel.sekretariat)

    response = client.post(
        f"{LIST}usulan/{national.bb.pk}/", {"decision": "pass", "next": f"{LIST}?state=forwarded"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?state=forwarded"
    assert _state(national.bb) == S.ADMIN_PASSED


def test_hub_admin_works_on_its_hub_competition_only(client, babel, national, hub_competition):
    client.force_login(babel.hub_admin)
    competition = hub_competition.competition

    listing = client.get(LIST)
    export = client.get(f"{LIST}ekspor/csv/?edisi={competition.pk}")
    national_list = client.get(f"{LIST}?edisi={national.competition.pk}")
    decided = client.post(f"{LIST}usulan/{hub_competition.proposal.pk}/", {"decision": "pass"})
    published = client.post(f"{LIST}{competition.pk}/umumkan/")

    assert listing.status_code == 200
    assert listing.context["competition"] == competition
    assert [p.title for p in listing.context["proposals"]] == ["Babel Lokal"]
    assert export.status_code == 200
    assert national_list.status_code == 404
    assert (decided.status_code, published.status_code) == (302, 302)
    assert _state(hub_competition.proposal) == S.ADMIN_PASSED
    competition.refresh_from_db()
    assert competition.admin_results_published_at is not None


def test_sekretariat_cannot_touch_a_hub_competition(client, babel, hub_competition):
    client.force_login(babel.sekretariat)
    competition = hub_competition.competition

    responses = [
        client.get(f"{LIST}?edisi={competition.pk}"),
        client.post(f"{LIST}usulan/{hub_competition.proposal.pk}/", {"decision": "pass"}),
        client.post(
            f"{LIST}{competition.pk}/massal/",
            {"decision": "pass", "ids": [hub_competition.proposal.pk]},
        ),
        client.post(f"{LIST}{competition.pk}/umumkan/"),
    ]

    assert [r.status_code for r in responses] == [404] * 4
    assert _state(hub_competition.proposal) == S.FORWARDED
    competition.refresh_from_db()
    assert competition.admin_results_published_at is None


def test_list_defaults_to_most_recent_competition(client, babel, national):
    older = kf.competition(name="KIPP 2024", year=2024)
    client.force_login(babel.sekretariat)

    response = client.get(LIST)

    assert response.context["competition"] == national.competition
    assert [e.pk for e in response.context["competitions"]] == [national.competition.pk, older.pk]


def test_list_without_competitions_shows_empty_state(client, babel):
    client.force_login(babel.sekretariat)

    response = client.get(LIST)

    assert response.status_code == 200
    assert 'id="seleksi-kosong"' in response.content.decode()


def test_list_with_no_forwarded_proposals_shows_empty_state(client, babel, kipp2025):
    kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED)
    client.force_login(babel.sekretariat)

    response = client.get(LIST)

    html = response.content.decode()
    assert "Belum ada usulan yang diteruskan ke Sekretariat pada edisi ini." in html
    assert list(response.context["proposals"]) == []


# Filters and counts ---------------------------------------------------------------------------


def _titles(client, national, **params) -> set[str]:
    response = client.get(LIST, {"edisi": national.competition.pk, **params})
    assert response.status_code == 200
    return {p.title for p in response.context["proposals"]}


def test_filters_return_exactly_the_expected_proposals(client, babel, national):
    client.force_login(babel.sekretariat)
    sumsel = babel.muara_enim.region.parent

    assert _titles(client, national) == {
        "Sipadu Bangka Barat",
        "Replika Dukcapil",
        "Sehat Muara",
        "Biro Cepat",
    }
    assert _titles(client, national, cluster=Cluster.KABUPATEN) == {
        "Sipadu Bangka Barat",
        "Replika Dukcapil",
        "Sehat Muara",
    }
    assert _titles(client, national, cluster=Cluster.PROVINSI) == {"Biro Cepat"}
    assert _titles(client, national, cluster=Cluster.BUMN_BUMD) == set()
    assert _titles(client, national, province=babel.province.pk) == {
        "Sipadu Bangka Barat",
        "Replika Dukcapil",
        "Biro Cepat",
    }
    assert _titles(client, national, province=sumsel.pk) == {"Sehat Muara"}
    assert _titles(client, national, group=GroupKind.REPLIKASI) == {"Replika Dukcapil"}
    assert _titles(client, national, category=national.cat2.pk) == {
        "Replika Dukcapil",
        "Sehat Muara",
    }
    assert _titles(client, national, q="muara") == {"Sehat Muara"}
    assert _titles(client, national, province=babel.province.pk, category=national.cat1.pk) == {
        "Sipadu Bangka Barat",
        "Biro Cepat",
    }


def test_filter_by_state_and_counts(client, babel, national):
    client.force_login(babel.sekretariat)
    client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "pass"})
    client.post(f"{LIST}usulan/{national.me.pk}/", {"decision": "fail", "note": "Tidak lengkap"})

    response = client.get(LIST, {"edisi": national.competition.pk, "state": S.ADMIN_FAILED})

    assert [p.title for p in response.context["proposals"]] == ["Sehat Muara"]
    assert response.context["counts"] == {
        "total": 4,
        S.FORWARDED: 2,
        S.ADMIN_PASSED: 1,
        S.ADMIN_FAILED: 1,
    }
    assert "Tidak lengkap" in response.content.decode()
    assert _titles(client, national, state=S.ADMIN_PASSED) == {"Sipadu Bangka Barat"}


def test_counts_are_kept_until_a_decision_changes_them(
    client, babel, national, kipp2025, django_capture_on_commit_callbacks
):
    client.force_login(babel.sekretariat)
    before = client.get(LIST).context["counts"]
    # Written outside the workflow: the kept counts do not see it...
    kf.proposal(babel.pdam, babel.operator_bb, competition=kipp2025, state=S.FORWARDED)
    kept = client.get(LIST).context["counts"]

    # ...until a transition of the competition commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "pass"})
    after = client.get(LIST).context["counts"]

    assert before == kept == {"total": 4, S.FORWARDED: 4, S.ADMIN_PASSED: 0, S.ADMIN_FAILED: 0}
    assert after == {"total": 5, S.FORWARDED: 4, S.ADMIN_PASSED: 1, S.ADMIN_FAILED: 0}


def test_filterset_category_choices_are_the_competitions_own(national):
    other = kf.competition(name="KIPP 2024", year=2024)
    foreign = other.categories.first()

    filterset = AdminSelectionFilter(
        {"category": foreign.pk},
        queryset=national.competition.proposals.all(),
        competition=national.competition,
    )

    assert not filterset.is_valid()
    assert "category" in filterset.errors


def test_list_queries_do_not_grow_with_rows(client, babel, kipp2025, django_assert_num_queries):
    client.force_login(babel.sekretariat)
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.FORWARDED, title="U0"
    )

    # Cold each time: the counts per state are kept in the cache between requests.
    cache.clear()
    with django_assert_num_queries(12):
        one = client.get(LIST)
    for n in range(1, 30):
        kf.proposal(
            babel.disdukcapil,
            babel.operator_bt,
            competition=kipp2025,
            state=S.FORWARDED,
            title=f"U{n}",
        )
    cache.clear()
    with django_assert_num_queries(12):
        many = client.get(LIST)

    assert len(one.context["proposals"]) == 1
    assert len(many.context["proposals"]) == 25
    assert many.context["matching"] == {"count": 30, "capped": False}


def test_list_is_a_responsive_table(client, babel, national):
    client.force_login(babel.sekretariat)

    html = client.get(LIST).content.decode()

    assert 'class="table table-hover align-middle kipp-table"' in html
    assert 'data-label="Judul"' in html
    assert 'id="massal-loloskan"' in html


# Exports ------------------------------------------------------------------------------------

HEADER = [
    "Judul",
    "Instansi",
    "Klaster",
    "Provinsi",
    "Kelompok",
    "Kategori",
    "Status",
    "Diteruskan (WIB)",
    "Unit",
    "Alasan tidak lolos",
    "Nomor usulan",
    "Tautan",
]


def test_xlsx_export_holds_the_filtered_rows_only(client, babel, national):
    client.force_login(babel.sekretariat)

    response = client.get(
        f"{LIST}ekspor/xlsx/", {"edisi": national.competition.pk, "province": babel.province.pk}
    )

    assert response["Content-Disposition"] == (
        'attachment; filename="seleksi-administrasi-kipp-2025.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert sorted(row[0] for row in rows[1:]) == [
        "Biro Cepat",
        "Replika Dukcapil",
        "Sipadu Bangka Barat",
    ]
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Replika Dukcapil"][1:7] == (
        "Pemerintah Kabupaten Bangka Tengah",
        "Kabupaten",
        "Kepulauan Bangka Belitung",
        "Replikasi",
        national.cat2.name,
        "Diteruskan ke Sekretariat",
    )
    assert by_title["Biro Cepat"][3] == "Kepulauan Bangka Belitung"
    assert by_title["Biro Cepat"][7] is not None


def test_csv_export_has_bom_and_the_filtered_rows_only(client, babel, national):
    client.force_login(babel.sekretariat)

    response = client.get(
        f"{LIST}ekspor/csv/", {"edisi": national.competition.pk, "cluster": Cluster.KABUPATEN}
    )

    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == HEADER
    assert sorted(row[0] for row in rows[1:]) == [
        "Replika Dukcapil",
        "Sehat Muara",
        "Sipadu Bangka Barat",
    ]
    assert {row[3] for row in rows[1:]} == {"Kepulauan Bangka Belitung", "Sumatera Selatan"}


def test_unknown_export_format_is_404(client, babel, national):
    client.force_login(babel.sekretariat)

    assert client.get(f"{LIST}ekspor/pdf/?edisi={national.competition.pk}").status_code == 404


def test_competition_picker_marks_the_competition_shown(client, babel, national):
    """The picker selects the competition whose proposals are listed, not the last option."""
    older = kf.competition(name="KIPP 2024", year=2024)
    client.force_login(babel.sekretariat)

    default = client.get(LIST).content.decode()
    chosen = client.get(LIST, {"edisi": older.pk}).content.decode()

    assert f'<option value="{national.competition.pk}" selected>KIPP 2025</option>' in default
    assert f'<option value="{older.pk}">KIPP 2024</option>' in default
    assert f'<option value="{older.pk}" selected>KIPP 2024</option>' in chosen
    assert f'<option value="{national.competition.pk}">KIPP 2025</option>' in chosen
