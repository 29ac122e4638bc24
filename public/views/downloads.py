"""Downloads of the innovation database and of a competition's winners (CSV, XLSX, JSON),
with the same filters as their pages."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from kipp.enums import ResultLevel
from kipp.models import Competition

from .. import selectors
from ..exports import INNOVATION_FIELDS, Field, download
from ..filters import InnovationFilter
from .innovations import LIST_KEYS, SEARCH_KEYS

CHUNK = 2000


def innovations_download(request, fmt: str):
    filterset = InnovationFilter(request.GET, queryset=selectors.records())
    keys = SEARCH_KEYS if filterset.searching else LIST_KEYS
    rows = filterset.qs.order_by(*(key.order() for key in keys)).iterator(chunk_size=CHUNK)
    return download(rows, INNOVATION_FIELDS, fmt=fmt, filename="inovasi")


def winners_download(request, slug: str, fmt: str):
    competition = get_object_or_404(Competition.objects.only("pk", "slug"), slug=slug)
    rows = [
        (level, record)
        for level, records in selectors.competition_results(competition).items()
        for record in records
    ]
    fields = [
        Field("level", _("Capaian"), lambda row: str(ResultLevel(row[0]).label)),
        *(
            Field(f.key, f.title, (lambda value: lambda row: value(row[1]))(f.value))
            for f in INNOVATION_FIELDS
            if f.key not in ("stage", "replicated", "cluster", "group")
        ),
    ]
    return download(rows, fields, fmt=fmt, filename=f"pemenang-{competition.slug}")
