"""The organiser's juknis and templates: uploaded per competition (content-checked),
linked on the proposal form, downloadable by anyone, managed by the organiser only."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kipp.models import CompetitionDocument
from tests.kipp import factories as kf


def _post(client, competition, content, kind="guideline", title="Juknis KIPP"):
    return client.post(
        f"/kompetisi/kelola/{competition.pk}/dokumen/",
        {
            "kind": kind,
            "title": title,
            "file": SimpleUploadedFile("juknis.pdf", content, "application/pdf"),
        },
    )


def test_organiser_uploads_a_guideline_linked_on_the_proposal_form(client, babel, kipp2025):
    client.force_login(babel.sekretariat)

    _post(client, kipp2025, kf.pdf_of_size(1500))

    document = CompetitionDocument.objects.get()
    assert (document.title, document.kind, document.content_type) == (
        "Juknis KIPP",
        "guideline",
        "application/pdf",
    )
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Draf")
    client.force_login(babel.operator_bb)
    page = client.get(f"/usulan/{draft.pk}/ubah/").content.decode()
    link = f"/kompetisi/{kipp2025.pk}/dokumen/{document.pk}/"
    assert link in page.split('id="dokumen-kompetisi"')[1]
    client.logout()
    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Security-Policy"] == "sandbox"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    download.close()


def test_a_file_that_is_not_a_document_is_refused(client, babel, kipp2025):
    client.force_login(babel.sekretariat)

    response = _post(client, kipp2025, b"<html>bukan pdf</html>")

    assert response.status_code == 302
    assert not CompetitionDocument.objects.exists()


def test_only_the_organiser_adds_or_removes(client, babel, kipp2025):
    client.force_login(babel.sekretariat)
    _post(client, kipp2025, kf.pdf_of_size(1500))
    document = CompetitionDocument.objects.get()

    for outsider in (babel.admin_bb, babel.operator_bb, babel.hub_admin):
        client.force_login(outsider)
        added = _post(client, kipp2025, kf.pdf_of_size(1600), title="Palsu")
        removed = client.post(f"/kompetisi/kelola/{kipp2025.pk}/dokumen/{document.pk}/hapus/")
        assert added.status_code in (403, 404) and removed.status_code in (403, 404)

    assert list(CompetitionDocument.objects.values_list("title", flat=True)) == ["Juknis KIPP"]
    client.force_login(babel.sekretariat)
    client.post(f"/kompetisi/kelola/{kipp2025.pk}/dokumen/{document.pk}/hapus/")
    assert not CompetitionDocument.objects.exists()
