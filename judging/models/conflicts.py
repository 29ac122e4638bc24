"""Conflicts of interest between judges and proposals, and what judges declare about themselves."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hubs.models import Instansi, Region
from kipp.models import Competition, Proposal

from ..enums import ConflictSource


class Affiliation(models.Model):
    """A tie a judge declares about itself (worked for an instansi, lives in a region):
    structural conflict detection reads these next to the judge's memberships."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="affiliations"
    )
    instansi = models.ForeignKey(
        Instansi,
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.CharField(_("keterangan"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("afiliasi juri")
        verbose_name_plural = _("afiliasi juri")
        ordering = ["user", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(instansi__isnull=False) | Q(region__isnull=False),
                name="affiliation_names_instansi_or_region",
            )
        ]

    def __str__(self):
        return f"{self.user_id}: {self.instansi or self.region}"


class Conflict(models.Model):
    """A judge who must not judge a proposal, in any round of the competition, and why."""

    competition = models.ForeignKey(Competition, on_delete=models.PROTECT, related_name="+")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="conflicts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juri"),
        on_delete=models.CASCADE,
        related_name="conflicts",
    )
    source = models.CharField(_("sumber"), max_length=12, choices=ConflictSource.choices)
    reason = models.TextField(_("alasan"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("konflik kepentingan")
        verbose_name_plural = _("konflik kepentingan")
        ordering = ["competition", "proposal", "user"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="conflict_once_per_pair")
        ]
        indexes = [models.Index(fields=["competition", "user"])]

    def __str__(self):
        return f"{self.user_id} x {self.proposal_id} ({self.source})"
