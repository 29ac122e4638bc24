"""After a shortlist is published: public objections, presentation slots, field visits."""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kipp.models import Proposal

from ..enums import ObjectionState
from .results import Shortlist
from .rounds import Round


def _objection_path(instance, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"objections/{instance.shortlist_id}/{secrets.token_urlsafe(16)}{suffix}"


class Objection(models.Model):
    """An objection filed by anyone during the uji publik of a published shortlist."""

    shortlist = models.ForeignKey(Shortlist, on_delete=models.PROTECT, related_name="objections")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="objections")
    name = models.CharField(_("nama"), max_length=150)
    email = models.EmailField(_("surel"))
    text = models.TextField(_("isi keberatan"))
    file = models.FileField(_("lampiran"), upload_to=_objection_path, null=True, blank=True)
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=ObjectionState.choices,
        default=ObjectionState.RECEIVED,
    )
    created_at = models.DateTimeField(default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(_("catatan moderasi"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["shortlist", "-created_at", "-pk"]
        indexes = [models.Index(fields=["shortlist", "state"])]

    def __str__(self):
        return f"{self.proposal_id}: {self.name}"


class PresentationSlot(models.Model):
    """A finalist's presentation (7 minutes) and interview (13 minutes) before the panel."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="slots")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(_("mulai"))
    minutes_presentation = models.PositiveSmallIntegerField(_("menit presentasi"), default=7)
    minutes_interview = models.PositiveSmallIntegerField(_("menit wawancara"), default=13)
    place = models.CharField(_("tempat atau tautan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("jadwal presentasi")
        verbose_name_plural = _("jadwal presentasi")
        ordering = ["round", "starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "proposal"], name="slot_once_per_proposal")
        ]

    def __str__(self):
        return f"{self.round_id}: {self.proposal_id} @ {self.starts_at:%Y-%m-%d %H:%M}"


class FieldVerification(models.Model):
    """The panel's checklist and findings from visiting a finalist."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="field_visits")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="+")
    visited_on = models.DateField(_("tanggal kunjungan"), null=True, blank=True)
    checklist = models.JSONField(_("daftar periksa"), default=dict, blank=True)
    findings = models.TextField(_("temuan"), blank=True)
    recommended = models.BooleanField(_("direkomendasikan"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verifikasi lapangan")
        verbose_name_plural = _("verifikasi lapangan")
        ordering = ["round", "proposal"]
        constraints = [
            models.UniqueConstraint(fields=["round", "proposal"], name="field_visit_once")
        ]

    def __str__(self):
        return f"{self.round_id}: {self.proposal_id}"
