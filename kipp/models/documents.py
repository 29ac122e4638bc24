"""Documents the organiser gives proposers per competition: the guideline (juknis) and
templates of the required documents, checked by content when uploaded."""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .competition import Competition


class DocumentKind(models.TextChoices):
    GUIDELINE = "guideline", _("Petunjuk teknis (juknis)")
    TEMPLATE = "template", _("Templat dokumen")


def _document_path(instance, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"competition-documents/{instance.competition_id}/{secrets.token_urlsafe(16)}{suffix}"


class CompetitionDocument(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("jenis"), max_length=12, choices=DocumentKind.choices)
    title = models.CharField(_("judul"), max_length=200)
    file = models.FileField(_("berkas"), upload_to=_document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen kompetisi")
        verbose_name_plural = _("dokumen kompetisi")
        ordering = ["competition", "kind", "title", "pk"]

    def __str__(self):
        return self.title
