"""Background jobs of a round, its ranking runs and the shortlists drawn from them."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kipp.enums import ResultLevel
from kipp.models import Proposal

from ..enums import JobKind, JobState, Normalization
from .rounds import Round


class Job(models.Model):
    """A Celery job on a round (assignment, results...) with progress polled by the page."""

    kind = models.CharField(_("jenis"), max_length=12, choices=JobKind.choices)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="jobs")
    state = models.CharField(
        _("status"), max_length=8, choices=JobState.choices, default=JobState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    message = models.CharField(_("keterangan"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)

    class Meta:
        verbose_name = _("proses latar")
        verbose_name_plural = _("proses latar")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["round", "kind", "-created_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="judging_job_progress")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)


class RankingRun(models.Model):
    """One computation of a round's results: reliability, judge statistics, ranked rows."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="runs")
    job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    normalization = models.CharField(_("normalisasi"), max_length=8, choices=Normalization.choices)
    alpha = models.FloatField(_("alfa Krippendorff"), null=True, blank=True)
    alpha_by_criterion = models.JSONField(default=dict, blank=True)
    # {"ICC1": f, "ICC2": f, "ICC3": f}, or null when the panel is incomplete.
    icc = models.JSONField(null=True, blank=True)
    # {user_id: {"n": int, "mean": f, "severity": f, "fallback": bool}}
    judges = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("perhitungan peringkat")
        verbose_name_plural = _("perhitungan peringkat")
        ordering = ["round", "-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]

    def __str__(self):
        return f"{self.round_id} #{self.pk}"


class RankedProposal(models.Model):
    """A proposal's aggregated result in one ranking run."""

    run = models.ForeignKey(RankingRun, on_delete=models.CASCADE, related_name="rows")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="+")
    n = models.PositiveSmallIntegerField(_("jumlah lembar"))
    raw_mean = models.FloatField(_("rata-rata"))
    median = models.FloatField(_("median"))
    sd = models.FloatField(_("simpangan baku"))
    normalized = models.FloatField(_("nilai ternormalisasi"))
    rank = models.PositiveIntegerField(_("peringkat"))
    disagreement = models.BooleanField(_("beda pendapat"), default=False)
    spread = models.FloatField(_("selisih tertinggi-terendah"), default=0)

    class Meta:
        verbose_name = _("peringkat usulan")
        verbose_name_plural = _("peringkat usulan")
        ordering = ["run", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "proposal"], name="ranked_once_per_run")
        ]
        indexes = [models.Index(fields=["run", "rank"])]

    def __str__(self):
        return f"{self.run_id}: #{self.rank} {self.proposal_id}"


def _decree_path(instance, filename: str) -> str:
    return f"decrees/{instance.round_id}/{secrets.token_urlsafe(16)}.pdf"


class Shortlist(models.Model):
    """A proposed selection of N proposals under composition rules; public once published."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="shortlists")
    run = models.ForeignKey(RankingRun, on_delete=models.PROTECT, related_name="shortlists")
    level = models.CharField(_("capaian"), max_length=12, choices=ResultLevel.choices, blank=True)
    size = models.PositiveIntegerField(_("jumlah"))
    rules = models.JSONField(_("aturan komposisi"), default=dict, blank=True)
    feasible = models.BooleanField(_("aturan terpenuhi"), default=True)
    total = models.FloatField(_("total nilai"), default=0)
    binding = models.JSONField(_("aturan yang mengikat"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(_("diumumkan pada"), null=True, blank=True)
    decree_number = models.CharField(_("nomor keputusan"), max_length=120, blank=True)
    decree_file = models.FileField(_("berkas keputusan"), upload_to=_decree_path, blank=True)
    objection_closes_at = models.DateTimeField(_("uji publik ditutup"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("daftar pendek")
        verbose_name_plural = _("daftar pendek")
        ordering = ["round", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.round_id}: {self.size}"


class ShortlistEntry(models.Model):
    """A candidate of a shortlist: in or out, why, and any manual override with its author."""

    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    proposal = models.ForeignKey(
        Proposal, on_delete=models.PROTECT, related_name="shortlist_entries"
    )
    rank = models.PositiveIntegerField(_("peringkat"))
    score = models.FloatField(_("nilai"))
    selected = models.BooleanField(_("terpilih"), default=False)
    reason = models.TextField(_("penjelasan"), blank=True)
    overridden = models.BooleanField(_("diubah manual"), default=False)
    override_reason = models.TextField(_("alasan perubahan"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kandidat daftar pendek")
        verbose_name_plural = _("kandidat daftar pendek")
        ordering = ["shortlist", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["shortlist", "proposal"], name="shortlist_entry_once"),
            models.CheckConstraint(
                condition=Q(overridden=False) | ~Q(override_reason=""),
                name="shortlist_override_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["shortlist", "selected", "rank"])]

    def __str__(self):
        return f"{self.shortlist_id}: {self.proposal_id}"
