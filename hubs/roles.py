"""What a user is, read once per request from their memberships.

Every permission predicate and scoped selector starts here, so the memberships are loaded
with one query per request and never re-read row by row. A role always travels with its
scope: (Sekretariat, national) and (panelist, Babel hub) are two different things, and no
set below mixes the scopes of different roles.
"""

import contextlib
from dataclasses import dataclass

from .enums import Role

# Roles of the organiser's side: held nationally (no hub) or for one hub's competitions.
ORGANISER_SIDE = frozenset({Role.SEKRETARIAT, Role.EVALUATOR, Role.PANELIST})
# Roles whose grant carries the hub they are held for (the mentor: one hub's tim pendamping).
HUB_SCOPED = ORGANISER_SIDE | {Role.MENTOR}


@dataclass(frozen=True)
class RoleSet:
    # (role, hub_id or None) for every membership; the source of the answers below.
    grants: frozenset[tuple[str, int | None]]
    operator_unit_ids: frozenset[int]
    operator_instansi_ids: frozenset[int]
    admin_instansi_ids: frozenset[int]
    # Hubs the user is Admin Hub JIPP of, and their provinces.
    hub_ids: frozenset[int]
    hub_province_ids: frozenset[int]
    # Provinces of the hubs the user is a mentor (Tim Pendamping) of; `hubs_where(MENTOR)`
    # gives the hubs. Kept apart from the Admin Hub JIPP's provinces above.
    mentor_province_ids: frozenset[int] = frozenset()

    @property
    def roles(self) -> frozenset[str]:
        """Every role held in some scope: for menus and greetings, never for access."""
        return frozenset(role for role, _ in self.grants)

    def holds(self, role: str, hub_id: int | None = None) -> bool:
        """Whether the user holds `role` nationally (hub_id None) or for exactly that hub."""
        return (role, hub_id) in self.grants

    def hubs_where(self, role: str) -> frozenset[int]:
        """The hubs for which the user holds `role` (an organiser-side role scoped to a hub)."""
        return frozenset(hub for held, hub in self.grants if held == role and hub is not None)

    @property
    def is_operator(self) -> bool:
        return bool(self.operator_unit_ids)

    @property
    def is_admin_lokal(self) -> bool:
        return bool(self.admin_instansi_ids)

    @property
    def is_hub_admin(self) -> bool:
        return bool(self.hub_ids)

    @property
    def is_mentor(self) -> bool:
        return bool(self.mentor_province_ids)

    @property
    def is_national_sekretariat(self) -> bool:
        return self.holds(Role.SEKRETARIAT)

    @property
    def organised_hub_ids(self) -> frozenset[int]:
        """Hubs whose provincial competitions the user organises: as their Admin Hub JIPP or
        as a Sekretariat member attached to the hub. The one answer used everywhere."""
        return self.hub_ids | self.hubs_where(Role.SEKRETARIAT)

    def organises(self, hub_id: int | None) -> bool:
        """Whether the user organises a competition of this organiser (None: national)."""
        if hub_id is None:
            return self.is_national_sekretariat
        return hub_id in self.organised_hub_ids

    @property
    def is_organiser(self) -> bool:
        """Organises some competition (opens the competition management area)."""
        return self.is_national_sekretariat or bool(self.organised_hub_ids)

    @property
    def is_evaluator(self) -> bool:
        return Role.EVALUATOR in self.roles

    @property
    def is_panelist(self) -> bool:
        return Role.PANELIST in self.roles

    @property
    def is_judge(self) -> bool:
        return self.is_evaluator or self.is_panelist


EMPTY = RoleSet(*(frozenset() for _ in range(6)))


def _load(user) -> RoleSet:
    from .models import Membership

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return EMPTY
    # Unordered: the default ordering (by username) would join the user table for nothing.
    rows = list(Membership.objects.filter(user=user).select_related("unit", "hub").order_by())
    return RoleSet(
        grants=frozenset((m.role, m.hub_id) for m in rows if m.role in HUB_SCOPED)
        | frozenset((m.role, None) for m in rows if m.role not in HUB_SCOPED),
        operator_unit_ids=frozenset(m.unit_id for m in rows if m.role == Role.OPERATOR),
        operator_instansi_ids=frozenset(
            m.unit.instansi_id for m in rows if m.role == Role.OPERATOR
        ),
        admin_instansi_ids=frozenset(m.instansi_id for m in rows if m.role == Role.ADMIN_LOKAL),
        hub_ids=frozenset(m.hub_id for m in rows if m.role == Role.HUB_ADMIN),
        hub_province_ids=frozenset(m.hub.province_id for m in rows if m.role == Role.HUB_ADMIN),
        mentor_province_ids=frozenset(m.hub.province_id for m in rows if m.role == Role.MENTOR),
    )


def roles_of(user) -> RoleSet:
    """The user's roles, read once and cached on the user for the rest of the request.

    `User.roleset` is a cached property; reading it through `request.user`'s lazy wrapper
    reaches the real user, so the wrapper and the real object share one cache.
    """
    if not getattr(user, "is_authenticated", False):
        return EMPTY
    return user.roleset


def load_roles(user) -> RoleSet:
    """Read the user's memberships (one query); `User.roleset` caches the answer."""
    return _load(user)


def forget_roles(user) -> None:
    """Drop the cached roles after the user's memberships changed."""
    with contextlib.suppress(AttributeError):
        del user.roleset
