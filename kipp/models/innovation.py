"""Innovations (the thing itself, owned by a unit) and the SDG goals proposals name."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hubs.models import Unit


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
    """The innovation itself, owned by a unit; it can be entered into several competitions."""

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
