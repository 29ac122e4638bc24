"""Forms of the judging rounds: round settings, rubric, judges, manual assignment, reasons.

Times are entered and shown in WIB (`kipp.forms.competitions.WibDateTimeField`).
"""

import re

from crispy_forms.helper import FormHelper
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from hubs.models import Instansi, Region
from kipp.forms.competitions import WibDateTimeField

from .models import Affiliation, Criterion, Round
from .services.rounds import ROUND_FIELDS, CriterionInput

DESCRIPTOR_LINE = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*:\s*(.+?)\s*$")


class _Crispy:
    def _setup_helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False


class RoundForm(_Crispy, forms.ModelForm):
    opens_at = WibDateTimeField(label=_("Dibuka (WIB)"))
    closes_at = WibDateTimeField(label=_("Ditutup (WIB)"))

    class Meta:
        model = Round
        fields = ROUND_FIELDS

    def __init__(self, *args, competition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.competition = competition or self.instance.competition
        self.fields["judges_per_proposal"].validators += [
            MinValueValidator(1, _("Paling sedikit 1 juri per usulan.")),
            MaxValueValidator(15, _("Paling banyak 15 juri per usulan.")),
        ]
        self.fields["order"].validators.append(MaxValueValidator(99, _("Urutan paling besar 99.")))
        self._setup_helper()

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and opens >= closes:
            self.add_error("closes_at", _("Waktu tutup harus setelah waktu buka."))
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and low >= high:
            self.add_error("scale_max", _("Skala maksimum harus lebih besar dari minimum."))
        threshold = data.get("disagreement_threshold")
        if threshold is not None and not (0 <= threshold <= 100):
            self.add_error("disagreement_threshold", _("Ambang harus di antara 0 dan 100."))
        order = data.get("order")
        if order is not None:
            taken = Round.objects.filter(competition=self.competition, order=order)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("order", _("Urutan ini sudah dipakai babak lain di kompetisi ini."))
        return data

    def validate_unique(self):
        # `competition` is not a form field; the order is checked in clean().
        return None


class CriterionForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Kriteria"), max_length=120)
    weight = forms.IntegerField(
        label=_("Bobot (%)"),
        min_value=1,
        max_value=100,
        error_messages={
            "min_value": _("Bobot paling kecil 1."),
            "max_value": _("Bobot paling besar 100."),
        },
    )
    description = forms.CharField(
        label=_("Uraian"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    descriptors = forms.CharField(
        label=_("Deskriptor tingkat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu baris per tingkat, misalnya “9-10: Terobosan orisinal”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, (forms.HiddenInput, forms.CheckboxInput)):
                field.widget.attrs.setdefault("class", "form-control")

    def clean_descriptors(self):
        lines = [line for line in self.cleaned_data["descriptors"].splitlines() if line.strip()]
        parsed = []
        for line in lines:
            match = DESCRIPTOR_LINE.match(line)
            if not match:
                raise forms.ValidationError(
                    _("Baris “%(line)s” tidak sesuai format “dari-sampai: deskripsi”."),
                    params={"line": line.strip()},
                )
            low, high = int(match[1]), int(match[2])
            if low > high:
                raise forms.ValidationError(
                    _("Pada “%(line)s” nilai awal lebih besar dari nilai akhir."),
                    params={"line": line.strip()},
                )
            parsed.append((low, high, match[3]))
        return parsed

    def as_input(self) -> CriterionInput:
        data = self.cleaned_data
        return CriterionInput(
            pk=data.get("pk"),
            name=data["name"],
            weight=data["weight"],
            description=data.get("description", ""),
            descriptors=data.get("descriptors", []),
        )


CriterionFormSet = forms.formset_factory(
    CriterionForm, extra=1, can_delete=True, max_num=20, validate_max=True
)


def criterion_initial(criteria: list[Criterion]) -> list[dict]:
    return [
        {
            "pk": c.pk,
            "name": c.name,
            "weight": c.weight,
            "description": c.description,
            "descriptors": "\n".join(
                f"{d.low}-{d.high}: {d.text}"
                for d in sorted(c.descriptors.all(), key=lambda d: d.low)
            ),
        }
        for c in criteria
    ]


class JudgesForm(_Crispy, forms.Form):
    judges = forms.ModelMultipleChoiceField(
        label=_("Juri babak ini"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, eligible, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judges"].queryset = eligible
        self.fields["judges"].label_from_instance = lambda u: f"{u.display_name} ({u.username})"
        self._setup_helper()


class AssignmentForm(_Crispy, forms.Form):
    # A number, not a list: a round can hold thousands of proposals.
    proposal = forms.ModelChoiceField(
        label=_("ID usulan"),
        queryset=None,
        widget=forms.NumberInput,
        error_messages={
            "invalid_choice": _("Usulan dengan ID ini tidak ada di babak ini."),
            "required": _("Isi ID usulan."),
        },
    )
    judge = forms.ModelChoiceField(label=_("Juri"), queryset=None)
    override_reason = forms.CharField(
        label=_("Alasan mengabaikan konflik"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Hanya diisi bila juri berkonflik kepentingan dengan usulan."),
    )

    def __init__(self, *args, round_, **kwargs):
        super().__init__(*args, **kwargs)
        from hubs.models import User
        from kipp.models import Proposal

        self.fields["proposal"].queryset = Proposal.objects.filter(
            round_entries__round=round_
        ).only("pk", "title")
        self.fields["judge"].queryset = User.objects.filter(judge_rounds__round=round_)
        self.fields["judge"].label_from_instance = lambda u: u.display_name
        self._setup_helper()


class ConflictForm(AssignmentForm):
    """The Sekretariat records a conflict between a judge and a proposal."""

    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["override_reason"]


class ReasonForm(forms.Form):
    note = forms.CharField(
        label=_("Alasan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tuliskan alasannya.")},
    )


class AffiliationForm(_Crispy, forms.ModelForm):
    class Meta:
        model = Affiliation
        fields = ("instansi", "region", "description")
        help_texts = {
            "instansi": _("Instansi tempat Anda bekerja atau pernah bekerja."),
            "region": _("Wilayah tempat Anda tinggal atau berasal."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instansi"].queryset = Instansi.objects.filter(is_active=True).only("name")
        self.fields["region"].queryset = Region.objects.only("name", "code")
        self._setup_helper()

    def clean(self):
        data = super().clean()
        if not data.get("instansi") and not data.get("region"):
            raise forms.ValidationError(_("Pilih instansi atau wilayah."))
        return data
