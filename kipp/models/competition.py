"""A competition (e.g. "KIPP 2025"), its groups, form sections, categories and extensions."""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.models import Hub, Instansi

from ..enums import GroupKind

# Fields of a competition the organiser sets on the create and edit screens.
COMPETITION_FIELDS = (
    "name",
    "slug",
    "year",
    "theme",
    "registration_opens_at",
    "registration_closes_at",
    "verification_closes_at",
    "max_file_mb",
)


def _decree_path(instance, filename: str) -> str:
    """A random stored name under the competition (the original name is not kept on disk)."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"decrees/{instance.pk}/{secrets.token_urlsafe(16)}{suffix}"


class Competition(models.Model):
    """One competition, e.g. "KIPP 2025": national (no hub) or a hub's provincial competition."""

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
    # The decree (SK) the administrative results are announced by: its number, and the
    # signed document (PDF or image, content-checked), offered on the public announcement.
    admin_results_decree_number = models.CharField(
        _("nomor SK hasil seleksi administrasi"), max_length=120, blank=True
    )
    admin_results_decree = models.FileField(
        _("dokumen SK hasil seleksi administrasi"), upload_to=_decree_path, blank=True
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
    """A group of a competition (Umum, Replikasi, Khusus) with its quota, age rule and files."""

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
    # The guiding questions the section answers (shown above its field).
    help_text = models.TextField(_("petunjuk"), blank=True)
    criterion = models.TextField(_("kriteria penilaian"), blank=True)
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
