"""The Admin Lokal's checklist form: one box per ChecklistItem, a note per form section."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..enums import ChecklistItem
from ..models import Verification

NOTE_MAX_CHARS = 3000


class VerificationForm(forms.Form):
    checklist = forms.MultipleChoiceField(
        label=_("Checklist verifikasi"),
        choices=ChecklistItem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    general = forms.CharField(
        label=_("Catatan umum"),
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = list(sections)
        for section in self.sections:
            self.fields[self.note_field(section.key)] = forms.CharField(
                label=gettext(section.title),
                required=False,
                max_length=NOTE_MAX_CHARS,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )

    @staticmethod
    def note_field(key: str) -> str:
        return f"note_{key}"

    @classmethod
    def initial_from(cls, verification: Verification | None) -> dict:
        """Form initial values from a saved verification (its items and notes prefetched)."""
        if verification is None:
            return {"checklist": [], "general": ""}
        initial = {
            "checklist": [item for item, ticked in verification.checklist.items() if ticked],
            "general": verification.note,
        }
        for key, text in verification.section_notes.items():
            initial[cls.note_field(key)] = text
        return initial

    def section_note_fields(self):
        return [(section, self[self.note_field(section.key)]) for section in self.sections]

    def notes(self) -> dict:
        data = self.cleaned_data
        return {
            "sections": {s.key: data.get(self.note_field(s.key), "") for s in self.sections},
            "general": data.get("general", ""),
        }
