"""Reads of local verification: the Admin Lokal's inbox, its counts and quota usage, and
the checklist and notes stored on a proposal."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import formats
from django.utils.translation import gettext

from hubs.models import Unit
from hubs.roles import roles_of

from ..eligibility import old_enough_on, proposal_problems
from ..enums import QUOTA_STATES, ChecklistItem, GroupKind, VerificationStage
from ..models import Competition, Proposal, Verification
from ..models.proposal import waiting_first
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
        .annotate(waiting=waiting_first())
        .order_by("waiting", "-updated_at", "-pk")
    )


def inbox_page(queryset: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """`queryset` shaped for one page of the inbox: only what a row shows (no proposal
    text), with the unit, group and category it names."""
    return (
        queryset.select_related(None)
        .select_related("unit", "group", "category")
        .defer("sections", "team")
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
    """Competitions in which the user's instansi has at least one proposal, newest first
    (one index probe per competition, not a scan of the instansi's proposals)."""
    instansi_ids = roles_of(user).admin_instansi_ids
    entered = Proposal.objects.filter(competition=OuterRef("pk"), instansi_id__in=instansi_ids)
    return Competition.objects.filter(Exists(entered)).order_by(
        "-year", "-registration_opens_at", "-pk"
    )


def verification_units(user) -> QuerySet[Unit]:
    return Unit.objects.filter(instansi_id__in=roles_of(user).admin_instansi_ids).order_by("name")


def state_counts(queryset: QuerySet[Proposal]) -> dict[str, int]:
    """Number of proposals per state, in one grouped query."""
    # COUNT(*), not COUNT(id): the (competition, instansi, state) index then answers alone.
    rows = queryset.order_by().values("state").annotate(n=Count("*")).values_list("state", "n")
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
    (forwarded or later), next to the quota. One query, counting the instansi's proposals
    only, from the (competition, instansi, state, group) index alone: a count of ids, or
    a lookup by the group's own index, reads rows of the whole competition (5 ms at 50,000
    proposals, and growing with them)."""
    counted = (
        Proposal.objects.filter(
            competition=competition,
            instansi_id=instansi_id,
            state__in=QUOTA_STATES,
            group=OuterRef("pk"),
        )
        .order_by()
        .values("group")
        .annotate(n=Count("*"))
        .values("n")
    )
    # Unordered: the groups are sorted below, and their default order joins the competition.
    groups = competition.groups.order_by().annotate(used=Coalesce(Subquery(counted), 0))
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
    proposal would not pass the submission rules today: both from the one set of rules
    (`eligibility.proposal_problems`), so the hints never disagree with a refused submit.

    Expects `group__sections`, `sdgs` and `evidence` prefetched on the proposal.
    """
    problems = proposal_problems(proposal)
    hints: dict[str, list[Hint]] = {item: [] for item in ChecklistItem.values}
    for problem in problems:
        hints[problem.item].append(Hint(False, problem.message))

    _, closes_on = old_enough_on(proposal)
    values = {
        "start": formats.date_format(proposal.innovation.started_on, "j F Y"),
        "months": proposal.group.min_age_months,
        "closes": formats.date_format(closes_on, "j F Y"),
    }
    if proposal.category_id:
        hints[ChecklistItem.CATEGORY_FIT].insert(
            0, Hint(None, gettext("Kategori: %(c)s") % {"c": gettext(proposal.category.name)})
        )
    if not hints[ChecklistItem.AGE]:
        hints[ChecklistItem.AGE].append(
            Hint(
                True,
                gettext(
                    "Mulai diterapkan %(start)s; syarat %(months)d bulan pada %(closes)s terpenuhi."
                )
                % values,
            )
        )
    passed = {
        ChecklistItem.COMPLETE: gettext("Semua isian wajib terisi."),
        ChecklistItem.WORD_LIMITS: gettext("Semua bagian dalam batas kata."),
        ChecklistItem.EVIDENCE_VALID: gettext(
            "Semua bukti dukung wajib ada (%(n)d berkas); periksa keabsahannya."
        )
        % {"n": len(proposal.evidence.all())},
        ChecklistItem.INNOVATOR_DECREE: gettext("SK inovator diunggah."),
        ChecklistItem.TRUTH_STATEMENT: gettext("Pernyataan kebenaran data telah dicentang."),
        ChecklistItem.GROUP_FIT: gettext("Syarat kelompok %(g)s terpenuhi.")
        % {"g": proposal.group.get_kind_display()},
    }
    for item, text in passed.items():
        if not hints[item]:
            hints[item].append(Hint(True, text))
    return hints, [problem.message for problem in problems]
