"""Each eligibility rule of SPEC 3.2, checked at submit with its own clear reason."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction

from kipp.eligibility import add_months, count_words, submission_problems
from kipp.enums import EvidenceKind, GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal
from kipp.services import workflow
from tests.kipp import factories as kf


@pytest.fixture
def competition(db):
    """KIPP 2025 whose registration closes on 16 April 2025 12:00 WIB."""
    closes = datetime(2025, 4, 16, 5, 0, tzinfo=UTC)
    return kf.competition(
        opens=closes - timedelta(days=60),
        closes=closes,
        verification_closes=closes + timedelta(days=7),
    )


@pytest.fixture
def kipp2023(db):
    return kf.competition(
        name="KIPP 2023",
        year=2023,
        opens=datetime(2023, 2, 1, tzinfo=UTC),
        closes=datetime(2023, 4, 1, tzinfo=UTC),
        verification_closes=datetime(2023, 4, 10, tzinfo=UTC),
    )


@pytest.fixture
def kipp2021(db):
    return kf.competition(
        name="KIPP 2021",
        year=2021,
        opens=datetime(2021, 2, 1, tzinfo=UTC),
        closes=datetime(2021, 4, 1, tzinfo=UTC),
        verification_closes=datetime(2021, 4, 10, tzinfo=UTC),
    )


def test_count_words_and_months():
    assert count_words("  Satu dua\n\ttiga ") == 3
    assert count_words("") == 0
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2023, 4, 16), 24) == date(2025, 4, 16)


def test_complete_proposal_has_no_problems(babel, competition):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=competition)

    assert submission_problems(proposal) == []


@pytest.mark.parametrize(
    ("started_on", "eligible"),
    [(date(2023, 4, 16), True), (date(2023, 4, 17), False)],
)
def test_umum_innovation_must_be_two_years_old_at_close(babel, competition, started_on, eligible):
    proposal = kf.proposal(
        babel.kominfo, babel.operator_bb, competition=competition, started_on=started_on
    )

    problems = submission_problems(proposal)

    assert (problems == []) is eligible
    if not eligible:
        assert problems == [
            "Inovasi harus sudah diterapkan minimal 24 bulan saat pendaftaran ditutup; "
            "inovasi ini baru memenuhi syarat pada 17 April 2025."
        ]


def _enter_again(babel, competition, earlier: Proposal) -> Proposal:
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        title="Masuk Lagi",
        complete=False,
    )
    proposal.innovation = earlier.innovation
    proposal.save()
    return kf.fill(proposal, babel.operator_bb)


def test_umum_excludes_earlier_top_45(babel, competition, kipp2023):
    earlier = kf.history(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2023,
        title="Si Pentol",
        reached=kf.PASSED,
        results=[ResultLevel.TOP99, ResultLevel.TOP45],
    )

    problems = submission_problems(_enter_again(babel, competition, earlier))

    assert problems == [
        "Inovasi ini sudah pernah masuk Top 45; tidak dapat diajukan di kelompok Umum."
    ]


def test_umum_excludes_twice_top_99_but_not_once(babel, competition, kipp2023, kipp2021):
    first = kf.history(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2021,
        title="Lapor Cepat",
        reached=kf.PASSED,
        results=[ResultLevel.TOP99],
    )
    again = _enter_again(babel, competition, first)
    assert submission_problems(again) == []

    second = kf.history(
        babel.kominfo,
        babel.operator_bb,
        competition=kipp2023,
        title="Lapor Cepat 2023",
        reached=kf.PASSED,
        results=[ResultLevel.TOP99],
    )
    Proposal.objects.filter(pk=second.pk).update(innovation=first.innovation)

    assert submission_problems(again) == [
        "Inovasi ini sudah dua kali masuk Top 99; tidak dapat diajukan di kelompok Umum."
    ]


def test_replikasi_must_link_an_earlier_top_innovation(babel, competition, kipp2023):
    proposal = kf.proposal(
        babel.pdam,
        babel.operator_bb,
        competition=competition,
        kind=GroupKind.REPLIKASI,
        title="Tiru",
    )
    assert "Usulan Replikasi harus menautkan inovasi asal yang direplikasi." in (
        submission_problems(proposal)
    )

    never_top = kf.history(
        babel.disdukcapil, babel.operator_bt, competition=kipp2023, title="Biasa", reached=[]
    )
    proposal.source_innovation = never_top.innovation
    proposal.save()
    assert submission_problems(proposal) == [
        "Inovasi asal harus inovasi yang pernah masuk Top 99 atau Top 45 KIPP."
    ]

    top = kf.history(
        babel.disdukcapil,
        babel.operator_bt,
        competition=kipp2023,
        title="Juara",
        reached=kf.PASSED,
        results=[ResultLevel.TOP99, ResultLevel.TOP45],
    )
    proposal.source_innovation = top.innovation
    proposal.replication_statement = False
    proposal.save()
    assert submission_problems(proposal) == ["Pernyataan replikasi belum dicentang."]

    proposal.replication_statement = True
    proposal.save()
    assert submission_problems(proposal) == []


def test_title_once_per_competition(babel, competition):
    kf.proposal(babel.kominfo, babel.operator_bb, competition=competition, title="Sapa Warga")

    # The database refuses the same title in another case...
    with pytest.raises(IntegrityError), transaction.atomic():
        kf.proposal(
            babel.disdukcapil, babel.operator_bt, competition=competition, title="SAPA WARGA"
        )
    # ...and the submit check also catches stray spaces around it.
    spaced = kf.proposal(
        babel.disdukcapil, babel.operator_bt, competition=competition, title="Sapa Warga "
    )
    assert submission_problems(spaced) == ["Judul ini sudah didaftarkan di kompetisi ini."]


def test_incomplete_proposal_lists_every_problem(babel, competition):
    proposal = kf.proposal(
        babel.kominfo,
        babel.operator_bb,
        competition=competition,
        title="Belum Lengkap",
        complete=False,
    )

    problems = submission_problems(proposal)

    assert "Kategori belum dipilih." in problems
    assert "Pilih minimal satu tujuan TPB/SDGs." in problems
    assert "Isi minimal satu nama inovator." in problems
    assert "Bagian “Ringkasan” belum diisi." in problems
    assert "Bukti dukung “SK inovator” belum diunggah." in problems
    assert "Pernyataan kebenaran data belum dicentang." in problems
    # 7 sections + 6 required evidence kinds + 3 identity items + the statement.
    assert len(problems) == 17


def test_over_long_section_is_refused_at_submit(babel, competition):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=competition)
    proposal.sections["ringkasan"] = "kata " * 201
    proposal.save()

    with pytest.raises(Refused) as refused:
        workflow.proposal_transition(
            proposal=proposal,
            actor=babel.operator_bb,
            to_state=S.SUBMITTED,
            now=competition.registration_closes_at - timedelta(days=1),
        )

    assert refused.value.messages == ["Bagian “Ringkasan” berisi 201 kata; batasnya 200 kata."]
    proposal.refresh_from_db()
    assert proposal.state == S.DRAFT


def test_missing_evidence_kind_named(babel, competition):
    proposal = kf.proposal(babel.kominfo, babel.operator_bb, competition=competition)
    proposal.evidence.filter(kind=EvidenceKind.MAKLUMAT).delete()

    assert submission_problems(proposal) == ["Bukti dukung “Maklumat pelayanan” belum diunggah."]
