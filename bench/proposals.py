"""Data generator for the benchmarks: one national competition with KIPP-sized proposal tables.

Rows are written directly in bulk (never through the workflow): this is test data, and
50,000 proposals with their timelines must load in well under three minutes. The shape
follows what the pages read: proposals spread over every instansi and unit with a skew
(one instansi has the most), state shares of a busy year, and a timeline of events per
proposal whose times only move forward.
"""

import random
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import DateField
from django.utils import timezone

from hubs.enums import CLUSTER_OF_KIND, Role
from hubs.models import Instansi, Membership, Unit
from kipp import defaults
from kipp.enums import GroupKind, InnovatorKind, ProposalState
from kipp.models import (
    Category,
    Competition,
    CompetitionGroup,
    FormSection,
    Innovation,
    Proposal,
    ProposalEvent,
)

S = ProposalState
BATCH = 5000
SEED = 2025

# Shares of a busy national competition: 55 % in the administrative selection (27,500 of
# 50,000), a quarter waiting in the Admin Lokal inboxes, the rest drafts and closed ones.
STATE_SHARES = {
    S.FORWARDED: 0.19,
    S.ADMIN_PASSED: 0.24,
    S.ADMIN_FAILED: 0.12,
    S.SUBMITTED: 0.24,
    S.RETURNED: 0.04,
    S.REJECTED_LOCALLY: 0.03,
    S.WITHDRAWN: 0.02,
    S.DRAFT: 0.12,
}
# The timeline that leads to each state (after the creation event "" -> draft).
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.RETURNED: [S.SUBMITTED, S.RETURNED],
    S.REJECTED_LOCALLY: [S.SUBMITTED, S.REJECTED_LOCALLY],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
    S.FORWARDED: [S.SUBMITTED, S.FORWARDED],
    S.ADMIN_PASSED: [S.SUBMITTED, S.FORWARDED, S.ADMIN_PASSED],
    S.ADMIN_FAILED: [S.SUBMITTED, S.FORWARDED, S.ADMIN_FAILED],
}
# Who makes each move: the proposer's side, the Admin Lokal or the organiser.
MOVED_BY = {
    S.DRAFT: "proposer",
    S.SUBMITTED: "proposer",
    S.WITHDRAWN: "proposer",
    S.RETURNED: "admin",
    S.REJECTED_LOCALLY: "admin",
    S.FORWARDED: "admin",
    S.ADMIN_PASSED: "organiser",
    S.ADMIN_FAILED: "organiser",
}
NOTES = {
    S.RETURNED: "Lengkapi bukti dukung dan perbaiki bagian signifikansi.",
    S.REJECTED_LOCALLY: "Inovasi belum memenuhi usia minimal.",
    S.ADMIN_FAILED: "Bukti dukung SK inovator tidak terbaca.",
}
# A fifth of the proposals that reached the Admin Lokal were returned once and resubmitted.
RESUBMITTED_SHARE = 0.2

VOCABULARY = (
    "layanan publik inovasi masyarakat desa kecamatan digital aplikasi pengaduan antrean "
    "kesehatan puskesmas sekolah petani nelayan air bersih sampah daur ulang perizinan "
    "terpadu satu pintu kependudukan akta kelahiran stunting posyandu ibu anak disabilitas "
    "lansia pangan irigasi listrik tenaga surya umkm pasar koperasi pelatihan kerja warga "
    "relawan kolaborasi dinas kabupaten kota provinsi data terpadu dasbor pemantauan waktu "
    "biaya tanpa pungutan cepat mudah murah transparan akuntabel berkelanjutan replikasi "
    "dampak manfaat penerima sasaran capaian target anggaran mitra swasta perguruan tinggi"
)
WORDS = VOCABULARY.split()


@dataclass
class Setup:
    """The benchmark competition with its groups, categories and form sections."""

    competition: Competition
    groups: dict[str, CompetitionGroup]
    categories: list[Category]
    sections: dict[str, list[tuple[str, int]]]


@dataclass
class Plan:
    """One proposal to insert, with its timeline as (from, to, time) moves."""

    instansi_id: int
    unit_id: int
    kind: str
    state: str
    title: str
    moves: list[tuple[str, str, datetime]] = field(default_factory=list)


