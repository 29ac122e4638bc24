"""The announcement names its decree, offers the document, says what comes next, and is
linked from the competition's page."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kipp.enums import ProposalState as S
from tests.kipp import factories as kf


def _decided(babel, competition):
    return kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        title="Lolos",
        state=S.ADMIN_PASSED,
    )


def test_publish_with_decree_shows_number_document_and_next_steps(client, babel, kipp2025):
    _decided(babel, kipp2025)
    client.force_login(babel.sekretariat)

    client.post(
        f"/seleksi/administrasi/{kipp2025.pk}/umumkan/",
        {
            "decree_number": "B-123/KIPP/2026",
            "decree": SimpleUploadedFile("sk.pdf", kf.pdf_of_size(1200), "application/pdf"),
        },
    )
    client.logout()
    page = client.get(f"/pengumuman/{kipp2025.slug}/seleksi-administrasi/").content.decode()
    document = client.get(f"/pengumuman/{kipp2025.slug}/seleksi-administrasi/sk/")

    kipp2025.refresh_from_db()
    assert kipp2025.admin_results_published_at is not None
    assert kipp2025.admin_results_decree_number == "B-123/KIPP/2026"
    assert "Ditetapkan dengan SK nomor B-123/KIPP/2026." in page
    assert f"/pengumuman/{kipp2025.slug}/seleksi-administrasi/sk/" in page
    assert 'id="tahap-selanjutnya"' in page and "bukan peringkat" in page
    assert document.status_code == 200
    assert b"".join(document.streaming_content).startswith(b"%PDF")


def test_publish_refuses_a_decree_that_is_not_a_document(client, babel, kipp2025):
    _decided(babel, kipp2025)
    client.force_login(babel.sekretariat)

    client.post(
        f"/seleksi/administrasi/{kipp2025.pk}/umumkan/",
        {"decree": SimpleUploadedFile("sk.pdf", b"bukan pdf", "application/pdf")},
    )

    kipp2025.refresh_from_db()
    assert kipp2025.admin_results_published_at is None
    assert not kipp2025.admin_results_decree


def test_decree_link_answers_404_before_publication(client, babel, kipp2025):
    assert client.get(f"/pengumuman/{kipp2025.slug}/seleksi-administrasi/sk/").status_code == 404


def test_competition_page_links_the_published_announcement(client, babel, kipp2025):
    _decided(babel, kipp2025)
    client.force_login(babel.sekretariat)
    client.post(f"/seleksi/administrasi/{kipp2025.pk}/umumkan/")

    page = client.get(f"/kompetisi/kelola/{kipp2025.pk}/").content.decode()

    assert f'href="/pengumuman/{kipp2025.slug}/seleksi-administrasi/"' in page
