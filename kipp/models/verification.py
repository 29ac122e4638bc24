"""Checks of a proposal: one `Verification` per stage (local by the Admin Lokal now, field
later), with one row per checklist item and one per section note."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import ChecklistItem, VerificationStage
from .proposal import Proposal


class Verification(models.Model):
    """Who last saved a stage's checklist and notes of a proposal, when, and its general note."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="verifications")
    stage = models.CharField(_("tahap"), max_length=12, choices=VerificationStage.choices)
    note = models.TextField(_("catatan umum"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("disimpan pada"))

    class Meta:
        verbose_name = _("verifikasi")
        verbose_name_plural = _("verifikasi")
        ordering = ["proposal", "stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "stage"], name="verification_once_per_stage"
            ),
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.get_stage_display()}"

    @property
    def checklist(self) -> dict[str, bool]:
        """`{item: checked}`, from the (prefetched) items."""
        return {row.item: row.checked for row in self.items.all()}

    @property
    def section_notes(self) -> dict[str, str]:
        """`{section key: text}`, from the (prefetched) notes."""
        return {row.section: row.text for row in self.notes.all()}


class VerificationItem(models.Model):
    """One checklist item as the verifier left it, ticked or not."""

    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="items")
    item = models.CharField(_("butir"), max_length=24, choices=ChecklistItem.choices)
    checked = models.BooleanField(_("sesuai"), default=False)

    class Meta:
        verbose_name = _("butir verifikasi")
        verbose_name_plural = _("butir verifikasi")
        ordering = ["verification", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["verification", "item"], name="verification_item_once"),
        ]

    def __str__(self):
        return f"{self.item}: {self.checked}"


class VerificationNote(models.Model):
    """The verifier's note on one form section (by the section's key)."""

    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="notes")
    section = models.SlugField(_("bagian"), max_length=40)
    text = models.TextField(_("catatan"))

    class Meta:
        verbose_name = _("catatan verifikasi")
        verbose_name_plural = _("catatan verifikasi")
        ordering = ["verification", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["verification", "section"], name="verification_note_once"
            ),
        ]

    def __str__(self):
        return f"{self.section}: {self.text[:40]}"
