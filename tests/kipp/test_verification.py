"""Local verification by the Admin Lokal: the inbox (access, filters, counts, quota) and
its exports. The verification page (checklist, hints, moves): test_verification_page.py."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from kipp.enums import ChecklistItem, GroupKind
from kipp.enums import ProposalState as S
from kipp.models import Proposal, Verification
from kipp.selectors.verification import local_verification
from tests.kipp import factories as kf

INBOX = "/verifikasi/"
EXPORT = "/verifikasi/ekspor/"
HEADER = ["Judul", "Kelompok", "Kategori", "Unit", "Status", "Diajukan (WIB)", "Diperbarui (WIB)"]
HEADER += ["Nomor usulan", "Tautan"]


@pytest.fixture
def submitted(babel, kipp2025):
    return kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED, title="Sadewa"
    )


@pytest.fixture
def inbox(babel, kipp2025):
    """Bangka Barat's proposals in several states, one of Bangka Tengah, one of 2024."""
    made = {
        "pintu": kf.proposal(
            babel.kominfo,
            babel.operator_bb,
            competition=kipp2025,
            state=S.SUBMITTED,
            title="Layanan Satu Pintu Digital",
        ),
        "air": kf.proposal(
            babel.pdam,
            babel.admin_bb,
            competition=kipp2025,
            kind=GroupKind.REPLIKASI,
            state=S.SUBMITTED,
            title="Air Bersih Keliling",
            complete=False,
        ),
        "posyandu": kf.proposal(
            babel.kominfo,
            babel.operator_bb,
            competition=kipp2025,
            state=S.RETURNED,
            title="Posyandu Pintar",
            complete=False,
        ),
        "tagihan": kf.proposal(
            babel.pdam,
            babel.admin_bb,
            competition=kipp2025,
            state=S.FORWARDED,
            title="Tagihan Air Online",
            complete=False,
        ),
        "draf": kf.proposal(
            babel.kominfo,
            babel.operator_bb,
            competition=kipp2025,
            title="Draf Inovasi Baru",
            complete=False,
        ),
        "tengah": kf.proposal(
            babel.disdukcapil,
            babel.operator_bt,
            competition=kipp2025,
            state=S.SUBMITTED,
            title="Adminduk Keliling",
            complete=False,
        ),
    }
    competition_2024 = kf.competition(
        name="KIPP 2024",
        year=2024,
        opens=timezone.now() - timedelta(days=400),
        closes=timezone.now() - timedelta(days=350),
        verification_closes=timezone.now() - timedelta(days=340),
    )
    made["lama"] = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition_2024,
        state=S.FORWARDED,
        title="Inovasi Lama",
        complete=False,
    )
    made["competition_2024"] = competition_2024
    return made


def _titles(response) -> set[str]:
    return {proposal.title for proposal in response.context["proposals"]}


def _refresh(proposal: Proposal) -> Proposal:
    proposal.refresh_from_db()
    return proposal


def _stored(proposal: Proposal) -> Verification | None:
    """The proposal's saved local verification, read afresh (the proposal refreshed too)."""
    return local_verification(_refresh(proposal))


# Access -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("admin_bb", 200),
        ("admin_bb2", 200),
        ("admin_bt", 200),  # its own (empty for Bangka Barat) inbox
        ("operator_bb", 404),
        ("operator_bt", 404),
        ("evaluator", 404),
        ("sekretariat", 404),
        ("hub_admin", 404),
    ],
)
def test_inbox_and_export_access(client, babel, inbox, actor, status):
    client.force_login(getattr(babel, actor))

    page = client.get(INBOX)
    export = client.get(EXPORT, {"format": "csv"})

    assert page.status_code == status
    assert export.status_code == status


def test_inbox_of_the_outsider_lists_only_its_own_instansi(client, babel, inbox):
    client.force_login(babel.admin_bt)

    response = client.get(INBOX)
    export = client.get(EXPORT, {"format": "csv"}).getvalue().decode("utf-8-sig")

    assert _titles(response) == {"Adminduk Keliling"}
    assert "Layanan Satu Pintu Digital" not in response.content.decode()
    assert "Layanan Satu Pintu Digital" not in export


