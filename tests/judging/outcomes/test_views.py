"""The outcome pages: who sees what (404 otherwise), the public objection form, the
proposer's feedback only after publication, certificates scoped, exports."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from judging.enums import ObjectionState
from judging.models import Objection, Shortlist
from judging.outcomes import shortlists as service
from kipp.enums import ProposalState as S
from tests.judging.outcomes.helpers import build_shortlist, publish
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


@pytest.mark.parametrize("actor", [*ACTORS, "anon"])
def test_shortlist_pages_only_for_the_organiser(client, babel, scored, actor):
    shortlist = build_shortlist(babel, scored)
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
    shortlist = build_shortlist(babel, scored)
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
    latest = page.context["trail"][0]
    assert (latest["who"], latest["what"], latest["title"], latest["selected"]) == (
        babel.sekretariat,
        "Hasil pleno.",
        "Usulan 2",
        True,
    )

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
    shortlist = build_shortlist(babel, scored)

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
    shortlist = build_shortlist(babel, scored)

    assert client.get(reverse("judging_public_shortlist", args=[shortlist.pk])).status_code == 404
    assert "Usulan 0" not in client.get(reverse("judging_public_list")).text


def test_anonymous_visitor_files_an_objection(client, babel, scored):
    shortlist = publish(babel, build_shortlist(babel, scored))
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
    shortlist = publish(babel, build_shortlist(babel, scored))
    url = reverse("judging_public_shortlist", args=[shortlist.pk])
    data = {"proposal": str(scored["proposals"][0].pk), "name": "Budi", "text": "x" * 30}

    codes = [
        client.post(url, {**data, "email": f"warga{n}@example.id"}).status_code for n in range(6)
    ]

    assert codes == [302] * 5 + [429]
    assert Objection.objects.count() == 5


def test_moderation_upholds_through_the_page(client, babel, scored):
    shortlist = publish(babel, build_shortlist(babel, scored))
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


@pytest.mark.parametrize("actor", ["evaluator", "panelist", "operator_bb", "admin_bb", "hub_admin"])
def test_refused_posts_change_nothing(client, babel, scored, actor):
    shortlist = build_shortlist(babel, scored)
    published = publish(babel, build_shortlist(babel, scored))
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
    shortlist = publish(babel, build_shortlist(babel, scored))

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
