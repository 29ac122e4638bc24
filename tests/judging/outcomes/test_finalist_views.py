"""Presentation schedule and field verification pages: the Sekretariat schedules, each
panelist sees its own slots, the panel records field visits; everyone else gets 404."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from judging.enums import RoundKind
from judging.models import FieldVerification, Judge, PresentationSlot, RoundEntry
from kipp.enums import ProposalState as S
from kipp.models import Proposal
from tests.judging.outcomes.helpers import passed, round_of


@pytest.fixture
def presentation(babel, kipp2025):
    proposals = passed(babel.kominfo, babel.operator_bb, kipp2025, 4, prefix="Finalis")
    round_ = round_of(kipp2025, 2, RoundKind.PRESENTATION)
    RoundEntry.objects.bulk_create(RoundEntry(round=round_, proposal=p) for p in proposals)
    Judge.objects.create(round=round_, user=babel.panelist)
    Proposal.objects.filter(pk=proposals[3].pk).update(state=S.DISQUALIFIED)
    return round_


def test_sekretariat_schedules_the_finalists(client, babel, presentation):
    client.force_login(babel.sekretariat)
    url = reverse("judging_schedule", args=[presentation.pk])

    bad = client.post(url, {"days": "2025-13-01", "starts": "08:00", "ends": "07:00"})
    client.post(
        url,
        {
            "days": "2025-08-12",
            "starts": "11:20",
            "ends": "16:00",
            "breaks": "12:00-13:00",
            "place": "Ruang Sasana Bhakti",
        },
    )

    assert bad.status_code == 400
    assert "Tanggal “2025-13-01” tidak sah" in bad.text
    assert "Jam selesai harus setelah jam mulai." in bad.text
    slots = PresentationSlot.objects.order_by("starts_at")
    # Three finalists (the disqualified one is left out), the third after the break.
    assert [timezone.localtime(s.starts_at).strftime("%H:%M") for s in slots] == [
        "11:20",
        "11:40",
        "13:00",
    ]
    assert {s.place for s in slots} == {"Ruang Sasana Bhakti"}


def test_too_few_hours_are_refused_with_how_many_fit(client, babel, presentation):
    client.force_login(babel.sekretariat)

    response = client.post(
        reverse("judging_schedule", args=[presentation.pk]),
        {"days": "2025-08-12", "starts": "08:00", "ends": "08:40"},
        follow=True,
    )

    assert "hanya cukup untuk 2 dari 3 finalis" in response.text
    assert not PresentationSlot.objects.exists()


@pytest.mark.parametrize("actor", ["panelist", "evaluator", "operator_bb", "hub_admin"])
def test_schedule_page_only_for_the_organiser(client, babel, presentation, actor):
    client.force_login(getattr(babel, actor))

    response = client.get(reverse("judging_schedule", args=[presentation.pk]))

    assert response.status_code == 404


def test_panelist_sees_its_schedule(client, babel, presentation):
    client.force_login(babel.sekretariat)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    client.post(
        reverse("judging_schedule", args=[presentation.pk]),
        {"days": f"2025-08-12\n{tomorrow}", "starts": "08:00", "ends": "08:40"},
    )
    client.force_login(babel.panelist)

    mine = client.get(reverse("judging_my_schedule"))
    client.force_login(babel.evaluator)
    other = client.get(reverse("judging_my_schedule"))

    # Two slots on a past day, one tomorrow: only tomorrow's is still to come.
    assert PresentationSlot.objects.count() == 3
    assert [s.proposal.title for s in mine.context["slots"]] == ["Finalis 2"]
    assert list(other.context["slots"]) == []


def test_panel_records_a_field_visit(client, babel, kipp2025):
    proposals = passed(babel.kominfo, babel.operator_bb, kipp2025, 2, prefix="Finalis")
    field = round_of(kipp2025, 3, RoundKind.FIELD_VERIFICATION)
    RoundEntry.objects.create(round=field, proposal=proposals[0])
    Judge.objects.create(round=field, user=babel.panelist)
    client.force_login(babel.panelist)
    url = reverse("judging_field_visit", args=[field.pk, proposals[0].pk])

    empty = client.post(url, {"findings": ""})
    client.post(
        url,
        {
            "visited_on": "2025-09-02",
            "checklist": ["running", "users"],
            "findings": "Layanan berjalan; warga menyebut waktu tunggu turun.",
            "recommended": "1",
        },
    )

    assert empty.status_code == 400
    assert "Tuliskan temuan kunjungan." in empty.text
    visit = FieldVerification.objects.get()
    assert (visit.visited_on, visit.checklist, visit.recommended, visit.recorded_by) == (
        date(2025, 9, 2),
        {"running": True, "users": True},
        True,
        babel.panelist,
    )
    listing = client.get(reverse("judging_field_round", args=[field.pk]))
    assert "Direkomendasikan" in listing.text
    # A proposal not entered in the round, and a judge of no round of it: 404.
    assert (
        client.get(reverse("judging_field_visit", args=[field.pk, proposals[1].pk])).status_code
        == 404
    )
    client.force_login(babel.evaluator)
    assert client.get(url).status_code == 404
    client.force_login(babel.operator_bb)
    assert client.get(url).status_code == 404
