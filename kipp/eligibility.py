"""Whether a proposal may be submitted: the rules of SPEC 3.2, each with a clear reason.

`submission_problems()` returns every reason at once (not only the first), so the operator
can fix them all before trying again. Word counting is shared with the form's live counter:
a word is a run of non-space characters.
"""

import re
from calendar import monthrange
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import EvidenceKind, GroupKind
from .models import Proposal
from .selectors.results import innovation_record

WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    return len(WORD.findall(text or ""))


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def section_problems(proposal: Proposal) -> list[str]:
    """Empty or over-long narrative sections of the proposal's group."""
    problems = []
    for section in proposal.group.sections.all():
        words = count_words(proposal.sections.get(section.key, ""))
        if words == 0:
            problems.append(_("Bagian “%(s)s” belum diisi.") % {"s": section.title})
        elif words > section.word_limit:
            problems.append(
                _("Bagian “%(s)s” berisi %(n)d kata; batasnya %(limit)d kata.")
                % {"s": section.title, "n": words, "limit": section.word_limit}
            )
    return problems


def submission_problems(proposal: Proposal) -> list[str]:
    """Every reason the proposal cannot be submitted yet; empty when it is eligible."""
    competition, group, innovation = proposal.competition, proposal.group, proposal.innovation
    problems = []

    # Age of the innovation when registration closes (the date in WIB).
    closes_on = timezone.localtime(competition.registration_closes_at).date()
    old_enough_on = add_months(innovation.started_on, group.min_age_months)
    if old_enough_on > closes_on:
        problems.append(
            _(
                "Inovasi harus sudah diterapkan minimal %(months)d bulan saat pendaftaran "
                "ditutup; inovasi ini baru memenuhi syarat pada %(day)s."
            )
            % {"months": group.min_age_months, "day": old_enough_on.strftime("%d-%m-%Y")}
        )

    if group.kind == GroupKind.UMUM:
        record = innovation_record(innovation, before_year=competition.year)
        if record["top45"]:
            problems.append(
                _("Inovasi ini sudah pernah masuk Top 45; tidak dapat diajukan di kelompok Umum.")
            )
        elif record["top99"] >= 2:
            problems.append(
                _("Inovasi ini sudah dua kali masuk Top 99; tidak dapat diajukan di kelompok Umum.")
            )

    if group.kind == GroupKind.REPLIKASI:
        source = proposal.source_innovation
        if source is None:
            problems.append(_("Usulan Replikasi harus menautkan inovasi asal yang direplikasi."))
        else:
            source_record = innovation_record(source, before_year=competition.year)
            if not (source_record["top99"] or source_record["top45"]):
                problems.append(
                    _("Inovasi asal harus inovasi yang pernah masuk Top 99 atau Top 45 KIPP.")
                )
            if source.pk == innovation.pk:
                problems.append(_("Inovasi asal tidak boleh inovasi ini sendiri."))
        if not proposal.replication_statement:
            problems.append(_("Pernyataan replikasi belum dicentang."))

    duplicate = (
        Proposal.objects.filter(competition=competition, title__iexact=proposal.title.strip())
        .exclude(pk=proposal.pk)
        .exists()
    )
    if duplicate:
        problems.append(_("Judul ini sudah didaftarkan di kompetisi ini."))

    if not proposal.title.strip():
        problems.append(_("Judul belum diisi."))
    if proposal.category_id is None:
        problems.append(_("Kategori belum dipilih."))
    if not proposal.sdgs.exists():
        problems.append(_("Pilih minimal satu tujuan TPB/SDGs."))
    if not any((member.get("name") or "").strip() for member in proposal.team):
        problems.append(_("Isi minimal satu nama inovator."))
    problems.extend(section_problems(proposal))

    present = set(proposal.evidence.values_list("kind", flat=True))
    for kind in group.required_evidence:
        if kind not in present:
            problems.append(
                _("Bukti dukung “%(k)s” belum diunggah.") % {"k": EvidenceKind(kind).label}
            )
    if not proposal.truth_statement:
        problems.append(_("Pernyataan kebenaran data belum dicentang."))
    return problems
