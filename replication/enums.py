"""Choices of the replication app: commitment stages, activity status, document kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """Where a commitment stands (SPEC 4, after the LAN replication guideline)."""

    PERSIAPAN = "persiapan", _("Persiapan")
    KOMITMEN = "komitmen", _("Komitmen")
    RENCANA_AKSI = "rencana_aksi", _("Rencana aksi")
    IMPLEMENTASI = "implementasi", _("Implementasi")
    EVALUASI = "evaluasi", _("Evaluasi")
    PELEMBAGAAN = "pelembagaan", _("Pelembagaan")
    DROPPED = "dropped", _("Dihentikan")


# The stages in order, for dashboards ("stage reached") and progress bars.
STAGE_ORDER = [
    Stage.PERSIAPAN,
    Stage.KOMITMEN,
    Stage.RENCANA_AKSI,
    Stage.IMPLEMENTASI,
    Stage.EVALUASI,
    Stage.PELEMBAGAAN,
]
# Stages in which the action plan (team, activities) may still be changed.
# Stages after the signing: the commitment counts as a replication of its source.
SIGNED_STAGES = frozenset(
    {Stage.KOMITMEN, Stage.RENCANA_AKSI, Stage.IMPLEMENTASI, Stage.EVALUASI, Stage.PELEMBAGAAN}
)
PLAN_STAGES = frozenset({Stage.KOMITMEN, Stage.RENCANA_AKSI, Stage.IMPLEMENTASI})
# Stages in which progress is reported.
PROGRESS_STAGES = frozenset({Stage.RENCANA_AKSI, Stage.IMPLEMENTASI, Stage.EVALUASI})


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    IN_PROGRESS = "in_progress", _("Berjalan")
    DONE = "done", _("Selesai")


class DocumentKind(models.TextChoices):
    SIGNED_COMMITMENT = "signed_commitment", _("Komitmen yang ditandatangani")
    ACTION_PLAN = "action_plan", _("Dokumen rencana aksi")
    EVIDENCE = "evidence", _("Bukti kemajuan")
    REGULATION = "regulation", _("Regulasi pelembagaan")


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Jatuh tempo dalam 7 hari")
    OVERDUE = "overdue", _("Terlambat")


class HubEventKind(models.TextChoices):
    FORUM = "forum", _("Forum replikasi")
    COACHING = "coaching", _("Coaching clinic")
    SIGNING = "signing", _("Penandatanganan komitmen")
