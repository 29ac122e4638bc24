"""Forms of the organisation area; choices are always limited to the actor's scope."""

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import selectors
from .enums import REGIONAL_KINDS, RegionLevel, Role
from .models import Hub, Instansi, Region, Unit, User
from .roles import roles_of

# The empty choice of every select: Django's "---------" says nothing to a first-time user.
EMPTY_CHOICE = _("— pilih —")
DJANGO_EMPTY = "---------"


class EmptyChoiceMixin:
    """Label the empty option of each select "— pilih —", whenever its field was added (the
    label is set when the field is first drawn or read, so fields made in `__init__` count)."""

    def __getitem__(self, name):
        field = self.fields.get(name)
        if isinstance(field, forms.ModelChoiceField):
            # Its rows are never read here: a model multiple choice (no empty label) is a
            # ModelChoiceField but not a MultipleChoiceField, and listing its choices cost
            # a count and a cursor over the table each time the field was read.
            if field.empty_label is not None:
                field.empty_label = EMPTY_CHOICE
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field, forms.MultipleChoiceField
        ):
            choices = list(field.choices)
            if any(value == "" and label == DJANGO_EMPTY for value, label in choices):
                field.choices = [
                    (value, EMPTY_CHOICE if value == "" and label == DJANGO_EMPTY else label)
                    for value, label in choices
                ]
        return super().__getitem__(name)


class _CrispyMixin(EmptyChoiceMixin):
    def _setup_helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False


class UsernameValidator(UnicodeUsernameValidator):
    """Django's username rule, with a plainer message than its Indonesian catalog gives."""

    message = _("Nama pengguna hanya boleh berisi huruf, angka dan . @ + - _ (tanpa spasi).")


class AccountCreateForm(_CrispyMixin, forms.Form):
    """A new account with one role; the role and scope choices depend on the actor."""

    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        validators=[UsernameValidator()],
        help_text=_("Huruf, angka dan . @ + - _ saja, mis. upp.kominfo.bangkabarat"),
    )
    name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    email = forms.EmailField(label=_("Surel"))
    phone = forms.CharField(label=_("Nomor telepon"), max_length=30, required=False)
    role = forms.ChoiceField(label=_("Peran"))
    unit = forms.ModelChoiceField(
        label=_("Unit (UPP/OPD)"), queryset=Unit.objects.none(), required=False
    )
    instansi = forms.ModelChoiceField(
        label=pgettext_lazy("kolom", "Instansi"), queryset=Instansi.objects.none(), required=False
    )
    hub = forms.ModelChoiceField(
        label=pgettext_lazy("kolom", "Hub JIPP"), queryset=Hub.objects.none(), required=False
    )

    def __init__(self, *args, actor: User, **kwargs):
        super().__init__(*args, **kwargs)
        grantable = selectors.account_roles_grantable_by(actor)
        self.fields["role"].choices = [(r, Role(r).label) for r in grantable]
        if len(grantable) == 1:
            self.fields["role"].initial = grantable[0]
            self.fields["role"].widget = forms.HiddenInput()
        if Role.OPERATOR in grantable:
            self.fields["unit"].queryset = Unit.objects.filter(
                is_active=True, instansi_id__in=roles_of(actor).admin_instansi_ids
            ).select_related("instansi")
        else:
            del self.fields["unit"]
        if Role.ADMIN_LOKAL in grantable:
            self.fields["instansi"].queryset = selectors.instansi_managed_by(actor).filter(
                is_active=True
            )
            self.fields["hub"].queryset = selectors.hubs_managed_by(actor)
        else:
            del self.fields["instansi"]
            del self.fields["hub"]
        self._setup_helper()

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai."))
        return username

    def clean(self):
        data = super().clean()
        role = data.get("role")
        required = {
            Role.OPERATOR: ("unit", _("Pilih unit untuk Operator UPP.")),
            Role.ADMIN_LOKAL: ("instansi", _("Pilih instansi untuk Admin Lokal.")),
            Role.HUB_ADMIN: ("hub", _("Pilih hub untuk Admin Hub JIPP.")),
            Role.MENTOR: ("hub", _("Pilih hub yang didampingi Tim Pendamping.")),
        }
        if role in required:
            field, message = required[role]
            if not data.get(field):
                self.add_error(field if field in self.fields else None, message)
        return data


class AccountForm(_CrispyMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "email", "phone"]
        labels = {"name": _("Nama lengkap"), "email": _("Surel"), "phone": _("Nomor telepon")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["name"].required = True
        self._setup_helper()


class UnitForm(_CrispyMixin, forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["instansi", "name", "is_active"]

    def __init__(self, *args, actor: User, **kwargs):
        super().__init__(*args, **kwargs)
        roles = roles_of(actor)
        choices = Instansi.objects.filter(is_active=True)
        if not roles.is_national_sekretariat:
            choices = choices.filter(pk__in=roles.admin_instansi_ids)
        self.fields["instansi"].queryset = choices
        if choices.count() == 1 and not self.instance.pk:
            self.fields["instansi"].initial = choices.first()
        self._setup_helper()


class InstansiForm(_CrispyMixin, forms.ModelForm):
    class Meta:
        model = Instansi
        fields = ["name", "kind", "region", "contact_email", "contact_phone", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.select_related("parent").order_by("code")
        self.fields["contact_email"].help_text = _(
            "Alamat resmi kantor (Biro/Bagian Organisasi), tampil di katalog replikasi."
        )
        self.fields["region"].help_text = _(
            "Wajib untuk pemerintah daerah dan BUMD; kosongkan untuk kementerian, lembaga, BUMN."
        )
        self._setup_helper()

    def clean(self):
        data = super().clean()
        kind, region = data.get("kind"), data.get("region")
        if kind in REGIONAL_KINDS and region is None:
            self.add_error("region", _("Instansi daerah harus terhubung ke wilayahnya."))
        if kind and kind not in REGIONAL_KINDS and region is not None:
            self.add_error("region", _("Instansi pusat tidak terhubung ke wilayah."))
        if kind == "provinsi" and region and region.level != RegionLevel.PROVINCE:
            self.add_error("region", _("Pemerintah provinsi harus terhubung ke provinsi."))
        if kind in {"kabupaten", "kota"} and region and region.kind != kind:
            self.add_error("region", _("Jenis wilayah tidak sesuai dengan jenis instansi."))
        return data


class HubForm(_CrispyMixin, forms.ModelForm):
    class Meta:
        model = Hub
        fields = ["province", "cohort", "decree", "mentors", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = selectors.provinces()
        self._setup_helper()
