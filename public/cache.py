"""The public side's cache (Redis with REDIS_URL, per-process memory otherwise).

Every cached public answer (whole pages for anonymous visitors, pages' data, API answers,
downloads' choices) is keyed with a version number that `bump()` raises whenever a result,
a proposal's state or a publication changes (`public.signals`), so nothing stale is served
after a change and nothing has to be deleted key by key. The language is part of every
key: labels are translated.
"""

import hashlib
import re
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
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
    return cache.get_or_set(key(name, _digest(path, params)), render, timeout)


# The CSRF token the layout carries (the language switch's form, htmx's header): the one
# part of a public page that differs between visitors.
TOKEN = re.compile(r'(?:name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]{32,})')
TOKEN_SLOT = "@@csrf-token@@"  # noqa: S105 - a placeholder, not a secret


def whole_page(view, *, content_types: tuple[str, ...] = ("text/html",)):
    """Serve an anonymous visitor's page whole from the cache, without running `view`.

    Kept until the next `bump()`: only GET answers of 200 of `content_types` (HTML unless
    told), never for a signed-in visitor (the menu is theirs) or one with a message waiting.
    The CSRF token is stored as a slot and each answer gets the visitor's own (which also
    sets its cookie). The first visit of an address after a change runs the view (with its
    own cached fragments)."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        if (
            request.method != "GET"
            or request.user.is_authenticated
            or len(messages.get_messages(request))
        ):
            return view(request, *args, **kwargs)
        name = key("page", _digest(request.path, request.GET))
        stored = cache.get(name)
        if stored is not None:
            content_type, body = stored
            return HttpResponse(body.replace(TOKEN_SLOT, get_token(request)), content_type)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith(content_types)
        ):
            body = response.content.decode(response.charset)
            found = TOKEN.search(body)
            cache.set(
                name,
                (response["Content-Type"], body.replace(found[1], TOKEN_SLOT) if found else body),
                TIMEOUT,
            )
        return response

    return serve


def _digest(path: str, params) -> str:
    items = sorted((k, v) for k in params for v in params.getlist(k))
    return hashlib.sha256(f"{path}?{urlencode(items)}".encode()).hexdigest()[:32]
