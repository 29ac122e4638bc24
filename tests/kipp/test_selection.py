"""Administrative selection: the organiser's list, decisions, exports, publication and the
public announcement."""

import csv
import io
import re
from datetime import timedelta
from html import unescape
from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from hubs.enums import Cluster, InstansiKind
from hubs.models import Notification
from kipp.enums import GroupKind
from kipp.enums import ProposalState as S
from kipp.filters_selection import AdminSelectionFilter
from kipp.models import ProposalEvent
from kipp.services import selection as services_selection
from tests import factories as f
from tests.kipp import factories as kf

LIST = "/seleksi/administrasi/"


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _state(proposal) -> str:
    proposal.refresh_from_db()
    return proposal.state


@pytest.fixture
def org(babel):
    """Babel plus Muara Enim and the Babel provincial government, each with an operator."""
    muara_unit = f.UnitFactory(instansi=babel.muara_enim, name="Dinas Kesehatan Muara Enim")
    pemprov = f.InstansiFactory(
        name="Pemerintah Provinsi Kepulauan Bangka Belitung",
        kind=InstansiKind.PROVINSI,
        region=babel.province,
    )
    prov_unit = f.UnitFactory(instansi=pemprov, name="Biro Organisasi")
    return SimpleNamespace(
        babel=babel,
        muara_unit=muara_unit,
        operator_me=f.operator(muara_unit, username="upp.me"),
        pemprov=pemprov,
        prov_unit=prov_unit,
        operator_prov=f.operator(prov_unit, username="upp.prov"),
    )


@pytest.fixture
def national(org, kipp2025):
    """Four forwarded proposals of KIPP 2025: two Babel kabupaten, Muara Enim, Pemprov Babel."""
    b = org.babel
    first, second = list(kipp2025.categories.all()[:2])
    made = SimpleNamespace(
        competition=kipp2025,
        cat1=first,
        cat2=second,
        bb=kf.proposal(
            b.kominfo,
            b.operator_bb,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Sipadu Bangka Barat",
        ),
        bt=kf.proposal(
            b.disdukcapil,
            b.operator_bt,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Replika Dukcapil",
            kind=GroupKind.REPLIKASI,
        ),
        me=kf.proposal(
            org.muara_unit,
            org.operator_me,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Sehat Muara",
        ),
        prov=kf.proposal(
            org.prov_unit,
            org.operator_prov,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Biro Cepat",
        ),
    )
    for proposal, category in (
        (made.bb, first),
        (made.bt, second),
        (made.me, second),
        (made.prov, first),
    ):
        proposal.category = category
        proposal.save(update_fields=["category"])
    return made


@pytest.fixture
def hub_competition(babel):
    competition = kf.competition(hub=babel.hub, name="Kompetisi Inovasi Babel 2025")
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        state=S.FORWARDED,
        title="Babel Lokal",
    )
    return SimpleNamespace(competition=competition, proposal=proposal)


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


# Decisions ----------------------------------------------------------------------------------


def test_fail_without_reason_is_refused(client, babel, national):
    client.force_login(babel.sekretariat)

    response = client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "fail", "note": "  "})

    assert _state(national.bb) == S.FORWARDED
    assert any("Tuliskan catatan atau alasannya." in m for m in _messages(response))


def test_fail_with_reason_is_recorded_on_the_event(client, babel, national):
    client.force_login(babel.sekretariat)

    client.post(
        f"{LIST}usulan/{national.bb.pk}/",
        {"decision": "fail", "note": "SK inovator tidak ada."},
    )

    assert _state(national.bb) == S.ADMIN_FAILED
    event = ProposalEvent.objects.filter(proposal=national.bb).last()
    assert (event.actor, event.from_state, event.to_state, event.note) == (
        babel.sekretariat,
        S.FORWARDED,
        S.ADMIN_FAILED,
        "SK inovator tidak ada.",
    )


def test_decide_on_a_proposal_not_forwarded_is_404(client, babel, kipp2025):
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED)
    client.force_login(babel.sekretariat)

    response = client.post(f"{LIST}usulan/{draft.pk}/", {"decision": "pass"})

    assert response.status_code == 404
    assert _state(draft) == S.SUBMITTED


