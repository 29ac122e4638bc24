"""The portal's URLs plus one bare page: the floor every timed page is compared with.

`/bench/bare/?pk=<id>` runs the whole middleware stack (session, user, CSRF, messages,
axes...) and exactly one indexed query, so "p95 of a page / p95 of the bare page" says how
much a page costs beyond what any logged-in request costs anyway.
"""

from django.http import HttpResponse
from django.urls import include, path

from kipp.models import Proposal


def bare(request):
    title = Proposal.objects.filter(pk=request.GET.get("pk") or 0).values_list("title", flat=True)
    return HttpResponse(title.first() or "", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("config.urls")),
]
