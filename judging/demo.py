"""Demo of the judging rounds (issue 8): KIPP 2024, past its administrative selection, in
its open desk-scoring round, and its presentation round scheduled for the panel.

evaluator1..3 hold assigned sheets, some submitted and some still drafts; one proposal is
flagged for disagreement in the computed results; evaluator3 has declared a conflict on
one proposal (and the assignment was completed by another judge); panelis1..3 judge the
presentation round of the three best-ranked proposals. Everything is written through
the services people use. Keyed on the competition's first round: running it again
changes nothing.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from hubs.models import User
from kipp import demo as kipp_demo
from kipp.enums import GroupKind
from kipp.enums import ProposalState as S
from kipp.models import Proposal
from kipp.services import selection

from .enums import JudgeTeam, RoundKind, SheetState
from .models import Round
from .services.assignment import assignment_run
from .services.conflicts import conflict_declare
from .services.results import results_compute
from .services.rounds import round_enter_admin_passed, round_judges_set, round_save
from .services.sheets import sheet_save, sheet_transition

SLUG = "kipp-2024"
# (unit, title, started_on, base quality 1-10); the first is the disputed one.
PROPOSALS = [
    (kipp_demo.KOMINFO, "Lapor Bupati Babar 24 Jam", (2019, 8, 5), 7),
    (kipp_demo.PERKIMHUB, "Ojek Desa Terpadu", (2020, 2, 3), 6),
    (kipp_demo.DPPKB, "Posyandu Remaja Babar", (2019, 11, 4), 8),
    (kipp_demo.PDAM, "Meteran Air Pintar", (2020, 6, 1), 5),
    (kipp_demo.DUKCAPIL_BT, "Dukcapil Goes to School", (2019, 9, 2), 9),
    (kipp_demo.DUKCAPIL_BT, "KTP Elektronik Keliling Pulau", (2020, 3, 2), 6),
    (kipp_demo.DINKES_PGK, "Ambulans Hebat Pangkalpinang", (2019, 5, 6), 8),
    (kipp_demo.DPMPTSP_ME, "Perizinan Tanpa Tatap Muka", (2020, 1, 6), 4),
]
# A judge's habitual lean on the scale (a strict and a lenient one).
LEAN = {"evaluator1": 0, "evaluator2": -1, "evaluator3": 1}
# Criterion by criterion, around the proposal's quality.
SHAPE = [0, 1, 0, -1, 0]
# The disputed proposal: what each judge gives it on every criterion.
DISPUTED = {"evaluator1": 9, "evaluator2": 5, "evaluator3": 9}
# Each judge leaves its last sheets (by proposal) as drafts.
DRAFTS_PER_JUDGE = 2


def _date(parts):
    from datetime import date

    return date(*parts)


def _competition(sekretariat, today_noon):
    return kipp_demo._competition(
        sekretariat,
        "KIPP 2024",
        SLUG,
        2024,
        today_noon - timedelta(days=150),
        today_noon - timedelta(days=90),
        today_noon - timedelta(days=75),
    )


def _proposals(competition, users, today_noon):
    when = today_noon - timedelta(days=120)
    steps = [(S.SUBMITTED, None, ""), (S.FORWARDED, None, ""), (S.ADMIN_PASSED, None, "")]
    for unit_key, title, started_on, _quality in PROPOSALS:
        kipp_demo._proposal(
            competition,
            kipp_demo._unit(unit_key),
            title,
            GroupKind.UMUM,
            _date(started_on),
            steps,
            None,
            when,
            users,
        )


def _value(username: str, title: str, offset: int) -> int:
    if title == PROPOSALS[0][1]:
        return DISPUTED[username]
    quality = next(q for _u, t, _s, q in PROPOSALS if t == title)
    return max(1, min(10, quality + LEAN[username] + offset))


def _score(round_: Round, judges: list[User]) -> None:
    criteria = list(round_.criteria.order_by("order", "pk"))
    for judge in judges:
        assignments = list(
            round_.assignments.filter(judge=judge)
            .select_related("sheet", "proposal")
            .order_by("proposal_id")
        )
        submit_count = max(0, len(assignments) - DRAFTS_PER_JUDGE)
        for index, assignment in enumerate(assignments):
            sheet = assignment.sheet
            final = index < submit_count
            # Drafts have the first criteria filled only.
            filled = criteria if final else criteria[:2]
            scores = {
                c.pk: (str(_value(judge.username, assignment.proposal.title, SHAPE[i])), "")
                for i, c in enumerate(filled)
            }
            sheet_save(
                sheet=sheet,
                actor=judge,
                version=sheet.version,
                scores=scores,
                comment="Uraian jelas; data capaian perlu dilengkapi." if final else "",
            )
            if final:
                sheet_transition(sheet=sheet, actor=judge, to_state=SheetState.SUBMITTED)


@transaction.atomic
def seed() -> dict[str, int]:
    """Load KIPP 2024 with its open scoring round (scores, one disagreement, one declared
    conflict, computed results) and its scheduled presentation round."""
    users = {u.username: u for u in User.objects.all()}
    users[None] = None
    sekretariat = users["sekretariat"]
    today_noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    competition = _competition(sekretariat, today_noon)
    _proposals(competition, users, today_noon)
    if competition.admin_results_published_at is None:
        # The rounds start after the administrative results were announced.
        selection.admin_results_publish(
            actor=sekretariat, competition=competition, now=today_noon - timedelta(days=60)
        )
    if not competition.rounds.exists():
        _rounds(competition, sekretariat, users, today_noon)
    return {
        "rounds": competition.rounds.count(),
        "sheets": sum(r.assignments.count() for r in competition.rounds.all()),
        "proposals": Proposal.objects.filter(competition=competition).count(),
    }


def _rounds(competition, sekretariat, users, today_noon) -> None:
    evaluators = [users[f"evaluator{n}"] for n in (1, 2, 3)]
    scoring = round_save(
        competition=competition,
        actor=sekretariat,
        values={
            "order": 1,
            "kind": RoundKind.SCORING,
            "name": "Penilaian desk",
            "team": JudgeTeam.EVALUATOR,
            "opens_at": today_noon - timedelta(days=7),
            "closes_at": today_noon + timedelta(days=7),
            "judges_per_proposal": 2,
        },
    )
    round_enter_admin_passed(round_=scoring, actor=sekretariat)
    round_judges_set(round_=scoring, actor=sekretariat, users=evaluators)
    assignment_run(round_=scoring, actor=sekretariat)
    # evaluator3 declares a conflict on its last proposal; the assignment is completed.
    last = scoring.assignments.filter(judge=evaluators[2]).order_by("-proposal_id").first()
    conflict_declare(
        assignment=last,
        actor=evaluators[2],
        reason="Pernah menjadi narasumber pendamping inovasi ini di instansi pengusul.",
    )
    assignment_run(round_=scoring, actor=sekretariat)
    _score(scoring, evaluators)
    run = results_compute(round_=scoring, actor=sekretariat)

    presentation = round_save(
        competition=competition,
        actor=sekretariat,
        values={
            "order": 2,
            "kind": RoundKind.PRESENTATION,
            "name": "Presentasi dan wawancara",
            "team": JudgeTeam.PANELIST,
            "opens_at": today_noon + timedelta(days=14) - timedelta(hours=3),
            "closes_at": today_noon + timedelta(days=16) + timedelta(hours=5),
            "judges_per_proposal": 3,
            "hide_identity": False,
        },
    )
    from .services.rounds import round_entries_add

    top = run.rows.order_by("rank").values_list("proposal_id", flat=True)[:3]
    round_entries_add(round_=presentation, actor=sekretariat, proposals=list(top))
    round_judges_set(
        round_=presentation,
        actor=sekretariat,
        users=[users[f"panelis{n}"] for n in (1, 2, 3)],
    )
    assignment_run(round_=presentation, actor=sekretariat)
