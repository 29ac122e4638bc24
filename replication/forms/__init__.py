"""Forms of the replication app: they validate; services act."""

from crispy_forms.helper import FormHelper
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from hubs.models import Hub, Instansi
from kipp.uploads import ACCEPT

from ..enums import DocumentKind, HubEventKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NATIONAL = "nasional"


class _Crispy(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


def _file_field(label):
    return forms.FileField(
        label=label,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("PDF, JPG atau PNG, paling besar 10 MB."),
        error_messages={"required": _("Pilih berkas yang akan diunggah.")},
    )


class ProgrammeForm(_Crispy):
    name = forms.CharField(label=_("Nama program"), max_length=200)
    hub = forms.ChoiceField(label=_("Penyelenggara"))
    year = forms.IntegerField(label=_("Tahun"), min_value=2014, max_value=2100)
    starts_on = forms.DateField(label=_("Mulai"), widget=DATE)
    ends_on = forms.DateField(label=_("Selesai"), widget=DATE)
    description = forms.CharField(
        label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    signing_on = forms.DateField(
        label=_("Tanggal penandatanganan komitmen"), widget=DATE, required=False
    )
    signing_place = forms.CharField(
        label=_("Tempat penandatanganan"), max_length=200, required=False
    )
    invited = forms.ModelMultipleChoiceField(
        label=_("Instansi yang diundang"), queryset=Instansi.objects.none(), required=False
    )

    def __init__(self, *args, hubs, national: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.hubs = {str(h.pk): h for h in hubs}
        choices = [(pk, str(h)) for pk, h in self.hubs.items()]
        if national:
            choices.insert(0, (NATIONAL, _("Nasional (Sekretariat KIPP)")))
        self.fields["hub"].choices = choices
        provinces = [h.province_id for h in hubs]
        invited = Instansi.objects.filter(is_active=True)
        if not national:
            invited = invited.filter(region__parent_id__in=provinces) | invited.filter(
                region_id__in=provinces
            )
        self.fields["invited"].queryset = invited.order_by("name")

    def clean_hub(self) -> Hub | None:
        value = self.cleaned_data["hub"]
        return None if value == NATIONAL else self.hubs[value]

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Tanggal selesai harus sesudah tanggal mulai."))
        return data


class CommitmentForm(_Crispy):
    instansi = forms.ModelChoiceField(
        label=_("Instansi pereplikasi"), queryset=Instansi.objects.none()
    )
    source_innovation = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Nama inovasi hasil replikasi"), max_length=255)
    problem = forms.CharField(
        label=_("Masalah yang ingin diatasi"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instansi"].queryset = instansi


class SigningForm(_Crispy):
    signatory = forms.CharField(label=_("Penanda tangan"), max_length=150)
    position = forms.CharField(label=_("Jabatan"), max_length=150)
    signed_on = forms.DateField(label=_("Tanggal ditandatangani"), widget=DATE)


class DocumentForm(_Crispy):
    kind = forms.ChoiceField(
        label=_("Jenis dokumen"),
        choices=[(k, label) for k, label in DocumentKind.choices if k != DocumentKind.EVIDENCE],
    )
    file = _file_field(_("Berkas"))


class PlanForm(_Crispy):
    team = forms.CharField(label=_("Tim replikasi"), widget=forms.Textarea(attrs={"rows": 2}))
    person_in_charge = forms.ModelChoiceField(label=_("Penanggung jawab"), queryset=None)
    budget_source = forms.CharField(label=_("Sumber anggaran"), max_length=150)
    adaptation = forms.CharField(
        label=_("Adaptasi (faktor pembeda)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person_in_charge"].queryset = people


class ActivityForm(_Crispy):
    name = forms.CharField(label=_("Kegiatan"), max_length=255)
    responsible_unit = forms.CharField(label=_("Unit penanggung jawab"), max_length=200)
    due_on = forms.DateField(label=_("Tenggat"), widget=DATE)


class ProgressForm(_Crispy):
    percent = forms.IntegerField(label=_("Persentase kemajuan"), min_value=0, max_value=100)
    summary = forms.CharField(label=_("Uraian kemajuan"), widget=forms.Textarea(attrs={"rows": 3}))
    obstacles = forms.CharField(
        label=_("Kendala"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    evidence = _file_field(_("Bukti kemajuan"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].required = False


class EvaluationForm(_Crispy):
    indicator_before = forms.CharField(
        label=_("Indikator sebelum"), widget=forms.Textarea(attrs={"rows": 2})
    )
    indicator_after = forms.CharField(
        label=_("Indikator sesudah"), widget=forms.Textarea(attrs={"rows": 2})
    )
    regulation = forms.CharField(
        label=_("Regulasi/keputusan pelembagaan"), max_length=255, required=False
    )


class CoachingNoteForm(_Crispy):
    body = forms.CharField(
        label=_("Catatan pendampingan"), widget=forms.Textarea(attrs={"rows": 3})
    )


class TransitionForm(forms.Form):
    to_state = forms.CharField()
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class HubEventForm(_Crispy):
    hub = forms.ModelChoiceField(label=_("Hub JIPP"), queryset=Hub.objects.none())
    kind = forms.ChoiceField(label=_("Jenis"), choices=HubEventKind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200)
    date = forms.DateField(label=_("Tanggal"), widget=DATE)
    place = forms.CharField(label=_("Tempat"), max_length=200)
    invited = forms.ModelMultipleChoiceField(
        label=_("Instansi yang diundang"), queryset=Instansi.objects.none(), required=False
    )
    attended = forms.ModelMultipleChoiceField(
        label=_("Instansi yang hadir"), queryset=Instansi.objects.none(), required=False
    )

    def __init__(self, *args, hubs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs
        provinces = hubs.values("province_id")
        instansi = Instansi.objects.filter(
            models.Q(region_id__in=provinces) | models.Q(region__parent_id__in=provinces),
            is_active=True,
        ).order_by("name")
        self.fields["invited"].queryset = instansi
        self.fields["attended"].queryset = instansi


class HubEventAttendanceForm(_Crispy):
    attended = forms.ModelMultipleChoiceField(
        label=_("Instansi yang hadir"),
        queryset=Instansi.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        province = event.hub.province_id
        self.fields["attended"].queryset = Instansi.objects.filter(
            models.Q(region_id=province) | models.Q(region__parent_id=province), is_active=True
        ).order_by("name")
        self.fields["attended"].initial = list(event.attended.values_list("pk", flat=True))
