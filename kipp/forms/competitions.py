"""Forms of the competition configuration; times are entered and shown in WIB to the minute."""

from datetime import datetime
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.forms import EmptyChoiceMixin
from hubs.models import Hub, Instansi
from hubs.templatetags.kipp_format import wib as _wib

from ..enums import EvidenceKind
from ..models import Category, Competition, CompetitionGroup, FormSection
from ..models.competition import COMPETITION_FIELDS

WIB = ZoneInfo("Asia/Jakarta")
NATIONAL = "nasional"
# The same bound on every database (SQLite would store any 64-bit number in a small column).
ORDER_MAX = MaxValueValidator(999, _("Urutan paling besar 999."))


class WibDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class WibDateTimeField(forms.DateTimeField):
    """A `datetime-local` field read and shown in WIB whatever timezone is active."""

    widget = WibDateTimeInput
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
    default_error_messages = {
        "invalid": _("Isi tanggal dan jam dengan format yang benar, mis. 16/04/2025 12:00."),
    }

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return value.astimezone(WIB).replace(tzinfo=None, second=0, microsecond=0)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            parsed = value
        else:
            parsed = None
            for fmt in self.input_formats:
                try:
                    parsed = datetime.strptime(str(value).strip(), fmt)
                    break
                except ValueError:
                    continue
            if parsed is None:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if timezone.is_naive(parsed):
            parsed = parsed.replace(tzinfo=WIB)
        return parsed.replace(second=0, microsecond=0)


class _CrispyMixin(EmptyChoiceMixin):
    def _setup_helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False


def _organiser_label(hub: Hub | None) -> str:
    if hub is None:
        return str(_("Nasional (Sekretariat KIPP)"))
    return str(_("Hub JIPP %(province)s") % {"province": hub.province.name})


