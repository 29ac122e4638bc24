"""The portal's URLs plus two floor pages every timed page is compared with.

`/bench/bare/?pk=<id>` runs the whole middleware stack (session, user, CSRF, messages,
axes...) and exactly one indexed query, so "p95 of a page / p95 of the bare page" says how
much a page costs beyond what any logged-in request costs anyway. `/bench/shell/?pk=<id>`
does the same query and renders the site's layout (`base.html`: navigation for the user's
roles, language switch, footer) around it with nothing else: what any page of the portal
costs before its own content.
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import include, path

from kipp.models import Proposal


def _title(request) -> str:
    title = Proposal.objects.filter(pk=request.GET.get("pk") or 0).values_list("title", flat=True)
    return title.first() or ""


def bare(request):
    return HttpResponse(_title(request), content_type="text/plain; charset=utf-8")


def shell(request):
    return TemplateResponse(request, "base.html", {"bench_title": _title(request)})


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/shell/", shell),
    path("", include("config.urls")),
]
