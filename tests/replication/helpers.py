"""Bringing a commitment to a stage with everything the next move needs (test arrangement)."""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from replication.enums import DocumentKind
from replication.models import Activity, Commitment, Document, ProgressReport
from tests.kipp.factories import PDF_BYTES


def pdf(name="komitmen.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def complete(commitment: Commitment, actor) -> Commitment:
    """Fill every requirement of every move, writing rows directly (not the thing tested)."""
    Commitment.objects.filter(pk=commitment.pk).update(
        signatory="Bupati Bangka Barat",
        signatory_position="Bupati",
        signed_on=date(2021, 3, 25),
        team="Tim replikasi",
        person_in_charge=actor,
        budget_source="APBD",
        adaptation="Layanan keliling",
        indicator_before="7 hari",
        indicator_after="1 hari",
        regulation="Perbup Bangka Barat No. 12 Tahun 2022",
    )
    Document.objects.create(
        commitment=commitment,
        kind=DocumentKind.SIGNED_COMMITMENT,
        file="replication/x/komitmen.pdf",
        original_name="komitmen.pdf",
        content_type="application/pdf",
        size=len(b"x"),
        uploaded_by=actor,
    )
    Activity.objects.create(
        commitment=commitment,
        name="Sosialisasi",
        responsible_unit="Dinas Kominfo",
        due_on=date.today() + timedelta(days=30),
    )
    ProgressReport.objects.create(
        commitment=commitment, percent=40, summary="Berjalan", created_by=actor
    )
    commitment.refresh_from_db()
    return commitment


def at_stage(commitment: Commitment, stage: str) -> Commitment:
    Commitment.objects.filter(pk=commitment.pk).update(
        stage=stage, dropped_reason="Anggaran dialihkan" if stage == "dropped" else ""
    )
    commitment.refresh_from_db()
    return commitment