class CompetitionForm(_CrispyMixin, forms.ModelForm):
    """Name, slug, year, theme, schedule (WIB) and file size limit of a competition.

    `organisers` lists who the actor may create the competition as; with one choice (the usual
    case: the national Sekretariat, or a hub admin for its own hub) no field is shown.
    """

    registration_opens_at = WibDateTimeField(label=_("Pendaftaran dibuka (WIB)"))
    registration_closes_at = WibDateTimeField(label=_("Pendaftaran ditutup (WIB)"))
    verification_closes_at = WibDateTimeField(
        label=_("Verifikasi lokal ditutup (WIB)"),
        help_text=_("Batas Admin Lokal meneruskan usulan ke penyelenggara."),
    )

    class Meta:
        model = Competition
        fields = list(COMPETITION_FIELDS)
        labels = {
            "name": _("Nama edisi"),
            "slug": _("Slug (alamat)"),
            "year": _("Tahun"),
            "theme": _("Tema"),
            "max_file_mb": _("Batas ukuran berkas (MB)"),
        }
        help_texts = {
            "name": _("Mis. KIPP 2025 atau KIPP Provinsi Kepulauan Bangka Belitung 2025."),
            "slug": _("Huruf kecil, angka dan tanda hubung, mis. kipp-2025."),
            "max_file_mb": _("Ukuran maksimal setiap berkas bukti dukung."),
        }
        error_messages = {
            "name": {"unique": _("Nama ini sudah dipakai edisi lain.")},
            "slug": {
                "unique": _("Slug ini sudah dipakai edisi lain."),
                "invalid": _("Slug hanya boleh berisi huruf kecil, angka, - dan _."),
            },
        }

    def __init__(self, *args, organisers: list[Hub | None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisers = organisers or []
        self.fields["year"].validators += [
            MinValueValidator(2000, _("Tahun minimal 2000.")),
            MaxValueValidator(2100, _("Tahun maksimal 2100.")),
        ]
        self.fields["max_file_mb"].validators += [
            MinValueValidator(1, _("Batas ukuran berkas minimal 1 MB.")),
            MaxValueValidator(50, _("Batas ukuran berkas maksimal 50 MB.")),
        ]
        if len(self.organisers) > 1:
            self.fields["organiser"] = forms.ChoiceField(
                label=_("Penyelenggara"),
                choices=[
                    (NATIONAL if h is None else str(h.pk), _organiser_label(h))
                    for h in self.organisers
                ],
            )
            self.order_fields(["organiser"])
        self._setup_helper()

    def clean_slug(self):
        return self.cleaned_data["slug"].lower()

    def clean(self):
        data = super().clean()
        opens = data.get("registration_opens_at")
        closes = data.get("registration_closes_at")
        verification = data.get("verification_closes_at")
        if opens and closes and not opens < closes:
            self.add_error(
                "registration_closes_at",
                _("Pendaftaran harus ditutup setelah dibuka."),
            )
        if closes and verification and not closes <= verification:
            self.add_error(
                "verification_closes_at",
                _("Verifikasi lokal tidak boleh ditutup sebelum pendaftaran ditutup."),
            )
        return data

    def chosen_organiser(self) -> Hub | None:
        """The organiser of a new competition: the only one allowed, or the chosen one."""
        if len(self.organisers) == 1:
            return self.organisers[0]
        chosen = self.cleaned_data["organiser"]
        for hub in self.organisers:
            if (hub is None and chosen == NATIONAL) or (hub is not None and str(hub.pk) == chosen):
                return hub
        raise forms.ValidationError(_("Pilih penyelenggara."))


class GroupForm(_CrispyMixin, forms.ModelForm):
    required_evidence = forms.MultipleChoiceField(
        label=_("Bukti dukung wajib"),
        choices=EvidenceKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CompetitionGroup
        fields = ["quota_per_instansi", "min_age_months", "required_evidence", "invitation_only"]
        labels = {
            "quota_per_instansi": _("Kuota per instansi"),
            "min_age_months": _("Usia minimal inovasi (bulan)"),
            "invitation_only": _("Hanya dengan undangan"),
        }
        help_texts = {
            "quota_per_instansi": _("Jumlah usulan yang boleh diteruskan setiap instansi."),
            "min_age_months": _("Dihitung pada saat pendaftaran ditutup, mis. 24 = 2 tahun."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quota_per_instansi"].validators += [
            MinValueValidator(1, _("Kuota minimal 1 usulan.")),
            MaxValueValidator(100, _("Kuota maksimal 100 usulan.")),
        ]
        self.fields["min_age_months"].validators += [
            MaxValueValidator(240, _("Usia minimal paling lama 240 bulan (20 tahun)."))
        ]
        self._setup_helper()


class SectionForm(_CrispyMixin, forms.ModelForm):
    class Meta:
        model = FormSection
        fields = ["title", "help_text", "criterion", "word_limit", "order"]
        labels = {
            "title": _("Judul bagian"),
            "help_text": _("Pertanyaan panduan"),
            "criterion": _("Kriteria penilaian"),
            "word_limit": _("Batas kata"),
            "order": _("Urutan"),
        }
        widgets = {
            "help_text": forms.Textarea(attrs={"rows": 2}),
            "criterion": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["word_limit"].validators += [
            MinValueValidator(10, _("Batas kata minimal 10.")),
            MaxValueValidator(5000, _("Batas kata maksimal 5000.")),
        ]
        self.fields["order"].validators += [ORDER_MAX]
        self._setup_helper()


class CategoryForm(_CrispyMixin, forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "order"]
        labels = {"name": _("Nama kategori"), "order": _("Urutan")}

    def __init__(self, *args, competition: Competition, **kwargs):
        super().__init__(*args, **kwargs)
        self.competition = competition
        self.fields["order"].validators += [ORDER_MAX]
        self._setup_helper()

    def clean_name(self):
        # Whether the name is taken is the service's rule (services.competitions).
        return " ".join(self.cleaned_data["name"].split())


class ExtensionForm(_CrispyMixin, forms.Form):
    """A later registration and/or verification close for one instansi, with the reason."""

    instansi = forms.ModelChoiceField(
        label=_("Instansi"),
        queryset=Instansi.objects.none(),
        error_messages={
            "required": _("Pilih instansi."),
            "invalid_choice": _("Instansi ini tidak dapat mengikuti edisi ini."),
        },
    )
    registration_closes_at = WibDateTimeField(
        label=_("Pendaftaran ditutup menjadi (WIB)"), required=False
    )
    verification_closes_at = WibDateTimeField(
        label=_("Verifikasi lokal ditutup menjadi (WIB)"), required=False
    )
    reason = forms.CharField(
        label=_("Alasan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Alasan perpanjangan wajib diisi.")},
        help_text=_("Mis. nomor surat permohonan dan kendala yang dialami."),
    )

    def __init__(self, *args, competition: Competition, instansi_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.competition = competition
        self.fields["instansi"].queryset = instansi_choices
        self.fields["registration_closes_at"].help_text = _(
            "Kosongkan bila tidak diperpanjang. Jadwal edisi: %(when)s."
        ) % {"when": _wib(competition.registration_closes_at)}
        self.fields["verification_closes_at"].help_text = _(
            "Kosongkan bila tidak diperpanjang. Jadwal edisi: %(when)s."
        ) % {"when": _wib(competition.verification_closes_at)}
        self._setup_helper()

    def clean(self):
        data = super().clean()
        registration = data.get("registration_closes_at")
        verification = data.get("verification_closes_at")
        both_read = "registration_closes_at" in data and "verification_closes_at" in data
        if both_read and registration is None and verification is None:
            raise forms.ValidationError(
                _("Isi minimal satu tanggal perpanjangan (pendaftaran atau verifikasi).")
            )
        if registration and registration <= self.competition.registration_closes_at:
            self.add_error(
                "registration_closes_at",
                _("Harus lebih lambat dari penutupan pendaftaran edisi (%(when)s).")
                % {"when": _wib(self.competition.registration_closes_at)},
            )
        if verification and verification <= self.competition.verification_closes_at:
            self.add_error(
                "verification_closes_at",
                _("Harus lebih lambat dari penutupan verifikasi lokal edisi (%(when)s).")
                % {"when": _wib(self.competition.verification_closes_at)},
            )
        if registration and verification and verification < registration:
            self.add_error(
                "verification_closes_at",
                _("Verifikasi lokal tidak boleh ditutup sebelum pendaftaran yang diperpanjang."),
            )
        return data
