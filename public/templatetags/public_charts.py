"""Charts drawn on the server as SVG (no script, nothing inline that the CSP refuses):
a ranked horizontal bar chart with its numbers written out, so it reads without colour."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

BAR_HEIGHT = 22
LABEL_WIDTH = 230
CHART_WIDTH = 640


@register.simple_tag
def bar_chart(rows, label_key: str, value_key: str, title: str = ""):
    rows = list(rows)
    top = max((row[value_key] for row in rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    bars = format_html_join(
        "",
        '<g transform="translate(0,{})"><text x="{}" y="15" text-anchor="end" '
        'class="kipp-chart-label">{}</text><rect x="{}" y="3" height="16" width="{}" '
        'class="kipp-chart-bar"></rect><text x="{}" y="15" class="kipp-chart-value">{}</text></g>',
        (
            (
                n * BAR_HEIGHT,
                LABEL_WIDTH - 8,
                row[label_key],
                LABEL_WIDTH,
                round(span * row[value_key] / top, 1),
                LABEL_WIDTH + round(span * row[value_key] / top, 1) + 6,
                row[value_key],
            )
            for n, row in enumerate(rows)
        ),
    )
    height = max(len(rows), 1) * BAR_HEIGHT + 4
    return format_html(
        '<svg class="kipp-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'width="100%" preserveAspectRatio="xMinYMin meet">{}</svg>',
        title,
        CHART_WIDTH,
        height,
        bars,
    )
