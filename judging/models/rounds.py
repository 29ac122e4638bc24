"""A competition's ordered rounds, each with its rubric, entering proposals and judges."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kipp.models import Competition, Proposal

from ..enums import SCORED_KINDS, JudgeTeam, Normalization, RoundKind


class Round(models.Model):
    """One round after the administrative selection, e.g. "Penilaian desk" or "Presentasi".

    Scores of different rounds stay separate: every sheet hangs off an assignment of one round.
    """

    competition = models.ForeignKey(
        Competition, verbose_name=_("kompetisi"), on_delete=models.PROTECT, related_name="rounds"
    )
    order = models.PositiveSmallIntegerField(_("urutan"))
    kind = models.CharField(_("jenis babak"), max_length=20, choices=RoundKind.choices)
    name = models.CharField(_("nama babak"), max_length=120)
    team = models.CharField(
        _("tim juri"), max_length=12, choices=JudgeTeam.choices, default=JudgeTeam.EVALUATOR
    )
    opens_at = models.DateTimeField(_("dibuka"))
    closes_at = models.DateTimeField(_("ditutup"))
    judges_per_proposal = models.PositiveSmallIntegerField(_("juri per usulan (k)"), default=3)
    normalization = models.CharField(
        _("normalisasi"),
        max_length=8,
        choices=Normalization.choices,
        default=Normalization.ZSCORE,
    )
    disagreement_threshold = models.DecimalField(
        _("ambang perbedaan nilai"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("25"),
        help_text=_("Usulan ditandai bila selisih nilai tertinggi dan terendah melebihi ambang."),
    )
    hide_identity = models.BooleanField(
        _("sembunyikan identitas pengusul"),
        default=True,
        help_text=_("Juri tidak melihat nama unit, instansi, dan inovator."),
    )
    scale_min = models.PositiveSmallIntegerField(_("skala minimum"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("skala maksimum"), default=10)
    objection_days = models.PositiveSmallIntegerField(_("lama uji publik (hari)"), default=5)
    published_at = models.DateTimeField(_("diumumkan pada"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("babak")
        verbose_name_plural = _("babak")
        ordering = ["competition", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "order"],
                name="round_order_unique_in_competition",
                violation_error_message=_("Urutan ini sudah dipakai babak lain di kompetisi ini."),
            ),
            models.CheckConstraint(
                condition=Q(opens_at__lt=F("closes_at")), name="round_opens_before_close"
            ),
            models.CheckConstraint(
                condition=Q(scale_min__lt=F("scale_max")), name="round_scale_min_below_max"
            ),
            models.CheckConstraint(
                condition=Q(judges_per_proposal__gte=1), name="round_at_least_one_judge"
            ),
        ]

    def __str__(self):
        return f"{self.competition.name}: {self.name}"

    @property
    def is_scored(self) -> bool:
        return self.kind in SCORED_KINDS

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class Criterion(models.Model):
    """One criterion of a round's rubric, weighted in percent (weights of a round sum to 100)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    name = models.CharField(_("kriteria"), max_length=120)
    description = models.TextField(_("uraian"), blank=True)
    weight = models.PositiveSmallIntegerField(_("bobot (%)"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kriteria")
        verbose_name_plural = _("kriteria")
        ordering = ["round", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "name"],
                name="criterion_name_unique_in_round",
                violation_error_message=_("Kriteria dengan nama ini sudah ada di babak ini."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=100), name="criterion_weight_percent"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.weight}%)"


class Descriptor(models.Model):
    """What a score band of a criterion means, shown next to the judge's input."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="descriptors")
    low = models.PositiveSmallIntegerField(_("nilai dari"))
    high = models.PositiveSmallIntegerField(_("nilai sampai"))
    text = models.TextField(_("deskripsi tingkat"))

    class Meta:
        verbose_name = _("deskriptor tingkat")
        verbose_name_plural = _("deskriptor tingkat")
        ordering = ["criterion", "-high"]
        constraints = [
            models.CheckConstraint(condition=Q(low__lte=F("high")), name="descriptor_low_le_high")
        ]

    def __str__(self):
        return f"{self.low}-{self.high}"


class RoundEntry(models.Model):
    """A proposal taking part in a round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="round_entries")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("peserta babak")
        verbose_name_plural = _("peserta babak")
        ordering = ["round", "proposal"]
        constraints = [
            models.UniqueConstraint(fields=["round", "proposal"], name="round_entry_once")
        ]

    def __str__(self):
        return f"{self.round_id}: {self.proposal_id}"


class Judge(models.Model):
    """A user judging in a round (holding the round team's role for the organiser)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="judges")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="judge_rounds"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("juri babak")
        verbose_name_plural = _("juri babak")
        ordering = ["round", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="judge_once_per_round")
        ]

    def __str__(self):
        return f"{self.round_id}: {self.user_id}"
