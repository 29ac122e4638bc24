"""Demo: KIPP 2023 through all its rounds, at a realistic scale (issue 8, demo data).

About three hundred proposals past the administrative selection, scored by evaluator1..3 on
the five criteria; results with their reliability figures; a Top 99 chosen under
composition rules, published under a decree, with its uji publik (one objection upheld,
disqualifying the proposal, one dismissed); the presentations of the finalists scheduled and
scored by panelis1..3; field verification; and the final: exactly 45 Top 45 and three
Outstanding Achievement awards from the Khusus group, the other finalists not selected.

Sheets and scores are bulk-inserted (the scoring workflow is shown by KIPP 2024's open
round); results, shortlists, publications, the objection and every final outcome go through
the services, so Result rows and proposal states agree. The kipp demo's three KIPP 2023
proposals keep the outcomes they already have (Sapa Warga Babar Top 45, Si Jempol Top 99).
Keyed on KIPP 2023 having rounds: running it again changes nothing.
"""

import random
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hubs.models import User
from kipp.enums import GroupKind, ResultLevel
from kipp.enums import ProposalState as S
from kipp.models import Competition, Proposal

from . import stats
from .demo_history_data import Made, organisations, proposals
from .enums import JudgeTeam, RoundKind, SheetState
from .models import Assignment, FieldVerification, Round, Score, ScoreSheet, SheetEvent
from .outcomes import finalists, objections, shortlists
from .schedule import Break, DayWindow
from .services.results import results_compute
from .services.rounds import round_entries_add, round_judges_set, round_save

SLUG = "kipp-2023"
WIB = 7  # hours ahead of UTC
TOP99_AT = datetime(2023, 7, 3, 3, tzinfo=UTC)  # as the kipp demo's results
TOP45_AT = datetime(2023, 10, 2, 3, tzinfo=UTC)
# The kipp demo's proposals: their quality at the desk and before the panel.
KNOWN = {
    "Sapa Warga Babar": (9.6, 9.6),
    "Si Jempol: Dukcapil Jemput Bola": (8.4, 5.0),
    "Posyandu Digital Pangkalpinang": (4.5, 4.5),
}
RULES_99 = {
    "size": 99,
    "cluster": {
        "kementerian": {"min": 3},
        "lembaga": {"min": 2},
        "provinsi": {"min": 4},
        "kota": {"min": 12},
        "bumn_bumd": {"min": 2, "max": 6},
    },
    "instansi_max": 2,
    "min_3t": 12,
}
RULES_45 = {"size": 45, "cluster": {"kota": {"min": 6}}, "instansi_max": 1, "min_3t": 5}
LEAN = {"evaluator1": 0.0, "evaluator2": -0.6, "evaluator3": 0.5}
PANEL_LEAN = {"panelis1": 0.2, "panelis2": -0.3, "panelis3": 0.0}


def _at(day: datetime, hour: int) -> datetime:
    return day.replace(hour=hour - WIB)


def _round(competition, sekretariat, order, kind, name, team, opens, closes, **extra):
    values = {
        "order": order,
        "kind": kind,
        "name": name,
        "team": team,
        "opens_at": opens,
        "closes_at": closes,
        "hide_identity": kind == RoundKind.SCORING,
        **extra,
    }
    return round_save(competition=competition, actor=sekretariat, values=values)


def _sheets(round_: Round, judges: list[User], quality: dict[int, float], lean, when) -> None:
    """A submitted sheet per judge and proposal of the round, scored around its quality."""
    rng = random.Random(f"{round_.competition.slug}-{round_.order}")  # noqa: S311 (demo data)
    criteria = list(round_.criteria.order_by("order", "pk"))
    weights = {c.pk: c.weight for c in criteria}
    entries = sorted(quality)
    assignments = Assignment.objects.bulk_create(
        Assignment(round=round_, proposal_id=pk, judge=judge, created_at=when)
        for pk in entries
        for judge in judges
    )
    sheets, scores = [], []
    for assignment in assignments:
        base = quality[assignment.proposal_id] + lean[assignment.judge.username]
        values = {
            c.pk: max(round_.scale_min, min(round_.scale_max, round(base + rng.gauss(0, 0.8))))
            for c in criteria
        }
        total = stats.sheet_total(
            values, weights, scale_min=round_.scale_min, scale_max=round_.scale_max
        )
        sheet = ScoreSheet(
            assignment=assignment,
            state=SheetState.SUBMITTED,
            total=Decimal(f"{total:.2f}"),
            submitted_at=when,
            comment="Dinilai sesuai rubrik.",
        )
        sheets.append(sheet)
        scores.append(values)
    ScoreSheet.objects.bulk_create(sheets, batch_size=500)
    Score.objects.bulk_create(
        (
            Score(sheet=sheet, criterion_id=pk, value=Decimal(value))
            for sheet, values in zip(sheets, scores, strict=True)
            for pk, value in values.items()
        ),
        batch_size=2000,
    )
    SheetEvent.objects.bulk_create(
        (
            SheetEvent(
                sheet=sheet,
                actor=sheet.assignment.judge,
                from_state=SheetState.DRAFT,
                to_state=SheetState.SUBMITTED,
                created_at=when,
            )
            for sheet in sheets
        ),
        batch_size=1000,
    )


