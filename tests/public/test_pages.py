"""Public pages: the database's filters, an innovation's page, winners, downloads,
statistics, the home page and the sitemap, as an anonymous visitor sees them."""

import csv
import io
import json

from openpyxl import load_workbook

from kipp.enums import GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.services import workflow
from public.enums import Stage
from public.models import InnovationRecord
from tests import factories as f
from tests.kipp import factories as kf


def listed(client, **params) -> list[str]:
    response = client.get("/inovasi/", params)
    assert response.status_code == 200
    rows = response.context["rows"]
    return sorted(r.title for r in InnovationRecord.objects.all() if r.title in rows)


def test_database_lists_public_entries_only(client, public_db):
    assert listed(client) == [
        "Gerai Air Keliling",
        "Jemput Bola Kesehatan Desa",
        "Layanan Perizinan Terpadu Satu Pintu",
        "Posyandu Digital",
        "Sapa Warga Babar",
    ]
    assert set(InnovationRecord.objects.values_list("stage", flat=True)) == {1, 2, 3}
    assert InnovationRecord.objects.get(pk=public_db.revoked.pk).stage == Stage.ADMIN_PASSED


def test_filters_narrow_the_list(client, public_db):
    babel = public_db.babel
    assert listed(client, tahun=2024) == [
        "Gerai Air Keliling",
        "Jemput Bola Kesehatan Desa",
        "Posyandu Digital",
    ]
    assert listed(client, provinsi=babel.province.pk, tahun=2024) == [
        "Gerai Air Keliling",
        "Posyandu Digital",
    ]
    assert listed(client, provinsi=babel.province.pk, kabkota=babel.bt_region.pk) == [
        "Posyandu Digital"
    ]
    assert listed(client, capaian=Stage.TOP45) == ["Layanan Perizinan Terpadu Satu Pintu"]
    assert listed(client, kelompok=GroupKind.REPLIKASI) == []
    assert listed(client, klaster="kabupaten", sdg=9, capaian=Stage.TOP99) == [
        "Jemput Bola Kesehatan Desa",
        "Layanan Perizinan Terpadu Satu Pintu",
        "Sapa Warga Babar",
    ]


def test_bad_filter_value_is_ignored_with_a_message(client, public_db):
    response = client.get("/inovasi/", {"tahun": "1900", "provinsi": "abc"})
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert len(listed(client, tahun="1900")) == 5


def test_replicated_filter_and_lineage(client, public_db):
    babel = public_db.babel
    open_competition = kf.competition()  # KIPP 2025, in registration
    copy = kf.history(
        babel.disdukcapil, babel.operator_bt, competition=open_competition,
        title="Sapa Warga Bangka Tengah", reached=[S.SUBMITTED],
    )  # fmt: skip
    copy.group = open_competition.groups.get(kind=GroupKind.REPLIKASI)
    copy.source_innovation = public_db.sapa.innovation
    copy.save(update_fields=["group", "source_innovation"])
    assert listed(client, replikasi="ya") == []
    # Forwarding the replication (the transition's signal) marks its source replicated.
    workflow.proposal_transition(proposal=copy, actor=babel.admin_bt, to_state=S.FORWARDED)
    assert listed(client, replikasi="ya") == ["Sapa Warga Babar"]
    assert "Sapa Warga Babar" not in listed(client, replikasi="tidak")


