"""Hub events: the hub admin adds one with invitations and attendance; it shows on the
hub's public calendar; another hub's admin cannot use this hub."""

from hubs.models import Hub
from replication.enums import HubEventKind
from replication.models import HubEvent


def _data(repl, hub):
    return {
        "hub": hub.pk,
        "kind": HubEventKind.FORUM,
        "title": "Forum Replikasi Babel 2026",
        "date": "2026-05-12",
        "place": "Pangkalpinang",
        "invited": [repl.babel.bangka_barat.pk, repl.babel.bangka_tengah.pk],
        "attended": [repl.babel.bangka_barat.pk],
    }


def test_hub_admin_adds_event_shown_on_calendar(client, repl):
    client.force_login(repl.babel.hub_admin)

    response = client.post("/replikasi/kegiatan-hub/baru/", _data(repl, repl.babel.hub))

    event = HubEvent.objects.get(title="Forum Replikasi Babel 2026")
    assert response.status_code == 302
    assert list(event.attended.values_list("name", flat=True)) == [
        "Pemerintah Kabupaten Bangka Barat"
    ]
    assert event.invited.count() == 2
    client.logout()
    page = client.get("/jaringan-jipp/19/?bulan=2026-05").content.decode()
    assert "Forum Replikasi Babel 2026" in page


def test_other_hub_admin_cannot_add_to_babel(client, repl):
    client.force_login(repl.hub_sumsel)
    before = HubEvent.objects.count()

    response = client.post("/replikasi/kegiatan-hub/baru/", _data(repl, repl.babel.hub))

    assert response.status_code == 200  # the form refuses a hub outside its choices
    assert HubEvent.objects.count() == before
    assert Hub.objects.count() == 2


def test_mentor_cannot_add_events(client, repl):
    client.force_login(repl.mentor)

    assert client.get("/replikasi/kegiatan-hub/baru/").status_code == 404


def test_mentor_note_visible_to_admin_lokal(client, repl, django_capture_on_commit_callbacks):
    from hubs.models import Notification

    client.force_login(repl.mentor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/replikasi/komitmen/{repl.commitment.pk}/catatan/",
            {"catatan-body": "Tetapkan indikator waktu layanan sebelum uji coba."},
        )

    client.force_login(repl.babel.admin_bb)
    page = client.get(f"/replikasi/komitmen/{repl.commitment.pk}/").content.decode()
    assert "Tetapkan indikator waktu layanan sebelum uji coba." in page
    notes = Notification.objects.filter(subject__startswith="Catatan pendampingan")
    assert set(notes.values_list("recipient__username", flat=True)) == {
        "admin.bb",
        "admin.bb2",
        "hub.babel",
    }


def test_programme_invitation_notifies_invited_admin_lokal(repl):
    from hubs.models import Notification

    invited = set(
        Notification.objects.filter(subject__startswith="Undangan program replikasi").values_list(
            "recipient__username", flat=True
        )
    )

    # The fixture's programme invites Bangka Barat and Bangka Tengah.
    assert invited == {"admin.bb", "admin.bb2", "admin.bt"}


def test_sekretariat_creates_a_mentor_account_for_a_hub(client, repl):
    from hubs.models import Membership

    client.force_login(repl.babel.sekretariat)
    response = client.post(
        "/kelola/akun/baru/",
        {
            "username": "pendamping.baru",
            "name": "Dr. Lina Marlina",
            "email": "lina@contoh.ac.id",
            "role": "mentor",
            "hub": repl.babel.hub.pk,
        },
    )

    membership = Membership.objects.get(user__username="pendamping.baru")
    assert response.status_code in (200, 302)
    assert (membership.role, membership.hub) == ("mentor", repl.babel.hub)


def _event(repl):
    from replication.services.programmes import hub_event_create

    return hub_event_create(
        actor=repl.babel.hub_admin,
        hub=repl.babel.hub,
        kind=HubEventKind.COACHING,
        title="Klinik Replikasi Mei",
        date="2026-05-20",
        place="Sungailiat",
        invited=[repl.babel.bangka_barat, repl.babel.bangka_tengah],
    )


def test_hub_admin_records_attendance_after_the_event(client, repl):
    event = _event(repl)
    client.force_login(repl.babel.hub_admin)
    page = client.get("/jaringan-jipp/19/?bulan=2026-05").content.decode()
    assert f"/replikasi/kegiatan-hub/{event.pk}/kehadiran/" in page

    response = client.post(
        f"/replikasi/kegiatan-hub/{event.pk}/kehadiran/",
        {"attended": [repl.babel.bangka_tengah.pk]},
    )

    assert response.status_code == 302
    assert list(event.attended.values_list("name", flat=True)) == [
        "Pemerintah Kabupaten Bangka Tengah"
    ]


def test_attendance_refused_outside_the_hub_and_for_visitors(client, repl):
    event = _event(repl)
    url = f"/replikasi/kegiatan-hub/{event.pk}/kehadiran/"
    anonymous_page = client.get("/jaringan-jipp/19/?bulan=2026-05").content.decode()
    assert url not in anonymous_page

    for user in (repl.hub_sumsel, repl.mentor, repl.babel.admin_bb):
        client.force_login(user)
        assert client.post(url, {"attended": [repl.babel.bangka_barat.pk]}).status_code == 404
    assert not event.attended.exists()
