"""Changing and deleting an innovation: its name and start date only while nothing under it
was submitted, deletion never losing a submitted proposal."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Evidence, Innovation, Proposal, ProposalEvent
from kipp.services import innovations as services
from tests.kipp import factories as kf

NEW_DAY = date(2019, 3, 4)


@pytest.fixture
def loose(babel):
    """An innovation not entered anywhere."""
    return kf.innovation(babel.kominfo, babel.operator_bb, title="Lapor Cepat")


@pytest.fixture
def drafted(babel, kipp2025):
    """An innovation with one (complete) draft proposal in KIPP 2025."""
    return kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Sipandu")


def _update(actor, innovation, **changes):
    values = {
        "title": innovation.title,
        "started_on": innovation.started_on,
        "summary": innovation.summary,
        **changes,
    }
    return services.innovation_update(actor=actor, innovation=innovation, **values)


# Services ---------------------------------------------------------------------------------


def test_update_changes_every_field_of_a_loose_innovation(babel, loose):
    _update(babel.operator_bb, loose, title="  Lapor   Kilat ", started_on=NEW_DAY, summary="Baru")

    loose.refresh_from_db()
    assert (loose.title, loose.started_on, loose.summary) == ("Lapor Kilat", NEW_DAY, "Baru")


def test_new_name_follows_onto_drafts_with_the_old_name(babel, drafted):
    innovation = drafted.innovation
    version = drafted.version

    _update(babel.operator_bb, innovation, title="Sipandu Plus")

    drafted.refresh_from_db()
    assert (drafted.title, drafted.version) == ("Sipandu Plus", version + 1)


def test_draft_with_its_own_title_keeps_it(babel, drafted):
    Proposal.objects.filter(pk=drafted.pk).update(title="Judul Usulan Sendiri")

    _update(babel.operator_bb, drafted.innovation, title="Sipandu Plus")

    drafted.refresh_from_db()
    assert drafted.title == "Judul Usulan Sendiri"


def test_name_and_date_locked_once_submitted_but_summary_changes(babel, drafted):
    Proposal.objects.filter(pk=drafted.pk).update(state=S.SUBMITTED)
    innovation = drafted.innovation

    with pytest.raises(Refused, match="sudah diajukan di KIPP 2025"):
        _update(babel.operator_bb, innovation, title="Nama Lain")
    with pytest.raises(Refused):
        _update(babel.operator_bb, innovation, started_on=NEW_DAY)
    _update(babel.operator_bb, innovation, summary="Uraian yang diperbarui.")

    innovation.refresh_from_db()
    drafted.refresh_from_db()
    assert (innovation.title, innovation.started_on) == ("Sipandu", date(2020, 1, 6))
    assert innovation.summary == "Uraian yang diperbarui."
    assert drafted.title == "Sipandu"


def test_name_locked_when_a_draft_is_past_the_operator_close(babel):
    now = timezone.now()
    closed = kf.competition(
        opens=now - timedelta(days=20), closes=now - timedelta(minutes=1), name="KIPP 2024"
    )
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=closed, title="Lama")

    with pytest.raises(Refused, match="Pendaftaran telah ditutup"):
        _update(babel.operator_bb, draft.innovation, title="Baru")
    # The Admin Lokal still writes the draft until verification closes.
    _update(babel.admin_bb, draft.innovation, title="Baru")

    draft.refresh_from_db()
    assert draft.title == "Baru"


def test_update_refuses_a_duplicate_name_in_the_unit(babel, loose, drafted):
    with pytest.raises(ValidationError, match="sudah memiliki inovasi dengan nama ini"):
        _update(babel.operator_bb, loose, title="SIPANDU")

    loose.refresh_from_db()
    assert loose.title == "Lapor Cepat"


def test_update_outside_scope_is_denied(babel, loose):
    with pytest.raises(PermissionDenied):
        _update(babel.operator_bt, loose, title="Dibajak")

    loose.refresh_from_db()
    assert loose.title == "Lapor Cepat"


def test_delete_takes_drafts_and_their_files(babel, drafted):
    innovation = drafted.innovation
    deleted = services.innovation_delete(actor=babel.operator_bb, innovation=innovation)

    assert deleted == 1
    assert not Innovation.objects.filter(pk=innovation.pk).exists()
    assert not Proposal.objects.filter(pk=drafted.pk).exists()
    assert not ProposalEvent.objects.filter(proposal_id=drafted.pk).exists()
    assert not Evidence.objects.filter(proposal_id=drafted.pk).exists()


def test_delete_removes_files_after_commit(babel, drafted, django_capture_on_commit_callbacks):
    paths = [Path(settings.MEDIA_ROOT) / item.file.name for item in drafted.evidence.all()]
    assert paths and all(p.exists() for p in paths)

    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_delete(actor=babel.operator_bb, innovation=drafted.innovation)

    assert [p.exists() for p in paths] == [False] * len(paths)


@pytest.mark.parametrize("state", [S.SUBMITTED, S.WITHDRAWN, S.RETURNED, S.FORWARDED])
def test_delete_never_loses_a_submitted_proposal(babel, drafted, state):
    Proposal.objects.filter(pk=drafted.pk).update(state=state)

    with pytest.raises(Refused, match="tidak dapat dihapus"):
        services.innovation_delete(actor=babel.operator_bb, innovation=drafted.innovation)

    assert Proposal.objects.filter(pk=drafted.pk).exists()
    assert Innovation.objects.filter(pk=drafted.innovation_id).exists()
    assert drafted.evidence.count() == len(drafted.group.required_evidence)


def test_delete_refused_while_a_replication_names_it(babel, kipp2025, loose):
    kf.proposal(
        babel.disdukcapil,
        babel.operator_bt,
        competition=kipp2025,
        title="Replika",
        kind="replikasi",
        source=loose,
    )

    with pytest.raises(Refused, match="inovasi asal"):
        services.innovation_delete(actor=babel.operator_bb, innovation=loose)

    assert Innovation.objects.filter(pk=loose.pk).exists()


# Pages ------------------------------------------------------------------------------------


def test_edit_page_saves_and_returns_to_the_list(client, babel, loose):
    client.force_login(babel.operator_bb)

    response = client.post(
        f"/usulan/inovasi/{loose.pk}/ubah/",
        {"title": "Lapor Kilat", "started_on": "2019-03-04", "summary": "Ringkas"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/usulan/inovasi/"
    loose.refresh_from_db()
    assert (loose.title, loose.started_on, loose.summary) == ("Lapor Kilat", NEW_DAY, "Ringkas")


def test_edit_page_shows_locked_fields_read_only(client, babel, drafted):
    Proposal.objects.filter(pk=drafted.pk).update(state=S.SUBMITTED)
    client.force_login(babel.operator_bb)
    url = f"/usulan/inovasi/{drafted.innovation_id}/ubah/"

    page = client.get(url).content.decode()
    response = client.post(
        url, {"title": "Nama Lain", "started_on": "2019-03-04", "summary": "Diperbarui"}
    )

    assert "sudah diajukan di KIPP 2025" in page
    assert response.status_code == 302
    innovation = Innovation.objects.get(pk=drafted.innovation_id)
    assert (innovation.title, innovation.started_on) == ("Sipandu", date(2020, 1, 6))
    assert innovation.summary == "Diperbarui"


def test_delete_page_confirms_then_deletes(client, babel, drafted):
    client.force_login(babel.operator_bb)
    url = f"/usulan/inovasi/{drafted.innovation_id}/hapus/"

    page = client.get(url).content.decode()
    response = client.post(url)

    assert 'id="draf-ikut-dihapus"' in page and 'id="tombol-hapus"' in page
    assert response.status_code == 302
    assert response["Location"] == "/usulan/inovasi/"
    assert not Innovation.objects.filter(pk=drafted.innovation_id).exists()


def test_delete_page_explains_a_refusal_without_a_button(client, babel, drafted):
    Proposal.objects.filter(pk=drafted.pk).update(state=S.FORWARDED)
    client.force_login(babel.operator_bb)
    url = f"/usulan/inovasi/{drafted.innovation_id}/hapus/"

    page = client.get(url).content.decode()
    response = client.post(url)

    assert 'id="tidak-dapat-dihapus"' in page and 'id="tombol-hapus"' not in page
    assert response.status_code == 302
    assert response["Location"] == url
    assert Proposal.objects.filter(pk=drafted.pk).exists()
