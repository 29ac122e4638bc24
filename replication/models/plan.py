"""The action plan's activities, progress reports, and the reminders sent about them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import ActivityStatus, ReminderKind
from .commitment import Commitment


class Activity(models.Model):
    """A milestone of the action plan with its responsible unit and due date."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="activities")
    name = models.CharField(_("kegiatan"), max_length=255)
    responsible_unit = models.CharField(_("unit penanggung jawab"), max_length=200)
    due_on = models.DateField(_("tenggat"))
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    done_on = models.DateField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("kegiatan rencana aksi")
        verbose_name_plural = _("kegiatan rencana aksi")
        ordering = ["commitment", "due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return self.name

    @property
    def is_done(self) -> bool:
        return self.status == ActivityStatus.DONE

    def is_overdue(self, today=None) -> bool:
        return not self.is_done and self.due_on < (today or timezone.localdate())


class ProgressReport(models.Model):
    """A progress report: how far the replication is, what stands in the way."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="progress_reports"
    )
    percent = models.PositiveSmallIntegerField(_("persentase kemajuan"))
    summary = models.TextField(_("uraian kemajuan"))
    obstacles = models.TextField(_("kendala"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("laporan kemajuan")
        verbose_name_plural = _("laporan kemajuan")
        ordering = ["commitment", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__lte=100), name="progress_percent_at_most_100"
            )
        ]

    def __str__(self):
        return f"{self.commitment_id}: {self.percent}%"


class Reminder(models.Model):
    """A reminder sent about one activity at one threshold; the unique row is what keeps a
    retried or concurrent run from sending it twice."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pengingat")
        verbose_name_plural = _("pengingat")
        constraints = [
            models.UniqueConstraint(fields=["activity", "kind"], name="reminder_once_per_threshold")
        ]

    def __str__(self):
        return f"{self.activity_id}: {self.kind}"
