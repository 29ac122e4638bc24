"""Choices of the judging rounds: round kinds, judge teams, sheet and job states."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hubs.enums import Role


class RoundKind(models.TextChoices):
    SCORING = "scoring", _("Penilaian desk (Tim Evaluasi)")
    PANEL = "panel", _("Pleno Top 99")
    PRESENTATION = "presentation", _("Presentasi dan wawancara")
    FIELD_VERIFICATION = "field_verification", _("Verifikasi lapangan")
    FINAL = "final", _("Penetapan akhir")


# Rounds scored on a rubric by judges: their criteria weights must sum to 100.
SCORED_KINDS = frozenset({RoundKind.SCORING, RoundKind.PANEL, RoundKind.PRESENTATION})
# Kinds whose weights sum rule is checked by the rubric service.
RUBRIC_KINDS = frozenset({RoundKind.SCORING, RoundKind.PRESENTATION})


class JudgeTeam(models.TextChoices):
    EVALUATOR = "evaluator", _("Tim Evaluasi")
    PANELIST = "panelist", _("Tim Panel Independen")


# The hubs role a user must hold (for the competition's organiser) to judge for a team.
ROLE_OF_TEAM = {JudgeTeam.EVALUATOR: Role.EVALUATOR, JudgeTeam.PANELIST: Role.PANELIST}


class Normalization(models.TextChoices):
    NONE = "none", _("Tanpa normalisasi")
    ZSCORE = "zscore", _("Skor-z per juri")


class SheetState(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Dikirim")
    REOPENED = "reopened", _("Dibuka kembali")


# Sheets a judge may still edit.
EDITABLE_SHEET_STATES = frozenset({SheetState.DRAFT, SheetState.REOPENED})


class ConflictSource(models.TextChoices):
    STRUCTURE = "structure", _("Struktur organisasi")
    DECLARED = "declared", _("Dinyatakan juri")
    SEKRETARIAT = "sekretariat", _("Ditetapkan Sekretariat")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Menunggu giliran")
    RUNNING = "running", _("Sedang berjalan")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


class JobKind(models.TextChoices):
    ASSIGN = "assign", _("Penugasan juri otomatis")
    RESULTS = "results", _("Perhitungan hasil")
    SHORTLIST = "shortlist", _("Penyusunan daftar pendek")
    EXPORT = "export", _("Ekspor")


class ObjectionState(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    UPHELD = "upheld", _("Dikabulkan")
    DISMISSED = "dismissed", _("Ditolak")
