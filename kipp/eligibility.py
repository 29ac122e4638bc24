"""Whether a proposal may be submitted: the rules of SPEC 3.2, each with a clear reason.

`proposal_problems()` is the one place these rules live. It returns every problem at once
(not only the first), each with the checklist item it belongs to and the form field it
concerns, so submitting, saving, autosaving, the Admin Lokal's checklist hints and the
form all tell the same story. Word counting is shared with the form's live counter: a
word is a run of non-space characters.
"""

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .enums import ChecklistItem, EvidenceKind, GroupKind
from .models import Proposal
from .selectors.proposals import title_taken
from .selectors.results import innovation_record

WORD = re.compile(r"\S+")

# What a save may refuse (or autosave warn about): the rest only matters at submission.
WHILE_WRITING = frozenset({"title", "word_limits"})


@dataclass(frozen=True)
class Problem:
    item: str  # the ChecklistItem it fails
    field: str  # the form field to show it at ("" for the proposal as a whole)
    message: str
    rule: str = ""  # a short name of the rule, to pick some rules out (WHILE_WRITING)


def count_words(text: str) -> int:
    return len(WORD.findall(text or ""))


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def old_enough_on(proposal: Proposal) -> tuple[date, date]:
    """(the day the innovation reaches the group's minimum age, registration close in WIB)."""
    closes_on = timezone.localtime(proposal.competition.registration_closes_at).date()
    return add_months(proposal.innovation.started_on, proposal.group.min_age_months), closes_on


def proposal_problems(
    proposal: Proposal,
    *,
    title: str | None = None,
    sections: dict[str, str] | None = None,
    rules: frozenset[str] | None = None,
) -> list[Problem]:
    """Every reason the proposal cannot be submitted yet; empty when it is eligible.

    `title` and `sections` check values not stored yet (a save in progress) instead of the
    stored ones; `rules` limits the check to some rules (e.g. WHILE_WRITING).
    """
    title = " ".join((proposal.title if title is None else title).split())
    texts = proposal.sections if sections is None else {**proposal.sections, **sections}
    problems: list[Problem] = []

    def wanted(rule: str) -> bool:
        return rules is None or rule in rules

    def add(rule: str, item: str, field: str, message: str) -> None:
        problems.append(Problem(item, field, message, rule))

    if wanted("age"):
        reached_on, closes_on = old_enough_on(proposal)
        if reached_on > closes_on:
            add(
                "age",
                ChecklistItem.AGE,
                "",
                _(
                    "Inovasi harus sudah diterapkan minimal %(months)d bulan saat pendaftaran "
                    "ditutup; inovasi ini baru memenuhi syarat pada %(day)s."
                )
                % {
                    "months": proposal.group.min_age_months,
                    "day": formats.date_format(reached_on, "j F Y"),
                },
            )

    if wanted("group"):
        for message in _group_problems(proposal, innovation_record):
            add("group", ChecklistItem.GROUP_FIT, "", message)

    if wanted("title"):
        if not title:
            add("title", ChecklistItem.COMPLETE, "title", _("Judul belum diisi."))
        # The stored title is unique in its competition (a constraint), so only another
        # title needs looking up.
        elif title != proposal.title and title_taken(
            proposal.competition_id, title, exclude_pk=proposal.pk
        ):
            add(
                "title",
                ChecklistItem.COMPLETE,
                "title",
                _("Judul ini sudah didaftarkan di kompetisi ini."),
            )

    if wanted("complete"):
        if proposal.category_id is None:
            add("complete", ChecklistItem.CATEGORY_FIT, "category", _("Kategori belum dipilih."))
        if not proposal.sdgs.all():
            add(
                "complete", ChecklistItem.COMPLETE, "sdgs", _("Pilih minimal satu tujuan TPB/SDGs.")
            )
        if not any((member.get("name") or "").strip() for member in proposal.team):
            add(
                "complete",
                ChecklistItem.COMPLETE,
                "team_0_name",
                _("Isi minimal satu nama inovator."),
            )

    for section in proposal.group.sections.all():
        words = count_words(texts.get(section.key, ""))
        field = f"section_{section.key}"
        if words == 0 and wanted("complete"):
            add(
                "complete",
                ChecklistItem.COMPLETE,
                field,
                _("Bagian “%(s)s” belum diisi.") % {"s": _(section.title)},
            )
        elif words > section.word_limit and wanted("word_limits"):
            add(
                "word_limits",
                ChecklistItem.WORD_LIMITS,
                field,
                _("Bagian “%(s)s” berisi %(n)d kata; batasnya %(limit)d kata.")
                % {"s": _(section.title), "n": words, "limit": section.word_limit},
            )

    if wanted("evidence"):
        present = {item.kind for item in proposal.evidence.all()}
        for kind in proposal.group.required_evidence:
            if kind not in present:
                item = (
                    ChecklistItem.INNOVATOR_DECREE
                    if kind == EvidenceKind.INNOVATOR_DECREE
                    else ChecklistItem.EVIDENCE_VALID
                )
                add(
                    "evidence",
                    item,
                    "",
                    _("Bukti dukung “%(k)s” belum diunggah.") % {"k": EvidenceKind(kind).label},
                )
    if wanted("truth") and not proposal.truth_statement:
        add(
            "truth",
            ChecklistItem.TRUTH_STATEMENT,
            "truth_statement",
            _("Pernyataan kebenaran data belum dicentang."),
        )
    return problems


def _group_problems(proposal: Proposal, innovation_record) -> list[str]:
    """The group's own rules: Umum excludes earlier Top 45 / twice Top 99; Replikasi must
    link an earlier Top innovation and tick the replication statement."""
    competition, group, innovation = proposal.competition, proposal.group, proposal.innovation
    problems = []
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
    return problems


def submission_problems(proposal: Proposal) -> list[str]:
    """The messages of `proposal_problems` (what a refused submit says)."""
    return [problem.message for problem in proposal_problems(proposal)]
