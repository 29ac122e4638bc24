"""Reads of local verification: the Admin Lokal's inbox, its counts and quota usage, and
the checklist and notes stored on a proposal."""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext

from hubs.models import Unit
from hubs.roles import roles_of

from ..eligibility import add_months, count_words, section_problems, submission_problems
from ..enums import (
    QUOTA_STATES,
    ChecklistItem,
    EvidenceKind,
    GroupKind,
    ProposalState,
    VerificationStage,
)
from ..models import Competition, Proposal, Verification
from .proposals import proposals_visible_to


def proposals_to_verify(user) -> QuerySet[Proposal]:
    """Proposals of the instansi the user is Admin Lokal of (every state, drafts included).

    Built on `proposals_visible_to`, so the inbox never shows more than the proposal page
    would open; proposals waiting for verification come first, then the latest changed.
    """
    instansi_ids = roles_of(user).admin_instansi_ids
    return (
        proposals_visible_to(user)
        .filter(instansi_id__in=instansi_ids)
        .annotate(
            waiting=Case(
                When(state=ProposalState.SUBMITTED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting", "-updated_at", "-pk")
    )


def _local_verifications() -> QuerySet[Verification]:
    return (
        Verification.objects.filter(stage=VerificationStage.LOCAL)
        .select_related("verified_by")
        .prefetch_related("items", "notes")
    )


def with_local_verification(queryset: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """`queryset` with each proposal's local verification, its verifier, items and notes
    prefetched (three queries whatever their number; one when nothing was saved yet)."""
    return queryset.prefetch_related(
        Prefetch("verifications", queryset=_local_verifications(), to_attr="local_verifications")
    )


def local_verification(proposal: Proposal) -> Verification | None:
    """The proposal's saved local verification, if any: prefetched by
    `with_local_verification`, else read now."""
    rows = getattr(proposal, "local_verifications", None)
    if rows is None:
        return _local_verifications().filter(proposal=proposal).first()
    return rows[0] if rows else None


def verification_competitions(user) -> QuerySet[Competition]:
    """Competitions in which the user's instansi has at least one proposal, newest first."""
    instansi_ids = roles_of(user).admin_instansi_ids
    entered = Proposal.objects.filter(instansi_id__in=instansi_ids).values("competition_id")
    return Competition.objects.filter(pk__in=entered).order_by(
        "-year", "-registration_opens_at", "-pk"
    )


def verification_units(user) -> QuerySet[Unit]:
    return Unit.objects.filter(instansi_id__in=roles_of(user).admin_instansi_ids).order_by("name")


def state_counts(queryset: QuerySet[Proposal]) -> dict[str, int]:
    """Number of proposals per state, in one grouped query."""
    rows = queryset.order_by().values("state").annotate(n=Count("pk")).values_list("state", "n")
    return dict(rows)


@dataclass(frozen=True)
class QuotaUse:
    group_id: int
    label: str
    used: int
    quota: int

    @property
    def full(self) -> bool:
        return self.used >= self.quota


def quota_usage(competition: Competition, instansi_id: int) -> list[QuotaUse]:
    """Per group of the competition: how many of the instansi's proposals count against its quota
    (forwarded or later), next to the quota. One query."""
    groups = competition.groups.annotate(
        used=Count(
            "proposals",
            filter=Q(proposals__instansi_id=instansi_id, proposals__state__in=QUOTA_STATES),
        )
    )
    order = {kind: index for index, kind in enumerate(GroupKind.values)}
    return [
        QuotaUse(group.pk, group.get_kind_display(), group.used, group.quota_per_instansi)
        for group in sorted(groups, key=lambda group: order.get(group.kind, len(order)))
    ]


@dataclass(frozen=True)
class Hint:
    """An automatic observation next to a checklist item; `ok` None means information only."""

    ok: bool | None
    text: str


def checklist_hints(proposal: Proposal) -> tuple[dict[str, list[Hint]], list[str]]:
    """What the portal can check by itself, per checklist item, and every reason the
    proposal would not pass the submission rules today (`eligibility.submission_problems`).

    Expects `group__sections`, `sdgs` and `evidence` prefetched on the proposal.
    """
    problems = submission_problems(proposal)
    hints: dict[str, list[Hint]] = {item: [] for item in ChecklistItem.values}
    sections = list(proposal.group.sections.all())

    missing = [
        gettext(s.title) for s in sections if not count_words(proposal.sections.get(s.key, ""))
    ]
    if proposal.category_id is None:
        missing.append(gettext("kategori"))
    if not proposal.sdgs.all():
        missing.append(gettext("tujuan TPB/SDGs"))
    if not any((member.get("name") or "").strip() for member in proposal.team):
        missing.append(gettext("nama inovator"))
    if missing:
        hints[ChecklistItem.COMPLETE].append(
            Hint(False, gettext("Belum diisi: %(items)s.") % {"items": ", ".join(missing)})
        )
    else:
        hints[ChecklistItem.COMPLETE].append(Hint(True, gettext("Semua isian wajib terisi.")))

    word_problems = section_problems(proposal)
    hints[ChecklistItem.WORD_LIMITS] = [Hint(False, text) for text in word_problems] or [
        Hint(True, gettext("Semua bagian terisi dan dalam batas kata."))
    ]

    present = {item.kind for item in proposal.evidence.all()}
    absent = [k for k in proposal.group.required_evidence if k not in present]
    for kind in absent:
        hints[ChecklistItem.EVIDENCE_VALID].append(
            Hint(
                False,
                gettext("Bukti dukung “%(k)s” belum diunggah.") % {"k": EvidenceKind(kind).label},
            )
        )
    if not absent:
        hints[ChecklistItem.EVIDENCE_VALID].append(
            Hint(
                True,
                gettext("Semua bukti dukung wajib ada (%(n)d berkas); periksa keabsahannya.")
                % {"n": len(proposal.evidence.all())},
            )
        )

    group, innovation = proposal.group, proposal.innovation
    closes_on = timezone.localtime(proposal.competition.registration_closes_at).date()
    old_enough_on = add_months(innovation.started_on, group.min_age_months)
    values = {
        "start": formats.date_format(innovation.started_on, "j F Y"),
        "months": group.min_age_months,
        "closes": formats.date_format(closes_on, "j F Y"),
        "day": formats.date_format(old_enough_on, "j F Y"),
    }
    if old_enough_on <= closes_on:
        text = gettext(
            "Mulai diterapkan %(start)s; syarat %(months)d bulan pada %(closes)s terpenuhi."
        )
    else:
        text = gettext(
            "Mulai diterapkan %(start)s; syarat %(months)d bulan pada %(closes)s belum "
            "terpenuhi (baru pada %(day)s)."
        )
    hints[ChecklistItem.AGE].append(Hint(old_enough_on <= closes_on, text % values))

    if proposal.category_id:
        hints[ChecklistItem.CATEGORY_FIT].append(
            Hint(None, gettext("Kategori: %(c)s") % {"c": gettext(proposal.category.name)})
        )
    else:
        hints[ChecklistItem.CATEGORY_FIT].append(Hint(False, gettext("Kategori belum dipilih.")))

    if EvidenceKind.INNOVATOR_DECREE in present:
        hints[ChecklistItem.INNOVATOR_DECREE].append(Hint(True, gettext("SK inovator diunggah.")))
    else:
        hints[ChecklistItem.INNOVATOR_DECREE].append(
            Hint(False, gettext("SK inovator belum diunggah."))
        )

    hints[ChecklistItem.TRUTH_STATEMENT].append(
        Hint(True, gettext("Pernyataan kebenaran data telah dicentang."))
        if proposal.truth_statement
        else Hint(False, gettext("Pernyataan kebenaran data belum dicentang."))
    )
    return hints, problems
