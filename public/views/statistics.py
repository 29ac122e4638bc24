"""Statistics pages and their downloadable tables."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kipp.params import parse_id

from .. import statistics
from ..exports import download, download_links, table_fields

TABLES = {
    "per-tahun": (
        statistics.per_year,
        [("year", _("Tahun")), ("proposals", _("Usulan")), ("instansi", _("Instansi"))],
    ),
    "per-provinsi": (
        statistics.per_province,
        [("province", _("Provinsi")), ("proposals", _("Usulan"))],
    ),
    "tahapan": (
        statistics.funnel,
        [
            ("year", _("Tahun")),
            ("entered", _("Diajukan")),
            ("forwarded", _("Diteruskan ke Sekretariat")),
            ("admin_passed", _("Lolos seleksi administrasi")),
            ("top99", _("Top 99")),
            ("top45", _("Top 45")),
            ("outstanding", _("Outstanding Achievement")),
        ],
    ),
    "satu-instansi-satu-inovasi": (
        statistics.compliance,
        [
            ("province", _("Provinsi")),
            ("instansi", _("Instansi aktif")),
            ("entered", _("Instansi mengikuti")),
            ("percent", _("Persentase")),
        ],
    ),
}
BY_YEAR = {"per-provinsi", "satu-instansi-satu-inovasi"}


def chosen_year(params) -> int | None:
    """The year asked for (`?tahun=`) when it has data, else the latest year."""
    years = statistics.years()
    asked = parse_id(params.get("tahun", ""))
    if asked in years:
        return asked
    return years[0] if years else None


def _links(table: str, year: int | None):
    query = f"tahun={year}" if year else ""
    return download_links("public_statistics_download", table, query=query)


class StatisticsView(TemplateView):
    template_name = "public/statistics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = chosen_year(self.request.GET)
        context.update(
            years=statistics.years(),
            year=year,
            per_year=statistics.per_year(),
            per_province=statistics.per_province(year),
            funnel=statistics.funnel(),
            compliance=statistics.compliance(year),
            links={
                "per_tahun": download_links("public_statistics_download", "per-tahun"),
                "per_provinsi": _links("per-provinsi", year),
                "tahapan": download_links("public_statistics_download", "tahapan"),
                "oaoi": _links("satu-instansi-satu-inovasi", year),
            },
        )
        return context


def statistics_download(request, table: str, fmt: str):
    if table not in TABLES:
        raise Http404
    compute, columns = TABLES[table]
    rows = compute(chosen_year(request.GET)) if table in BY_YEAR else compute()
    return download(rows, table_fields(columns), fmt=fmt, filename=f"statistik-{table}")
