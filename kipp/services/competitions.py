"""Writes of the competition configuration: competitions, groups, form sections, categories and
deadline extensions.

Every function takes keyword arguments only, checks that the actor organises the competition
(through `kipp.selectors.competitions_managed_by`, raising `PermissionDenied` otherwise)
and runs in one transaction. None of them sends notifications.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hubs.models import Hub, Instansi, User

from .. import defaults
from ..enums import EvidenceKind, GroupKind
from ..models import Category, Competition, CompetitionGroup, DeadlineExtension, FormSection
from ..models.competition import COMPETITION_FIELDS
from ..selectors.competitions import instansi_eligible_for
from ..selectors.proposals import competitions_managed_by

PERMISSION = "kipp.manage_competitions"


def _lock_managed(*, actor: User, competition: Competition) -> Competition:
    """Re-read the competition under lock, refusing one the actor does not organise."""
    if not actor.has_perm(PERMISSION):
        raise PermissionDenied
    found = (
        competitions_managed_by(actor)
        .select_for_update(of=("self",))
        .filter(pk=competition.pk)
        .first()
    )
    if found is None:
        raise PermissionDenied
    return found


def _check_schedule(opens: datetime, closes: datetime, verification: datetime) -> None:
    if not opens < closes:
        raise ValidationError(_("Pendaftaran harus dibuka sebelum ditutup."))
    if not closes <= verification:
        raise ValidationError(
            _("Verifikasi lokal tidak boleh ditutup sebelum pendaftaran ditutup.")
        )


def _prefill(competition: Competition) -> None:
    """The three groups with their default sections, evidence, quota and age, and the
    default categories (kipp.defaults); the organiser adjusts them afterwards."""
    for kind in GroupKind.values:
        group = CompetitionGroup.objects.create(
            competition=competition,
            kind=kind,
            quota_per_instansi=defaults.QUOTAS[kind],
            min_age_months=defaults.MIN_AGE_MONTHS[kind],
            required_evidence=[str(e) for e in defaults.REQUIRED_EVIDENCE[kind]],
            # Khusus is for earlier winners, by invitation (SPEC 3.2).
            invitation_only=kind == GroupKind.KHUSUS,
        )
        FormSection.objects.bulk_create(
            FormSection(
                group=group,
                key=key,
                title=title,
                help_text=defaults.GUIDANCE.get(key, ("", ""))[0],
                criterion=defaults.GUIDANCE.get(key, ("", ""))[1],
                word_limit=limit,
                order=order,
            )
            for order, (key, title, limit) in enumerate(defaults.SECTIONS[kind])
        )
    Category.objects.bulk_create(
        Category(competition=competition, name=name, order=order)
        for order, name in enumerate(defaults.CATEGORIES_2025)
    )


@transaction.atomic
def competition_create(
    *,
    actor: User,
    organiser_hub: Hub | None,
    name: str,
    slug: str,
    year: int,
    theme: str = "",
    registration_opens_at: datetime,
    registration_closes_at: datetime,
    verification_closes_at: datetime,
    max_file_mb: int = 2,
) -> Competition:
    """Create a competition (national when `organiser_hub` is None) and pre-fill its groups,
    form sections, required evidence, quotas, minimum ages and categories."""
    if not actor.has_perm(PERMISSION):
        raise PermissionDenied
    _check_schedule(registration_opens_at, registration_closes_at, verification_closes_at)
    competition = Competition.objects.create(
        organiser_hub=organiser_hub,
        name=name,
        slug=slug,
        year=year,
        theme=theme,
        registration_opens_at=registration_opens_at,
        registration_closes_at=registration_closes_at,
        verification_closes_at=verification_closes_at,
        max_file_mb=max_file_mb,
    )
    # The same door as every later write: an organiser the actor may not act as is refused
    # and the transaction rolls back.
    if not competitions_managed_by(actor).filter(pk=competition.pk).exists():
        raise PermissionDenied
    _prefill(competition)
    return competition


@transaction.atomic
def competition_update(*, actor: User, competition: Competition, **fields) -> Competition:
    """Change a competition's name, slug, year, theme, schedule or file size limit.

    The organiser never changes here: a provincial competition stays with its hub.
    """
    unknown = set(fields) - set(COMPETITION_FIELDS)
    if unknown:
        raise TypeError(f"competition_update() got unexpected fields: {sorted(unknown)}")
    locked = _lock_managed(actor=actor, competition=competition)
    for field, value in fields.items():
        setattr(locked, field, value)
    _check_schedule(
        locked.registration_opens_at, locked.registration_closes_at, locked.verification_closes_at
    )
    locked.save(update_fields=list(fields))
    return locked


@transaction.atomic
def group_update(
    *,
    actor: User,
    group: CompetitionGroup,
    quota_per_instansi: int,
    min_age_months: int,
    required_evidence: list[str],
    invitation_only: bool,
) -> CompetitionGroup:
    """Change a group's quota per instansi, minimum age, required evidence and whether it
    is open by invitation only."""
    _lock_managed(actor=actor, competition=group.competition)
    if set(required_evidence) - set(EvidenceKind.values):
        raise ValidationError(_("Jenis bukti dukung tidak dikenal."))
    group.quota_per_instansi = quota_per_instansi
    group.min_age_months = min_age_months
    # Kept in the order of EvidenceKind, so the proposal form lists them consistently.
    group.required_evidence = [e for e in EvidenceKind.values if e in set(required_evidence)]
    group.invitation_only = invitation_only
    group.save(
        update_fields=[
            "quota_per_instansi",
            "min_age_months",
            "required_evidence",
            "invitation_only",
        ]
    )
    return group


def _section_key(group: CompetitionGroup, title: str) -> str:
    """A key unique in the group, derived from the title (proposals store answers by key)."""
    base = (slugify(title).replace("-", "_") or "bagian")[:34]
    taken = set(FormSection.objects.filter(group=group).values_list("key", flat=True))
    key, n = base, 2
    while key in taken:
        key = f"{base}_{n}"
        n += 1
    return key


@transaction.atomic
def section_add(
    *,
    actor: User,
    group: CompetitionGroup,
    title: str,
    help_text: str = "",
    criterion: str = "",
    word_limit: int,
    order: int,
) -> FormSection:
    """Add a narrative section (guiding questions, scoring criterion) to a group's form."""
    _lock_managed(actor=actor, competition=group.competition)
    return FormSection.objects.create(
        group=group,
        key=_section_key(group, title),
        title=title,
        help_text=help_text,
        criterion=criterion,
        word_limit=word_limit,
        order=order,
    )


