"""Competitions (editions), their groups and form sections, innovations and proposals.

State changes of a proposal happen only in `kipp.workflow`; this module holds data,
constraints and small derived properties.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hubs.models import Hub, Instansi, Unit

from .enums import (
    EDITABLE_STATES,
    EvidenceKind,
    GroupKind,
    InnovatorKind,
    ProposalState,
)


class Competition(models.Model):
    """One edition, e.g. "KIPP 2025": national (no hub) or a hub's provincial competition."""

    name = models.CharField(_("nama"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    organiser_hub = models.ForeignKey(
        Hub,
        verbose_name=_("penyelenggara (hub)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competitions",
        help_text=_("Kosong untuk kompetisi nasional."),
    )
    theme = models.CharField(_("tema"), max_length=300, blank=True)
    registration_opens_at = models.DateTimeField(_("pendaftaran dibuka"))
    registration_closes_at = models.DateTimeField(_("pendaftaran ditutup"))
    verification_closes_at = models.DateTimeField(_("verifikasi lokal ditutup"))
    max_file_mb = models.PositiveSmallIntegerField(_("batas ukuran berkas (MB)"), default=2)
    admin_results_published_at = models.DateTimeField(
        _("pengumuman seleksi administrasi"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kompetisi")
        verbose_name_plural = _("kompetisi")
        ordering = ["-year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(registration_opens_at__lt=models.F("registration_closes_at")),
                name="competition_registration_opens_before_close",
            ),
            models.CheckConstraint(
                condition=models.Q(verification_closes_at__gte=models.F("registration_closes_at")),
                name="competition_verification_after_registration",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_national(self) -> bool:
        return self.organiser_hub_id is None

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.registration_opens_at <= now < self.registration_closes_at


class CompetitionGroup(models.Model):
    """A group of an edition (Umum, Replikasi, Khusus) with its quota, age rule and files."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="groups", verbose_name=_("kompetisi")
    )
    kind = models.CharField(_("kelompok"), max_length=12, choices=GroupKind.choices)
    quota_per_instansi = models.PositiveSmallIntegerField(_("kuota per instansi"))
    min_age_months = models.PositiveSmallIntegerField(
        _("usia minimal inovasi (bulan)"),
        help_text=_("Dihitung pada saat pendaftaran ditutup."),
    )
    required_evidence = models.JSONField(
        _("bukti dukung wajib"), default=list, blank=True, help_text=_("Jenis bukti dukung.")
    )
    invitation_only = models.BooleanField(_("hanya undangan"), default=False)

    class Meta:
        verbose_name = _("kelompok kompetisi")
        verbose_name_plural = _("kelompok kompetisi")
        ordering = ["competition", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "kind"],
                name="group_kind_unique_in_competition",
                violation_error_message=_("Kelompok ini sudah ada di kompetisi tersebut."),
            )
        ]

    def __str__(self):
        return f"{self.competition} · {self.get_kind_display()}"


class FormSection(models.Model):
    """One narrative section of a group's proposal form, with its word limit."""

    group = models.ForeignKey(CompetitionGroup, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(_("kunci"), max_length=40)
    title = models.CharField(_("judul bagian"), max_length=200)
    help_text = models.TextField(_("petunjuk"), blank=True)
    word_limit = models.PositiveSmallIntegerField(_("batas kata"))
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("bagian formulir")
        verbose_name_plural = _("bagian formulir")
        ordering = ["group", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "key"], name="section_key_unique_in_group")
        ]

    def __str__(self):
        return self.title


class Category(models.Model):
    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="categories"
    )
    name = models.CharField(_("nama kategori"), max_length=200)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")
        ordering = ["competition", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "name"], name="category_name_unique_in_competition"
            )
        ]

    def __str__(self):
        return self.name


class DeadlineExtension(models.Model):
    """A later registration and/or verification close for one instansi, with the reason."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="extensions"
    )
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="extensions")
    registration_closes_at = models.DateTimeField(
        _("pendaftaran ditutup (perpanjangan)"), null=True, blank=True
    )
    verification_closes_at = models.DateTimeField(
        _("verifikasi lokal ditutup (perpanjangan)"), null=True, blank=True
    )
    reason = models.TextField(_("alasan"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("perpanjangan tenggat")
        verbose_name_plural = _("perpanjangan tenggat")
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "instansi"], name="one_extension_per_instansi"
            )
        ]

    def __str__(self):
        return f"{self.competition} · {self.instansi}"


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals (loaded by a data migration)."""

    number = models.PositiveSmallIntegerField(_("nomor"), primary_key=True)
    name = models.CharField(_("nama"), max_length=120)

    class Meta:
        verbose_name = _("tujuan TPB/SDGs")
        verbose_name_plural = _("tujuan TPB/SDGs")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {gettext(self.name)}"


class Innovation(models.Model):
    """The innovation itself, owned by a unit; it can be entered into several editions."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="innovations", verbose_name=_("unit")
    )
    title = models.CharField(_("nama inovasi"), max_length=255)
    started_on = models.DateField(_("tanggal mulai diterapkan"))
    summary = models.TextField(_("uraian singkat"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inovasi")
        verbose_name_plural = _("inovasi")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                "unit",
                Lower("title"),
                name="innovation_title_unique_in_unit",
                violation_error_message=_("Unit ini sudah memiliki inovasi dengan nama ini."),
            )
        ]

    def __str__(self):
        return self.title


class Proposal(models.Model):
    """An innovation entered into one edition and group; its `state` moves only by workflow."""

    competition = models.ForeignKey(Competition, on_delete=models.PROTECT, related_name="proposals")
    group = models.ForeignKey(CompetitionGroup, on_delete=models.PROTECT, related_name="proposals")
    innovation = models.ForeignKey(Innovation, on_delete=models.PROTECT, related_name="proposals")
    # Copied from the innovation's unit when created; kept for scoping, quota and lists.
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="proposals")
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(_("judul"), max_length=255)
    category = models.ForeignKey(
        Category,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    sdgs = models.ManyToManyField(SdgGoal, verbose_name=_("tujuan TPB/SDGs"), blank=True)
    sections = models.JSONField(_("isian"), default=dict, blank=True)
    innovator_kind = models.CharField(
        _("inovator"), max_length=12, choices=InnovatorKind.choices, default=InnovatorKind.TEAM
    )
    team = models.JSONField(_("inovator"), default=list, blank=True)
    source_innovation = models.ForeignKey(
        Innovation,
        verbose_name=_("inovasi asal yang direplikasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replications",
    )
    replication_statement = models.BooleanField(_("pernyataan replikasi"), default=False)
    video_url = models.URLField(_("tautan video"), blank=True)
    truth_statement = models.BooleanField(_("pernyataan kebenaran"), default=False)
    state = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalState.choices,
        default=ProposalState.DRAFT,
        db_index=True,
    )
    # Optimistic locking for autosave: each save must name the version it started from.
    version = models.PositiveIntegerField(default=1)
    verification = models.JSONField(_("catatan verifikasi"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("usulan")
        verbose_name_plural = _("usulan")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                "competition",
                Lower("title"),
                name="proposal_title_unique_in_competition",
                violation_error_message=_("Judul ini sudah didaftarkan di kompetisi ini."),
            ),
            models.UniqueConstraint(
                fields=["competition", "innovation"],
                name="innovation_once_per_competition",
                violation_error_message=_("Inovasi ini sudah didaftarkan di kompetisi ini."),
            ),
        ]
        indexes = [
            models.Index(fields=["competition", "instansi", "state"]),
            models.Index(fields=["competition", "state"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposal_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES


def _evidence_path(instance, filename: str) -> str:
    """A random stored name: the original name is kept in the row, never on disk."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"evidence/{instance.proposal_id}/{secrets.token_urlsafe(16)}{suffix}"


class Evidence(models.Model):
    """An uploaded supporting document (PDF/JPG/PNG, checked by content at upload)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("jenis"), max_length=24, choices=EvidenceKind.choices)
    file = models.FileField(_("berkas"), upload_to=_evidence_path)
    original_name = models.CharField(_("nama berkas asli"), max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["proposal", "kind", "uploaded_at"]

    def __str__(self):
        return self.original_name


class ProposalEvent(models.Model):
    """One transition on a proposal's timeline; written once, never changed or deleted."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    from_state = models.CharField(max_length=20, choices=ProposalState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=ProposalState.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("riwayat usulan")
        verbose_name_plural = _("riwayat usulan")
        ordering = ["proposal", "created_at", "pk"]

    def __str__(self):
        return f"{self.proposal_id}: {self.from_state} → {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Proposal events are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Proposal events are immutable.")
