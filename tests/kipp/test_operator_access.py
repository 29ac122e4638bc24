"""Who reaches the proposer's pages: the owner, a colleague, the Admin Lokal; nobody else."""

import pytest

from kipp.enums import ProposalState as S
from kipp.models import Evidence, Innovation, Proposal
from tests import factories as f
from tests.kipp import factories as kf
from tests.kipp.operator_helpers import form_data


@pytest.fixture
def draft(babel, kipp2025):
    return kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Sipandu")


@pytest.fixture
def actors(babel):
    """The matrix: owner, colleague operator of the same unit, Admin Lokal, outsiders."""
    colleague = f.operator(babel.kominfo, username="upp.kominfo.bb2")
    return {
        "owner": babel.operator_bb,
        "colleague": colleague,
        "admin_lokal": babel.admin_bb,
        "outsider_operator": babel.operator_bt,
        "outsider_admin": babel.admin_bt,
        "evaluator": babel.evaluator,
        "sekretariat": babel.sekretariat,
    }


OBJECT_MATRIX = [
    ("owner", 200),
    ("colleague", 200),
    ("admin_lokal", 200),
    ("outsider_operator", 404),
    ("outsider_admin", 404),
    ("evaluator", 404),
    ("sekretariat", 404),
]


@pytest.mark.parametrize(("actor", "status"), OBJECT_MATRIX)
def test_edit_page_access(client, actors, draft, actor, status):
    client.force_login(actors[actor])

    response = client.get(f"/usulan/{draft.pk}/ubah/")

    assert response.status_code == status


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("owner", 200),
        ("colleague", 200),
        ("admin_lokal", 200),
        ("outsider_operator", 200),  # their own (empty) lists
        ("outsider_admin", 200),
        ("evaluator", 404),
        ("sekretariat", 404),
    ],
)
@pytest.mark.parametrize(
    "url", ["/usulan/", "/usulan/baru/", "/usulan/inovasi/", "/usulan/inovasi/baru/"]
)
def test_area_pages_access(client, actors, draft, actor, status, url):
    client.force_login(actors[actor])

    response = client.get(url)

    assert response.status_code == status
    if status == 200 and url in ("/usulan/", "/usulan/inovasi/"):
        shown = "Sipandu" in response.content.decode()
        assert shown == (actor in ("owner", "colleague", "admin_lokal"))


@pytest.mark.parametrize(("actor", "status"), OBJECT_MATRIX)
@pytest.mark.parametrize("action", ["ubah", "hapus"])
def test_innovation_pages_access(client, actors, draft, actor, status, action):
    client.force_login(actors[actor])

    response = client.get(f"/usulan/inovasi/{draft.innovation_id}/{action}/")

    assert response.status_code == status


@pytest.mark.parametrize(
    "actor", ["outsider_operator", "outsider_admin", "evaluator", "sekretariat"]
)
def test_forged_innovation_posts_change_nothing(client, actors, draft, actor):
    client.force_login(actors[actor])
    innovation = draft.innovation
    before = list(Innovation.objects.order_by("pk").values_list())
    proposals = list(Proposal.objects.order_by("pk").values_list("pk", "title", "version"))

    updated = client.post(
        f"/usulan/inovasi/{innovation.pk}/ubah/",
        {"title": "Dibajak", "started_on": "2019-01-01", "summary": "Dibajak"},
    )
    deleted = client.post(f"/usulan/inovasi/{innovation.pk}/hapus/")

    assert (updated.status_code, deleted.status_code) == (404, 404)
    assert list(Innovation.objects.order_by("pk").values_list()) == before
    assert list(Proposal.objects.order_by("pk").values_list("pk", "title", "version")) == proposals


