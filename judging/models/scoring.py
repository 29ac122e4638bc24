"""Who judges which proposal in a round, their score sheets, scores and the sheets' timeline.

A sheet's `state` changes only in `judging.services.sheets.sheet_transition`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kipp.models import Proposal

from ..enums import SheetState
from .rounds import Criterion, Round


class Assignment(models.Model):
    """A judge asked to judge one proposal in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assignments")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="assignments")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juri"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Empty when made by the automatic assignment.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_extra = models.BooleanField(_("juri tambahan"), default=False)
    override_reason = models.TextField(_("alasan mengabaikan konflik"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penugasan juri")
        verbose_name_plural = _("penugasan juri")
        ordering = ["round", "proposal", "judge"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "proposal", "judge"], name="assignment_once_per_judge"
            )
        ]
        indexes = [
            models.Index(fields=["round", "judge"]),
            models.Index(fields=["judge", "round", "proposal"]),
        ]

    def __str__(self):
        return f"{self.round_id}: {self.proposal_id} → {self.judge_id}"


class ScoreSheet(models.Model):
    """A judge's sheet for one assignment: scores per criterion, a comment, the weighted total."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="sheet")
    state = models.CharField(
        _("status"), max_length=10, choices=SheetState.choices, default=SheetState.DRAFT
    )
    comment = models.TextField(_("catatan umum"), blank=True)
    # Weighted score on 0-100, written when the sheet is submitted.
    total = models.DecimalField(
        _("nilai akhir"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    # Optimistic locking for autosave: each save names the version it started from.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lembar nilai")
        verbose_name_plural = _("lembar nilai")
        ordering = ["assignment"]
        indexes = [models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.assignment}: {self.get_state_display()}"


class Score(models.Model):
    """A judge's score on one criterion, with an optional comment."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("komentar"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nilai kriteria")
        verbose_name_plural = _("nilai kriteria")
        ordering = ["sheet", "criterion__order"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="score_once_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.value}"


class SheetEvent(models.Model):
    """One transition of a sheet (or a recorded change); written once, never changed."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    from_state = models.CharField(max_length=10, choices=SheetState.choices, blank=True)
    to_state = models.CharField(max_length=10, choices=SheetState.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("riwayat lembar nilai")
        verbose_name_plural = _("riwayat lembar nilai")
        ordering = ["sheet", "created_at", "pk"]

    def __str__(self):
        return f"{self.sheet_id}: {self.from_state} → {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Sheet events are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Sheet events are immutable.")


class JudgeReminder(models.Model):
    """A reminder sent to a judge with unfinished sheets: at most once per threshold."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reminders")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    threshold = models.CharField(_("ambang"), max_length=8)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pengingat juri")
        verbose_name_plural = _("pengingat juri")
        ordering = ["round", "judge", "threshold"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "judge", "threshold"], name="judge_reminder_once"
            ),
            models.CheckConstraint(condition=~Q(threshold=""), name="judge_reminder_threshold"),
        ]

    def __str__(self):
        return f"{self.round_id}: {self.judge_id} ({self.threshold})"
