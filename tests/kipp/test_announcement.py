"""The public announcement of the administrative selection results: who passed, a tab per
cluster, grouped by instansi, kept in the cache until published again."""

import re
from datetime import timedelta
from html import unescape

from hubs.enums import Cluster
from kipp.enums import ProposalState as S
from kipp.services import selection as services_selection
from tests.kipp import factories as kf


def test_public_page_is_404_before_publication(client, national):
    response = client.get(f"/pengumuman/{national.competition.slug}/seleksi-administrasi/")

    assert response.status_code == 404


def test_public_page_lists_exactly_the_passed_titles(client, babel, org, national):
    competition = national.competition
    script = kf.proposal(
        org.prov_unit,
        org.operator_prov,
        competition=competition,
        state=S.FORWARDED,
        title="<script>alert(1)</script>",
    )
    other = kf.competition(name="KIPP 2024", year=2024)
    kf.proposal(
        babel.kominfo, babel.operator_bb, competition=other, state=S.FORWARDED, title="Lain"
    )
    sekretariat = babel.sekretariat
    for proposal in (national.bb, national.me, script):
        services_selection.admin_selection_decide(
            actor=sekretariat, competition=competition, proposal_ids=[proposal.pk], decision="pass"
        )
    services_selection.admin_selection_decide(
        actor=sekretariat,
        competition=competition,
        proposal_ids=[national.bt.pk, national.prov.pk],
        decision="fail",
        note="Tidak lengkap",
    )
    services_selection.admin_results_publish(actor=sekretariat, competition=competition)

    url = f"/pengumuman/{competition.slug}/seleksi-administrasi/"

    # One tab per cluster, in cluster order; the first is shown first.
    first = client.get(url)
    kabupaten = client.get(url, {"klaster": Cluster.KABUPATEN})

    assert (first.status_code, kabupaten.status_code) == (200, 200)
    html = first.content.decode() + kabupaten.content.decode()
    assert _announced(first) == [
        ("Pemerintah Provinsi Kepulauan Bangka Belitung", ["<script>alert(1)</script>"]),
    ]
    assert _announced(kabupaten) == [
        ("Pemerintah Kabupaten Bangka Barat", ["Sipadu Bangka Barat"]),
        ("Pemerintah Kabupaten Muara Enim", ["Sehat Muara"]),
    ]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    for absent in ("Replika Dukcapil", "Biro Cepat", "Lain"):
        assert absent not in html
    assert "Klaster Provinsi" in html and "Klaster Kabupaten" in html
    assert "3 usulan dinyatakan lolos seleksi administrasi." in html


def _announced(response) -> list[tuple[str, list[str]]]:
    """(instansi, titles) as the announcement page lists them."""
    html = response.content.decode()
    blocks = re.findall(r'kipp-instansi">([^<]+)</h3>\s*<ul class="mb-0">(.*?)</ul>', html, re.S)
    return [
        (unescape(name), [unescape(t).strip() for t in re.findall(r'kipp-lolos">([^<]+)<', items)])
        for name, items in blocks
    ]


def test_public_page_is_kept_until_published_again(client, babel, national):
    competition = national.competition
    sekretariat = babel.sekretariat
    for proposal in (national.bb, national.bt, national.me, national.prov):
        services_selection.admin_selection_decide(
            actor=sekretariat, competition=competition, proposal_ids=[proposal.pk], decision="pass"
        )
    services_selection.admin_results_publish(actor=sekretariat, competition=competition)
    url = f"/pengumuman/{competition.slug}/seleksi-administrasi/"
    client.get(url, {"klaster": Cluster.KABUPATEN})
    # Renamed after the page was shown: the kept page still names the instansi as it was.
    babel.bangka_barat.name = "Pemerintah Kabupaten Bangka Barat Baru"
    babel.bangka_barat.save()

    kept = client.get(url, {"klaster": Cluster.KABUPATEN}).content.decode()
    competition.refresh_from_db()
    type(competition).objects.filter(pk=competition.pk).update(
        admin_results_published_at=competition.admin_results_published_at + timedelta(minutes=1)
    )
    fresh = client.get(url, {"klaster": Cluster.KABUPATEN}).content.decode()

    assert "Bangka Barat Baru" not in kept
    assert "Bangka Barat Baru" in fresh


def test_public_page_for_unknown_competition_is_404(client, db):
    assert client.get("/pengumuman/tidak-ada/seleksi-administrasi/").status_code == 404
