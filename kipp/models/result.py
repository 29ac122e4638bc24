"""Outcomes of the judging rounds: one row per proposal and level (Top 99, Top 45,
Outstanding Achievement), counted only once published and while not revoked."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import ResultLevel
from .proposal import Proposal


class Result(models.Model):
    """A level a proposal reached. Nothing counts before `published_at`; a revocation (an
    upheld objection, a disqualification) keeps the row, with who revoked it, when and why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="results")
    level = models.CharField(_("capaian"), max_length=12, choices=ResultLevel.choices)
    published_at = models.DateTimeField(_("diumumkan pada"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_reason = models.TextField(_("alasan pencabutan"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Empty for rows carried over from the round states of earlier versions.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hasil")
        verbose_name_plural = _("hasil")
        ordering = ["proposal", "level"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "level"], name="result_once_per_level"),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="result_revocation_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.get_level_display()}"

    @property
    def counts(self) -> bool:
        """Published and not revoked: the only results eligibility and sources read."""
        return self.published_at is not None and self.revoked_at is None