def test_anonymous_is_sent_to_login(client, submitted):
    for url in (INBOX, EXPORT, f"/verifikasi/{submitted.pk}/"):
        assert client.get(url)["Location"].startswith("/accounts/login/")
    response = client.post(f"/verifikasi/{submitted.pk}/", {"checklist": ["age"]})
    assert response["Location"].startswith("/accounts/login/")
    assert _stored(submitted) is None


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("admin_bb", 200),
        ("admin_bb2", 200),
        ("admin_bt", 404),
        ("operator_bb", 404),  # the operator follows its proposal on the proposal page
        ("operator_bt", 404),
        ("evaluator", 404),
        ("sekretariat", 404),
        ("hub_admin", 404),
    ],
)
def test_verification_page_access(client, babel, submitted, actor, status):
    client.force_login(getattr(babel, actor))

    assert client.get(f"/verifikasi/{submitted.pk}/").status_code == status


@pytest.mark.parametrize("actor", ["admin_bt", "operator_bb", "evaluator", "sekretariat"])
def test_forged_checklist_post_is_404_and_changes_nothing(client, babel, submitted, actor):
    client.force_login(getattr(babel, actor))

    response = client.post(
        f"/verifikasi/{submitted.pk}/",
        {"checklist": list(ChecklistItem.values), "general": "Dipalsukan."},
    )

    assert response.status_code == 404
    assert _stored(submitted) is None


def test_menu_shows_verification_to_admin_lokal_only(client, babel):
    client.force_login(babel.admin_bb)
    assert 'href="/verifikasi/"' in client.get("/dasbor/").content.decode()

    client.force_login(babel.operator_bb)
    assert 'href="/verifikasi/"' not in client.get("/dasbor/").content.decode()


# Inbox: filters, counts, quota ----------------------------------------------------------------


def test_inbox_hides_drafts_and_other_instansi_by_default(client, babel, inbox):
    client.force_login(babel.admin_bb)

    response = client.get(INBOX)

    assert _titles(response) == {
        "Layanan Satu Pintu Digital",
        "Air Bersih Keliling",
        "Posyandu Pintar",
        "Tagihan Air Online",
    }
    # Waiting proposals first.
    assert [p.state for p in response.context["proposals"]][:2] == [S.SUBMITTED, S.SUBMITTED]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": S.RETURNED}, {"Posyandu Pintar"}),
        ({"state": S.SUBMITTED}, {"Layanan Satu Pintu Digital", "Air Bersih Keliling"}),
        ({"state": S.DRAFT}, {"Draf Inovasi Baru"}),
        ({"group": GroupKind.REPLIKASI}, {"Air Bersih Keliling"}),
        ({"unit": "pdam"}, {"Air Bersih Keliling", "Tagihan Air Online"}),
        ({"q": "pintu"}, {"Layanan Satu Pintu Digital"}),
        ({"q": "AIR", "state": S.FORWARDED}, {"Tagihan Air Online"}),
        (
            {"group": GroupKind.UMUM, "unit": "kominfo"},
            {"Layanan Satu Pintu Digital", "Posyandu Pintar"},
        ),
        ({"competition": "2024"}, {"Inovasi Lama"}),
        ({"q": "tidak ada judul seperti ini"}, set()),
    ],
)
def test_inbox_filters(client, babel, inbox, params, expected):
    if "unit" in params:
        params = {**params, "unit": getattr(babel, params["unit"]).pk}
    if "competition" in params:
        params = {**params, "competition": inbox["competition_2024"].pk}
    client.force_login(babel.admin_bb)

    response = client.get(INBOX, params)

    assert _titles(response) == expected


def test_inbox_includes_drafts_on_request(client, babel, inbox):
    client.force_login(babel.admin_bb)

    response = client.get(INBOX, {"drafts": "on", "unit": babel.kominfo.pk})

    assert _titles(response) == {
        "Layanan Satu Pintu Digital",
        "Posyandu Pintar",
        "Draf Inovasi Baru",
    }


def test_inbox_filters_by_category_of_the_competition(client, babel, kipp2025, inbox):
    other = kipp2025.categories.order_by("order")[1]
    Proposal.objects.filter(pk=inbox["air"].pk).update(category=other)
    client.force_login(babel.admin_bb)

    response = client.get(INBOX, {"category": other.pk})

    assert _titles(response) == {"Air Bersih Keliling"}


