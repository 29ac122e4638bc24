"""The outcome pages: who sees what (404 otherwise), the public objection form, the
proposer's feedback only after publication, certificates scoped, exports."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from judging.enums import ObjectionState, RoundKind
from judging.models import Assignment, Criterion, Objection, Score, ScoreSheet, Shortlist
from judging.outcomes import shortlists as service
from kipp.enums import GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from tests.judging.outcomes.helpers import passed, round_of, run_of
from tests.judging.outcomes.test_shortlist_service import PDF

ACTORS = [
    "sekretariat",
    "evaluator",
    "panelist",
    "operator_bb",
    "admin_bb",
    "admin_bt",
    "hub_admin",
]


@pytest.fixture
def scored(babel, kipp2025):
    """Three Bangka Barat proposals ranked in a scoring round, one of them Khusus."""
    proposals = passed(babel.kominfo, babel.operator_bb, kipp2025, 3, prefix="Usulan")
    scoring = round_of(kipp2025, 1)
    run = run_of(scoring, dict(zip(proposals, [90, 80, 70], strict=True)))
    return {"round": scoring, "run": run, "proposals": proposals}


def _build(babel, scored, size=2, level=ResultLevel.TOP99, round_=None):
    return service.shortlist_build(
        round_=round_ or scored["round"],
        run=scored["run"],
        actor=babel.sekretariat,
        level=level,
        rules={"size": size},
    )


def _publish(babel, shortlist):
    return service.shortlist_publish(
        shortlist=shortlist, actor=babel.sekretariat, decree_number="B/1/2025", decree_file=None
    )


@pytest.mark.parametrize("actor", [*ACTORS, "anon"])
def test_shortlist_pages_only_for_the_organiser(client, babel, scored, actor):
    shortlist = _build(babel, scored)
    if actor != "anon":
        client.force_login(getattr(babel, actor))
    urls = [
        reverse("judging_shortlists", args=[scored["round"].pk]),
        reverse("judging_shortlist", args=[shortlist.pk]),
        reverse("judging_shortlist_export", args=[shortlist.pk, "csv"]),
    ]

    codes = [client.get(url).status_code for url in urls]

    expected = {"sekretariat": 200, "anon": 302}.get(actor, 404)
    assert codes == [expected] * 3


def test_building_through_the_form(client, babel, scored):
    client.force_login(babel.sekretariat)

    response = client.post(
        reverse("judging_shortlists", args=[scored["round"].pk]),
        {"level": "top99", "size": "2", "instansi_max": "", "cluster_kabupaten_min": "1"},
    )

    shortlist = Shortlist.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("judging_shortlist", args=[shortlist.pk])
    assert shortlist.rules == {"size": 2, "cluster": {"kabupaten": {"min": 1}}}
    assert shortlist.entries.filter(selected=True).count() == 2


def test_bad_rules_get_a_clear_message(client, babel, scored):
    client.force_login(babel.sekretariat)

    response = client.post(
        reverse("judging_shortlists", args=[scored["round"].pk]),
        {"size": "", "cluster_kota_min": "3", "cluster_kota_max": "1"},
    )

    assert response.status_code == 400
    assert "Isi jumlah usulan yang dipilih." in response.text
    assert "Maksimum Kota lebih kecil dari minimumnya." in response.text
    assert not Shortlist.objects.exists()


def test_infeasible_shortlist_page_names_the_binding_rule(client, babel, scored):
    client.force_login(babel.sekretariat)
    shortlist = service.shortlist_build(
        round_=scored["round"],
        run=scored["run"],
        actor=babel.sekretariat,
        level="",
        rules={"size": 2, "cluster": {"kota": {"min": 1}}},
    )

    response = client.get(reverse("judging_shortlist", args=[shortlist.pk]))

    assert "Aturan komposisi tidak dapat dipenuhi bersama." in response.text
    assert "Kota &gt;= 1" in response.text


def test_override_and_publish_through_the_pages(client, babel, scored):
    client.force_login(babel.sekretariat)
    shortlist = _build(babel, scored)
    third = shortlist.entries.get(rank=3)

    refused = client.post(
        reverse("judging_shortlist_override", args=[shortlist.pk, third.pk]),
        {"selected": "1", "reason": ""},
    )
    third.refresh_from_db()
    assert (refused.status_code, third.selected) == (302, False)
    client.post(
        reverse("judging_shortlist_override", args=[shortlist.pk, third.pk]),
        {"selected": "1", "reason": "Hasil pleno."},
    )
    third.refresh_from_db()
    assert (third.selected, third.override_reason, third.overridden_by) == (
        True,
        "Hasil pleno.",
        babel.sekretariat,
    )
    page = client.get(reverse("judging_shortlist", args=[shortlist.pk]))
    assert "Jumlah terpilih 3, diminta 2." in page.text

    not_pdf = client.post(
        reverse("judging_shortlist_publish", args=[shortlist.pk]),
        {
            "decree_number": "B/99/2025",
            "decree_file": SimpleUploadedFile("sk.pdf", b"bukan pdf", "application/pdf"),
        },
    )
    shortlist.refresh_from_db()
    assert (not_pdf.status_code, shortlist.published_at) == (302, None)
    client.post(
        reverse("judging_shortlist_publish", args=[shortlist.pk]),
        {
            "decree_number": "B/99/2025",
            "decree_file": SimpleUploadedFile("sk.pdf", PDF, "application/pdf"),
        },
    )
    shortlist.refresh_from_db()
    assert shortlist.published_at is not None
    assert shortlist.decree_number == "B/99/2025"


def test_export_has_every_candidate_with_its_reason(client, babel, scored):
    client.force_login(babel.sekretariat)
    shortlist = _build(babel, scored)

    response = client.get(reverse("judging_shortlist_export", args=[shortlist.pk, "xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Peringkat", "ID usulan", "Judul")
    assert [(r[2], r[9], r[10]) for r in rows[1:]] == [
        ("Usulan 0", "ya", "peringkat 1"),
        ("Usulan 1", "ya", "peringkat 2"),
        ("Usulan 2", "tidak", "peringkat 3, tidak terpilih: di luar 2 teratas"),
    ]


def test_unpublished_shortlist_is_not_public(client, babel, scored):
    shortlist = _build(babel, scored)

    assert client.get(reverse("judging_public_shortlist", args=[shortlist.pk])).status_code == 404
    assert "Usulan 0" not in client.get(reverse("judging_public_list")).text


def test_anonymous_visitor_files_an_objection(client, babel, scored):
    shortlist = _publish(babel, _build(babel, scored))
    top = scored["proposals"][0]
    url = reverse("judging_public_shortlist", args=[shortlist.pk])

    page = client.get(url)
    bad = client.post(url, {"proposal": str(scored["proposals"][2].pk), "name": "", "email": "x"})
    sent = client.post(
        url,
        {
            "proposal": str(top.pk),
            "name": "Budi",
            "email": "budi@example.id",
            "text": "Inovasi ini sudah berhenti sejak tahun lalu menurut warga.",
            "file": SimpleUploadedFile("bukti.png", b"not a png", "image/png"),
        },
    )
    assert (page.status_code, bad.status_code, sent.status_code) == (200, 400, 400)
    assert "Pilih usulan dari daftar." in bad.text
    assert "Isi nama Anda." in bad.text
    assert "Hanya berkas PDF, JPG atau PNG" in sent.text
    ok = client.post(
        url,
        {
            "proposal": str(top.pk),
            "name": "Budi",
            "email": "budi@example.id",
            "text": "Inovasi ini sudah berhenti sejak tahun lalu menurut warga.",
        },
    )

    assert ok.status_code == 302
    objection = Objection.objects.get()
    assert (objection.proposal, objection.state) == (top, ObjectionState.RECEIVED)


def test_objections_beyond_the_limit_get_429(client, babel, scored, settings):
    shortlist = _publish(babel, _build(babel, scored))
    url = reverse("judging_public_shortlist", args=[shortlist.pk])
    data = {"proposal": str(scored["proposals"][0].pk), "name": "Budi", "text": "x" * 30}

    codes = [
        client.post(url, {**data, "email": f"warga{n}@example.id"}).status_code for n in range(6)
    ]

    assert codes == [302] * 5 + [429]
    assert Objection.objects.count() == 5


def test_moderation_upholds_through_the_page(client, babel, scored):
    shortlist = _publish(babel, _build(babel, scored))
    top = scored["proposals"][0]
    objection = Objection.objects.create(
        shortlist=shortlist, proposal=top, name="Budi", email="b@example.id", text="x"
    )
    client.force_login(babel.evaluator)
    url = reverse("judging_objection_moderate", args=[objection.pk])
    assert client.post(url, {"decision": "uphold", "note": "x"}).status_code == 404
    client.force_login(babel.sekretariat)

    client.post(url, {"decision": "uphold", "note": "Terbukti."})

    objection.refresh_from_db()
    top.refresh_from_db()
    assert (objection.state, top.state) == (ObjectionState.UPHELD, S.DISQUALIFIED)


def _scores(babel, scored, values):
    """Submitted sheets of the evaluator on the first proposal, two criteria."""
    round_ = scored["round"]
    novelty = Criterion.objects.create(round=round_, order=1, name="Kebaruan", weight=60)
    benefit = Criterion.objects.create(round=round_, order=2, name="Bermanfaat", weight=40)
    for judge, (a, b) in zip([babel.evaluator, babel.panelist], values, strict=True):
        assignment = Assignment.objects.create(
            round=round_, proposal=scored["proposals"][0], judge=judge
        )
        sheet = ScoreSheet.objects.create(assignment=assignment, state="submitted", total=80)
        Score.objects.create(sheet=sheet, criterion=novelty, value=a)
        Score.objects.create(sheet=sheet, criterion=benefit, value=b)


def _final(babel, scored, kipp2025):
    final = round_of(kipp2025, 2, RoundKind.FINAL)
    return _publish(babel, _build(babel, scored, size=1, level=ResultLevel.TOP45, round_=final))


@pytest.mark.parametrize("actor", ["operator_bb", "admin_bb"])
def test_operator_never_sees_scores_before_publication(client, babel, scored, kipp2025, actor):
    _scores(babel, scored, [(8, 6), (6, 9)])
    proposal = scored["proposals"][0]
    client.force_login(getattr(babel, actor))
    url = reverse("judging_feedback", args=[proposal.pk])

    before = client.get(url)
    detail = client.get(reverse("proposal_detail", args=[proposal.pk]))
    _publish(babel, _build(babel, scored))  # a Top 99 is not the final result
    still = client.get(url)
    _final(babel, scored, kipp2025)
    after = client.get(url)

    assert (before.status_code, detail.status_code, still.status_code) == (404, 200, 404)
    assert "Kebaruan" not in detail.text
    assert after.status_code == 200
    assert [(c["name"], c["mean"]) for c in after.context["rounds"][0]["criteria"]] == [
        ("Kebaruan", 7.0),
        ("Bermanfaat", 7.5),
    ]
    assert "evaluator" not in after.text and babel.evaluator.display_name not in after.text


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("operator_bb", 200),
        ("admin_bb", 200),
        ("sekretariat", 200),
        ("admin_bt", 404),
        ("operator_bt", 404),
        ("evaluator", 404),
        ("panelist", 404),
        ("hub_admin", 404),
    ],
)
def test_certificate_download_is_scoped(client, babel, scored, kipp2025, actor, expected):
    _final(babel, scored, kipp2025)
    winner, other = scored["proposals"][0], scored["proposals"][1]
    client.force_login(getattr(babel, actor))

    response = client.get(reverse("judging_certificate", args=[winner.pk]))
    not_a_winner = client.get(reverse("judging_certificate", args=[other.pk]))

    assert (response.status_code, not_a_winner.status_code) == (expected, 404)
    if expected == 200:
        text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        assert "Usulan 0" in text and "Top 45" in text and "B/1/2025" in text


def test_certificate_needs_login(client, babel, scored, kipp2025):
    _final(babel, scored, kipp2025)

    response = client.get(reverse("judging_certificate", args=[scored["proposals"][0].pk]))

    assert response.status_code == 302


def test_khusus_group_shortlist_for_outstanding(babel, scored, kipp2025):
    khusus = passed(
        babel.pdam, babel.operator_bb, kipp2025, 1, prefix="Khusus", kind=GroupKind.KHUSUS
    )
    run = run_of(scored["round"], {khusus[0]: 50}, enter=True)

    rows = service.candidate_rows(round_=scored["round"], run=run, level=ResultLevel.OUTSTANDING)

    assert [row.proposal.title for row in rows] == ["Khusus 0"]


def test_proposal_page_links_feedback_and_certificate_after_the_final(
    client, babel, scored, kipp2025
):
    winner, other = scored["proposals"][0], scored["proposals"][1]
    client.force_login(babel.operator_bb)
    before = client.get(reverse("proposal_detail", args=[winner.pk]))
    _final(babel, scored, kipp2025)

    page = client.get(reverse("proposal_detail", args=[winner.pk]))
    not_selected = client.get(reverse("proposal_detail", args=[other.pk]))

    certificate = reverse("judging_certificate", args=[winner.pk])
    assert certificate not in before.text
    assert certificate in page.text
    assert reverse("judging_feedback", args=[other.pk]) in not_selected.text
    assert reverse("judging_certificate", args=[other.pk]) not in not_selected.text


@pytest.mark.parametrize("actor", ["evaluator", "panelist", "operator_bb", "admin_bb", "hub_admin"])
def test_refused_posts_change_nothing(client, babel, scored, actor):
    shortlist = _build(babel, scored)
    published = _publish(babel, _build(babel, scored))
    objection = Objection.objects.create(
        shortlist=published, proposal=scored["proposals"][0], name="B", email="b@x.id", text="x"
    )
    entry = shortlist.entries.get(rank=3)
    client.force_login(getattr(babel, actor))
    posts = [
        (reverse("judging_shortlists", args=[scored["round"].pk]), {"size": "1"}),
        (
            reverse("judging_shortlist_override", args=[shortlist.pk, entry.pk]),
            {"selected": "1", "reason": "x"},
        ),
        (
            reverse("judging_shortlist_publish", args=[shortlist.pk]),
            {"decree_number": "X", "decree_file": SimpleUploadedFile("a.pdf", PDF)},
        ),
        (
            reverse("judging_objection_moderate", args=[objection.pk]),
            {"decision": "uphold", "note": "x"},
        ),
    ]

    codes = [client.post(url, data).status_code for url, data in posts]

    assert codes == [404] * 4
    entry.refresh_from_db()
    shortlist.refresh_from_db()
    objection.refresh_from_db()
    assert (entry.selected, entry.overridden, shortlist.published_at) == (False, False, None)
    assert objection.state == ObjectionState.RECEIVED
    assert Shortlist.objects.count() == 2
    assert scored["proposals"][0].results.filter(revoked_at__isnull=True).count() == 1


def test_objection_with_a_real_attachment_is_stored(client, babel, scored):
    shortlist = _publish(babel, _build(babel, scored))

    client.post(
        reverse("judging_public_shortlist", args=[shortlist.pk]),
        {
            "proposal": str(scored["proposals"][1].pk),
            "name": "Sari",
            "email": "sari@example.id",
            "text": "Bukti terlampir: layanan sudah tidak berjalan.",
            "file": SimpleUploadedFile("bukti.pdf", PDF, "application/pdf"),
        },
    )

    objection = Objection.objects.get()
    with objection.file.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"
