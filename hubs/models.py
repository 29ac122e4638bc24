"""Organisation structure: regions, instansi, units, JIPP hubs, users and role memberships."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import (
    CLUSTER_OF_KIND,
    ORGANISER_ROLES,
    Cluster,
    InstansiKind,
    RegionKind,
    RegionLevel,
    Role,
)


class Region(models.Model):
    """A province or kabupaten/kota, identified by its Kemendagri code (e.g. 19.05)."""

    code = models.CharField(_("kode Kemendagri"), max_length=13, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=RegionLevel.choices)
    kind = models.CharField(_("jenis"), max_length=12, choices=RegionKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("provinsi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_3t = models.BooleanField(
        _("daerah 3T"), default=False, help_text=_("Tertinggal, terdepan, terluar.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def province(self):
        return self if self.level == RegionLevel.PROVINCE else self.parent


class Instansi(models.Model):
    """An agency taking part: a ministry, an institution, a regional government, a BUMN/BUMD."""

    name = models.CharField(_("nama"), max_length=200, unique=True)
    kind = models.CharField(_("jenis instansi"), max_length=12, choices=InstansiKind.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("wilayah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instansi",
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    # The office an adopting region writes to about an innovation (the Biro/Bagian
    # Organisasi's official address, public in the replication catalogue; never a person's).
    contact_email = models.EmailField(_("e-mail kantor"), blank=True)
    contact_phone = models.CharField(
        _("telepon kantor"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()-]{6,30}$",
                _("Tulis nomor telepon dengan angka, spasi, tanda +, - atau kurung."),
            )
        ],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self):
        return self.name

    @property
    def cluster(self) -> Cluster:
        return CLUSTER_OF_KIND[InstansiKind(self.kind)]


class Unit(models.Model):
    """A service unit (UPP/OPD) of an instansi, e.g. Dinas Komunikasi dan Informatika."""

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="units"
    )
    name = models.CharField(_("nama unit"), max_length=200)
    is_active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit (UPP/OPD)")
        verbose_name_plural = _("unit (UPP/OPD)")
        ordering = ["instansi__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "name"],
                name="unit_name_unique_in_instansi",
                violation_error_message=_("Unit dengan nama ini sudah ada di instansi tersebut."),
            )
        ]
        # An instansi's units in id order: what a join from memberships (operators of an
        # instansi) walks. Without it the planner walks every unit's primary key instead,
        # 4 ms at 20,000 units for an Admin Lokal's account list.
        indexes = [models.Index(fields=["instansi", "id"], name="unit_by_instansi")]

    def __str__(self):
        return self.name


class Hub(models.Model):
    """A province designated as a JIPP hub (Jaringan Inovasi Pelayanan Publik)."""

    province = models.OneToOneField(
        Region,
        verbose_name=_("provinsi"),
        on_delete=models.PROTECT,
        related_name="hub",
        limit_choices_to={"level": RegionLevel.PROVINCE},
        error_messages={"unique": _("Provinsi ini sudah menjadi hub JIPP.")},
    )
    cohort = models.PositiveSmallIntegerField(_("angkatan (tahun)"))
    decree = models.CharField(_("dasar penetapan"), max_length=200, blank=True)
    mentors = models.TextField(_("mentor"), blank=True, help_text=_("Misalnya perguruan tinggi."))
    is_active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hub JIPP")
        verbose_name_plural = _("hub JIPP")
        ordering = ["cohort", "province__code"]

    def __str__(self):
        return f"JIPP {self.province.name}"


class User(AbstractUser):
    """A person with a login; what they may do comes from their memberships."""

    name = models.CharField(_("nama lengkap"), max_length=150, blank=True)
    phone = models.CharField(_("nomor telepon"), max_length=30, blank=True)
    must_change_password = models.BooleanField(
        _("wajib ganti kata sandi"),
        default=False,
        help_text=_("Diset saat akun dibuat atau kata sandinya direset oleh admin."),
    )
    # The language the person last chose with the switch: their notifications and e-mails
    # are written in it (empty: the portal's default, Bahasa Indonesia).
    language = models.CharField(_("bahasa"), max_length=8, blank=True, choices=settings.LANGUAGES)
    history = HistoricalRecords(excluded_fields=["password", "last_login", "language"])

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        ordering = ["username"]

    def __str__(self):
        return self.name or self.username

    @property
    def display_name(self) -> str:
        return self.name or self.get_full_name() or self.username

    @cached_property
    def roleset(self):
        """The user's roles in their scopes (`hubs.roles`), read once per request."""
        from .roles import load_roles

        return load_roles(self)


class Membership(models.Model):
    """One role of a user, scoped to a unit, an instansi, a hub, or the national organiser.

    Scope by role: Operator UPP -> unit; Admin Lokal -> instansi; Admin Hub JIPP and Tim
    Pendamping (a hub's mentor) -> hub;
    Sekretariat, Tim Evaluasi, Tim Panel Independen -> the organiser (no hub = national,
    a hub = that hub's provincial competition).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    instansi = models.ForeignKey(
        Instansi,
        verbose_name=_("instansi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    hub = models.ForeignKey(
        Hub,
        verbose_name=_("hub"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keanggotaan peran")
        verbose_name_plural = _("keanggotaan peran")
        ordering = ["user__username", "role"]
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(
                        role=Role.OPERATOR,
                        unit__isnull=False,
                        instansi__isnull=True,
                        hub__isnull=True,
                    )
                    | Q(
                        role=Role.ADMIN_LOKAL,
                        unit__isnull=True,
                        instansi__isnull=False,
                        hub__isnull=True,
                    )
                    | Q(
                        role=Role.HUB_ADMIN,
                        unit__isnull=True,
                        instansi__isnull=True,
                        hub__isnull=False,
                    )
                    | Q(
                        role=Role.MENTOR,
                        unit__isnull=True,
                        instansi__isnull=True,
                        hub__isnull=False,
                    )
                    | Q(
                        role__in=sorted(ORGANISER_ROLES),
                        unit__isnull=True,
                        instansi__isnull=True,
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "unit"],
                condition=Q(role=Role.OPERATOR),
                name="membership_unique_operator",
            ),
            models.UniqueConstraint(
                fields=["user", "instansi"],
                condition=Q(role=Role.ADMIN_LOKAL),
                name="membership_unique_admin_lokal",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "hub"],
                condition=Q(hub__isnull=False),
                name="membership_unique_hub_scope",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(hub__isnull=True, unit__isnull=True, instansi__isnull=True),
                name="membership_unique_national_scope",
            ),
        ]

    def __str__(self):
        return f"{self.user} - {self.get_role_display()} ({self.scope_label})"

    @property
    def scope_label(self) -> str:
        if self.unit_id:
            return f"{self.unit.name}, {self.unit.instansi.name}"
        if self.instansi_id:
            return self.instansi.name
        if self.hub_id:
            return str(self.hub)
        return str(_("Nasional"))

    @property
    def scope_instansi_id(self) -> int | None:
        """The instansi this membership acts for, if any."""
        if self.unit_id:
            return self.unit.instansi_id
        return self.instansi_id


class Notification(models.Model):
    """A message to one user, shown in the portal and e-mailed once by a Celery task.

    The row is written in the same transaction as the change it announces; the e-mail task
    is enqueued after commit and marks `emailed_at`, so a retry never sends it twice.
    """

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    subject = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"))
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.subject
