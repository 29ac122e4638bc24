"""The round's results for the Sekretariat: computed by a job, shown sortable with the
reliability figures and a chart of each judge's score distribution, exported as XLSX/CSV."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from hubs.models import User
from hubs.views.access import AreaRequiredMixin
from kipp.exports import export_response

from ..charts import distribution_chart, summary_chart
from ..enums import JobKind
from ..exports import results_export, scores_export
from ..selectors.results import SORTS, judge_totals, latest_run, run_page
from ..selectors.rounds import round_for_organiser
from ..services.jobs import job_create

PERMISSION = "judging.manage_rounds"
PAGE = 50
FORMATS = ("xlsx", "csv")
# Sortable columns of the results table, in their order on the page.
SORT_COLUMNS = [
    ("peringkat", gettext_lazy("Peringkat")),
    ("rata", gettext_lazy("Rata-rata")),
    ("normal", gettext_lazy("Ternormalisasi")),
    ("sb", gettext_lazy("Simpangan baku")),
    ("selisih", gettext_lazy("Selisih")),
    ("n", gettext_lazy("Lembar")),
    ("beda", gettext_lazy("Beda pendapat")),
]


def _chart(round_, run, names):
    """The judges' distributions as the run stored them; a run computed before the runs
    kept them falls back to reading the round's sheets."""
    boxes = {int(k): v["box"] for k, v in run.judges.items() if v.get("box")}
    if len(boxes) == len(run.judges):
        return summary_chart(boxes, names)
    return distribution_chart(judge_totals(round_), names)


class ResultsView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        run = latest_run(round_)
        sort = request.GET.get("urut", "peringkat")
        sort = sort if sort in SORTS else "peringkat"
        context = {
            "round": round_,
            "competition": round_.competition,
            "run": run,
            "sort": sort,
            "job": round_.jobs.filter(kind=JobKind.RESULTS).first(),
            "sort_columns": SORT_COLUMNS,
        }
        if run is not None:
            page = run_page(run, sort, request.GET.get("halaman"), size=PAGE)
            judge_ids = [int(k) for k in run.judges]
            names = {
                u.pk: u.display_name
                for u in User.objects.filter(pk__in=judge_ids).only("pk", "username", "name")
            }
            context.update(
                page_obj=page,
                judges=sorted(
                    ((names.get(int(k), k), v) for k, v in run.judges.items()),
                    key=lambda item: str(item[0]),
                ),
                chart=_chart(round_, run, names),
            )
        return render(request, "judging/results.html", context)


class ResultsComputeView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def post(self, request, pk):
        round_ = round_for_organiser(request.user, pk)
        job = job_create(round_=round_, kind=JobKind.RESULTS, actor=request.user)
        messages.info(request, _("Hasil babak sedang dihitung."))
        return redirect("judging_job", job.pk)


class ExportView(AreaRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, request, pk, what, fmt):
        round_ = round_for_organiser(request.user, pk)
        if fmt not in FORMATS:
            raise Http404
        if what == "nilai":
            rows, columns, filename = scores_export(round_)
        elif what == "hasil":
            run = latest_run(round_)
            if run is None:
                raise Http404
            rows, columns, filename = results_export(round_, run)
        else:
            raise Http404
        return export_response(rows, columns, fmt=fmt, filename=filename)
