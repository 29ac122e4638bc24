"""A commitment of an adopting instansi to replicate a source innovation, its immutable
timeline and its documents. The stage changes only in `replication.services.stages`."""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.models import Instansi, Region
from kipp.models import Innovation

from ..enums import STAGE_ORDER, DocumentKind, Stage
from .programme import Programme


class Commitment(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("program")
    )
    instansi = models.ForeignKey(
        Instansi,
        verbose_name=_("instansi pereplikasi"),
        on_delete=models.PROTECT,
        related_name="replication_commitments",
    )
    # The adopter's province, copied at creation: the hub's scope and the dashboards read it.
    province = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    source_innovation = models.ForeignKey(
        Innovation,
        verbose_name=_("inovasi asal"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    title = models.CharField(_("nama inovasi replikasi"), max_length=255)
    problem = models.TextField(_("masalah yang ingin diatasi"), blank=True)
    stage = models.CharField(
        _("tahap"), max_length=16, choices=Stage.choices, default=Stage.PERSIAPAN
    )
    dropped_reason = models.TextField(_("alasan dihentikan"), blank=True)
    # Komitmen: who signed, when.
    signatory = models.CharField(_("penanda tangan"), max_length=150, blank=True)
    signatory_position = models.CharField(_("jabatan penanda tangan"), max_length=150, blank=True)
    signed_on = models.DateField(_("tanggal ditandatangani"), null=True, blank=True)
    # Rencana aksi.
    team = models.TextField(_("tim replikasi"), blank=True)
    person_in_charge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    budget_source = models.CharField(_("sumber anggaran"), max_length=150, blank=True)
    adaptation = models.TextField(_("adaptasi (faktor pembeda)"), blank=True)
    # Evaluasi and pelembagaan.
    indicator_before = models.TextField(_("indikator sebelum"), blank=True)
    indicator_after = models.TextField(_("indikator sesudah"), blank=True)
    regulation = models.CharField(_("regulasi/keputusan pelembagaan"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("komitmen replikasi")
        verbose_name_plural = _("komitmen replikasi")
        ordering = ["programme", "instansi__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "instansi", "source_innovation"],
                name="commitment_once_per_programme",
                violation_error_message=_(
                    "Instansi ini sudah berkomitmen mereplikasi inovasi ini di program ini."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(stage=Stage.DROPPED) | ~models.Q(dropped_reason=""),
                name="commitment_dropped_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["province", "stage"]),
            models.Index(fields=["instansi", "stage"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("replication:commitment_detail", args=[self.pk])

    @property
    def stage_index(self) -> int:
        """0..5 along STAGE_ORDER; -1 when dropped."""
        return STAGE_ORDER.index(self.stage) if self.stage in STAGE_ORDER else -1


class CommitmentEvent(models.Model):
    """One stage change of a commitment; written once, never changed or deleted."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    from_state = models.CharField(max_length=16, choices=Stage.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=Stage.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("riwayat komitmen")
        verbose_name_plural = _("riwayat komitmen")
        ordering = ["commitment", "created_at", "pk"]

    def __str__(self):
        return f"{self.commitment_id}: {self.from_state} → {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Commitment events are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Commitment events are immutable.")


def _document_path(instance, filename: str) -> str:
    """A random stored name: the original name is kept in the row, never on disk."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"replication/{instance.commitment_id}/{secrets.token_urlsafe(16)}{suffix}"


class Document(models.Model):
    """A file of a commitment (signed commitment, action plan, progress evidence,
    regulation), checked by content at upload like proposal evidence (`kipp.uploads`)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="documents")
    progress = models.ForeignKey(
        "replication.ProgressReport",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("berkas"), upload_to=_document_path)
    original_name = models.CharField(_("nama berkas asli"), max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dokumen replikasi")
        verbose_name_plural = _("dokumen replikasi")
        ordering = ["commitment", "kind", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