def test_inbox_empty_states(client, babel, inbox):
    client.force_login(babel.admin_bb)
    html = client.get(INBOX, {"q": "tidak ada judul seperti ini"}).content.decode()
    assert "Tidak ada usulan yang cocok dengan filter ini." in html

    client.force_login(babel.admin_bb2)
    Proposal.objects.filter(instansi=babel.bangka_barat).delete()
    html = client.get(INBOX).content.decode()
    assert "Belum ada usulan dari instansi Anda." in html


def test_counts_per_state_follow_the_other_filters(client, babel, inbox):
    client.force_login(babel.admin_bb)

    everything = client.get(INBOX, {"state": S.RETURNED})
    pdam = client.get(INBOX, {"unit": babel.pdam.pk})

    assert {c["value"]: c["count"] for c in everything.context["state_chips"]} == {
        S.DRAFT: 1,
        S.SUBMITTED: 2,
        S.RETURNED: 1,
        S.FORWARDED: 1,
    }
    assert everything.context["total_submitted"] == 4
    assert {c["value"]: c["count"] for c in pdam.context["state_chips"]} == {
        S.SUBMITTED: 1,
        S.FORWARDED: 1,
    }
    assert 'id="jumlah-submitted">2<' in everything.content.decode()


def test_inbox_shows_quota_usage_of_the_selected_competition(client, babel, inbox):
    client.force_login(babel.admin_bb)

    html = client.get(INBOX).content.decode()
    html_2024 = client.get(INBOX, {"competition": inbox["competition_2024"].pk}).content.decode()

    assert "Umum: 1 dari 10 diteruskan" in html
    assert "Replikasi: 0 dari 5 diteruskan" in html
    assert "Umum: 1 dari 10 diteruskan" in html_2024  # "Inovasi Lama", its own competition


def test_inbox_same_query_count_for_one_and_thirty_rows(
    client, babel, kipp2025, django_assert_num_queries
):
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, state=S.SUBMITTED, title="U0"
    )
    client.force_login(babel.admin_bb)

    with django_assert_num_queries(11):
        few = client.get(INBOX)
    for n in range(1, 30):
        unit = babel.kominfo if n % 2 else babel.pdam
        kf.proposal(
            unit,
            babel.admin_bb,
            competition=kipp2025,
            state=S.SUBMITTED,
            title=f"U{n}",
            complete=False,
        )
    with django_assert_num_queries(11):
        many = client.get(INBOX)

    assert few.status_code == many.status_code == 200
    assert len(few.context["proposals"]) == 1
    assert len(many.context["proposals"]) == 25
    assert many.context["matching"] == 30
    assert many.context["page_obj"].has_next
    assert 'data-label="Judul"' in many.content.decode()


# Exports ------------------------------------------------------------------------------------


def test_export_xlsx_has_header_and_the_filtered_rows(client, babel, inbox):
    submitted_at = datetime(2025, 5, 1, 5, 0, tzinfo=UTC)  # 12:00 WIB
    Proposal.objects.filter(pk=inbox["pintu"].pk).update(submitted_at=submitted_at)
    client.force_login(babel.admin_bb)

    response = client.get(EXPORT, {"format": "xlsx", "state": S.SUBMITTED})

    assert response["Content-Disposition"].startswith('attachment; filename="verifikasi-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {"Layanan Satu Pintu Digital", "Air Bersih Keliling"}
    pintu = by_title["Layanan Satu Pintu Digital"]
    assert pintu[1:5] == [
        "Umum",
        "Perlindungan gender, anak dan disabilitas",
        "Dinas Komunikasi dan Informatika",
        "Diajukan ke Admin Lokal",
    ]
    assert pintu[5] == datetime(2025, 5, 1, 12, 0)


def test_export_csv_has_bom_header_rows_and_neutralised_formulas(client, babel, kipp2025, inbox):
    kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2025,
        state=S.SUBMITTED,
        title='=HYPERLINK("http://contoh.invalid")',
        complete=False,
    )
    client.force_login(babel.admin_bb)

    response = client.get(EXPORT, {"format": "csv", "unit": babel.kominfo.pk})

    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == HEADER
    assert {row[0] for row in rows[1:]} == {
        "Layanan Satu Pintu Digital",
        "Posyandu Pintar",
        '\'=HYPERLINK("http://contoh.invalid")',
    }


def test_export_refuses_an_unknown_format(client, babel, inbox):
    client.force_login(babel.admin_bb)

    assert client.get(EXPORT, {"format": "pdf"}).status_code == 404
