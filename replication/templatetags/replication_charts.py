"""Server-rendered SVG charts of the replication dashboards (no JavaScript library)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ..enums import Stage

register = template.Library()

# One colour per stage, readable on white (and distinct for colour-blind readers by order).
COLOURS = {
    Stage.PERSIAPAN: "#9aa5b1",
    Stage.KOMITMEN: "#f0b429",
    Stage.RENCANA_AKSI: "#de911d",
    Stage.IMPLEMENTASI: "#2680c2",
    Stage.EVALUASI: "#0f609b",
    Stage.PELEMBAGAAN: "#27ab83",
    Stage.DROPPED: "#e12d39",
}
ROW, LABEL, WIDTH = 26, 230, 400
LEGEND_STEP = 94


@register.simple_tag
def stage_chart(dashboard):
    """A horizontal bar per adopting instansi, split by the stage of its commitments."""
    rows = dashboard.rows
    largest = max((r.total for r in rows), default=1) or 1
    height = ROW * len(rows) + 30
    parts = []
    for n, row in enumerate(rows):
        y = n * ROW
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>',
                LABEL - 6,
                y + 17,
                row.name.removeprefix("Pemerintah "),
            )
        )
        x = LABEL
        for stage in Stage.values:
            count = row.stages.get(stage, 0)
            if not count:
                continue
            width = WIDTH * count / largest
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="18" fill="{}"><title>{}: {}</title></rect>',
                    round(x, 1),
                    y + 4,
                    round(width, 1),
                    COLOURS[stage],
                    Stage(stage).label,
                    count,
                )
            )
            x += width
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12">{}</text>',
                round(x, 1) + 4,
                y + 17,
                row.total,
            )
        )
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="10" height="10" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="11">{}</text>',
        (
            (
                10 + i * LEGEND_STEP,
                height - 14,
                COLOURS[s],
                24 + i * LEGEND_STEP,
                height - 5,
                Stage(s).label,
            )
            for i, s in enumerate(Stage.values)
        ),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}" '
        'class="kipp-chart mw-100 h-auto">{}{}</svg>',
        LABEL + WIDTH + 40,
        height,
        LABEL + WIDTH + 40,
        height,
        _("Komitmen per instansi menurut tahap"),
        format_html_join("", "{}", ((p,) for p in parts)),
        legend,
    )


@register.simple_tag
def done_bar(percent):
    """A small progress bar of % activities done, as SVG."""
    width = max(0, min(100, int(percent)))
    return format_html(
        '<svg viewBox="0 0 100 8" width="100" height="8" role="img" aria-label="{}%">'
        '<rect width="100" height="8" fill="#e4e7eb"></rect>'
        '<rect width="{}" height="8" fill="#27ab83"></rect></svg>',
        width,
        width,
    )


@register.filter
def stage_label(value):
    """The Indonesian label of a stage value."""
    return Stage(value).label if value in Stage.values else value


@register.filter
def dict_get(mapping, key):
    return mapping.get(key, 0)


@register.simple_tag
def replications_of(innovation_id):
    """Where the innovation was replicated (`replication.selectors.lineage`)."""
    from ..selectors.lineage import replications_of as lineage

    return lineage(innovation_id) if innovation_id else []
