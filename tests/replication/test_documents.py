"""Commitment documents and progress evidence go through the same content-checked uploads
and scoped downloads as proposal evidence (`kipp.uploads`, one module, not a copy)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kipp.services import evidence as kipp_evidence
from kipp.uploads import stored_file_response, stored_file_save
from kipp.views import proposal as kipp_proposal_views
from replication.enums import DocumentKind, Stage
from replication.models import Document, ProgressReport
from replication.services import commitments as services
from replication.views import catalogue as catalogue_views
from replication.views import commitments as commitment_views

from .helpers import at_stage, complete, pdf


def test_one_shared_upload_module():
    assert services.stored_file_save is stored_file_save is kipp_evidence.stored_file_save
    assert (
        commitment_views.stored_file_response
        is catalogue_views.stored_file_response
        is kipp_proposal_views.stored_file_response
        is stored_file_response
    )


def test_fake_pdf_refused_and_nothing_stored(client, repl, tmp_path):
    client.force_login(repl.babel.admin_bb)
    fake = SimpleUploadedFile("komitmen.pdf", b"%PDF-1.4 bukan pdf", "application/pdf")

    response = client.post(
        f"/replikasi/komitmen/{repl.commitment.pk}/dokumen/",
        {"dok-kind": DocumentKind.SIGNED_COMMITMENT, "dok-file": fake},
        follow=True,
    )

    assert "rusak atau tidak utuh" in response.content.decode()
    assert not Document.objects.exists()
    assert not list((tmp_path / "media").rglob("*.pdf"))


def test_signed_document_uploaded_and_downloaded_by_scope(client, repl):
    client.force_login(repl.babel.admin_bb)
    client.post(
        f"/replikasi/komitmen/{repl.commitment.pk}/dokumen/",
        {"dok-kind": DocumentKind.SIGNED_COMMITMENT, "dok-file": pdf()},
    )
    document = Document.objects.get()
    assert (document.kind, document.original_name, document.content_type) == (
        DocumentKind.SIGNED_COMMITMENT,
        "komitmen.pdf",
        "application/pdf",
    )
    assert document.file.name.startswith(f"replication/{repl.commitment.pk}/")

    response = client.get(f"/replikasi/komitmen/{repl.commitment.pk}/dokumen/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(repl.babel.admin_bt)
    assert (
        client.get(f"/replikasi/komitmen/{repl.commitment.pk}/dokumen/{document.pk}/").status_code
        == 404
    )


def test_progress_report_with_evidence_by_hub_on_behalf(client, repl):
    at_stage(complete(repl.commitment, repl.babel.admin_bb), Stage.IMPLEMENTASI)
    client.force_login(repl.babel.hub_admin)

    client.post(
        f"/replikasi/komitmen/{repl.commitment.pk}/kemajuan/",
        {
            "kemajuan-percent": "60",
            "kemajuan-summary": "Layanan berjalan di tiga kecamatan.",
            "kemajuan-obstacles": "Sinyal lemah",
            "kemajuan-evidence": pdf("bukti.pdf"),
        },
    )

    report = ProgressReport.objects.filter(commitment=repl.commitment).latest("created_at")
    assert (report.percent, report.obstacles, report.created_by) == (
        60,
        "Sinyal lemah",
        repl.babel.hub_admin,
    )
    assert [d.original_name for d in report.documents.all()] == ["bukti.pdf"]


def test_progress_percent_over_100_refused(client, repl):
    at_stage(repl.commitment, Stage.IMPLEMENTASI)
    client.force_login(repl.babel.admin_bb)

    response = client.post(
        f"/replikasi/komitmen/{repl.commitment.pk}/kemajuan/",
        {"kemajuan-percent": "140", "kemajuan-summary": "x"},
        follow=True,
    )

    assert not ProgressReport.objects.filter(commitment=repl.commitment).exists()
    assert response.status_code == 200
