"""Search of the innovation database, ranked by relevance.

PostgreSQL: full-text search on the stored vector (`indonesian` snowball configuration, so
"pelayanan" meets "layanan" and "perizinan" meets "izin"), a title match (weight A) ranked
above a summary, unit or instansi match (weight B); when the words match nothing (a typo),
trigram similarity of the title (pg_trgm) takes over. Both are served by GIN indexes.

SQLite (the embedded default): each word, cut to a rough Indonesian stem, must appear in the
title, summary, unit or instansi (LIKE); title matches come first.

Relevance is returned as an integer `relevance` (higher first) so that keyset pagination
can page through ranked results exactly (`kipp.keyset` keys are ints, strings or times).
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast

MAX_QUERY = 200
WORD = re.compile(r"\w+", re.UNICODE)
# Longest first: "per" before "pe", "kan" before "an".
PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe",
            "ber", "be", "ter", "di", "ke", "se")  # fmt: skip
SUFFIXES = ("nya", "kan", "an", "i")


def words(text: str) -> list[str]:
    return WORD.findall((text or "")[:MAX_QUERY].lower())[:12]


def rough_stem(word: str) -> str:
    """A rough stem for LIKE: one prefix and one suffix off while four letters remain
    ("perizinan" -> "izin", "pelayanan" -> "layan"); good enough where no stemmer runs."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix) :]
            break
    return word


def search(queryset: QuerySet, text: str, *, typo: bool | None = None) -> QuerySet:
    """`queryset` narrowed to the records matching `text`, annotated with `relevance`.

    PostgreSQL: `typo=False` runs the full-text search only, `typo=True` the trigram
    fallback only; None asks first whether the words match anything. The list page uses
    the first two (it falls back when its first page is empty): for words found nowhere
    the planner answers `EXISTS` with a sequential scan, expecting an early hit."""
    terms = words(text)
    if not terms:
        return queryset.annotate(relevance=Value(0, output_field=IntegerField()))
    if connection.vendor == "postgresql":
        return _postgres(queryset, terms, typo)
    return _like(queryset, terms)


def _postgres(queryset: QuerySet, terms: list[str], typo: bool | None) -> QuerySet:
    query = SearchQuery(" ".join(terms), config="indonesian", search_type="plain")
    matched = queryset.filter(search=query)
    if typo is False or (typo is None and matched.exists()):
        return matched.annotate(
            relevance=Cast(SearchRank(F("search"), query) * 1_000_000, IntegerField())
        )
    phrase = " ".join(terms)
    # Either operator is served by the trigram GIN index: `%` (whole-title similarity
    # above pg_trgm.similarity_threshold, 0.3) catches short titles, `%>` (the query close
    # to a part of the title, above 0.6) long ones.
    return queryset.filter(
        Q(title_key__trigram_similar=phrase) | Q(title_key__trigram_word_similar=phrase)
    ).annotate(
        relevance=Cast(TrigramWordSimilarity(phrase, "title_key") * 1_000_000, IntegerField())
    )


def _like(queryset: QuerySet, terms: list[str]) -> QuerySet:
    in_title = Q()
    for term in terms:
        stem = rough_stem(term)
        queryset = queryset.filter(
            Q(title__icontains=stem)
            | Q(summary__icontains=stem)
            | Q(unit_name__icontains=stem)
            | Q(instansi_name__icontains=stem)
        )
        in_title &= Q(title__icontains=stem)
    return queryset.annotate(
        relevance=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    )
