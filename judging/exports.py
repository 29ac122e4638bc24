"""Exports of a round for the Sekretariat: every sheet with its criterion scores, and the
latest results. The rows are written by `kipp.exports` (CSV with BOM, or XLSX)."""

from django.utils.translation import gettext as _

from kipp.exports import Column

from .models import RankingRun, Round, ScoreSheet


def scores_export(round_: Round):
    """(rows, columns, filename) of every sheet of the round, one column per criterion."""
    criteria = list(round_.criteria.order_by("order", "pk"))
    sheets = (
        ScoreSheet.objects.filter(assignment__round=round_)
        .select_related("assignment__proposal", "assignment__judge")
        .prefetch_related("scores")
        .order_by("assignment__proposal_id", "assignment__judge__username")
    )

    def score_of(criterion):
        def value(sheet):
            for score in sheet.scores.all():
                if score.criterion_id == criterion.pk:
                    return score.value
            return None

        return value

    columns = [
        Column(_("ID usulan"), lambda s: s.assignment.proposal_id),
        Column(_("Judul"), lambda s: s.assignment.proposal.title),
        Column(_("Juri"), lambda s: s.assignment.judge.username),
        Column(_("Juri tambahan"), lambda s: _("ya") if s.assignment.is_extra else ""),
        Column(_("Status"), lambda s: str(s.get_state_display())),
        *[Column(f"{c.name} ({c.weight}%)", score_of(c)) for c in criteria],
        Column(_("Nilai akhir (0-100)"), lambda s: s.total),
        Column(_("Catatan"), lambda s: s.comment),
        Column(_("Dikirim (WIB)"), lambda s: s.submitted_at),
    ]
    return sheets, columns, f"nilai-{round_.competition.slug}-babak-{round_.order}"


def results_export(round_: Round, run: RankingRun):
    """(rows, columns, filename) of a ranking run's rows in rank order."""
    rows = run.rows.select_related("proposal__instansi").order_by("rank", "pk")
    columns = [
        Column(_("Peringkat"), lambda r: r.rank),
        Column(_("ID usulan"), lambda r: r.proposal_id),
        Column(_("Judul"), lambda r: r.proposal.title),
        Column(_("Instansi"), lambda r: r.proposal.instansi.name),
        Column(_("Jumlah lembar"), lambda r: r.n),
        Column(_("Rata-rata"), lambda r: round(r.raw_mean, 2)),
        Column(_("Median"), lambda r: round(r.median, 2)),
        Column(_("Simpangan baku"), lambda r: round(r.sd, 2)),
        Column(_("Nilai ternormalisasi"), lambda r: round(r.normalized, 2)),
        Column(_("Beda pendapat"), lambda r: _("ya") if r.disagreement else ""),
    ]
    return rows, columns, f"hasil-{round_.competition.slug}-babak-{round_.order}"
