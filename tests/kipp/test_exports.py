"""Exports: small lists download at once (CSV streamed), large ones become a background job
with a progress page and a download only its owner reaches."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext, override_settings
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from kipp.enums import ExportKind, ExportStatus
from kipp.enums import ProposalState as S
from kipp.models import ExportJob
from kipp.services import exports as services_exports
from kipp.services import workflow
from kipp.services.selection import proposals_in_selection
from kipp.tasks import export_job_run
from tests.kipp import factories as kf

SELECTION = "/seleksi/administrasi/ekspor/"


@pytest.fixture
def forwarded(babel, kipp2025):
    """Three forwarded proposals of Bangka Barat in KIPP 2025."""
    return kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=3, state=S.FORWARDED
    )


def _csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _titles(rows) -> list[str]:
    return sorted(row[0] for row in rows[1:])


def _large_export(client, url, params, django_capture_on_commit_callbacks):
    with (
        override_settings(EXPORT_SYNC_MAX_ROWS=2),
        django_capture_on_commit_callbacks(execute=True),
    ):
        return client.get(url, params)


# Small exports ----------------------------------------------------------------------------


def test_small_csv_export_streams_at_once(client, babel, kipp2025, forwarded):
    client.force_login(babel.sekretariat)

    response = client.get(f"{SELECTION}csv/", {"edisi": kipp2025.pk})

    assert isinstance(response, StreamingHttpResponse)
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="seleksi-administrasi-kipp-2025.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    rows = _csv_rows(response.getvalue())
    assert rows[0][:3] == ["Judul", "Instansi", "Klaster"]
    assert _titles(rows) == [p.title for p in forwarded]
    assert ExportJob.objects.count() == 0


def test_small_xlsx_export_at_once(client, babel, kipp2025, forwarded):
    client.force_login(babel.sekretariat)

    response = client.get(f"{SELECTION}xlsx/", {"edisi": kipp2025.pk})

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True)) == [
        p.title for p in forwarded
    ]
    assert ExportJob.objects.count() == 0


def test_size_is_decided_by_a_capped_count(babel, kipp2025, forwarded):
    rows = proposals_in_selection(user=babel.sekretariat, competition=kipp2025)

    with CaptureQueriesContext(connection) as queries:
        small = services_exports.is_small(rows, 2)

    assert small is False
    [count] = [q["sql"] for q in queries.captured_queries if "COUNT" in q["sql"].upper()]
    assert "LIMIT 3" in count.upper()


# Large exports become jobs ----------------------------------------------------------------


def test_large_export_becomes_a_finished_job(
    client, babel, kipp2025, forwarded, django_capture_on_commit_callbacks
):
    client.force_login(babel.sekretariat)

    response = _large_export(
        client, f"{SELECTION}csv/", {"edisi": kipp2025.pk}, django_capture_on_commit_callbacks
    )

    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ekspor/{job.pk}/"
    assert (job.owner, job.kind, job.format) == (babel.sekretariat, ExportKind.SELECTION, "csv")
    assert (job.status, job.progress, job.row_count) == (ExportStatus.DONE, 100, 3)
    assert job.params == {"edisi": [str(kipp2025.pk)]}
    assert job.file.name.startswith(f"exports/{babel.sekretariat.pk}/")
    with job.file.open("rb") as stored:
        assert _titles(_csv_rows(stored.read())) == [p.title for p in forwarded]


def test_job_page_and_download_for_the_owner(
    client, babel, kipp2025, forwarded, django_capture_on_commit_callbacks
):
    client.force_login(babel.sekretariat)
    _large_export(
        client, f"{SELECTION}csv/", {"edisi": kipp2025.pk}, django_capture_on_commit_callbacks
    )
    job = ExportJob.objects.get()

    page = client.get(f"/ekspor/{job.pk}/")
    download = client.get(f"/ekspor/{job.pk}/unduh/")

    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="100"' in html and 'id="unduh-ekspor"' in html
    assert "hx-trigger" not in html  # finished: the polling stops
    assert download.status_code == 200
    assert (
        download["Content-Disposition"]
        == 'attachment; filename="seleksi-administrasi-kipp-2025.csv"'
    )
    assert download["Cache-Control"] == "private, no-store"
    assert _titles(_csv_rows(download.getvalue())) == [p.title for p in forwarded]


def test_xlsx_job_of_the_verification_inbox(
    client, babel, kipp2025, django_capture_on_commit_callbacks
):
    made = kf.bulk_proposals(
        babel.kominfo, babel.operator_bb, competition=kipp2025, count=3, state=S.SUBMITTED
    )
    client.force_login(babel.admin_bb)

    response = _large_export(
        client, "/verifikasi/ekspor/", {"format": "xlsx"}, django_capture_on_commit_callbacks
    )

    job = ExportJob.objects.get()
    assert response["Location"] == f"/ekspor/{job.pk}/"
    assert (job.kind, job.status, job.row_count) == (ExportKind.VERIFICATION, ExportStatus.DONE, 3)
    assert job.params == {}  # `format` is not a filter
    with job.file.open("rb") as stored:
        sheet = load_workbook(io.BytesIO(stored.read())).active
    titles = sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert titles == sorted(p.title for p in made)


def test_queued_job_page_polls_every_two_seconds(client, babel):
    job = ExportJob.objects.create(
        owner=babel.sekretariat, kind=ExportKind.SELECTION, format="csv", filename="seleksi"
    )
    client.force_login(babel.sekretariat)

    page = client.get(f"/ekspor/{job.pk}/").content.decode()
    partial = client.get(f"/ekspor/{job.pk}/", headers={"HX-Request": "true"}).content.decode()

    assert 'data-hx-trigger="every 2s"' in page
    assert partial.startswith('<section class="card kipp-card" id="status-ekspor"')
    assert "<html" not in partial
    assert 'id="unduh-ekspor"' not in page
    assert client.get(f"/ekspor/{job.pk}/unduh/").status_code == 404


@pytest.mark.parametrize("actor", ["admin_bb", "hub_admin", "evaluator", "operator_bb"])
def test_someone_else_gets_404(
    client, babel, kipp2025, forwarded, actor, django_capture_on_commit_callbacks
):
    client.force_login(babel.sekretariat)
    _large_export(
        client, f"{SELECTION}csv/", {"edisi": kipp2025.pk}, django_capture_on_commit_callbacks
    )
    job = ExportJob.objects.get()
    client.force_login(getattr(babel, actor))

    page = client.get(f"/ekspor/{job.pk}/")
    download = client.get(f"/ekspor/{job.pk}/unduh/")

    assert (page.status_code, download.status_code) == (404, 404)


def test_anonymous_is_sent_to_login(client, babel):
    job = ExportJob.objects.create(
        owner=babel.sekretariat, kind=ExportKind.SELECTION, format="csv", filename="seleksi"
    )

    responses = [client.get(f"/ekspor/{job.pk}/"), client.get(f"/ekspor/{job.pk}/unduh/")]

    assert [r.status_code for r in responses] == [302, 302]
    assert all(r["Location"].startswith("/accounts/login/") for r in responses)


# The job itself ---------------------------------------------------------------------------


def test_a_done_job_is_not_redone(
    client, babel, kipp2025, forwarded, django_capture_on_commit_callbacks
):
    client.force_login(babel.sekretariat)
    _large_export(
        client, f"{SELECTION}csv/", {"edisi": kipp2025.pk}, django_capture_on_commit_callbacks
    )
    job = ExportJob.objects.get()

    again = export_job_run.delay(job.pk).get()

    assert again is None
    assert ExportJob.objects.get().file.name == job.file.name


def test_a_job_left_running_by_a_lost_worker_runs_again(babel, kipp2025, forwarded):
    job = ExportJob.objects.create(
        owner=babel.sekretariat,
        kind=ExportKind.SELECTION,
        format="csv",
        filename="seleksi",
        params={"edisi": [str(kipp2025.pk)]},
        status=ExportStatus.RUNNING,
        progress=40,
    )

    assert export_job_run.delay(job.pk).get() == ExportStatus.DONE

    job.refresh_from_db()
    assert (job.progress, job.row_count) == (100, 3)


def test_export_of_a_competition_no_longer_reachable_fails_in_indonesian(
    babel, kipp2025, forwarded
):
    job = ExportJob.objects.create(
        owner=babel.hub_admin,
        kind=ExportKind.SELECTION,
        format="xlsx",
        filename="seleksi",
        params={"edisi": [str(kipp2025.pk)]},
    )

    assert export_job_run.delay(job.pk).get() == ExportStatus.FAILED

    job.refresh_from_db()
    assert job.error == "Edisi ini tidak lagi dapat Anda akses."
    assert (job.file.name, job.row_count) == ("", None)
    assert job.finished_at is not None


def test_a_crashing_export_is_marked_failed(client, babel, kipp2025, forwarded, monkeypatch):
    def broken(user, query):
        raise RuntimeError("disk full")

    monkeypatch.setitem(services_exports.SOURCES, ExportKind.SELECTION, broken)
    job = ExportJob.objects.create(
        owner=babel.sekretariat, kind=ExportKind.SELECTION, format="csv", filename="seleksi"
    )
    client.force_login(babel.sekretariat)

    export_job_run.delay(job.pk).get()
    page = client.get(f"/ekspor/{job.pk}/").content.decode()

    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED
    assert job.error == "Ekspor gagal dibuat karena kesalahan sistem. Silakan coba lagi."
    assert 'id="galat-ekspor"' in page and "hx-trigger" not in page


def test_selection_xlsx_sheet_is_named_frozen_filtered_and_in_wib(client, babel, kipp2025):
    """The sheet is named, its header frozen and filterable, columns sized; the failing
    reason, unit, id and link are there; times are WIB wall-clock to the second."""
    made = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="Gagal", state=S.FORWARDED
    )
    made.forwarded_at = datetime(2026, 12, 4, 3, 4, 5, 678901, tzinfo=UTC)
    made.save(update_fields=["forwarded_at"])
    workflow.proposal_transition(
        proposal=made, actor=babel.sekretariat, to_state=S.ADMIN_FAILED, note="SK tidak sah."
    )
    client.force_login(babel.sekretariat)

    response = client.get(f"/seleksi/administrasi/ekspor/xlsx/?edisi={kipp2025.pk}")

    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Seleksi administrasi"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}1"
    assert sheet.column_dimensions["A"].width == 40
    assert row["Alasan tidak lolos"] == "SK tidak sah."
    assert row["Unit"] == babel.kominfo.name
    assert row["Nomor usulan"] == made.pk
    assert row["Tautan"].endswith(f"/usulan/{made.pk}/")
    assert row["Diteruskan (WIB)"] == datetime(2026, 12, 4, 10, 4, 5)
