"""Form widgets of the list filters."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class FilterSelect(forms.Select):
    """A single-choice select written out directly instead of through Django's widget
    templates, which render every option as its own template include: the filter bars of
    the lists carry a few dozen options (provinces, units), and those includes were the
    largest part of rendering a list page. Same markup as `forms.Select` (no optgroups)."""

    def use_required_attribute(self, initial) -> bool:
        # A filter never requires a choice; asking would read a model choice's rows again.
        return False

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, choices, _index in widget["optgroups"]
                for option in choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )
