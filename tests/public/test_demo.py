"""The public demo history: several finished competitions with winners in many provinces,
loaded through the services, idempotently."""

import io

from django.core.management import call_command

from kipp.models import Proposal, ProposalEvent, Result
from public.enums import Stage
from public.models import InnovationRecord


def test_demo_history_fills_every_public_page(client, db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Proposal.objects.count(), Result.objects.count(), InnovationRecord.objects.count())
    call_command("seed_demo", stdout=io.StringIO())

    assert (
        Proposal.objects.count(),
        Result.objects.count(),
        InnovationRecord.objects.count(),
    ) == counts
    years = set(InnovationRecord.objects.values_list("year", flat=True))
    # KIPP 2024 is in its rounds: only its administrative pass is public so far.
    assert years == {2019, 2020, 2021, 2022, 2023, 2024}
    winners = InnovationRecord.objects.filter(stage__gte=Stage.TOP99)
    assert winners.values("province").distinct().count() >= 15
    # Two through Replikasi proposals, six as sources of the Babel 2021 commitments.
    assert InnovationRecord.objects.filter(replicated=True).count() == 8
    # Moved by the transition function: each public demo proposal has its timeline.
    assert not Proposal.objects.filter(public_record__isnull=False, events__isnull=True).exists()
    # Five proposals x (created, submitted, forwarded, passed), and the final outcome of the
    # four that reached Top 99.
    assert ProposalEvent.objects.filter(proposal__competition__slug="kipp-2019").count() == 24
    assert set(
        Proposal.objects.filter(competition__slug="kipp-2019").values_list("state", flat=True)
    ) == {"winner", "not_selected", "admin_passed"}
    for url in ("/", "/inovasi/", "/pemenang/kipp-2021/", "/statistik/", "/api/v1/winners/"):
        assert client.get(url).status_code == 200, url
    assert "Smart Kampung Adminduk" in client.get("/inovasi/", {"q": "adminduk"}).context["rows"]
