"""Evidence uploads: only real PDF/JPG/PNG files within the size limit, stored under a
random name; nothing is stored when a file is refused."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kipp.enums import ProposalState as S
from kipp.models import Evidence, Proposal
from kipp.uploads import original_name_of
from tests.kipp import factories as kf
from tests.kipp.factories import pdf_of_size


@pytest.fixture
def draft(babel, kipp2025):
    return kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, complete=False)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 61, 104)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (201, 162, 39)).save(buffer, "JPEG")
    return buffer.getvalue()


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "evidence"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def upload(client, proposal, name, content, kind="other"):
    return client.post(
        f"/usulan/{proposal.pk}/bukti/unggah/",
        {"kind": kind, "file": SimpleUploadedFile(name, content, content_type="application/pdf")},
        follow=True,
    )


def test_real_pdf_is_stored_under_a_random_name(client, babel, draft):
    client.force_login(babel.operator_bb)

    response = upload(client, draft, "SK Inovator Kominfo.pdf", kf.PDF_BYTES, "innovator_decree")

    assert response.status_code == 200
    item = Evidence.objects.get(proposal=draft)
    assert (item.kind, item.original_name, item.content_type, item.size) == (
        "innovator_decree",
        "SK Inovator Kominfo.pdf",
        "application/pdf",
        len(kf.PDF_BYTES),
    )
    assert item.uploaded_by == babel.operator_bb
    stored = Path(item.file.name)
    assert stored.parent == Path(f"evidence/{draft.pk}")
    assert "Inovator" not in stored.name and stored.suffix == ".pdf"
    assert len(stored.stem) >= 20
    assert Path(item.file.path).read_bytes() == kf.PDF_BYTES


def test_real_png_and_jpeg_are_accepted_with_detected_type(client, babel, draft):
    client.force_login(babel.admin_bb)

    upload(client, draft, "maklumat.png", png_bytes(), "maklumat")
    upload(client, draft, "standar.JPG", jpeg_bytes(), "service_standard")

    types = dict(Evidence.objects.filter(proposal=draft).values_list("kind", "content_type"))
    assert types == {"maklumat": "image/png", "service_standard": "image/jpeg"}


def test_original_name_is_reduced_to_its_basename(client, babel, draft):
    client.force_login(babel.operator_bb)

    upload(client, draft, "..\\..\\windows\\" + "a" * 300 + ".pdf", kf.PDF_BYTES)

    item = Evidence.objects.get(proposal=draft)
    assert "\\" not in item.original_name and "/" not in item.original_name
    assert item.original_name.startswith("aaa")
    assert len(item.original_name) <= 255
    assert item.original_name.endswith(".pdf")


def test_original_name_is_trimmed_to_255_characters_keeping_the_extension():
    name = original_name_of("C:\\Dokumen\\" + "b" * 300 + ".jpeg")

    assert len(name) == 255
    assert name == "b" * 250 + ".jpeg"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "program.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 8,
            "bukan salah satunya",
        ),
        ("program.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120, "bukan salah satunya"),
        ("gambar.pdf", png_bytes(), "tidak sesuai dengan isinya (PNG)"),
        ("dokumen.png", kf.PDF_BYTES, "tidak sesuai dengan isinya (PDF)"),
        ("rusak.png", png_bytes()[:-20], "rusak atau tidak utuh"),
        ("rusak.jpg", jpeg_bytes()[: len(jpeg_bytes()) // 2], "rusak atau tidak utuh"),
        ("potong.pdf", kf.PDF_BYTES[:-7], "tidak utuh"),
        ("palsu.pdf", b"%PDF-1.4\n<script>alert(1)</script>", "tidak utuh"),
    ],
    ids=[
        "exe",
        "elf",
        "png-as-pdf",
        "pdf-as-png",
        "truncated-png",
        "truncated-jpeg",
        "pdf-no-eof",
        "fake-pdf",
    ],
)
def test_refused_files_store_nothing(client, babel, draft, name, content, message):
    client.force_login(babel.operator_bb)

    response = upload(client, draft, name, content)

    assert message in response.content.decode()
    assert Evidence.objects.filter(proposal=draft).count() == 0
    assert stored_files() == []


def test_file_over_the_competition_limit_is_refused(client, babel, draft, kipp2025):
    kipp2025.max_file_mb = 1
    kipp2025.save()
    client.force_login(babel.operator_bb)
    content = pdf_of_size(1024 * 1024 + 1)
    assert len(content) == 1024 * 1024 + 1

    response = upload(client, draft, "besar.pdf", content)

    assert "batasnya 1 MB" in response.content.decode()
    assert Evidence.objects.filter(proposal=draft).count() == 0
    assert stored_files() == []


def test_file_at_the_limit_is_accepted(client, babel, draft, kipp2025):
    kipp2025.max_file_mb = 1
    kipp2025.save()
    client.force_login(babel.operator_bb)
    content = pdf_of_size(1024 * 1024)
    assert len(content) == 1024 * 1024

    upload(client, draft, "pas.pdf", content)

    assert Evidence.objects.filter(proposal=draft).count() == 1


def test_htmx_upload_answers_the_evidence_card(client, babel, draft):
    client.force_login(babel.operator_bb)

    response = client.post(
        f"/usulan/{draft.pk}/bukti/unggah/",
        {"kind": "other", "file": SimpleUploadedFile("a.pdf", kf.PDF_BYTES)},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<section class="card kipp-card mb-3" id="bukti-dukung"')
    assert "a.pdf" in html


def test_delete_removes_row_and_file(client, babel, draft, django_capture_on_commit_callbacks):
    client.force_login(babel.operator_bb)
    item = kf.evidence_file(draft, babel.operator_bb)
    path = Path(item.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/usulan/{draft.pk}/bukti/{item.pk}/hapus/")

    assert response.status_code == 302
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert not path.exists()


def test_evidence_of_another_proposal_cannot_be_deleted_through_this_one(
    client, babel, draft, kipp2025
):
    other = kf.proposal(babel.pdam, babel.admin_bb, competition=kipp2025, title="Air Bersih")
    item = other.evidence.first()
    client.force_login(babel.operator_bb)

    response = client.post(f"/usulan/{draft.pk}/bukti/{item.pk}/hapus/")

    assert response.status_code == 404
    assert Evidence.objects.filter(pk=item.pk).exists()


def test_upload_and_delete_refused_after_submit(client, babel, draft):
    item = kf.evidence_file(draft, babel.operator_bb)
    Proposal.objects.filter(pk=draft.pk).update(state=S.SUBMITTED)
    client.force_login(babel.operator_bb)

    uploaded = upload(client, draft, "baru.pdf", kf.PDF_BYTES)
    deleted = client.post(f"/usulan/{draft.pk}/bukti/{item.pk}/hapus/", follow=True)

    assert "tidak dapat diubah lagi" in uploaded.content.decode()
    assert "tidak dapat diubah lagi" in deleted.content.decode()
    assert list(Evidence.objects.filter(proposal=draft)) == [item]
