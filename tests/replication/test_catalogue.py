"""The catalogue of replicable innovations: only published, unrevoked Top 99 or better;
filters; keyset pages in a fixed number of queries; adopter documents served publicly;
lineage on the proposal page."""

import pytest

from kipp.enums import EvidenceKind, GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.models import Proposal
from replication.selectors.catalogue import catalogue_filtered, catalogue_innovations
from replication.selectors.lineage import replications_of
from tests.kipp import factories as kf

PASSED = [S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED]


def _history(repl, title, **kwargs):
    return kf.history(
        repl.muara_unit,
        repl.babel.operator_bb,
        competition=repl.kipp2023,
        title=title,
        reached=PASSED,
        **kwargs,
    )


def test_catalogue_holds_only_counting_results(repl):
    unpublished = _history(repl, "Belum Diumumkan")
    kf.result(unpublished, published=False)
    revoked = _history(repl, "Dicabut")
    kf.result(revoked, revoked_reason="Keberatan publik diterima", actor=repl.babel.sekretariat)
    _history(repl, "Tanpa Hasil")
    top45 = _history(repl, "Top 45 Muara", results=[ResultLevel.TOP45])

    titles = set(catalogue_innovations().values_list("title", flat=True))

    assert titles == {"Izin Kilat Muara Enim", "Top 45 Muara"}
    assert top45.innovation.pk in set(catalogue_innovations().values_list("pk", flat=True))


def test_catalogue_filters(repl):
    category = repl.kipp2023.categories.order_by("order").first()
    Proposal.objects.filter(innovation=repl.source).update(category=category)
    proposal = Proposal.objects.get(innovation=repl.source)
    proposal.sdgs.set([9])

    def titles(**kwargs):
        return set(catalogue_filtered(**kwargs).values_list("title", flat=True))

    assert titles(category=category.name) == {"Izin Kilat Muara Enim"}
    assert titles(category="Tidak Ada") == set()
    assert titles(sdg=9) == {"Izin Kilat Muara Enim"}
    assert titles(sdg=3) == set()
    assert titles(year=2023) == {"Izin Kilat Muara Enim"}
    assert titles(year=2021) == set()
    assert titles(province=repl.babel.muara_enim.region.parent_id) == {"Izin Kilat Muara Enim"}
    assert titles(province=repl.babel.province.pk) == set()
    assert titles(query="kilat") == {"Izin Kilat Muara Enim"}


@pytest.mark.parametrize("count", [1, 30])
def test_catalogue_page_queries_do_not_grow(client, repl, django_assert_num_queries, count):
    for n in range(count - 1):
        made = _history(repl, f"Inovasi Katalog {n}", results=[ResultLevel.TOP99])
        kf.evidence_file(made, repl.babel.operator_bb, kind=EvidenceKind.REPLICATION_LETTER)
    with django_assert_num_queries(9):
        response = client.get("/replikasi/katalog/?program=1")
    assert len(response.context["innovations"]) == min(count, 20)


def test_adopter_document_served_publicly_other_evidence_not(client, repl):
    proposal = Proposal.objects.get(innovation=repl.source)
    letter = kf.evidence_file(
        proposal, repl.babel.operator_bb, kind=EvidenceKind.REPLICATION_LETTER
    )
    other = kf.evidence_file(proposal, repl.babel.operator_bb, kind=EvidenceKind.INNOVATOR_DECREE)

    allowed = client.get(f"/replikasi/katalog/dokumen/{letter.pk}/")
    refused = client.get(f"/replikasi/katalog/dokumen/{other.pk}/")

    assert allowed.status_code == 200
    assert allowed["Content-Disposition"].startswith("attachment")
    assert allowed["Content-Security-Policy"] == "sandbox"
    assert b"".join(allowed.streaming_content).startswith(b"%PDF")
    assert refused.status_code == 404


def test_lineage_lists_commitments_and_replikasi_proposals(client, repl):
    kipp2025 = kf.competition()
    replica = kf.proposal(
        repl.babel.disdukcapil,
        repl.babel.operator_bt,
        competition=kipp2025,
        kind=GroupKind.REPLIKASI,
        title="Izin Kilat Bangka Tengah",
        source=repl.source,
    )

    rows = replications_of(repl.source.pk)

    assert [(r.instansi, r.stage) for r in rows] == [
        ("Pemerintah Kabupaten Bangka Barat", "Persiapan"),
        ("Pemerintah Kabupaten Bangka Tengah", ""),
    ]
    source_proposal = Proposal.objects.get(innovation=repl.source)
    client.force_login(repl.babel.sekretariat)
    page = client.get(f"/usulan/{source_proposal.pk}/").content.decode()
    assert 'id="direplikasi-di"' in page
    assert "Pemerintah Kabupaten Bangka Tengah" in page
    assert replica.source_innovation == repl.source


def test_catalogue_names_the_origin_office_contact(client, repl):
    """An adopting region sees whom to write to: the origin instansi's office, never a person."""
    instansi = repl.source.unit.instansi
    instansi.contact_email = "organisasi@muaraenimkab.example"
    instansi.contact_phone = "(0734) 421 000"
    instansi.save()

    html = client.get("/replikasi/katalog/").content.decode()

    assert 'href="mailto:organisasi@muaraenimkab.example"' in html
    assert 'href="tel:(0734)421000"' in html