def _publish(shortlist, sekretariat, number, when):
    return shortlists.shortlist_publish(
        shortlist=shortlist, actor=sekretariat, decree_number=number, decree_file=None, now=when
    )


def _objections(top99, sekretariat) -> None:
    """One objection upheld (the proposal is disqualified), one dismissed."""
    listed = list(
        top99.entries.filter(selected=True, proposal__state=S.ADMIN_PASSED)
        .select_related("proposal")
        .order_by("rank")
    )
    upheld, dismissed = listed[36].proposal, listed[10].proposal
    filed = TOP99_AT + timedelta(days=1)
    for proposal, name, text in (
        (
            upheld,
            "Yohanes Pattiasina",
            "Layanan ini sudah dihentikan sejak awal 2022; loket dan aplikasinya tidak aktif.",
        ),
        (
            dismissed,
            "Nur Aisyah",
            "Menurut saya inovasi ini meniru layanan kabupaten tetangga.",
        ),
    ):
        objection = objections.objection_file(
            shortlist=top99,
            proposal=proposal,
            name=name,
            email=f"{name.split()[0].lower()}@contoh.id",
            text=text,
            now=filed,
        )
        uphold = proposal == upheld
        objections.objection_moderate(
            objection=objection,
            actor=sekretariat,
            uphold=uphold,
            note=(
                "Diverifikasi dengan instansi: layanan berhenti sejak Januari 2022."
                if uphold
                else "Faktor pembeda dijelaskan dalam proposal; keberatan tidak terbukti."
            ),
            now=filed + timedelta(days=2),
        )


@transaction.atomic
def seed() -> dict[str, int]:
    """Load KIPP 2023's rounds, results, shortlists, objections and final outcomes."""
    competition = Competition.objects.get(slug=SLUG)
    if not competition.rounds.exists():
        _history(competition)
    _schedule_open_presentations()
    finalists_ = Proposal.objects.filter(competition=competition, state__in=[S.WINNER])
    return {
        "proposals": Proposal.objects.filter(competition=competition).count(),
        "rounds": competition.rounds.count(),
        "top45": finalists_.count(),
    }


def _schedule_open_presentations() -> None:
    """Give a presentation round still to come that has finalists but no timetable its
    slots, from its opening time to 16:00 WIB of each of its days (KIPP 2024's panel)."""
    sekretariat = User.objects.get(username="sekretariat")
    waiting = Round.objects.filter(
        kind=RoundKind.PRESENTATION, slots__isnull=True, entries__isnull=False
    ).exclude(competition__slug=SLUG)
    for round_ in waiting.select_related("competition").distinct():
        opens = timezone.localtime(round_.opens_at)
        days = (timezone.localtime(round_.closes_at).date() - opens.date()).days + 1
        windows = [
            DayWindow(
                opens + timedelta(days=n),
                (opens + timedelta(days=n)).replace(hour=16, minute=0),
            )
            for n in range(days)
            if (opens + timedelta(days=n)).hour < 16
        ]
        finalists.schedule_build(
            round_=round_,
            actor=sekretariat,
            days=windows,
            breaks=[Break(time(12, 0), time(13, 0))],
            place="Ruang rapat Kedeputian Pelayanan Publik (luring) dan Zoom",
        )


