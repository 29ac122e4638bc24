"""A hub's mentors' coaching notes on commitments, and the hub's events (calendar)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.models import Hub, Instansi

from ..enums import HubEventKind
from .commitment import Commitment


class CoachingNote(models.Model):
    """A mentor's (Tim Pendamping) note on a commitment, read by the adopter's Admin Lokal."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="coaching_notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("catatan pendampingan"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("catatan pendampingan")
        verbose_name_plural = _("catatan pendampingan")
        ordering = ["commitment", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.commitment_id}: {self.body[:40]}"


class HubEvent(models.Model):
    """A forum replikasi, coaching clinic or commitment signing of a hub."""

    hub = models.ForeignKey(Hub, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("jenis"), max_length=10, choices=HubEventKind.choices)
    title = models.CharField(_("judul"), max_length=200)
    date = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=200)
    invited = models.ManyToManyField(
        Instansi, verbose_name=_("instansi yang diundang"), blank=True, related_name="+"
    )
    attended = models.ManyToManyField(
        Instansi, verbose_name=_("instansi yang hadir"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kegiatan hub")
        verbose_name_plural = _("kegiatan hub")
        ordering = ["hub", "date", "pk"]
        indexes = [models.Index(fields=["hub", "date"])]

    def __str__(self):
        return self.title
