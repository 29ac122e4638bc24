"""Choices of the competition: groups, proposal states, evidence kinds, checklist items."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    UMUM = "umum", _("Umum")
    REPLIKASI = "replikasi", _("Replikasi")
    KHUSUS = "khusus", _("Khusus")


class ProposalState(models.TextChoices):
    """Where a proposal stands in its life cycle: local, administrative, and its final outcome.

    What a proposal achieves along the way in the judging rounds is not a state: each level
    (Top 99, Top 45, Outstanding Achievement) is a `Result` row, because levels are published
    at their own moment, can be revoked with a reason (an upheld objection) and hold
    together (a Top 45 is also a Top 99); the rounds themselves are rows of `judging`
    (a proposal's `RoundEntry` says which rounds it entered). Migration 0004 retired the
    round states for that reason.

    The final outcome is a state again (issue 8): once the organiser publishes the final
    results, a proposal that passed the administrative selection ends as `winner` (Top 45),
    `outstanding` (Outstanding Achievement, Khusus group) or `not_selected`, each beside
    the Result rows that record its levels; an upheld objection moves a published
    result's proposal to `disqualified`, beside the revocation of its Result rows (who, when,
    why). The outcome states are reached only through the services that publish and
    moderate (never offered as buttons), so state and Result rows agree.
    """

    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan ke Admin Lokal")
    RETURNED = "returned", _("Dikembalikan untuk perbaikan")
    FORWARDED = "forwarded", _("Diteruskan ke Sekretariat")
    REJECTED_LOCALLY = "rejected_locally", _("Ditolak Admin Lokal")
    WITHDRAWN = "withdrawn", _("Ditarik")
    ADMIN_PASSED = "admin_passed", _("Lolos seleksi administrasi")
    ADMIN_FAILED = "admin_failed", _("Tidak lolos seleksi administrasi")
    WINNER = "winner", _("Top 45")
    OUTSTANDING = "outstanding", _("Outstanding Achievement")
    NOT_SELECTED = "not_selected", _("Tidak terpilih")
    DISQUALIFIED = "disqualified", _("Didiskualifikasi")


# Round states of earlier versions. No proposal is in them any more (migration 0004 turned
# them into `admin_passed` plus Result rows), but timelines written before keep them as they
# were, so events still know their labels. (The final outcomes came back as states.)
RETIRED_STATES = [
    ("nominated", _("Nominasi")),
    ("not_nominated", _("Tidak masuk nominasi")),
    ("finalist", _("Top 99")),
    ("presented", _("Sudah presentasi")),
    ("field_verified", _("Sudah verifikasi lapangan")),
]
EVENT_STATES = ProposalState.choices + RETIRED_STATES

# The proposer's side may still change these (and withdraw them).
EDITABLE_STATES = frozenset({ProposalState.DRAFT, ProposalState.RETURNED})
# The states of the administrative selection: forwarded and its two decisions.
SELECTION_STATES = (
    ProposalState.FORWARDED,
    ProposalState.ADMIN_PASSED,
    ProposalState.ADMIN_FAILED,
)
# The final outcomes, set when the organiser publishes the final results (or disqualifies).
FINAL_STATES = (
    ProposalState.WINNER,
    ProposalState.OUTSTANDING,
    ProposalState.NOT_SELECTED,
    ProposalState.DISQUALIFIED,
)
# Proposals that passed the administrative selection, whatever their final outcome since:
# the selection list and its announcement count them all as passed.
PASSED_STATES = frozenset({ProposalState.ADMIN_PASSED, *FINAL_STATES})
# States that count against the instansi's quota: forwarded and everything after it.
QUOTA_STATES = frozenset(SELECTION_STATES) | PASSED_STATES
# Proposals the local side has finished with (no longer in the Admin Lokal's hands).
CLOSED_LOCAL_STATES = frozenset(
    {ProposalState.REJECTED_LOCALLY, ProposalState.WITHDRAWN} | QUOTA_STATES
)


class ResultLevel(models.TextChoices):
    """An outcome of the judging rounds, recorded as a `Result` row of the proposal."""

    TOP99 = "top99", _("Top 99")
    TOP45 = "top45", _("Top 45")
    OUTSTANDING = "outstanding", _("Outstanding Achievement")


# Levels that close the Umum group to the innovation as "already Top 45" (SPEC 3.2); the
# Outstanding Achievement goes to earlier winners (Khusus) and counts as one.
TOP45_LEVELS = frozenset({ResultLevel.TOP45, ResultLevel.OUTSTANDING})


class VerificationStage(models.TextChoices):
    """Who checks a proposal where: the Admin Lokal now, the panel on site in a later round."""

    LOCAL = "local", _("Verifikasi lokal")
    FIELD = "field", _("Verifikasi lapangan")


class EvidenceKind(models.TextChoices):
    SERVICE_STANDARD = "service_standard", _("Standar pelayanan")
    MAKLUMAT = "maklumat", _("Maklumat pelayanan")
    COMPLAINTS_DECREE = "complaints_decree", _("SK pengelolaan pengaduan")
    INNOVATOR_DECREE = "innovator_decree", _("SK inovator")
    START_PROOF = "start_proof", _("Bukti tanggal mulai inovasi")
    REPLICATION_LETTER = "replication_letter", _("Surat kesediaan direplikasi")
    OTHER = "other", _("Dokumen pendukung lain")


class InnovatorKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Perorangan")
    TEAM = "team", _("Tim")


class ChecklistItem(models.TextChoices):
    """What the Admin Lokal checks before forwarding (SPEC 3.3, issue: local verification)."""

    COMPLETE = "complete", _("Isian lengkap")
    WORD_LIMITS = "word_limits", _("Sesuai batas jumlah kata")
    EVIDENCE_VALID = "evidence_valid", _("Bukti dukung sah dan terbaca")
    AGE = "age", _("Usia inovasi memenuhi syarat")
    GROUP_FIT = "group_fit", _("Memenuhi syarat kelompok")
    CATEGORY_FIT = "category_fit", _("Kategori sesuai")
    INNOVATOR_DECREE = "innovator_decree", _("Ada SK inovator")
    TRUTH_STATEMENT = "truth_statement", _("Pernyataan kebenaran dicentang")


class ExportKind(models.TextChoices):
    """Lists that can be exported as a background job when they are large."""

    SELECTION = "selection", _("Seleksi administrasi")
    VERIFICATION = "verification", _("Verifikasi lokal")


class ExportFormat(models.TextChoices):
    XLSX = "xlsx", _("Excel (XLSX)")
    CSV = "csv", _("CSV")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Menunggu giliran")
    RUNNING = "running", _("Sedang dibuat")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")