@transaction.atomic
def section_update(
    *,
    actor: User,
    section: FormSection,
    title: str,
    help_text: str,
    criterion: str = "",
    word_limit: int,
    order: int,
) -> FormSection:
    """Change a section's title, guiding questions, scoring criterion, word limit and order
    (its key stays, so answers already written stay attached)."""
    _lock_managed(actor=actor, competition=section.group.competition)
    section.title = title
    section.help_text = help_text
    section.criterion = criterion
    section.word_limit = word_limit
    section.order = order
    section.save(update_fields=["title", "help_text", "criterion", "word_limit", "order"])
    return section


@transaction.atomic
def section_remove(*, actor: User, section: FormSection) -> None:
    """Remove a section from a group's form (answers already written are kept in the
    proposals but no longer shown or checked)."""
    _lock_managed(actor=actor, competition=section.group.competition)
    section.delete()


def _check_category_name(*, competition: Competition, name: str, exclude_pk=None) -> None:
    others = Category.objects.filter(competition=competition, name__iexact=name)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(_("Kategori dengan nama ini sudah ada di edisi ini."))


@transaction.atomic
def category_add(*, actor: User, competition: Competition, name: str, order: int) -> Category:
    """Add a category to the competition."""
    _lock_managed(actor=actor, competition=competition)
    _check_category_name(competition=competition, name=name)
    return Category.objects.create(competition=competition, name=name, order=order)


@transaction.atomic
def category_update(*, actor: User, category: Category, name: str, order: int) -> Category:
    """Rename a category or move it in the list; proposals keep pointing to it."""
    _lock_managed(actor=actor, competition=category.competition)
    _check_category_name(competition=category.competition, name=name, exclude_pk=category.pk)
    category.name = name
    category.order = order
    category.save(update_fields=["name", "order"])
    return category


def _category_in_use(count: int) -> ValidationError:
    return ValidationError(
        _(
            "Kategori ini tidak dapat dihapus karena dipakai oleh %(n)d usulan. "
            "Ubah namanya, atau pindahkan usulan itu ke kategori lain terlebih dahulu."
        )
        % {"n": count}
    )


@transaction.atomic
def category_remove(*, actor: User, category: Category) -> None:
    """Remove a category no proposal uses; a used one is refused with a ValidationError."""
    _lock_managed(actor=actor, competition=category.competition)
    used = category.proposals.count()
    if used:
        raise _category_in_use(used)
    try:
        with transaction.atomic():
            category.delete()
    except ProtectedError as error:
        # A proposal picked it between the count and the delete.
        raise _category_in_use(len(error.protected_objects)) from None


@transaction.atomic
def extension_set(
    *,
    actor: User,
    competition: Competition,
    instansi: Instansi,
    registration_closes_at: datetime | None,
    verification_closes_at: datetime | None,
    reason: str,
) -> DeadlineExtension:
    """Give one instansi a later registration and/or local verification close.

    One extension per instansi: setting it again replaces the earlier one (dates, reason,
    who and when). An instansi that may not enter the competition is refused (PermissionDenied).
    """
    locked = _lock_managed(actor=actor, competition=competition)
    if not instansi_eligible_for(locked).filter(pk=instansi.pk).exists():
        raise PermissionDenied
    problems = []
    reason = reason.strip()
    if not reason:
        problems.append(_("Alasan perpanjangan wajib diisi."))
    if registration_closes_at is None and verification_closes_at is None:
        problems.append(_("Isi minimal satu tanggal perpanjangan."))
    if registration_closes_at and registration_closes_at <= locked.registration_closes_at:
        problems.append(
            _("Perpanjangan pendaftaran harus lebih lambat dari penutupan pendaftaran edisi.")
        )
    if verification_closes_at and verification_closes_at <= locked.verification_closes_at:
        problems.append(
            _("Perpanjangan verifikasi harus lebih lambat dari penutupan verifikasi lokal edisi.")
        )
    if (
        registration_closes_at
        and verification_closes_at
        and verification_closes_at < registration_closes_at
    ):
        problems.append(
            _("Verifikasi lokal tidak boleh ditutup sebelum pendaftaran yang diperpanjang.")
        )
    if problems:
        raise ValidationError(problems)
    extension, _created = DeadlineExtension.objects.update_or_create(
        competition=locked,
        instansi=instansi,
        defaults={
            "registration_closes_at": registration_closes_at,
            "verification_closes_at": verification_closes_at,
            "reason": reason,
            "created_by": actor,
            "created_at": timezone.now(),
        },
    )
    return extension


@transaction.atomic
def extension_remove(*, actor: User, extension: DeadlineExtension) -> None:
    """Withdraw an instansi's extension: the competition's own deadlines apply again."""
    _lock_managed(actor=actor, competition=extension.competition)
    extension.delete()
