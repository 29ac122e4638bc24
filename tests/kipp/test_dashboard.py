"""Each role's dashboard shows what it must act on, in the same queries for one and many."""

import re

import pytest

from kipp.enums import GroupKind
from kipp.enums import ProposalState as S
from kipp.services import workflow
from tests.kipp import factories as kf

MANY = 25


def _returned(babel, competition, title="Layanan Kembali", note="Perbaiki bagian Ringkasan."):
    made = kf.proposal(babel.kominfo, babel.operator_bb, competition=competition, title=title)
    workflow.proposal_transition(proposal=made, actor=babel.operator_bb, to_state=S.SUBMITTED)
    workflow.proposal_transition(
        proposal=made, actor=babel.admin_bb, to_state=S.RETURNED, note=note
    )
    return made


def test_operator_dashboard_lists_its_work_with_the_return_note(client, babel, kipp2025):
    returned = _returned(babel, kipp2025)
    draft = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Draf Satu")
    forwarded = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="Terus", state=S.FORWARDED
    )
    kf.proposal(babel.disdukcapil, babel.operator_bt, competition=kipp2025, title="Bukan Milik")
    client.force_login(babel.operator_bb)

    page = client.get("/dasbor/").content.decode()

    assert "Belum ada usulan inovasi dari unit Anda" not in page
    returned_part = page.split('id="usulan-dikembalikan"')[1].split('id="usulan-draf"')[0]
    assert "Layanan Kembali" in returned_part
    assert "Perbaiki bagian Ringkasan." in returned_part
    assert f"/usulan/{returned.pk}/ubah/" in returned_part
    assert f"/usulan/{draft.pk}/ubah/" in page.split('id="usulan-draf"')[1]
    in_progress = page.split('id="usulan-berjalan"')[1]
    assert f"/usulan/{forwarded.pk}/" in in_progress and str(S.FORWARDED.label) in in_progress
    assert "Bukan Milik" not in page
    # The open competition, its registration close in WIB, and the way to propose.
    assert "KIPP 2025" in page.split('id="kompetisi-dibuka"')[1]
    assert "WIB" in page.split('id="kompetisi-dibuka"')[1]
    assert 'href="/usulan/baru/"' in page


def test_admin_lokal_dashboard_shows_waiting_quota_and_deadline(client, babel, kipp2025):
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="A", state=S.SUBMITTED
    )
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="B", state=S.SUBMITTED
    )
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="C", state=S.FORWARDED
    )
    kf.proposal(
        babel.disdukcapil, babel.operator_bt, competition=kipp2025, title="D", state=S.SUBMITTED
    )
    client.force_login(babel.admin_bb)

    response = client.get("/dasbor/")

    (entry,) = response.context["admin_lokal"]["competitions"]
    assert (entry.waiting, entry.instansi) == (2, babel.bangka_barat)
    umum = next(row for row in entry.quotas if row.group.kind == GroupKind.UMUM)
    assert (umum.used, umum.left) == (1, umum.quota - 1)
    assert entry.verification_closes_at == kipp2025.verification_closes_at
    page = response.content.decode()
    assert "usulan menunggu verifikasi" in page and "Kuota per kelompok" in page


def test_sekretariat_dashboard_shows_the_funnel_by_cluster_and_province(client, babel, kipp2025):
    kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Draf")
    submitted = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=kipp2025, title="Aju", state=S.SUBMITTED
    )
    submitted.submitted_at = submitted.created_at
    submitted.save(update_fields=["submitted_at"])
    kf.bulk_proposals(
        babel.disdukcapil, babel.operator_bt, competition=kipp2025, count=2, state=S.ADMIN_PASSED
    )
    client.force_login(babel.sekretariat)

    response = client.get("/dasbor/")

    funnel = response.context["funnel"]
    assert funnel["stages"] == [("created", 4), ("submitted", 3), ("forwarded", 2), ("decided", 2)]
    assert [label for label, _ in funnel["by_province"]] == [babel.province.name]
    ((cluster_label, counts),) = funnel["by_cluster"]
    assert (str(cluster_label), counts["drafts"], counts["decided"]) == ("Kabupaten", 1, 2)
    page = response.content.decode()
    assert '<svg class="kipp-funnel' in page and "Diputuskan: 2" in page
    # Coordinates are whole numbers: a localised float ("19,04") would break the drawing.
    svg = page.split("<svg")[1].split("</svg>")[0]
    assert not re.search(r'(x|y|width)="[^"]*[,.][^"]*"', svg)


def _grow(babel, competition):
    for n in range(MANY):
        _returned(babel, competition, title=f"Kembali {n}", note=f"Catatan {n}")
    for state in (S.DRAFT, S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED):
        kf.bulk_proposals(
            babel.kominfo,
            babel.operator_bb,
            competition=competition,
            count=MANY,
            state=state,
            prefix=f"Massal {state}",
        )


@pytest.mark.parametrize(
    ("actor", "queries"), [("operator_bb", 15), ("admin_bb", 15), ("sekretariat", 13)]
)
def test_dashboard_queries_do_not_grow_with_proposals(
    client, babel, kipp2025, django_assert_num_queries, actor, queries
):
    _returned(babel, kipp2025)
    client.force_login(getattr(babel, actor))

    with django_assert_num_queries(queries):
        few = client.get("/dasbor/")
    _grow(babel, kipp2025)
    with django_assert_num_queries(queries):
        many = client.get("/dasbor/")

    assert few.status_code == many.status_code == 200
    assert len(many.content) > len(few.content)