@pytest.mark.parametrize("actor", ["owner", "colleague", "admin_lokal"])
def test_innovation_posts_in_scope_apply(client, actors, draft, actor):
    client.force_login(actors[actor])
    innovation = draft.innovation

    updated = client.post(
        f"/usulan/inovasi/{innovation.pk}/ubah/",
        {"title": "Sipandu Baru", "started_on": "2019-01-01", "summary": "Diperbarui"},
    )
    deleted = client.post(f"/usulan/inovasi/{innovation.pk}/hapus/")

    assert (updated.status_code, deleted.status_code) == (302, 302)
    assert not Innovation.objects.filter(pk=innovation.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/usulan/",
        "/usulan/baru/",
        "/usulan/inovasi/",
        "/usulan/inovasi/baru/",
        "/usulan/{pk}/ubah/",
        "/usulan/inovasi/{innovation}/ubah/",
        "/usulan/inovasi/{innovation}/hapus/",
    ],
)
def test_anonymous_is_sent_to_login(client, draft, url):
    response = client.get(url.format(pk=draft.pk, innovation=draft.innovation_id))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("actor", "status"), OBJECT_MATRIX)
def test_autosave_access(client, actors, draft, actor, status):
    client.force_login(actors[actor])

    response = client.post(
        f"/usulan/{draft.pk}/simpan-otomatis/", form_data(draft, title="Judul baru")
    )

    assert response.status_code == status
    draft.refresh_from_db()
    assert draft.title == ("Judul baru" if status == 200 else "Sipandu")


@pytest.mark.parametrize("actor", ["outsider_operator", "outsider_admin", "evaluator"])
def test_forged_posts_to_another_instansi_change_nothing(client, actors, draft, actor):
    client.force_login(actors[actor])
    evidence = draft.evidence.first()
    before = (draft.title, draft.version, draft.sections)
    evidence_count = Evidence.objects.count()

    saved = client.post(f"/usulan/{draft.pk}/ubah/", form_data(draft, title="Dibajak"))
    uploaded = client.post(
        f"/usulan/{draft.pk}/bukti/unggah/",
        {"kind": "other", "file": _pdf()},
    )
    deleted = client.post(f"/usulan/{draft.pk}/bukti/{evidence.pk}/hapus/")

    assert (saved.status_code, uploaded.status_code, deleted.status_code) == (404, 404, 404)
    draft.refresh_from_db()
    assert (draft.title, draft.version, draft.sections) == before
    assert Evidence.objects.count() == evidence_count


def test_anonymous_posts_change_nothing(client, draft):
    before = draft.version
    innovation = list(Innovation.objects.values_list())

    response = client.post(f"/usulan/{draft.pk}/simpan-otomatis/", form_data(draft))
    updated = client.post(
        f"/usulan/inovasi/{draft.innovation_id}/ubah/",
        {"title": "Dibajak", "started_on": "2019-01-01"},
    )
    deleted = client.post(f"/usulan/inovasi/{draft.innovation_id}/hapus/")

    assert [r.status_code for r in (response, updated, deleted)] == [302] * 3
    assert all(r["Location"].startswith("/accounts/login/") for r in (updated, deleted))
    draft.refresh_from_db()
    assert draft.version == before
    assert list(Innovation.objects.values_list()) == innovation


def test_edit_link_on_proposal_page_only_while_editable(client, babel, draft):
    client.force_login(babel.operator_bb)

    editable = client.get(f"/usulan/{draft.pk}/").content.decode()
    Proposal.objects.filter(pk=draft.pk).update(state=S.SUBMITTED)
    submitted = client.get(f"/usulan/{draft.pk}/").content.decode()

    assert f'href="/usulan/{draft.pk}/ubah/"' in editable
    assert f'href="/usulan/{draft.pk}/ubah/"' not in submitted


def test_menu_shows_proposals_to_proposers_only(client, babel):
    client.force_login(babel.operator_bb)
    operator_page = client.get("/dasbor/").content.decode()
    client.force_login(babel.evaluator)
    evaluator_page = client.get("/dasbor/").content.decode()

    assert 'id="menu-usulan"' in operator_page
    assert 'id="menu-usulan"' not in evaluator_page


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bukti.pdf", kf.PDF_BYTES, content_type="application/pdf")
