"""Forms of the outcomes: shortlist rules, overrides, publication, objections, moderation,
the presentation schedule and field verification. Every bad input gets an Indonesian message."""

from datetime import datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.enums import Cluster
from kipp.enums import ResultLevel
from kipp.uploads import ACCEPT, PDF, check_evidence_file

from ..schedule import Break, DayWindow

DECREE_MAX_BYTES = 5 * 1024 * 1024
OBJECTION_MAX_BYTES = 2 * 1024 * 1024
LEVEL_CHOICES = [("", _("Tanpa capaian (hanya peserta babak berikutnya)")), *ResultLevel.choices]
FIELD_CHECKLIST = [
    ("running", _("Inovasi berjalan sesuai uraian proposal")),
    ("evidence", _("Bukti dukung asli sesuai yang diunggah")),
    ("users", _("Pengguna layanan merasakan manfaat (wawancara)")),
    ("data", _("Data kinerja sebelum/sesudah tersedia")),
    ("sustain", _("Ada regulasi, anggaran dan SDM untuk keberlanjutan")),
]


def _number(label, **kwargs):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=5000,
        error_messages={
            "invalid": _("Isi dengan bilangan bulat."),
            "min_value": _("Tidak boleh negatif."),
            "max_value": _("Terlalu besar."),
        },
        **kwargs,
    )


class ShortlistRulesForm(forms.Form):
    """N and the composition rules; `rules()` gives the JSON the solver reads."""

    level = forms.ChoiceField(
        label=_("Capaian yang diberikan saat diumumkan"), choices=LEVEL_CHOICES, required=False
    )
    size = forms.IntegerField(
        label=_("Jumlah usulan yang dipilih (N)"),
        min_value=1,
        max_value=5000,
        error_messages={
            "required": _("Isi jumlah usulan yang dipilih."),
            "min_value": _("Paling sedikit 1."),
            "invalid": _("Isi dengan bilangan bulat."),
        },
    )
    instansi_max = _number(_("Maksimum per instansi"))
    min_3t = _number(_("Minimum dari daerah 3T"))

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = list(categories)
        for value, label in Cluster.choices:
            self.fields[f"cluster_{value}_min"] = _number(_("%(c)s minimum") % {"c": label})
            self.fields[f"cluster_{value}_max"] = _number(_("%(c)s maksimum") % {"c": label})
        for index, category in enumerate(self.categories):
            self.fields[f"category_{index}"] = _number(category.name)

    def cluster_rows(self):
        return [
            (label, self[f"cluster_{value}_min"], self[f"cluster_{value}_max"])
            for value, label in Cluster.choices
        ]

    def category_fields(self):
        return [self[f"category_{index}"] for index in range(len(self.categories))]

    def clean(self):
        data = super().clean()
        for value, label in Cluster.choices:
            low, high = data.get(f"cluster_{value}_min"), data.get(f"cluster_{value}_max")
            if low is not None and high is not None and low > high:
                self.add_error(
                    f"cluster_{value}_max",
                    _("Maksimum %(c)s lebih kecil dari minimumnya.") % {"c": label},
                )
        return data

    def rules(self) -> dict:
        data = self.cleaned_data
        rules: dict = {"size": data["size"]}
        cluster = {}
        for value, _label in Cluster.choices:
            bounds = {}
            if data.get(f"cluster_{value}_min"):
                bounds["min"] = data[f"cluster_{value}_min"]
            if data.get(f"cluster_{value}_max") is not None:
                bounds["max"] = data[f"cluster_{value}_max"]
            if bounds:
                cluster[value] = bounds
        if cluster:
            rules["cluster"] = cluster
        categories = {
            category.name: data[f"category_{index}"]
            for index, category in enumerate(self.categories)
            if data.get(f"category_{index}")
        }
        if categories:
            rules["category_min"] = categories
        if data.get("instansi_max") is not None:
            rules["instansi_max"] = data["instansi_max"]
        if data.get("min_3t"):
            rules["min_3t"] = data["min_3t"]
        return rules


class OverrideForm(forms.Form):
    selected = forms.TypedChoiceField(
        label=_("Keputusan"),
        choices=[("1", _("Masukkan")), ("0", _("Keluarkan"))],
        coerce=lambda value: value == "1",
    )
    reason = forms.CharField(
        label=_("Alasan perubahan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tuliskan alasan perubahan manual.")},
    )


