"""The public side's cache (Redis with REDIS_URL, per-process memory otherwise).

Every cached public answer (pages' data, API answers, downloads' choices) is keyed with a
version number that `bump()` raises whenever a result, a proposal's state or a publication
changes (`public.signals`), so nothing stale is served after a change and nothing has to be
deleted key by key. The language is part of every key: labels are translated.
"""

import hashlib
from collections.abc import Callable
from urllib.parse import urlencode

from django.core.cache import cache
from django.utils import translation

VERSION_KEY = "public:version"
TIMEOUT = 3600


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, None)
        current = cache.get(VERSION_KEY) or 1
    return current


def bump() -> None:
    """Invalidate every cached public answer."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def key(*parts) -> str:
    language = translation.get_language() or "id"
    return ":".join(["public", str(version()), language, *map(str, parts)])


def cached(name: str, compute: Callable, *, timeout: int = TIMEOUT):
    """`compute()`, kept under `name` until the next bump (or `timeout` seconds)."""
    return cache.get_or_set(key(name), compute, timeout)


def fragment(
    name: str, params, render: Callable[[], str], *, path: str = "", timeout: int = TIMEOUT
):
    """A rendered piece of a page (or an API answer) for this path and these query
    parameters, from the cache if there. Both are hashed: a key stays short and clean
    whatever a visitor puts in the address."""
    items = sorted((k, v) for k in params for v in params.getlist(k))
    digest = hashlib.sha256(f"{path}?{urlencode(items)}".encode()).hexdigest()[:32]
    return cache.get_or_set(key(name, digest), render, timeout)
