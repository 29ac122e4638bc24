"""The organisers' daily digest of forwarded proposals, and notifications in the
recipient's language."""

from datetime import UTC, date, datetime

from django.core import mail

from hubs.models import Notification
from kipp.enums import ProposalState as S
from kipp.models import ForwardDigest
from kipp.services import workflow
from kipp.services.digest import forwarded_digest_send
from kipp.tasks import forwarded_digest_daily
from tests.kipp import factories as kf

# 4 December 2026, 10:00 WIB and 23:30 WIB (the latter is still the 4th in WIB).
MORNING = datetime(2026, 12, 4, 3, tzinfo=UTC)
LATE = datetime(2026, 12, 4, 16, 30, tzinfo=UTC)
NEXT_MORNING = datetime(2026, 12, 5, 0, tzinfo=UTC)


def _forwarded(babel, competition, title, when, unit=None):
    made = kf.proposal(
        unit or babel.kominfo,
        babel.operator_bb,
        competition=competition,
        title=title,
        state=S.FORWARDED,
    )
    made.forwarded_at = when
    made.save(update_fields=["forwarded_at"])
    return made


def test_digest_counts_yesterdays_forwards_per_instansi_once(
    babel, kipp2025, django_capture_on_commit_callbacks
):
    _forwarded(babel, kipp2025, "Satu", MORNING)
    _forwarded(babel, kipp2025, "Dua", LATE)
    _forwarded(babel, kipp2025, "Tiga", MORNING, unit=babel.disdukcapil)
    _forwarded(babel, kipp2025, "Besok", NEXT_MORNING + (LATE - MORNING))
    babel.sekretariat.email = "sekretariat@example.go.id"
    babel.sekretariat.save(update_fields=["email"])

    with django_capture_on_commit_callbacks(execute=True):
        sent = forwarded_digest_send(now=NEXT_MORNING)
    again = forwarded_digest_daily.apply(kwargs={}).get()  # another day: the clock's
    with django_capture_on_commit_callbacks(execute=True):
        repeated = forwarded_digest_send(day=date(2026, 12, 4))

    (note,) = Notification.objects.filter(recipient=babel.sekretariat)
    assert (sent, repeated) == (1, 0)
    assert again == 0
    assert note.subject == "3 usulan diteruskan ke KIPP 2025 pada 4 Desember 2026"
    assert "- Pemerintah Kabupaten Bangka Barat: 2" in note.body
    assert "- Pemerintah Kabupaten Bangka Tengah: 1" in note.body
    assert note.url == f"/seleksi/administrasi/?edisi={kipp2025.pk}"
    assert list(ForwardDigest.objects.values_list("day", "proposal_count")) == [
        (date(2026, 12, 4), 3)
    ]
    assert [m.to for m in mail.outbox] == [["sekretariat@example.go.id"]]
    # Only the national organisers hear of a national competition.
    assert not Notification.objects.exclude(recipient=babel.sekretariat).exists()


def test_digest_is_written_in_the_recipients_language(babel, kipp2025):
    babel.sekretariat.language = "en"
    babel.sekretariat.save(update_fields=["language"])
    _forwarded(babel, kipp2025, "Satu", MORNING)

    forwarded_digest_send(day=date(2026, 12, 4))

    note = Notification.objects.get(recipient=babel.sekretariat)
    assert note.subject == "1 proposal forwarded to KIPP 2025 on 4 December 2026"


def test_transition_notifies_each_recipient_in_their_language(babel, kipp2025):
    babel.operator_bb.language = "en"
    babel.operator_bb.save(update_fields=["language"])
    made = kf.proposal(babel.kominfo, babel.operator_bb, competition=kipp2025, title="Aduan")
    workflow.proposal_transition(proposal=made, actor=babel.operator_bb, to_state=S.SUBMITTED)

    workflow.proposal_transition(
        proposal=made, actor=babel.admin_bb, to_state=S.RETURNED, note="Lengkapi."
    )

    to_operator = Notification.objects.get(recipient=babel.operator_bb)
    to_admin = Notification.objects.filter(recipient=babel.admin_bb2).get()
    assert to_operator.subject == "Proposal returned for revision: Aduan"
    assert to_admin.subject == "Usulan baru menunggu verifikasi: Aduan"


def test_language_switch_remembers_the_choice_on_the_account(client, babel):
    client.force_login(babel.operator_bb)

    client.post("/i18n/setlang/", {"language": "en", "next": "/dasbor/"})

    babel.operator_bb.refresh_from_db()
    assert babel.operator_bb.language == "en"