def test_bulk_pass_reports_what_was_refused(client, babel, national, kipp2025):
    already = kf.proposal(
        babel.pdam,
        babel.operator_bb,
        competition=kipp2025,
        state=S.ADMIN_PASSED,
        title="Air Bersih",
    )
    client.force_login(babel.sekretariat)

    response = client.post(
        f"{LIST}{kipp2025.pk}/massal/",
        {"decision": "pass", "ids": [national.bb.pk, national.bt.pk, already.pk]},
    )

    assert response.status_code == 302
    assert (_state(national.bb), _state(national.bt), _state(already)) == (
        S.ADMIN_PASSED,
        S.ADMIN_PASSED,
        S.ADMIN_PASSED,
    )
    assert ProposalEvent.objects.filter(proposal=already, to_state=S.ADMIN_PASSED).count() == 1
    [message] = _messages(response)
    assert message.startswith("2 diloloskan, 1 ditolak: Air Bersih: ")
    assert _state(national.me) == S.FORWARDED


def test_bulk_never_acts_on_forged_ids(client, babel, national, hub_competition):
    submitted = kf.proposal(
        babel.pdam,
        babel.operator_bb,
        competition=national.competition,
        state=S.SUBMITTED,
        title="Draf",
    )
    client.force_login(babel.sekretariat)

    response = client.post(
        f"{LIST}{national.competition.pk}/massal/",
        {
            "decision": "pass",
            "ids": [national.bb.pk, submitted.pk, hub_competition.proposal.pk, "999999"],
        },
    )

    assert _state(national.bb) == S.ADMIN_PASSED
    assert _state(submitted) == S.SUBMITTED
    assert _state(hub_competition.proposal) == S.FORWARDED
    [message] = _messages(response)
    assert message.startswith("1 diloloskan, 3 ditolak")
    assert f"#{hub_competition.proposal.pk} tidak ditemukan" in message


def test_hub_admin_bulk_cannot_reach_national_proposals(client, babel, national, hub_competition):
    client.force_login(babel.hub_admin)

    client.post(
        f"{LIST}{hub_competition.competition.pk}/massal/",
        {"decision": "pass", "ids": [hub_competition.proposal.pk, national.bb.pk]},
    )

    assert _state(hub_competition.proposal) == S.ADMIN_PASSED
    assert _state(national.bb) == S.FORWARDED


def test_bulk_fail_needs_one_reason_and_records_it(client, babel, national):
    client.force_login(babel.sekretariat)
    url = f"{LIST}{national.competition.pk}/massal/"
    ids = [national.bb.pk, national.me.pk]

    refused = client.post(url, {"decision": "fail", "ids": ids})
    assert {_state(national.bb), _state(national.me)} == {S.FORWARDED}
    assert _messages(refused) == ["Tuliskan alasan tidak lolos untuk usulan yang dipilih."]

    done = client.post(url, {"decision": "fail", "ids": ids, "note": "Bukti tidak terbaca."})

    assert {_state(national.bb), _state(national.me)} == {S.ADMIN_FAILED}
    notes = ProposalEvent.objects.filter(to_state=S.ADMIN_FAILED).values_list("note", flat=True)
    assert list(notes) == ["Bukti tidak terbaca."] * 2
    assert _messages(done)[-1] == "2 dinyatakan tidak lolos, 0 ditolak."


def test_passing_notifies_operator_and_admin_lokal(
    client, babel, national, django_capture_on_commit_callbacks
):
    client.force_login(babel.sekretariat)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{LIST}usulan/{national.bb.pk}/", {"decision": "pass"})

    recipients = set(
        Notification.objects.filter(subject__contains="Sipadu Bangka Barat").values_list(
            "recipient__username", flat=True
        )
    )
    assert recipients == {"upp.kominfo.bb", "admin.bb", "admin.bb2"}
    mailed = sorted(address for message in mail.outbox for address in message.to)
    assert mailed == sorted([babel.operator_bb.email, babel.admin_bb.email, babel.admin_bb2.email])
    assert all("lolos seleksi administrasi" in message.subject for message in mail.outbox)


# Publication and the public page --------------------------------------------------------------


def test_publish_refused_while_any_is_forwarded_then_allowed(client, babel, national):
    client.force_login(babel.sekretariat)
    competition = national.competition
    publish = f"{LIST}{competition.pk}/umumkan/"
    client.post(
        f"{LIST}{competition.pk}/massal/",
        {"decision": "pass", "ids": [national.bb.pk, national.bt.pk]},
    )

    refused = client.post(publish)
    competition.refresh_from_db()
    assert competition.admin_results_published_at is None
    assert _messages(refused)[-1] == "Masih ada 2 usulan yang belum diputuskan."

    client.post(f"{LIST}usulan/{national.me.pk}/", {"decision": "fail", "note": "Tidak sesuai"})
    client.post(f"{LIST}usulan/{national.prov.pk}/", {"decision": "pass"})
    allowed = client.post(publish)

    competition.refresh_from_db()
    assert competition.admin_results_published_at is not None
    assert allowed["Location"] == f"{LIST}?edisi={competition.pk}"
    again = client.post(publish)
    assert _messages(again)[-1] == "Hasil seleksi administrasi edisi ini sudah diumumkan."


