"""A replication programme run by a JIPP hub (its province) or the ministry (national)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hubs.models import Hub, Instansi


class Programme(models.Model):
    """E.g. "Replikasi Inovasi Pelayanan Publik Kepulauan Bangka Belitung 2021"."""

    name = models.CharField(_("nama program"), max_length=200, unique=True)
    hub = models.ForeignKey(
        Hub,
        verbose_name=_("hub JIPP"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("Kosong: program nasional."),
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    description = models.TextField(_("uraian"), blank=True)
    signing_on = models.DateField(_("tanggal penandatanganan komitmen"), null=True, blank=True)
    signing_place = models.CharField(_("tempat penandatanganan"), max_length=200, blank=True)
    invited = models.ManyToManyField(
        Instansi, verbose_name=_("instansi yang diundang"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("program replikasi")
        verbose_name_plural = _("program replikasi")
        ordering = ["-year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
                violation_error_message=_("Tanggal selesai harus sesudah tanggal mulai."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("replication:programme_detail", args=[self.pk])
