"""Writes of the public side: the public copy of proposals (`InnovationRecord`).

`records_refresh` is the one door: it (re)writes or removes the records of the given
proposals from the kipp rows, so a proposal that stops qualifying (a result revoked) leaves
the database at once. Signals call it on every state, result and publication change
(`public.signals`); the demo and the bench call it after their bulk inserts.
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Q

from hubs.enums import RegionLevel
from kipp.enums import PASSED_STATES
from kipp.models import Proposal
from kipp.selectors.results import results_counted

from . import cache
from .enums import STAGE_OF_LEVEL, Stage
from .models import InnovationRecord
from .selectors import replicated_innovation_ids

# The narrative sections the public sees, first found wins (one per group); the others
# (implementation details, the team with its phone numbers) stay inside the portal.
PUBLIC_SECTIONS = ("ringkasan", "inspirasi", "pembaruan")
CHUNK = 2000
COPIED = [
    "innovation",
    "competition",
    "year",
    "title",
    "title_key",
    "summary",
    "instansi",
    "instansi_name",
    "unit_name",
    "province",
    "regency",
    "cluster",
    "group",
    "category",
    "category_name",
    "stage",
    "replicated",
    "video_url",
]


def is_public() -> Q:
    """Proposals the public may see: passed the administrative selection of a competition
    that published it, or holding a published, non-revoked result."""
    return Q(
        state__in=PASSED_STATES,
        competition__admin_results_published_at__isnull=False,
    ) | Q(pk__in=results_counted().values("proposal_id"))


def _summary(proposal: Proposal) -> str:
    sections = proposal.sections or {}
    for key in PUBLIC_SECTIONS:
        text = sections.get(key)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return proposal.innovation.summary


def _record(proposal: Proposal, stage: int, replicated: set[int]) -> InnovationRecord:
    region = proposal.instansi.region
    province = regency = None
    if region is not None:
        if region.level == RegionLevel.PROVINCE:
            province = region
        else:
            province, regency = region.parent, region
    return InnovationRecord(
        proposal=proposal,
        innovation_id=proposal.innovation_id,
        competition_id=proposal.competition_id,
        year=proposal.competition.year,
        title=proposal.title,
        title_key=proposal.title.lower(),
        summary=_summary(proposal),
        instansi_id=proposal.instansi_id,
        instansi_name=proposal.instansi.name,
        unit_name=proposal.unit.name,
        province=province,
        regency=regency,
        cluster=proposal.cluster,
        group=proposal.group.kind,
        category_id=proposal.category_id,
        category_name=proposal.category.name if proposal.category_id else "",
        stage=stage,
        replicated=proposal.innovation_id in replicated,
        video_url=proposal.video_url,
    )


@transaction.atomic
def records_refresh(*, proposal_ids: Iterable[int]) -> int:
    """Rewrite the public records of `proposal_ids` from their proposals, and remove those
    that are no longer public. Returns how many records exist for them afterwards. Sends
    nothing; the caller bumps the cache version (`public.cache.bump`)."""
    ids = sorted(set(proposal_ids))
    written = 0
    for start in range(0, len(ids), CHUNK):
        written += _refresh_chunk(ids[start : start + CHUNK])
    return written


def _refresh_chunk(ids: list[int]) -> int:
    proposals = list(
        Proposal.objects.filter(pk__in=ids)
        .filter(is_public())
        .select_related(
            "competition", "group", "unit", "category", "innovation", "instansi__region__parent"
        )
        .prefetch_related("sdgs")
    )
    InnovationRecord.objects.filter(pk__in=ids).exclude(pk__in=[p.pk for p in proposals]).delete()
    if not proposals:
        return 0
    stages = {p.pk: Stage.ADMIN_PASSED for p in proposals}
    for proposal_id, level in (
        results_counted().filter(proposal_id__in=ids).values_list("proposal_id", "level")
    ):
        if proposal_id in stages:
            stages[proposal_id] = max(stages[proposal_id], STAGE_OF_LEVEL[level])
    replicated = replicated_innovation_ids({p.innovation_id for p in proposals})
    records = [_record(p, stages[p.pk], replicated) for p in proposals]
    InnovationRecord.objects.bulk_create(
        records, update_conflicts=True, unique_fields=["proposal"], update_fields=COPIED
    )
    through = InnovationRecord.sdgs.through
    through.objects.filter(innovationrecord_id__in=stages).delete()
    through.objects.bulk_create(
        through(innovationrecord_id=p.pk, sdggoal_id=goal.pk)
        for p in proposals
        for goal in p.sdgs.all()
    )
    if connection.vendor == "postgresql":
        InnovationRecord.objects.filter(pk__in=stages).update(
            search=SearchVector("title", weight="A", config="indonesian")
            + SearchVector("summary", "unit_name", "instansi_name", weight="B", config="indonesian")
        )
        words_learn(list(stages))
    return len(records)


def words_learn(record_ids: list[int]) -> None:
    """Add the words of these records (as written, lower-cased; numbers left out) to the
    vocabulary typos are corrected against (PostgreSQL; `public.search.corrected`)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO public_searchword (word) SELECT DISTINCT word "
            "FROM public_innovationrecord, unnest(tsvector_to_array(to_tsvector('simple', "
            "title || ' ' || summary || ' ' || unit_name || ' ' || instansi_name))) AS word "
            "WHERE proposal_id = ANY(%s) AND length(word) <= 64 AND word !~ '^[0-9]+$' "
            "ON CONFLICT DO NOTHING",
            [record_ids],
        )


def records_refresh_innovations(*, innovation_ids: Iterable[int]) -> int:
    """Refresh every record of these innovations (their "replicated" flag changed)."""
    ids = Proposal.objects.filter(innovation_id__in=set(innovation_ids)).values_list(
        "pk", flat=True
    )
    return records_refresh(proposal_ids=list(ids))


def records_rebuild() -> int:
    """Rebuild the whole public database (after bulk imports; `manage.py public_reindex`)."""
    candidates = Proposal.objects.filter(
        Q(state__in=PASSED_STATES) | Q(results__isnull=False)
    ).values_list("pk", flat=True)
    InnovationRecord.objects.exclude(pk__in=candidates).delete()
    written = records_refresh(proposal_ids=candidates)
    cache.bump()
    return written
