"""What a user is, read once per request from their memberships.

Every permission predicate and scoped selector starts here, so the memberships are loaded
with one query per request and never re-read row by row.
"""

from dataclasses import dataclass

from django.utils.functional import LazyObject, cached_property, empty

from .enums import Role


@dataclass(frozen=True)
class RoleSet:
    roles: frozenset[str]
    operator_unit_ids: frozenset[int]
    operator_instansi_ids: frozenset[int]
    admin_instansi_ids: frozenset[int]
    hub_ids: frozenset[int]
    hub_province_ids: frozenset[int]
    national_roles: frozenset[str]
    organiser_hub_ids: frozenset[int]

    @property
    def is_operator(self) -> bool:
        return Role.OPERATOR in self.roles

    @property
    def is_admin_lokal(self) -> bool:
        return Role.ADMIN_LOKAL in self.roles

    @property
    def is_hub_admin(self) -> bool:
        return Role.HUB_ADMIN in self.roles

    @property
    def is_national_sekretariat(self) -> bool:
        return Role.SEKRETARIAT in self.national_roles

    @property
    def is_sekretariat(self) -> bool:
        return Role.SEKRETARIAT in self.roles

    @property
    def is_evaluator(self) -> bool:
        return Role.EVALUATOR in self.roles

    @property
    def is_panelist(self) -> bool:
        return Role.PANELIST in self.roles

    @property
    def is_judge(self) -> bool:
        return self.is_evaluator or self.is_panelist


EMPTY = RoleSet(*(frozenset() for _ in range(8)))


class _Loader:
    def __init__(self, user):
        self.user = user

    @cached_property
    def roleset(self) -> RoleSet:
        from .models import Membership

        if not getattr(self.user, "is_authenticated", False) or not self.user.is_active:
            return EMPTY
        rows = list(Membership.objects.filter(user=self.user).select_related("unit", "hub"))
        return RoleSet(
            roles=frozenset(m.role for m in rows),
            operator_unit_ids=frozenset(m.unit_id for m in rows if m.role == Role.OPERATOR),
            operator_instansi_ids=frozenset(
                m.unit.instansi_id for m in rows if m.role == Role.OPERATOR
            ),
            admin_instansi_ids=frozenset(m.instansi_id for m in rows if m.role == Role.ADMIN_LOKAL),
            hub_ids=frozenset(m.hub_id for m in rows if m.role == Role.HUB_ADMIN),
            hub_province_ids=frozenset(m.hub.province_id for m in rows if m.role == Role.HUB_ADMIN),
            national_roles=frozenset(
                m.role
                for m in rows
                if m.role in {Role.SEKRETARIAT, Role.EVALUATOR, Role.PANELIST} and not m.hub_id
            ),
            organiser_hub_ids=frozenset(
                m.hub_id
                for m in rows
                if m.role in {Role.SEKRETARIAT, Role.EVALUATOR, Role.PANELIST} and m.hub_id
            ),
        )


def _unwrapped(user):
    """The real user behind `request.user`'s lazy wrapper, so the cache lives in one place
    (permission checks run on the real object, templates and views often on the wrapper)."""
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def roles_of(user) -> RoleSet:
    """The user's roles, cached on the user object for the rest of the request."""
    user = _unwrapped(user)
    loader = user.__dict__.get("_kipp_roles")
    if loader is None:
        loader = _Loader(user)
        user.__dict__["_kipp_roles"] = loader
    return loader.roleset


def forget_roles(user) -> None:
    """Drop the cached roles after the user's memberships changed."""
    user = _unwrapped(user)
    user.__dict__.pop("_kipp_roles", None)