def test_innovation_page_shows_history_and_public_fields_only(client, public_db):
    record = InnovationRecord.objects.get(pk=public_db.perizinan.pk)
    response = client.get(f"/inovasi/{record.innovation_id}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Satu loket untuk semua urusan warga" in page
    assert "KIPP 2023" in page and "Top 45" in page
    assert 'property="og:title" content="Layanan Perizinan Terpadu Satu Pintu"' in page
    assert "RAHASIA-INTERNAL" not in page
    assert "0812-9999-0000" not in page and "Budi Santoso" not in page


def test_private_innovations_answer_404(client, public_db):
    for proposal in (public_db.draft, public_db.failed):
        assert client.get(f"/inovasi/{proposal.innovation_id}/").status_code == 404
    assert client.get("/inovasi/999999/").status_code == 404


def test_competition_winners_by_level(client, public_db):
    response = client.get("/pemenang/kipp-2023/")
    assert response.status_code == 200
    levels = response.context["winners_html"]
    assert levels.index("Top 45") < levels.index("Top 99")
    assert "Sapa Warga Babar" in levels and "Layanan Perizinan" in levels
    # KIPP 2024's only counted winner is Muara Enim's; the revoked one is gone.
    page = client.get("/pemenang/kipp-2024/").context["winners_html"]
    assert "Jemput Bola Kesehatan Desa" in page and "Gerai Air Keliling" not in page
    assert client.get("/pemenang/tidak-ada/").status_code == 404


def test_province_winners_and_winner_page(client, public_db):
    province = public_db.babel.province
    response = client.get(f"/pemenang/provinsi/{province.pk}/")
    assert [r.title for r in response.context["rows"]] == [
        "Layanan Perizinan Terpadu Satu Pintu",
        "Sapa Warga Babar",
    ]
    winner = client.get(f"/pemenang/kipp-2023/{public_db.perizinan.pk}/")
    page = winner.content.decode()
    assert winner.context["levels"] == ["Top 99", "Top 45"]
    assert "https://video.example.org/perizinan" in page
    assert 'property="og:title"' in page
    # Its public documents only: the service standard and maklumat, not the decrees.
    kinds = sorted(d.kind for d in winner.context["documents"])
    assert kinds == []  # the history factory adds no evidence
    assert client.get(f"/pemenang/kipp-2024/{public_db.posyandu.pk}/").status_code == 404
    assert client.get(f"/pemenang/kipp-2024/{public_db.perizinan.pk}/").status_code == 404


def test_public_document_download_and_private_ones_refused(client, public_db):
    standard = kf.evidence_file(
        public_db.perizinan, public_db.babel.operator_bb, "service_standard"
    )
    decree = kf.evidence_file(public_db.perizinan, public_db.babel.operator_bb, "innovator_decree")
    draft_doc = kf.evidence_file(public_db.draft, public_db.babel.operator_bb, "service_standard")
    response = client.get(f"/inovasi/dokumen/{standard.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(f"/inovasi/dokumen/{decree.pk}/").status_code == 404
    assert client.get(f"/inovasi/dokumen/{draft_doc.pk}/").status_code == 404
    winner = client.get(f"/pemenang/kipp-2023/{public_db.perizinan.pk}/")
    assert [d.kind for d in winner.context["documents"]] == ["service_standard"]


def test_downloads_follow_the_filters(client, public_db):
    province = public_db.babel.province.pk
    text = b"".join(client.get("/inovasi/unduh.csv", {"provinsi": province}).streaming_content)
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ID inovasi", "Tahun", "Nama inovasi"]
    assert sorted(r[2] for r in rows[1:]) == [
        "Gerai Air Keliling",
        "Layanan Perizinan Terpadu Satu Pintu",
        "Posyandu Digital",
        "Sapa Warga Babar",
    ]
    data = json.loads(
        b"".join(client.get("/inovasi/unduh.json", {"q": "perizinan"}).streaming_content)
    )
    assert [item["title"] for item in data] == [
        "Layanan Perizinan Terpadu Satu Pintu",
        "Posyandu Digital",
    ]
    workbook = load_workbook(io.BytesIO(client.get("/inovasi/unduh.xlsx", {"tahun": 2023}).content))
    sheet = workbook.active
    assert sheet.max_row == 3
    assert client.get("/inovasi/unduh.pdf").status_code == 404


def test_winners_and_statistics_downloads(client, public_db):
    text = b"".join(client.get("/pemenang/kipp-2023/unduh.csv").streaming_content).decode()
    assert "Top 45" in text and "Sapa Warga Babar" in text
    funnel = json.loads(b"".join(client.get("/statistik/tahapan.json").streaming_content))
    by_year = {row["year"]: row for row in funnel}
    assert by_year[2023]["top99"] == 2 and by_year[2023]["top45"] == 1
    assert by_year[2024]["admin_passed"] == 3 and by_year[2024]["top99"] == 1
    assert client.get("/statistik/tidak-ada.csv").status_code == 404


def test_statistics_page(client, public_db):
    response = client.get("/statistik/", {"tahun": 2024})
    assert response.status_code == 200
    assert response.context["year"] == 2024
    per_province = {row["province"]: row["proposals"] for row in response.context["per_province"]}
    assert per_province == {"Kepulauan Bangka Belitung": 3, "Sumatera Selatan": 1}
    compliance = {row["province"]: row for row in response.context["compliance"]}
    assert compliance["Kepulauan Bangka Belitung"]["entered"] == 2
    assert compliance["Kepulauan Bangka Belitung"]["instansi"] == 2
    assert "<svg" in response.content.decode()


def test_home_links_announcements_and_winners(client, public_db):
    page = client.get("/").content.decode()
    assert "/pemenang/kipp-2023/" in page
    assert "/pengumuman/kipp-2023/seleksi-administrasi/" in page
    assert "Layanan Perizinan Terpadu Satu Pintu" in page


def test_result_change_invalidates_cached_pages(client, public_db):
    assert "Posyandu Digital" not in client.get("/pemenang/kipp-2024/").context["winners_html"]
    kf.result(public_db.posyandu, ResultLevel.TOP99)  # the signal refreshes and bumps
    assert "Posyandu Digital" in client.get("/pemenang/kipp-2024/").context["winners_html"]


def test_sitemap_lists_public_pages(client, public_db):
    text = client.get("/sitemap.xml").content.decode()
    record = InnovationRecord.objects.get(pk=public_db.sapa.pk)
    assert f"/inovasi/{record.innovation_id}/" in text
    assert "/pemenang/kipp-2023/" in text
    assert f"/inovasi/{public_db.draft.innovation_id}/" not in text


def test_language_switch_keeps_the_page(client, public_db):
    page = "/inovasi/?q=perizinan&tahun=2023"
    assert f'name="next" value="{page.replace("&", "&amp;")}"' in client.get(page).content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": page})
    assert response["Location"] == page
    english = client.get(page).content.decode()
    assert "Innovation database" in english and '<html lang="en"' in english


def test_submissions_leave_the_public_cache_alone(public_db):
    from public import cache as public_cache

    babel = public_db.babel
    draft = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kf.competition(), title="Baru"
    )
    version = public_cache.version()
    workflow.proposal_transition(proposal=draft, actor=babel.operator_bb, to_state=S.SUBMITTED)
    assert draft.state == S.SUBMITTED
    assert public_cache.version() == version
    kf.result(public_db.posyandu, ResultLevel.TOP99)
    assert public_cache.version() > version


def test_statistics_years_are_national_competitions_with_entered_proposals(public_db):
    from public.statistics import years

    babel = public_db.babel
    kf.competition(name="KIPP 2025", year=2025)  # open, no proposal entered
    provincial = kf.competition(name="KIPP Babel 2026", year=2026, hub=f.HubFactory())
    kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=provincial, count=1, state=S.SUBMITTED
    )

    assert years() == [2024, 2023]
