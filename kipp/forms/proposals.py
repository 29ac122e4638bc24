"""Forms of the proposer's side; every choice is limited to the actor's scope and competition."""

from crispy_forms.helper import FormHelper
from django import forms
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from hubs.forms import EmptyChoiceMixin
from hubs.models import Unit

from ..eligibility import count_words
from ..enums import EvidenceKind, GroupKind, InnovatorKind
from ..models import Category, CompetitionGroup, Innovation, Proposal, SdgGoal
from ..models.proposal import MAX_TEAM
from ..params import MAX_ID, ModelIdsField
from ..selectors.proposals import innovations_of, units_for_innovations
from ..selectors.results import replication_sources
from ..uploads import ACCEPT

TEAM_FIELDS = ("name", "position", "phone", "email")
# Generous, so that autosave never refuses text that is merely over the word limit.
SECTION_MAX_CHARS = 50_000


class _CrispyMixin(EmptyChoiceMixin):
    def _setup_helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False


class InnovationEditForm(_CrispyMixin, forms.Form):
    """Name, start date and summary of an innovation; `locked` (the reason) shows the name
    and start date read-only once they can no longer change."""

    title = forms.CharField(label=_("Nama inovasi"), max_length=255)
    started_on = forms.DateField(
        label=_("Tanggal mulai diterapkan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Usia inovasi dihitung dari tanggal ini sampai pendaftaran ditutup."),
    )
    summary = forms.CharField(
        label=_("Uraian singkat"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args, locked: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if locked:
            for name in ("title", "started_on"):
                self.fields[name].disabled = True
                self.fields[name].help_text = locked
        self._setup_helper()

    def clean_started_on(self):
        day = self.cleaned_data["started_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Tanggal mulai diterapkan tidak boleh di masa depan."))
        return day


class InnovationForm(InnovationEditForm):
    unit = forms.ModelChoiceField(label=_("Unit (UPP/OPD)"), queryset=Unit.objects.none())
    field_order = ["unit", "title", "started_on", "summary"]

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for_innovations(actor)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda u: f"{u.name} — {u.instansi.name}"
        choices = list(units[:2])
        if len(choices) == 1:
            self.fields["unit"].initial = choices[0].pk
            self.fields["unit"].widget = forms.HiddenInput()


class ProposalCreateForm(EmptyChoiceMixin, forms.Form):
    group = forms.ModelChoiceField(
        label=_("Kompetisi dan kelompok"),
        queryset=CompetitionGroup.objects.none(),
        empty_label=_("— pilih —"),
    )
    innovation = forms.ModelChoiceField(
        label=_("Inovasi"), queryset=Innovation.objects.none(), empty_label=_("— pilih —")
    )

    def __init__(self, *args, actor, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups.filter(invitation_only=False)
        self.fields["group"].label_from_instance = lambda g: (
            f"{g.competition.name} · {g.get_kind_display()}"
        )
        self.fields["innovation"].queryset = innovations_of(actor).filter(unit__is_active=True)
        self.fields["innovation"].label_from_instance = lambda i: f"{i.title} — {i.unit.name}"
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


class StoredChoiceField(forms.ModelChoiceField):
    """A model choice that takes the value the proposal already holds without reading it
    again: autosave posts the whole form every few seconds, mostly unchanged."""

    stored = None  # the row the proposal holds, when it was read with the proposal

    def to_python(self, value):
        if self.stored is not None and str(value) == str(self.stored.pk):
            return self.stored
        return super().to_python(value)


class StoredIdsField(ModelIdsField):
    """`ModelIdsField` that takes the rows the proposal already holds without reading them
    again (see `StoredChoiceField`)."""

    stored = None  # the rows the proposal holds, when they were prefetched

    def _check_values(self, value):
        if self.stored is not None and {str(v) for v in value} == {
            str(row.pk) for row in self.stored
        }:
            return list(self.stored)
        return super()._check_values(value)


class ProposalForm(EmptyChoiceMixin, forms.Form):
    """The proposal's content. `strict` for "Simpan"; autosave is lenient so no text is lost."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    title = forms.CharField(label=_("Judul"), max_length=255)
    category = StoredChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("— pilih kategori —"),
    )
    sdgs = StoredIdsField(
        label=_("Tujuan TPB/SDGs yang didukung"),
        queryset=SdgGoal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    innovator_kind = forms.ChoiceField(
        label=_("Inovator"), choices=InnovatorKind.choices, widget=forms.RadioSelect
    )
    source_innovation = forms.ModelChoiceField(
        label=_("Inovasi asal yang direplikasi"),
        queryset=Innovation.objects.none(),
        required=False,
        empty_label=_("— pilih inovasi Top 99/Top 45 —"),
        help_text=_("Inovasi yang pernah masuk Top 99 atau Top 45 KIPP pada tahun sebelumnya."),
    )
    replication_statement = forms.BooleanField(
        label=_(
            "Kami menyatakan bahwa inovasi ini adalah replikasi dari inovasi asal di atas, "
            "dengan penyesuaian sesuai kebutuhan daerah kami."
        ),
        required=False,
    )
    video_url = forms.URLField(
        label=_("Tautan video"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Mis. tautan YouTube; video berdurasi paling lama 5 menit."),
    )
    truth_statement = forms.BooleanField(
        label=_("Saya menyatakan bahwa seluruh data dan bukti dukung yang diisikan adalah benar."),
        required=False,
    )

    def __init__(self, *args, proposal: Proposal, strict: bool = True, **kwargs):
        self.proposal, self.strict = proposal, strict
        if not args and "data" not in kwargs:
            kwargs.setdefault("initial", self.initial_of(proposal))
        super().__init__(*args, **kwargs)
        self.fields["title"].required = strict
        self.fields["category"].queryset = proposal.competition.categories.all()
        self.fields["sdgs"].label_from_instance = str
        if Proposal.category.is_cached(proposal):
            self.fields["category"].stored = proposal.category
        if "sdgs" in getattr(proposal, "_prefetched_objects_cache", {}):
            self.fields["sdgs"].stored = list(proposal.sdgs.all())
        if proposal.group.kind == GroupKind.REPLIKASI:
            self.fields["source_innovation"].queryset = replication_sources(proposal)
            self.fields["source_innovation"].label_from_instance = lambda i: (
                f"{i.title} — {i.unit.name}, {i.unit.instansi.name}"
            )
        else:
            del self.fields["source_innovation"]
            del self.fields["replication_statement"]
        for index in range(MAX_TEAM):
            for part, label, length in (
                ("name", _("Nama"), 150),
                ("position", _("Jabatan"), 150),
                ("phone", _("Telepon"), 30),
                ("email", _("Surel"), 254),
            ):
                self.fields[f"team_{index}_{part}"] = forms.CharField(
                    label=label, max_length=length, required=False
                )
        self.sections = list(proposal.group.sections.all())
        for section in self.sections:
            self.fields[f"section_{section.key}"] = forms.CharField(
                label=gettext(section.title),
                required=False,
                max_length=SECTION_MAX_CHARS,
                widget=forms.Textarea(
                    attrs={
                        "rows": 6,
                        "data-word-limit": section.word_limit,
                        # The guiding questions, the criterion and the word count.
                        "aria-describedby": " ".join(
                            name
                            for name, shown in (
                                (f"panduan-{section.key}", section.help_text),
                                (f"kriteria-{section.key}", section.criterion),
                                (f"hitung-{section.key}", True),
                            )
                            if shown
                        ),
                    }
                ),
            )
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, (forms.CheckboxInput, forms.RadioSelect)):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs.setdefault("class", "form-control")
            if name.startswith("team_"):
                widget.attrs["class"] += " form-control-sm"
                if name.endswith("_email"):
                    widget.input_type = "email"
                if name.endswith("_phone"):
                    widget.input_type = "tel"

    @staticmethod
    def initial_of(proposal: Proposal) -> dict:
        initial = {
            "version": proposal.version,
            "title": proposal.title,
            "category": proposal.category_id,
            "sdgs": [goal.pk for goal in proposal.sdgs.all()],
            "innovator_kind": proposal.innovator_kind,
            "source_innovation": proposal.source_innovation_id,
            "replication_statement": proposal.replication_statement,
            "video_url": proposal.video_url,
            "truth_statement": proposal.truth_statement,
        }
        for index, member in enumerate(proposal.team[:MAX_TEAM]):
            for part in TEAM_FIELDS:
                initial[f"team_{index}_{part}"] = member.get(part, "")
        for key, text in proposal.sections.items():
            initial[f"section_{key}"] = text
        return initial

    # Validation ---------------------------------------------------------------------------

    def clean(self):
        data = super().clean()
        if not self.strict:
            return data
        members = 0
        for index in range(MAX_TEAM):
            email = data.get(f"team_{index}_email", "")
            if email:
                try:
                    validate_email(email)
                except forms.ValidationError:
                    self.add_error(f"team_{index}_email", _("Alamat surel tidak valid."))
            if any(data.get(f"team_{index}_{part}") for part in TEAM_FIELDS):
                if not data.get(f"team_{index}_name"):
                    self.add_error(f"team_{index}_name", _("Isi nama anggota ini."))
                members += 1
        if data.get("innovator_kind") == InnovatorKind.INDIVIDUAL and members > 1:
            self.add_error(
                "innovator_kind", _("Inovator perorangan hanya satu orang; pilih “Tim”.")
            )
        # Word limits and the title are checked by the save itself (eligibility rules), so
        # the form, the save and the submit say the same thing.
        return data

    def changes(self) -> dict:
        """What the services should write: every field that validated (for autosave, the
        invalid ones are left out and keep their stored value)."""
        data = self.cleaned_data
        changes = {
            name: data[name]
            for name in (
                "title",
                "category",
                "innovator_kind",
                "source_innovation",
                "replication_statement",
                "video_url",
                "truth_statement",
            )
            if name in data and name in self.fields
        }
        team_names = [f"team_{i}_{part}" for i in range(MAX_TEAM) for part in TEAM_FIELDS]
        if all(name in data for name in team_names):
            team = []
            for index in range(MAX_TEAM):
                member = {part: data[f"team_{index}_{part}"].strip() for part in TEAM_FIELDS}
                if any(member.values()):
                    team.append(member)
            changes["team"] = team
        changes["sections"] = {
            section.key: data[f"section_{section.key}"]
            for section in self.sections
            if f"section_{section.key}" in data
        }
        return changes

    def chosen_sdgs(self):
        return self.cleaned_data.get("sdgs") if "sdgs" in self.cleaned_data else None

    # Rendering helpers --------------------------------------------------------------------

    def team_rows(self):
        return [[self[f"team_{index}_{part}"] for part in TEAM_FIELDS] for index in range(MAX_TEAM)]

    def section_fields(self):
        rows = []
        for section in self.sections:
            field = self[f"section_{section.key}"]
            text = field.value() or ""
            words = count_words(text)
            rows.append(
                {
                    "section": section,
                    "field": field,
                    "words": words,
                    "over": words > section.word_limit,
                }
            )
        return rows


class EvidenceForm(EmptyChoiceMixin, forms.Form):
    kind = forms.ChoiceField(label=pgettext_lazy("bukti", "Jenis"), choices=EvidenceKind.choices)
    file = forms.FileField(
        label=_("Berkas"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget.attrs["class"] = "form-select"
        self.fields["file"].widget.attrs["class"] = "form-control"
