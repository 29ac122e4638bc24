"""The replication demo: the Babel 2021 programme with exactly SPEC 4's 23 commitments,
reached through the transition function, idempotent; and the three-click path from the
home page to the public hub page that names every adopting region with its progress."""

import io
import re

from django.core.management import call_command
from django.db.models import Count

from hubs.models import Membership
from replication.demo import PROGRAMME
from replication.enums import Stage
from replication.models import Commitment, CommitmentEvent, Programme

EXPECTED = {
    "Pemerintah Provinsi Kepulauan Bangka Belitung": 3,
    "Pemerintah Kota Pangkalpinang": 2,
    "Pemerintah Kabupaten Bangka": 5,
    "Pemerintah Kabupaten Bangka Barat": 4,
    "Pemerintah Kabupaten Bangka Tengah": 2,
    "Pemerintah Kabupaten Bangka Selatan": 1,
    "Pemerintah Kabupaten Belitung": 3,
    "Pemerintah Kabupaten Belitung Timur": 3,
}


def _links(html: str) -> list[str]:
    return re.findall(r'href="(/[^"]*)"', html)


def test_demo_programme_holds_the_23_commitments(db, settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Commitment.objects.count(), CommitmentEvent.objects.count())
    call_command("seed_demo", stdout=io.StringIO())

    assert (Commitment.objects.count(), CommitmentEvent.objects.count()) == counts
    programme = Programme.objects.get(name=PROGRAMME)
    per_instansi = dict(
        programme.commitments.values("instansi__name")
        .annotate(n=Count("pk"))
        .values_list("instansi__name", "n")
    )
    assert per_instansi == EXPECTED
    assert sum(per_instansi.values()) == 23
    stages = set(programme.commitments.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    # Every stage was reached through the transition function: the timeline ends there.
    for commitment in programme.commitments.prefetch_related("events"):
        events = list(commitment.events.all())
        assert events[-1].to_state == commitment.stage
        assert all(event.actor_id for event in events)
    assert Membership.objects.filter(user__username="pendamping.ubb", role="mentor").exists()
    mentor = Membership.objects.get(user__username="pendamping.ubb").user
    assert mentor.check_password(settings.KIPP_DEMO_PASSWORD)

    # Three clicks: home -> Jaringan JIPP -> the Babel hub page.
    home = client.get("/")
    first = next(link for link in _links(home.content.decode()) if link == "/jaringan-jipp/")
    hubs = client.get(first)
    second = next(link for link in _links(hubs.content.decode()) if link.endswith("/19/"))
    page = client.get(second)
    html = page.content.decode()
    assert page.status_code == 200
    for name in EXPECTED:
        assert name in html
    assert page.context["dashboard"].total == 23
    # No personal data on the public page: no account names of the people involved.
    assert "pendamping.ubb" not in html
    assert "Hendra Saputra" not in html