class PublishForm(forms.Form):
    decree_number = forms.CharField(
        label=_("Nomor surat keputusan"),
        max_length=120,
        error_messages={"required": _("Isi nomor surat keputusan.")},
    )
    decree_file = forms.FileField(
        label=_("Berkas surat keputusan (PDF, maks. 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        error_messages={"required": _("Unggah berkas surat keputusan (PDF).")},
    )

    def clean_decree_file(self):
        upload = self.cleaned_data["decree_file"]
        checked = check_evidence_file(upload, max_bytes=DECREE_MAX_BYTES)
        if checked.content_type != PDF.content_type:
            raise ValidationError(_("Surat keputusan harus berkas PDF."))
        return upload


class ObjectionForm(forms.Form):
    proposal = forms.TypedChoiceField(
        label=_("Usulan yang dikeberatani"),
        coerce=int,
        error_messages={
            "required": _("Pilih usulan yang Anda keberatani."),
            "invalid_choice": _("Pilih usulan dari daftar."),
        },
    )
    name = forms.CharField(
        label=_("Nama"), max_length=150, error_messages={"required": _("Isi nama Anda.")}
    )
    email = forms.EmailField(
        label=_("Surel"),
        error_messages={
            "required": _("Isi alamat surel."),
            "invalid": _("Alamat surel tidak sah."),
        },
    )
    text = forms.CharField(
        label=_("Isi keberatan"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Tuliskan keberatan Anda."),
            "min_length": _("Uraikan keberatan Anda paling sedikit 20 karakter."),
        },
    )
    file = forms.FileField(
        label=_("Lampiran (PDF/JPG/PNG, maks. 2 MB, tidak wajib)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].choices = [("", "—")] + [
            (entry.proposal_id, f"{entry.proposal.title} ({entry.proposal.instansi.name})")
            for entry in entries
        ]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_evidence_file(upload, max_bytes=OBJECTION_MAX_BYTES)
        return upload


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("uphold", _("Kabulkan")), ("dismiss", _("Tolak"))],
        error_messages={"required": _("Pilih keputusan.")},
    )
    note = forms.CharField(
        label=_("Catatan moderasi"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tuliskan catatan moderasi.")},
    )


class ScheduleForm(forms.Form):
    """Days (one date per line), the daily window and breaks, in WIB."""

    days = forms.CharField(
        label=_("Tanggal presentasi (satu per baris, TTTT-BB-HH)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Isi paling sedikit satu tanggal.")},
    )
    starts = forms.TimeField(
        label=_("Mulai (WIB)"),
        initial=time(8, 0),
        error_messages={"invalid": _("Jam tidak sah (JJ:MM).")},
    )
    ends = forms.TimeField(
        label=_("Selesai (WIB)"),
        initial=time(16, 0),
        error_messages={"invalid": _("Jam tidak sah (JJ:MM).")},
    )
    breaks = forms.CharField(
        label=_("Jeda harian (satu per baris, JJ:MM-JJ:MM)"),
        required=False,
        initial="12:00-13:00",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    place = forms.CharField(label=_("Tempat atau tautan"), max_length=300, required=False)

    def clean_days(self):
        days = []
        for line in self.cleaned_data["days"].split():
            try:
                days.append(datetime.strptime(line.strip(), "%Y-%m-%d").date())
            except ValueError:
                raise ValidationError(
                    _("Tanggal “%(d)s” tidak sah; tulis sebagai TTTT-BB-HH.") % {"d": line}
                ) from None
        if not days:
            raise ValidationError(_("Isi paling sedikit satu tanggal."))
        return sorted(set(days))

    def clean_breaks(self):
        breaks = []
        for line in self.cleaned_data.get("breaks", "").split():
            try:
                start, end = (datetime.strptime(part, "%H:%M").time() for part in line.split("-"))
            except ValueError:
                raise ValidationError(
                    _("Jeda “%(b)s” tidak sah; tulis sebagai JJ:MM-JJ:MM.") % {"b": line}
                ) from None
            if end <= start:
                raise ValidationError(_("Jeda “%(b)s” berakhir sebelum dimulai.") % {"b": line})
            breaks.append(Break(start, end))
        return breaks

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("Jam selesai harus setelah jam mulai."))
        return data

    def windows(self) -> list[DayWindow]:
        zone = timezone.get_default_timezone()
        data = self.cleaned_data
        return [
            DayWindow(
                datetime.combine(day, data["starts"], zone),
                datetime.combine(day, data["ends"], zone),
            )
            for day in data["days"]
        ]


class FieldVerificationForm(forms.Form):
    visited_on = forms.DateField(
        label=_("Tanggal kunjungan (TTTT-BB-HH)"),
        required=False,
        error_messages={"invalid": _("Tanggal tidak sah; tulis sebagai TTTT-BB-HH.")},
    )
    checklist = forms.MultipleChoiceField(
        label=_("Daftar periksa"),
        choices=FIELD_CHECKLIST,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    findings = forms.CharField(
        label=_("Temuan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tuliskan temuan kunjungan.")},
    )
    recommended = forms.TypedChoiceField(
        label=_("Rekomendasi"),
        choices=[
            ("", _("Belum diputuskan")),
            ("1", _("Direkomendasikan")),
            ("0", _("Tidak direkomendasikan")),
        ],
        coerce=lambda value: value == "1",
        empty_value=None,
        required=False,
    )