def setup_create(now: datetime) -> Setup:
    """A national competition in registration (opened 40 days ago, closes in 10 days)."""
    year = timezone.localdate(now).year
    competition = Competition.objects.create(
        name=f"KIPP Bench {year}",
        slug=f"kipp-bench-{year}",
        year=year,
        theme="Inovasi untuk Indonesia Emas",
        registration_opens_at=now - timedelta(days=40),
        registration_closes_at=now + timedelta(days=10),
        verification_closes_at=now + timedelta(days=20),
    )
    groups, sections = {}, {}
    for kind in GroupKind.values:
        groups[kind] = CompetitionGroup.objects.create(
            competition=competition,
            kind=kind,
            quota_per_instansi=defaults.QUOTAS[kind],
            min_age_months=defaults.MIN_AGE_MONTHS[kind],
            required_evidence=list(defaults.REQUIRED_EVIDENCE[kind]),
            invitation_only=kind == GroupKind.KHUSUS,
        )
        FormSection.objects.bulk_create(
            FormSection(group=groups[kind], key=key, title=title, word_limit=limit, order=n)
            for n, (key, title, limit) in enumerate(defaults.SECTIONS[kind])
        )
        sections[kind] = [(key, limit) for key, _title, limit in defaults.SECTIONS[kind]]
    categories = Category.objects.bulk_create(
        Category(competition=competition, name=name, order=n)
        for n, name in enumerate(defaults.CATEGORIES_2025)
    )
    return Setup(competition, groups, categories, sections)


def publish_admin_results(setup: Setup) -> None:
    """Open the public announcement (directly: bench data, not the publishing service)."""
    now = timezone.now()
    Competition.objects.filter(pk=setup.competition.pk).update(admin_results_published_at=now)
    setup.competition.admin_results_published_at = now


class People:
    """Who writes and moves the generated proposals: per unit an operator when the unit
    has one, else the instansi's Admin Lokal; the organiser is the national Sekretariat."""

    def __init__(self, organiser):
        self.organiser = organiser
        self.admin_of = {}
        self.operator_of = {}
        roles = [Role.ADMIN_LOKAL, Role.OPERATOR]
        for m in Membership.objects.filter(role__in=roles).order_by("pk"):
            if m.role == Role.ADMIN_LOKAL:
                self.admin_of.setdefault(m.instansi_id, m.user_id)
            else:
                self.operator_of.setdefault(m.unit_id, m.user_id)

    def proposer(self, plan: Plan) -> int:
        return self.operator_of.get(plan.unit_id) or self.admin_of[plan.instansi_id]

    def actor(self, plan: Plan, state: str) -> int:
        by = MOVED_BY[state]
        if by == "proposer":
            return self.proposer(plan)
        if by == "admin":
            return self.admin_of[plan.instansi_id]
        return self.organiser.pk


def _timeline(rng, plan: Plan, start: datetime, end: datetime, *, resubmit: bool) -> None:
    """Moves from creation to `plan.state`, spaced by hours, all between start and end."""
    targets = [S.DRAFT, *PATHS[plan.state]]
    if resubmit and S.SUBMITTED in targets:
        at = targets.index(S.SUBMITTED) + 1
        targets[at:at] = [S.RETURNED, S.SUBMITTED]
    span = (end - start).total_seconds()
    # Leave room for every later move: each takes at most a share of what is left.
    moment = start + timedelta(seconds=rng.uniform(0, span * 0.5))
    previous = ""
    for target in targets:
        plan.moves.append((previous, target, moment))
        left = (end - moment).total_seconds()
        moment += timedelta(seconds=rng.uniform(0.05, 0.3) * left)
        previous = target


def plan_bulk(rng, setup: Setup, *, count: int, first_instansi_id: int, start: int = 0):
    """`count` proposals over every instansi and unit; `first_instansi_id` gets the most.

    Instansi sizes follow a 1/(rank + 10) curve (the largest has about 2.4 % of all
    proposals, the smallest a tenth of that); units within an instansi are uniform.
    """
    units = defaultdict(list)
    for unit_id, instansi_id in Unit.objects.values_list("pk", "instansi_id").order_by("pk"):
        units[instansi_id].append(unit_id)
    others = [i for i in units if i != first_instansi_id]
    rng.shuffle(others)
    ranked = [first_instansi_id, *others]
    weights = [1 / (rank + 10) for rank in range(1, len(ranked) + 1)]
    instansi_ids = rng.choices(ranked, weights=weights, k=count)

    states = []
    for state, share in STATE_SHARES.items():
        states += [state] * round(count * share)
    states = (states + [S.DRAFT] * count)[:count]
    rng.shuffle(states)

    opens = setup.competition.registration_opens_at
    end = timezone.now() - timedelta(minutes=5)
    plans = []
    for n, (instansi_id, state) in enumerate(zip(instansi_ids, states, strict=True)):
        kind = GroupKind.REPLIKASI if rng.random() < 0.15 else GroupKind.UMUM
        words = rng.sample(WORDS, 3)
        plan = Plan(
            instansi_id=instansi_id,
            unit_id=rng.choice(units[instansi_id]),
            kind=kind,
            state=state,
            title=f"Inovasi {' '.join(words).title()} {start + n:05d}",
        )
        _timeline(rng, plan, opens, end, resubmit=rng.random() < RESUBMITTED_SHARE)
        plans.append(plan)
    return plans


