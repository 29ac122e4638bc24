"""A second upload of the same file for the same kind is refused with its name; the card
lists evidence by kind."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kipp.enums import EvidenceKind
from tests.kipp import factories as kf

PDF = kf.pdf_of_size(2000)


@pytest.fixture
def draft(babel, kipp2025):
    return kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, complete=False)


def upload(client, proposal, name, content, kind):
    return client.post(
        f"/usulan/{proposal.pk}/bukti/unggah/",
        {"kind": kind, "file": SimpleUploadedFile(name, content, content_type="application/pdf")},
        follow=True,
    )


def test_same_file_twice_for_one_kind_is_flagged(client, babel, draft):
    client.force_login(babel.operator_bb)
    upload(client, draft, "sk-inovator.pdf", PDF, kind=EvidenceKind.INNOVATOR_DECREE)

    response = upload(client, draft, "salinan.pdf", PDF, kind=EvidenceKind.INNOVATOR_DECREE)

    assert list(draft.evidence.values_list("original_name", flat=True)) == ["sk-inovator.pdf"]
    assert "Berkas ini sama dengan “sk-inovator.pdf” yang sudah diunggah sebagai SK inovator." in (
        response.content.decode()
    )


def test_same_file_for_another_kind_or_other_content_is_stored(client, babel, draft):
    client.force_login(babel.operator_bb)
    upload(client, draft, "a.pdf", PDF, kind=EvidenceKind.INNOVATOR_DECREE)

    upload(client, draft, "a.pdf", PDF, kind=EvidenceKind.MAKLUMAT)
    upload(client, draft, "b.pdf", kf.pdf_of_size(2001), kind=EvidenceKind.INNOVATOR_DECREE)

    assert draft.evidence.count() == 3


def test_evidence_card_groups_files_by_kind(client, babel, draft):
    client.force_login(babel.operator_bb)
    upload(client, draft, "a.pdf", PDF, kind=EvidenceKind.INNOVATOR_DECREE)
    upload(client, draft, "m.pdf", kf.pdf_of_size(2100), kind=EvidenceKind.MAKLUMAT)

    page = client.get(f"/usulan/{draft.pk}/ubah/").content.decode()

    listed = page.split('id="daftar-bukti"')[1].split("</div>")[0]
    assert listed.index("Maklumat pelayanan") < listed.index("m.pdf")
    assert listed.index("SK inovator") < listed.index("a.pdf")
