"""Exports of whole lists built in the background, with their progress and result file.

The file is stored under the private media folder (never served by URL); it is handed out
only by the owner's download view.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..enums import ExportFormat, ExportKind, ExportStatus


def _export_path(instance, filename: str) -> str:
    return f"exports/{instance.owner_id}/{secrets.token_urlsafe(16)}.{instance.format}"


class ExportJob(models.Model):
    """One export asked for by `owner`: which list (`kind` with the filters in `params`),
    in which `format`, how far it got, and the file once done."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("jenis"), max_length=20, choices=ExportKind.choices)
    params = models.JSONField(_("filter"), default=dict, blank=True)
    format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    row_count = models.PositiveIntegerField(_("jumlah baris"), null=True, blank=True)
    filename = models.CharField(_("nama berkas"), max_length=200)
    file = models.FileField(_("berkas"), upload_to=_export_path, blank=True)
    error = models.TextField(_("galat"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ekspor")
        verbose_name_plural = _("ekspor")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "-created_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_percent")
        ]

    def __str__(self):
        return f"{self.filename}.{self.format}"

    def get_absolute_url(self) -> str:
        return reverse("export_job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)
