"""Which competition areas a user may enter; objects inside are scoped by kipp.selectors."""

import rules

from hubs.roles import roles_of
from hubs.rules import is_admin_lokal, is_hub_admin, is_national_sekretariat, is_operator


@rules.predicate
def is_hub_sekretariat(user):
    """A Sekretariat member attached to a hub runs that hub's provincial editions."""
    roles = roles_of(user)
    return roles.is_sekretariat and bool(roles.organiser_hub_ids)


organiser = is_national_sekretariat | is_hub_admin | is_hub_sekretariat

rules.add_perm("kipp.manage_competitions", organiser)
rules.add_perm("kipp.propose", is_operator | is_admin_lokal)
rules.add_perm("kipp.verify", is_admin_lokal)
rules.add_perm("kipp.select_admin", organiser)
