"""Search of the innovation database, ranked by relevance.

PostgreSQL: full-text search on the stored vector (`indonesian` snowball configuration, so
"pelayanan" meets "layanan" and "perizinan" meets "izin"), in two tiers: every word in the
title (weight A) first, then a match elsewhere (summary, unit, instansi: weight B), each
tier newest first. A word no entry holds (a typo) is first corrected to the closest word
the entries hold (`corrected`: trigram similarity within the vocabulary `SearchWord`, the
distinct words of the entries, not within 100,000 titles). Tiers rather than `ts_rank`: a rank must be computed for every matching
row before the first page can be cut, 80 ms for a word found in 60,000 of 100,000 entries,
while a tier is read along the list's own index and stops at the page's last row
(`tiers`, `kipp.keyset`). When the words match nothing (a typo), trigram similarity of the
title (pg_trgm) takes over. Both are served by GIN indexes.

SQLite (the embedded default): each word, cut to a rough Indonesian stem, must appear in the
title, summary, unit or instansi (LIKE); title matches come first.

Relevance is returned as an integer `relevance` (higher first) so that keyset pagination
can page through ranked results exactly (`kipp.keyset` keys are ints, strings or times).
"""

import re

from django.contrib.postgres.search import SearchQuery, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast

MAX_QUERY = 200
WORD = re.compile(r"\w+", re.UNICODE)
# Longest first: "per" before "pe", "kan" before "an".
PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe",
            "ber", "be", "ter", "di", "ke", "se")  # fmt: skip
SUFFIXES = ("nya", "kan", "an", "i")
# Relevance of a full-text match: every word in the title, or a match elsewhere.
IN_TITLE, ELSEWHERE = 2, 1
LEXEME = re.compile(r"[^\W_]+", re.UNICODE)


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
            relevance=Case(
                When(search=title_query(terms), then=Value(IN_TITLE)),
                default=Value(ELSEWHERE),
                output_field=IntegerField(),
            )
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


def title_query(terms: list[str]) -> SearchQuery:
    """Every word, stemmed, in the title (weight A): `to_tsquery('izin:A & layan:A')`. Only
    letters and digits reach the query syntax."""
    lexemes = LEXEME.findall(" ".join(terms))
    return SearchQuery(
        " & ".join(f"{lexeme}:A" for lexeme in lexemes) or "''",
        config="indonesian",
        search_type="raw",
    )


def tiers(queryset: QuerySet, text: str) -> list[QuerySet]:
    """A full-text search (`search(..., typo=False)` on PostgreSQL) as its two tiers, each
    with a constant `relevance`, which PostgreSQL drops from the order, so each tier is
    read along the index of (year, title) and stops at the page's last row."""
    in_title = Q(search=title_query(words(text)))
    return [
        queryset.filter(in_title).annotate(relevance=Value(IN_TITLE)),
        queryset.exclude(in_title).annotate(relevance=Value(ELSEWHERE)),
    ]


CORRECT = """
SELECT t.term,
       EXISTS (SELECT 1 FROM public_searchword w WHERE w.word = t.term),
       (SELECT w.word FROM public_searchword w WHERE w.word %% t.term
        ORDER BY similarity(w.word, t.term) DESC, w.word LIMIT 1)
FROM unnest(%s::text[]) WITH ORDINALITY AS t(term, n) ORDER BY t.n
"""


def corrected(text: str) -> str:
    """`text` with every word no public entry holds replaced by the most similar word one
    does (pg_trgm similarity above 0.3), or "" when no word changes. PostgreSQL only."""
    terms = words(text)
    if not terms or connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute(CORRECT, [terms])
        rows = cursor.fetchall()
    # Numbers are left as typed: the vocabulary holds none.
    fixed = [
        near if near and not known and not term.isdigit() else term for term, known, near in rows
    ]
    return " ".join(fixed) if fixed != terms else ""


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