def plan_one(setup: Setup, *, unit: Unit, state: str, title: str) -> Plan:
    plan = Plan(
        instansi_id=unit.instansi_id, unit_id=unit.pk, kind=GroupKind.UMUM, state=state, title=title
    )
    end = timezone.now() - timedelta(minutes=5)
    _timeline(
        random.Random(SEED), plan, setup.competition.registration_opens_at, end, resubmit=False
    )
    return plan


@contextmanager
def _own_timestamps(*models):
    """Let bulk rows keep the created/updated times they were given (no auto_now)."""
    fields = [
        f
        for model in models
        for f in model._meta.concrete_fields
        if isinstance(f, DateField) and (f.auto_now or f.auto_now_add)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _paragraphs(rng, count=400) -> list[str]:
    return [
        " ".join(rng.choices(WORDS, k=rng.randint(25, 45))).capitalize() + "." for _ in range(count)
    ]


def insert(setup: Setup, plans: list[Plan], people: People, *, seed=SEED) -> Counter:
    """Write the planned innovations, proposals and events in batches; returns row counts."""
    rng = random.Random(seed)
    pool = _paragraphs(rng)
    competition = setup.competition
    counts = Counter()
    # What the forward transition stamps: its time, the instansi's cluster and 3T status.
    snapshot = {
        pk: (CLUSTER_OF_KIND[kind], bool(is_3t))
        for pk, kind, is_3t in Instansi.objects.values_list("pk", "kind", "region__is_3t")
    }
    with _own_timestamps(Innovation, Proposal):
        for offset in range(0, len(plans), BATCH):
            batch = plans[offset : offset + BATCH]
            innovations = Innovation.objects.bulk_create(
                Innovation(
                    unit_id=p.unit_id,
                    title=p.title,
                    started_on=date(2018 + rng.randint(0, 4), rng.randint(1, 12), 1),
                    summary=rng.choice(pool),
                    created_by_id=people.proposer(p),
                    created_at=p.moves[0][2],
                )
                for p in batch
            )
            proposals = []
            for p, innovation in zip(batch, innovations, strict=True):
                submitted = [at for _f, to, at in p.moves if to == S.SUBMITTED]
                forwarded = [at for _f, to, at in p.moves if to == S.FORWARDED]
                cluster, is_3t = snapshot[p.instansi_id] if forwarded else ("", None)
                proposals.append(
                    Proposal(
                        competition=competition,
                        group=setup.groups[p.kind],
                        innovation=innovation,
                        unit_id=p.unit_id,
                        instansi_id=p.instansi_id,
                        title=p.title,
                        category=rng.choice(setup.categories),
                        sections={key: rng.choice(pool) for key, _limit in setup.sections[p.kind]},
                        innovator_kind=InnovatorKind.TEAM,
                        team=[
                            {
                                "name": "Siti Aminah",
                                "position": "Kepala Bidang",
                                "phone": "0812",
                                "email": "",
                            },
                            {
                                "name": "Budi Santoso",
                                "position": "Analis",
                                "phone": "",
                                "email": "",
                            },
                        ],
                        truth_statement=p.state != S.DRAFT,
                        replication_statement=p.kind == GroupKind.REPLIKASI,
                        state=p.state,
                        version=rng.randint(5, 60),
                        created_by_id=people.proposer(p),
                        created_at=p.moves[0][2],
                        updated_at=p.moves[-1][2],
                        submitted_at=submitted[-1] if submitted else None,
                        forwarded_at=forwarded[-1] if forwarded else None,
                        cluster=cluster,
                        is_3t=is_3t,
                    )
                )
            Proposal.objects.bulk_create(proposals)
            events = [
                ProposalEvent(
                    proposal=proposal,
                    actor_id=people.actor(p, to),
                    from_state=source,
                    to_state=to,
                    note=NOTES.get(to, ""),
                    created_at=at,
                )
                for p, proposal in zip(batch, proposals, strict=True)
                for source, to, at in p.moves
            ]
            ProposalEvent.objects.bulk_create(events, batch_size=BATCH)
            counts["proposals"] += len(proposals)
            counts["events"] += len(events)
            counts.update(p.state for p in batch)
    return counts


def analyze() -> None:
    """Fresh planner statistics after the bulk load; on PostgreSQL also the visibility map
    that autovacuum builds within minutes of a bulk insert on a live server (without it an
    index-only scan still visits every heap page, which no running portal would)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")
