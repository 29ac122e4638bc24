"""Choices of the competition: groups, proposal states, evidence kinds, checklist items."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    UMUM = "umum", _("Umum")
    REPLIKASI = "replikasi", _("Replikasi")
    KHUSUS = "khusus", _("Khusus")


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan ke Admin Lokal")
    RETURNED = "returned", _("Dikembalikan untuk perbaikan")
    FORWARDED = "forwarded", _("Diteruskan ke Sekretariat")
    REJECTED_LOCALLY = "rejected_locally", _("Ditolak Admin Lokal")
    WITHDRAWN = "withdrawn", _("Ditarik")
    ADMIN_PASSED = "admin_passed", _("Lolos seleksi administrasi")
    ADMIN_FAILED = "admin_failed", _("Tidak lolos seleksi administrasi")
    # Reached in the judging rounds (built later); listed here so history can be recorded.
    NOMINATED = "nominated", _("Nominasi")
    NOT_NOMINATED = "not_nominated", _("Tidak masuk nominasi")
    FINALIST = "finalist", _("Top 99")
    PRESENTED = "presented", _("Sudah presentasi")
    FIELD_VERIFIED = "field_verified", _("Sudah verifikasi lapangan")
    WINNER = "winner", _("Top 45")
    OUTSTANDING = "outstanding", _("Outstanding Achievement")
    NOT_SELECTED = "not_selected", _("Tidak terpilih")
    DISQUALIFIED = "disqualified", _("Didiskualifikasi")


# The proposer's side may still change these (and withdraw them).
EDITABLE_STATES = frozenset({ProposalState.DRAFT, ProposalState.RETURNED})
# States that count against the instansi's quota: forwarded and everything after it.
QUOTA_STATES = frozenset(
    {
        ProposalState.FORWARDED,
        ProposalState.ADMIN_PASSED,
        ProposalState.ADMIN_FAILED,
        ProposalState.NOMINATED,
        ProposalState.NOT_NOMINATED,
        ProposalState.FINALIST,
        ProposalState.PRESENTED,
        ProposalState.FIELD_VERIFIED,
        ProposalState.WINNER,
        ProposalState.OUTSTANDING,
        ProposalState.NOT_SELECTED,
        ProposalState.DISQUALIFIED,
    }
)
# Entering one of these states means the innovation reached Top 99 / Top 45.
TOP99_STATES = frozenset({ProposalState.FINALIST})
TOP45_STATES = frozenset({ProposalState.WINNER, ProposalState.OUTSTANDING})
# Proposals the local side has finished with (no longer in the Admin Lokal's hands).
CLOSED_LOCAL_STATES = frozenset(
    {ProposalState.REJECTED_LOCALLY, ProposalState.WITHDRAWN} | QUOTA_STATES
)


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