def _history(competition: Competition) -> None:
    users = {
        u.username: u for u in User.objects.filter(username__in=[*LEAN, *PANEL_LEAN, "sekretariat"])
    }
    sekretariat = users["sekretariat"]
    units = organisations(sekretariat)
    made = proposals(competition, units, sekretariat, count=300)
    khusus = proposals(competition, units[::-1], sekretariat, count=8, kind=GroupKind.KHUSUS)
    known = Proposal.objects.filter(competition=competition, title__in=KNOWN)
    made += [Made(p, KNOWN[p.title][0]) for p in known]
    desk_quality = {m.proposal.pk: m.quality for m in made}
    panel_quality = {
        pk: q + random.Random(pk).uniform(-0.8, 0.8)  # noqa: S311 (demo data)
        for pk, q in desk_quality.items()
    }
    panel_quality.update({p.pk: KNOWN[p.title][1] for p in known})
    panel_quality.update({m.proposal.pk: m.quality for m in khusus})

    day = datetime(2023, 5, 8, tzinfo=UTC)
    scoring = _round(
        competition,
        sekretariat,
        1,
        RoundKind.SCORING,
        "Penilaian desk",
        JudgeTeam.EVALUATOR,
        _at(day, 8),
        _at(day + timedelta(days=39), 16),
    )
    presentation = _round(
        competition,
        sekretariat,
        2,
        RoundKind.PRESENTATION,
        "Presentasi dan wawancara",
        JudgeTeam.PANELIST,
        _at(datetime(2023, 8, 7, tzinfo=UTC), 8),
        _at(datetime(2023, 8, 12, tzinfo=UTC), 16),
    )
    field = _round(
        competition,
        sekretariat,
        3,
        RoundKind.FIELD_VERIFICATION,
        "Verifikasi lapangan",
        JudgeTeam.PANELIST,
        _at(datetime(2023, 8, 21, tzinfo=UTC), 8),
        _at(datetime(2023, 9, 15, tzinfo=UTC), 16),
    )
    final = _round(
        competition,
        sekretariat,
        4,
        RoundKind.FINAL,
        "Penetapan Top 45",
        JudgeTeam.PANELIST,
        _at(datetime(2023, 9, 25, tzinfo=UTC), 8),
        _at(datetime(2023, 10, 2, tzinfo=UTC), 10),
    )

    evaluators = [users[name] for name in LEAN]
    panelists = [users[name] for name in PANEL_LEAN]
    round_entries_add(round_=scoring, actor=sekretariat, proposals=list(desk_quality))
    round_judges_set(round_=scoring, actor=sekretariat, users=evaluators)
    _sheets(scoring, evaluators, desk_quality, LEAN, _at(datetime(2023, 6, 14, tzinfo=UTC), 15))
    desk = results_compute(round_=scoring, actor=sekretariat)

    top99 = shortlists.shortlist_build(
        round_=scoring,
        run=desk,
        actor=sekretariat,
        level=ResultLevel.TOP99,
        rules=RULES_99,
        now=TOP99_AT - timedelta(days=5),
    )
    top99 = _publish(top99, sekretariat, "B/1120/M.KT.01/2023", TOP99_AT)
    _objections(top99, sekretariat)

    # The presentation: the Top 99 (entered on publication, less the disqualified) and the
    # Khusus group's invited winners, each with a 20-minute slot.
    round_entries_add(
        round_=presentation, actor=sekretariat, proposals=[m.proposal for m in khusus]
    )
    round_judges_set(round_=presentation, actor=sekretariat, users=panelists)
    finalists.schedule_build(
        round_=presentation,
        actor=sekretariat,
        days=[
            DayWindow(
                _at(datetime(2023, 8, d, tzinfo=UTC), 8), _at(datetime(2023, 8, d, tzinfo=UTC), 16)
            )
            for d in range(7, 13)
        ],
        breaks=[Break(time(12, 0), time(13, 0))],
        place="Ruang Sasana Bhakti Praja, KemenPANRB",
    )
    present = list(presentation.slots.values_list("proposal_id", flat=True))
    _sheets(
        presentation,
        panelists,
        {pk: panel_quality[pk] for pk in present},
        PANEL_LEAN,
        _at(datetime(2023, 8, 12, tzinfo=UTC), 15),
    )
    heard = results_compute(round_=presentation, actor=sekretariat)

    round_entries_add(round_=field, actor=sekretariat, proposals=present)
    round_judges_set(round_=field, actor=sekretariat, users=panelists)
    FieldVerification.objects.bulk_create(
        FieldVerification(
            round=field,
            proposal_id=pk,
            visited_on=(datetime(2023, 8, 21) + timedelta(days=n % 20)).date(),
            checklist={
                "running": True,
                "evidence": True,
                "users": panel_quality[pk] > 5,
                "data": panel_quality[pk] > 6,
                "sustain": True,
            },
            findings="Layanan berjalan seperti diuraikan; warga yang ditemui membenarkan manfaatnya."
            if panel_quality[pk] > 5
            else "Layanan berjalan terbatas; data kinerja belum lengkap.",
            recommended=panel_quality[pk] > 5,
            recorded_by=panelists[n % 3],
        )
        for n, pk in enumerate(present)
    )

    round_entries_add(round_=final, actor=sekretariat, proposals=present)
    for level, rules, number in (
        (ResultLevel.TOP45, RULES_45, "B/1875/M.KT.01/2023"),
        (ResultLevel.OUTSTANDING, {"size": 3}, "B/1876/M.KT.01/2023"),
    ):
        shortlist = shortlists.shortlist_build(
            round_=final,
            run=heard,
            actor=sekretariat,
            level=level,
            rules=rules,
            now=TOP45_AT - timedelta(days=3),
        )
        _publish(shortlist, sekretariat, number, TOP45_AT)