def test_publish_service_checks_scope(babel, hub_competition):
    with pytest.raises(PermissionDenied):
        services_selection.admin_results_publish(
            actor=babel.sekretariat, competition=hub_competition.competition
        )
    hub_competition.competition.refresh_from_db()
    assert hub_competition.competition.admin_results_published_at is None


def test_public_page_is_404_before_publication(client, national):
    response = client.get(f"/pengumuman/{national.competition.slug}/seleksi-administrasi/")

    assert response.status_code == 404


def test_public_page_lists_exactly_the_passed_titles(client, babel, org, national):
    competition = national.competition
    script = kf.proposal(
        org.prov_unit,
        org.operator_prov,
        competition=competition,
        state=S.FORWARDED,
        title="<script>alert(1)</script>",
    )
    other = kf.competition(name="KIPP 2024", year=2024)
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=other, state=S.FORWARDED, title="Lain"
    )
    sekretariat = babel.sekretariat
    for proposal in (national.bb, national.me, script):
        services_selection.admin_selection_decide(
            actor=sekretariat, competition=competition, proposal_ids=[proposal.pk], decision="pass"
        )
    services_selection.admin_selection_decide(
        actor=sekretariat,
        competition=competition,
        proposal_ids=[national.bt.pk, national.prov.pk],
        decision="fail",
        note="Tidak lengkap",
    )
    services_selection.admin_results_publish(actor=sekretariat, competition=competition)

    url = f"/pengumuman/{competition.slug}/seleksi-administrasi/"

    # One tab per cluster, in cluster order; the first is shown first.
    first = client.get(url)
    kabupaten = client.get(url, {"klaster": Cluster.KABUPATEN})

    assert (first.status_code, kabupaten.status_code) == (200, 200)
    html = first.content.decode() + kabupaten.content.decode()
    assert _announced(first) == [
        ("Pemerintah Provinsi Kepulauan Bangka Belitung", ["<script>alert(1)</script>"]),
    ]
    assert _announced(kabupaten) == [
        ("Pemerintah Kabupaten Bangka Barat", ["Sipadu Bangka Barat"]),
        ("Pemerintah Kabupaten Muara Enim", ["Sehat Muara"]),
    ]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    for absent in ("Replika Dukcapil", "Biro Cepat", "Lain"):
        assert absent not in html
    assert "Klaster Provinsi" in html and "Klaster Kabupaten" in html
    assert "3 usulan dinyatakan lolos seleksi administrasi." in html


def _announced(response) -> list[tuple[str, list[str]]]:
    """(instansi, titles) as the announcement page lists them."""
    html = response.content.decode()
    blocks = re.findall(r'kipp-instansi">([^<]+)</h3>\s*<ul class="mb-0">(.*?)</ul>', html, re.S)
    return [
        (unescape(name), [unescape(t).strip() for t in re.findall(r'kipp-lolos">([^<]+)<', items)])
        for name, items in blocks
    ]


def test_public_page_is_kept_until_published_again(client, babel, national):
    competition = national.competition
    sekretariat = babel.sekretariat
    for proposal in (national.bb, national.bt, national.me, national.prov):
        services_selection.admin_selection_decide(
            actor=sekretariat, competition=competition, proposal_ids=[proposal.pk], decision="pass"
        )
    services_selection.admin_results_publish(actor=sekretariat, competition=competition)
    url = f"/pengumuman/{competition.slug}/seleksi-administrasi/"
    client.get(url, {"klaster": Cluster.KABUPATEN})
    # Renamed after the page was shown: the kept page still names the instansi as it was.
    babel.bangka_barat.name = "Pemerintah Kabupaten Bangka Barat Baru"
    babel.bangka_barat.save()

    kept = client.get(url, {"klaster": Cluster.KABUPATEN}).content.decode()
    competition.refresh_from_db()
    type(competition).objects.filter(pk=competition.pk).update(
        admin_results_published_at=competition.admin_results_published_at + timedelta(minutes=1)
    )
    fresh = client.get(url, {"klaster": Cluster.KABUPATEN}).content.decode()

    assert "Bangka Barat Baru" not in kept
    assert "Bangka Barat Baru" in fresh


def test_public_page_for_unknown_competition_is_404(client, db):
    assert client.get("/pengumuman/tidak-ada/seleksi-administrasi/").status_code == 404


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
