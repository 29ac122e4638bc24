"""Writes of shortlists: build one with the optimal solver, override an entry, publish it.

Publishing grants the shortlist's level as published kipp Result rows, moves the final
outcome onto `Proposal.state` for a Top 45 or Outstanding Achievement list (winner or
outstanding for the selected, not_selected for the other candidates), enters the selected
into the next round and opens the uji publik window.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hubs.models import User
from kipp.enums import PASSED_STATES, GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.errors import Refused
from kipp.models import Proposal
from kipp.services import workflow
from kipp.services.results import results_publish

from ..models import RankedProposal, RankingRun, Round, RoundEntry, Shortlist, ShortlistEntry
from ..shortlist import Candidate, Rules, solve

# The final outcome each level grants on publication; the other candidates are not selected.
FINAL_STATE = {ResultLevel.TOP45: S.WINNER, ResultLevel.OUTSTANDING: S.OUTSTANDING}


def source_run(round_: Round) -> RankingRun | None:
    """The run a shortlist of `round_` ranks by: the latest run of the round itself, or of
    the latest earlier round that has one (a final round ranks by the presentation)."""
    return (
        RankingRun.objects.filter(
            round__competition_id=round_.competition_id, round__order__lte=round_.order
        )
        .select_related("round")
        .order_by("-round__order", "-created_at", "-pk")
        .first()
    )


def candidate_rows(*, round_: Round, run: RankingRun, level: str):
    """The run's ranked rows that may be shortlisted for `level` in `round_`: proposals still
    passed (not disqualified or decided), entered in the round when it has entries, of the
    Khusus group for Outstanding Achievement and of the others for Top 45."""
    rows = (
        RankedProposal.objects.filter(run=run, proposal__state__in=PASSED_STATES - {S.DISQUALIFIED})
        .select_related("proposal__category")
        .only(
            "rank",
            "normalized",
            "proposal__id",
            "proposal__title",
            "proposal__state",
            "proposal__cluster",
            "proposal__is_3t",
            "proposal__instansi_id",
            "proposal__group_id",
            "proposal__category__name",
        )
        .order_by("rank", "proposal_id")
    )
    if round_.entries.exists():
        rows = rows.filter(proposal__round_entries__round=round_)
    if level == ResultLevel.OUTSTANDING:
        rows = rows.filter(proposal__group__kind=GroupKind.KHUSUS)
    elif level == ResultLevel.TOP45:
        rows = rows.exclude(proposal__group__kind=GroupKind.KHUSUS)
    return rows


def candidate_of(row: RankedProposal) -> Candidate:
    proposal = row.proposal
    return Candidate(
        proposal=proposal.pk,
        score=row.normalized,
        cluster=proposal.cluster,
        category=proposal.category.name if proposal.category_id else "",
        instansi=proposal.instansi_id,
        is_3t=bool(proposal.is_3t),
    )


def _require_organiser(actor: User, round_: Round) -> None:
    if not workflow.is_organiser(actor, round_.competition):
        raise PermissionDenied


@transaction.atomic
def shortlist_build(
    *, round_: Round, run: RankingRun, actor: User, level: str, rules: dict, now=None
) -> Shortlist:
    """Propose the selection of `rules["size"]` candidates with the highest total normalised
    score meeting every rule (`shortlist.solve`), stored as an unpublished Shortlist with
    an entry per candidate: in or out and why. An infeasible set of rules is stored too,
    with the rules that make it so. Refused (RulesError) for malformed rules."""
    _require_organiser(actor, round_)
    if run.round.competition_id != round_.competition_id:
        raise Refused(_("Perhitungan peringkat ini bukan dari kompetisi yang sama."))
    parsed = Rules.from_json(rules)
    rows = list(candidate_rows(round_=round_, run=run, level=level))
    solution = solve([candidate_of(row) for row in rows], parsed)
    shortlist = Shortlist(
        round=round_,
        run=run,
        level=level,
        size=parsed.size,
        rules=rules,
        feasible=solution.feasible,
        total=round(solution.total, 4),
        binding=solution.binding,
        created_by=actor,
        created_at=now or timezone.now(),
    )
    shortlist._history_user = actor
    shortlist._change_reason = _("Disusun oleh pemecah optimal")
    shortlist.save()
    chosen = set(solution.selected)
    # The entries as the solver left them; the shortlist's own history row records who built
    # it and with which rules, and every later change of an entry adds a row of its own.
    ShortlistEntry.objects.bulk_create(
        [
            ShortlistEntry(
                shortlist=shortlist,
                proposal_id=row.proposal_id,
                rank=row.rank,
                score=row.normalized,
                selected=row.proposal_id in chosen,
                reason=solution.reasons[row.proposal_id],
            )
            for row in rows
        ],
        batch_size=1000,
    )
    return shortlist


def _locked(shortlist: Shortlist) -> Shortlist:
    return (
        Shortlist.objects.select_for_update(of=("self",))
        .select_related("round__competition")
        .get(pk=shortlist.pk)
    )


@transaction.atomic
def shortlist_entry_override(
    *, entry: ShortlistEntry, actor: User, selected: bool, reason: str
) -> ShortlistEntry:
    """Put one candidate in or out by hand, with the reason and its author (kept in the
    entry's history). Refused without a reason or once the shortlist is published."""
    shortlist = _locked(entry.shortlist)
    _require_organiser(actor, shortlist.round)
    if shortlist.published_at:
        raise Refused(_("Daftar pendek yang sudah diumumkan tidak dapat diubah."))
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Tuliskan alasan perubahan manual."))
    locked = ShortlistEntry.objects.select_for_update().get(pk=entry.pk)
    locked.selected = selected
    locked.overridden = True
    locked.override_reason = reason
    locked.overridden_by = actor
    locked._history_user = actor
    locked._change_reason = reason
    locked.save(update_fields=["selected", "overridden", "override_reason", "overridden_by"])
    return locked


@transaction.atomic
def shortlist_publish(
    *, shortlist: Shortlist, actor: User, decree_number: str, decree_file, now=None
) -> Shortlist:
    """Publish the shortlist under its decree (number and PDF, checked by the form).

    Writes published Result rows of the shortlist's level for the selected proposals; for
    Top 45 and Outstanding Achievement moves the selected to winner / outstanding and the
    other candidates still passed to not_selected (each a transition with its event and
    notifications); enters the selected into the next round; opens the uji publik until
    now + the round's objection days. Refused when already published, when nothing is
    selected or without a decree number.
    """
    now = now or timezone.now()
    locked = _locked(shortlist)
    round_ = locked.round
    _require_organiser(actor, round_)
    if locked.published_at:
        raise Refused(_("Daftar pendek ini sudah diumumkan."))
    decree_number = (decree_number or "").strip()
    if not decree_number:
        raise Refused(_("Isi nomor surat keputusan."))
    entries = list(locked.entries.select_related("proposal"))
    selected = [entry.proposal for entry in entries if entry.selected]
    if not selected:
        raise Refused(_("Belum ada usulan yang terpilih di daftar pendek ini."))
    if locked.level:
        results_publish(proposals=selected, level=locked.level, actor=actor, now=now)
    if locked.level in FINAL_STATE:
        _final_outcomes(entries, FINAL_STATE[locked.level], actor=actor, now=now)
        if round_.published_at is None:
            Round.objects.filter(pk=round_.pk).update(published_at=now)
    following = (
        Round.objects.filter(competition_id=round_.competition_id, order__gt=round_.order)
        .order_by("order")
        .first()
    )
    if following is not None:
        RoundEntry.objects.bulk_create(
            [RoundEntry(round=following, proposal=p, created_at=now) for p in selected],
            ignore_conflicts=True,
        )
    locked.published_at = now
    locked.decree_number = decree_number
    if decree_file:
        locked.decree_file.save("keputusan.pdf", decree_file, save=False)
    if round_.objection_days:
        locked.objection_closes_at = now + timedelta(days=round_.objection_days)
    locked._history_user = actor
    locked._change_reason = _("Diumumkan")
    locked.save()
    return locked


def _final_outcomes(entries, state: str, *, actor: User, now) -> None:
    for entry in entries:
        target = state if entry.selected else S.NOT_SELECTED
        if entry.proposal.state == S.ADMIN_PASSED:
            workflow.proposal_transition(
                proposal=entry.proposal, actor=actor, to_state=target, now=now
            )


def proposals_of(shortlist: Shortlist):
    """The selected proposals of a shortlist, in rank order."""
    return Proposal.objects.filter(
        shortlist_entries__shortlist=shortlist, shortlist_entries__selected=True
    ).order_by("shortlist_entries__rank")
